"""``GET /healthz``: can this instance take updates? For the proxy, Docker and monitoring.

Served on the webhook's server (and on the Mini App's own server when polling), with
no secret header needed, as JSON without personal data, token or secret::

    {"ok": true,
     "database": {"ok": true, "backend": "postgresql", "schema": 1},
     "scheduler": {"ok": true, "running": true, "jobs": 12, "rebuilding": false},
     "updates": {"handled": 40, "in_progress": 0, "seconds_since_last": 3.2},
     "uptime_seconds": 815.0}

200 when the database answers (``Repository.health``) and the job queue's scheduler
runs; 503 otherwise. Updates are reported, not judged: a quiet night is no fault.
``seconds_since_last`` is null until this process has handled an update.

The database check runs in a thread with a time limit (a hung database must not hang
the answer), and one at a time: checks asked for while one runs share its answer.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from telegram.ext import Application

from bot.transport.context import DEPS_KEY, STARTUP_KEY
from bot.transport.job_queue import IndexedJobQueue

if TYPE_CHECKING:  # aiohttp is imported when a server is mounted: 0.14 s of a start-up
    from aiohttp import web

log = logging.getLogger(__name__)

PATH = "/healthz"
DATABASE_TIMEOUT = 5.0  # seconds; Docker's HEALTHCHECK gives the whole answer 10
STATE_KEY = "transport.health"


@dataclass
class HealthState:
    """What this process has done with updates, and the database check under way."""

    started: float = field(default_factory=time.monotonic)
    handled: int = 0
    in_progress: int = 0
    last_handled: float | None = None  # time.monotonic() when the last update was handled
    checking: asyncio.Task[dict[str, Any]] | None = None


def state_of(app: Application) -> HealthState:
    state = app.bot_data.get(STATE_KEY)
    if not isinstance(state, HealthState):
        state = app.bot_data[STATE_KEY] = HealthState()
    return state


@contextlib.contextmanager
def handling(app: Application) -> Iterator[None]:
    """Around the handling of one update: counts it under way, then handled (if it was)."""
    state = state_of(app)
    state.in_progress += 1
    try:
        yield
        state.handled += 1
        state.last_handled = time.monotonic()
    finally:
        state.in_progress -= 1


async def database(app: Application) -> dict[str, Any]:
    """``store.health()`` in a thread, at most ``DATABASE_TIMEOUT`` seconds."""
    store = getattr(app.bot_data.get(DEPS_KEY), "store", None)
    if store is None:
        return {"ok": False, "backend": None}
    state = state_of(app)
    if state.checking is None or state.checking.done():
        state.checking = asyncio.ensure_future(asyncio.to_thread(store.health))
    try:
        answer = await asyncio.wait_for(asyncio.shield(state.checking), DATABASE_TIMEOUT)
    except TimeoutError:
        return {"ok": False, "backend": None, "error": "timeout"}
    except Exception as exc:  # its words may name a host or a user: the type only
        log.warning("Health check: the database check failed with %s", type(exc).__name__)
        return {"ok": False, "backend": None, "error": type(exc).__name__}
    return dict(answer)


def scheduler(app: Application) -> dict[str, Any]:
    """Whether APScheduler runs, how many jobs it has (held ones included), and whether
    the start-up rebuild of every job is still under way (the instance serves meanwhile:
    not a fault, but the count is still growing)."""
    queue = getattr(app, "job_queue", None)
    started = app.bot_data.get(STARTUP_KEY)
    rebuilding = isinstance(started, asyncio.Event) and not started.is_set()
    if queue is None:
        return {"ok": False, "running": False, "jobs": 0, "rebuilding": rebuilding}
    running = bool(queue.scheduler.running)
    jobs = len(queue.scheduler.get_jobs())
    if isinstance(queue, IndexedJobQueue):
        jobs += queue.held_count()
    return {"ok": running, "running": running, "jobs": jobs, "rebuilding": rebuilding}


def updates(app: Application) -> dict[str, Any]:
    state = state_of(app)
    since = (None if state.last_handled is None
             else round(time.monotonic() - state.last_handled, 1))
    return {"handled": state.handled, "in_progress": state.in_progress,
            "seconds_since_last": since}


async def report(app: Application) -> dict[str, Any]:
    """The whole answer; ``ok`` is the database's and the scheduler's together."""
    db = await database(app)
    jobs = scheduler(app)
    return {
        "ok": bool(db.get("ok")) and bool(jobs["ok"]),
        "database": db,
        "scheduler": jobs,
        "updates": updates(app),
        "uptime_seconds": round(time.monotonic() - state_of(app).started, 1),
    }


def mount(app: Application, web_app: web.Application) -> None:
    """Add ``GET /healthz`` (and HEAD) to an aiohttp application before it starts."""
    from aiohttp import web

    state_of(app)  # uptime counts from here

    async def healthz(request: web.Request) -> web.Response:
        body = await report(app)
        return web.json_response(body, status=200 if body["ok"] else 503,
                                 headers={"Cache-Control": "no-store"})

    web_app.router.add_get(PATH, healthz)
