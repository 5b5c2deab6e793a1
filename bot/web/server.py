"""The Mini App's web server: its routes, its security headers, and JSON for every error.

``add_mini_app`` mounts the pages (``/app/...``) and the API (``/api/...``) on an aiohttp
application that may already serve something else (the webhook's), touching nothing of
it; ``make_mini_app`` makes a fresh one (polling mode, tests, the terminal chat). The
web side knows nothing of Telegram: the bot hands it a ``notify`` to text a patient.

Every answer under ``/app`` and ``/api`` carries the security headers (a strict CSP: only
our own files, framed only by Telegram), every ``/api`` answer ``Cache-Control:
no-store`` (health data stays out of caches), and every failure, an unexpected one
included, is ``{"error": "..."}``. Logs name the route and the kind of failure only:
never a name, an initData or a text.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import traceback
from pathlib import Path

from aiohttp import web
from aiohttp.typedefs import Handler, Middleware

from bot.deps import Deps
from bot.web import api_clinic, api_patient, media, pages
from bot.web.base import MINI_APP, SECURITY_HEADERS, ApiError, MiniApp, Notify, json_response
from bot.web.rows import RowCache

__all__ = ["Notify", "add_mini_app", "make_mini_app"]

log = logging.getLogger(__name__)

PREFIXES = ("/app/", "/api/")
MAX_BODY = 64 * 1024  # the fresh app's request limit (the API reads at most 16 KB)
_MESSAGES = {
    400: "bad request",
    404: "not found",
    405: "method not allowed",
    413: "the request is too large",
    500: "something went wrong on our side; please try again",
}


def _error(status: int, message: str) -> web.Response:
    return json_response({"error": message}, status=status)


def _route(request: web.Request) -> str:
    """The route's pattern (``/api/clinic/patients/{patient}``), never the ids in the URL."""
    resource = request.match_info.route.resource
    return resource.canonical if resource is not None else "(no route)"


def _places(exc: BaseException) -> str:
    """Where an exception came from (file, line, function), without its message or any
    value: an exception's words may quote a patient's data."""
    frames = traceback.extract_tb(exc.__traceback__)
    return " > ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in frames[-6:])


def _middleware(scoped: bool) -> Middleware:
    """Headers and JSON errors for the Mini App's answers (only under its prefixes when
    ``scoped``: the webhook's own route on the same server is left as it is)."""

    @web.middleware
    async def mini_app_answers(request: web.Request, handler: Handler) -> web.StreamResponse:
        if scoped and not request.path.startswith(PREFIXES):
            return await handler(request)
        try:
            response = await handler(request)
        except ApiError as refused:
            response = _error(refused.status, refused.message)
        except web.HTTPException as http:
            if http.status < 400:
                http.headers.update(SECURITY_HEADERS)
                raise
            response = _error(http.status, _MESSAGES.get(http.status, http.reason))
            if "Allow" in http.headers:
                response.headers["Allow"] = http.headers["Allow"]
        except (asyncio.CancelledError, ConnectionResetError):
            raise
        except Exception as exc:
            log.error("Mini App: %s %s failed with %s at %s", request.method, _route(request),
                      type(exc).__name__, _places(exc))
            response = _error(500, _MESSAGES[500])
        if not response.prepared:
            response.headers.update(SECURITY_HEADERS)
            if request.path.startswith("/api/"):
                response.headers["Cache-Control"] = "no-store"
        return response

    return mini_app_answers


async def _warm(web_app: web.Application) -> None:
    """At start-up, make the dashboard's rows in the background (clinics only), so the
    first clinician to open it does not wait for 10,000 of them."""
    mini = web_app[MINI_APP]
    if mini.deps.settings.admin_user_ids:
        mini.warming = asyncio.create_task(_refresh_quietly(mini.rows))


async def _refresh_quietly(rows: RowCache) -> None:
    try:
        await rows.refresh()
    except Exception as exc:  # the first request will try again, and report it
        log.warning("Mini App: the dashboard rows could not be prepared (%s)",
                    type(exc).__name__)


async def _stop_warming(web_app: web.Application) -> None:
    task = web_app[MINI_APP].warming
    if task is not None and not task.done():
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


def _install(web_app: web.Application, deps: Deps, token: str, notify: Notify,
             scoped: bool) -> None:
    web_app[MINI_APP] = MiniApp(deps, token, notify, RowCache(deps))
    web_app.middlewares.append(_middleware(scoped))
    for module in (pages, media, api_patient, api_clinic):
        web_app.add_routes(module.routes)
    web_app.on_startup.append(_warm)
    web_app.on_cleanup.append(_stop_warming)


def add_mini_app(web_app: web.Application, deps: Deps, token: str, notify: Notify) -> None:
    """Add every Mini App route to an existing aiohttp application (before it starts)."""
    _install(web_app, deps, token, notify, scoped=True)


def make_mini_app(deps: Deps, token: str, notify: Notify) -> web.Application:
    """A fresh aiohttp application with only the Mini App's routes."""
    web_app = web.Application(client_max_size=MAX_BODY)
    _install(web_app, deps, token, notify, scoped=False)
    return web_app
