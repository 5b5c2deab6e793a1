"""Hooks that let one feature react to another without importing it.

* profile changed: a feature that depends on settings (reminders, the weekly summary)
  re-plans its jobs;
* session ended: the coach feeds a finished routine into the pain-monitoring model;
* start-up: features rebuild their jobs from storage (PTB does not persist jobs); a
  hook registered ``background=True`` runs while the bot already answers patients
  (rebuilding 24,000 jobs for 10,000 patients need not keep the first reply waiting);
* data changed elsewhere: another instance wrote a patient (a shared database); the
  features re-plan that patient's jobs from the profile and state it wrote.

The hooks live in ``bot_data``; features register theirs in ``register(app)``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update

from bot.domain import routine as sm
from bot.transport.context import STARTUP_KEY, App
from handlers.base.replies import Context

ProfileHook = Callable[[App, int], Awaitable[None]]
DataHook = Callable[[App, int, dict[str, Any], dict[str, Any]], Awaitable[None]]
SessionEndHook = Callable[[Update, Context, sm.Summary], Awaitable[None]]
StartupHook = Callable[[App], Awaitable[None]]

_PROFILE = "profile_hooks"
_SESSION_END = "session_end_hooks"
_STARTUP = "startup_hooks"
_DATA = "data_changed_hooks"
_BACKGROUND = "startup_background_hooks"
_STARTED = STARTUP_KEY
_TASK = "startup_task"
STOP_WAIT = 10.0  # seconds a stop waits for a start-up rebuild under way

log = logging.getLogger(__name__)


def add_profile_hook(app: App, hook: ProfileHook) -> None:
    app.bot_data.setdefault(_PROFILE, []).append(hook)


async def profile_changed(context: Context, user_id: int) -> None:
    """Run every registered hook for this user, in registration order."""
    for hook in context.application.bot_data.get(_PROFILE, []):
        await hook(context.application, user_id)


def add_data_hook(app: App, hook: DataHook) -> None:
    app.bot_data.setdefault(_DATA, []).append(hook)


async def data_changed(app: App, user_id: int, profile: dict[str, Any],
                       state: dict[str, Any]) -> None:
    """Another instance wrote this patient: every feature re-plans from what it wrote."""
    for hook in app.bot_data.get(_DATA, []):
        await hook(app, user_id, profile, state)


def add_session_end_hook(app: App, hook: SessionEndHook) -> None:
    app.bot_data.setdefault(_SESSION_END, []).append(hook)


async def session_ended(update: Update, context: Context, summary: sm.Summary) -> None:
    """Tell every interested feature that a routine just finished (or was stopped)."""
    for hook in context.application.bot_data.get(_SESSION_END, []):
        await hook(update, context, summary)


def add_startup_hook(app: App, hook: StartupHook, *, background: bool = False) -> None:
    """``background``: the hook may run while updates are already being handled; it
    must then give way now and then (``await asyncio.sleep(0)``) and keep to its own
    jobs what a patient's update re-plans meanwhile."""
    app.bot_data.setdefault(_BACKGROUND if background else _STARTUP, []).append(hook)


def _finished(app: App) -> asyncio.Event:
    event = app.bot_data.get(_STARTED)
    if not isinstance(event, asyncio.Event):
        event = app.bot_data[_STARTED] = asyncio.Event()
    return event


async def run_startup_hooks(app: App,
                            then: Callable[[], None] | None = None) -> None:
    """Called once by the application's post_init, after the command menu is set: the
    hooks in order, then the background ones in a task of their own, after which
    ``then`` runs."""
    for hook in app.bot_data.get(_STARTUP, []):
        await hook(app)
    background = list(app.bot_data.get(_BACKGROUND, []))
    finished = _finished(app)

    async def rest() -> None:
        try:
            for hook in background:
                await hook(app)
            if then is not None:
                then()
        except Exception:  # logged, not raised: the bot runs on and answers patients
            log.exception("A start-up hook failed")
        finally:
            finished.set()

    # Not app.create_task: the application is not running yet while post_init runs.
    app.bot_data[_TASK] = asyncio.create_task(rest(), name="start-up jobs")


async def stop_startup_hooks(app: App, wait: float = STOP_WAIT) -> None:
    """At a stop: a start-up still under way may finish first (about a second for
    10,000 patients; a finished walk is what lets the store save its heads snapshot
    for a quick next start), and is cancelled after ``wait`` seconds."""
    task = app.bot_data.pop(_TASK, None)
    if isinstance(task, asyncio.Task) and not task.done():
        with contextlib.suppress(TimeoutError, asyncio.CancelledError):
            await asyncio.wait_for(task, wait)


async def startup_finished(app: App) -> None:
    """Wait until every start-up hook has run (the tests look at jobs at once)."""
    await _finished(app).wait()
