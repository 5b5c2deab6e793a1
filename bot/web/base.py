"""What every Mini App route shares: its state, signing in, and JSON answers.

The routes are plain functions of a request; what they need (deps, the bot token, a
way to tell a patient something, the dashboard's row cache) hangs off the aiohttp
application under one key, so the same routes work in a fresh app or mounted on the
webhook's server. A route refuses by raising ``ApiError``; the server's middleware
turns it (and anything unexpected) into ``{"error": ...}`` with the right status.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import orjson
from aiohttp import web

from bot.deps import Deps
from bot.web.auth import AuthError, WebUser, verify_init_data
from bot.web.rows import RowCache

Notify = Callable[[int, str], Awaitable[bool]]  # text a patient; False: not delivered

#: How long a signed initData is accepted (Telegram's own advice: not for long).
MAX_AGE = 3600
AUTH_SCHEME = "tma "
#: On every answer: only our own scripts, styles and media; framed only by Telegram.
SECURITY_HEADERS: dict[str, str] = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "media-src 'self'; connect-src 'self'; "
        "frame-ancestors https://web.telegram.org https://*.telegram.org; "
        "base-uri 'none'; form-action 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class ApiError(Exception):
    """A refusal with its HTTP status and a message the page can show."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass
class MiniApp:
    """The Mini App's state on its aiohttp application."""

    deps: Deps
    token: str
    notify: Notify
    rows: RowCache
    media_locks: dict[str, asyncio.Lock] = field(default_factory=dict)
    warming: asyncio.Task[None] | None = None


MINI_APP = web.AppKey("mini_app", MiniApp)


def state(request: web.Request) -> MiniApp:
    return request.app[MINI_APP]


def json_response(data: Any, status: int = 200) -> web.Response:
    """JSON by orjson (a 10,000-row dashboard is serialised several times faster)."""
    return web.Response(body=orjson.dumps(data), status=status,
                        content_type="application/json")


def signed_in(request: web.Request) -> WebUser:
    """The Telegram user of ``Authorization: tma <initData>``, or 401."""
    header = request.headers.get("Authorization", "")
    if header[: len(AUTH_SCHEME)].lower() != AUTH_SCHEME:
        raise ApiError(401, "sign-in data is missing: open this page from the bot in Telegram")
    app = state(request)
    try:
        return verify_init_data(header[len(AUTH_SCHEME):].strip(), app.token,
                                app.deps.clock.now(), MAX_AGE)
    except AuthError as refused:
        raise ApiError(401, str(refused)) from None


def clinician(request: web.Request) -> WebUser:
    """The signed-in user if they are a clinician (ADMIN_USER_IDS), else 403."""
    user = signed_in(request)
    if not state(request).deps.is_admin(user.id):
        raise ApiError(403, "this is for the clinic's clinicians only")
    return user


def patient_id(request: web.Request) -> int:
    """The ``<id>`` of a clinic URL; anything but a number is an unknown patient."""
    raw = request.match_info.get("patient", "")
    if not raw.isdigit() or len(raw) > 15:
        raise ApiError(404, "no such patient")
    return int(raw)
