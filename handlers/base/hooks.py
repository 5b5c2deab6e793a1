"""Hooks that let one feature react to another without importing it.

* profile changed: a feature that depends on settings (reminders, the weekly summary)
  re-plans its jobs;
* session ended: the coach feeds a finished routine into the pain-monitoring model;
* start-up: features rebuild their jobs from storage (PTB does not persist jobs);
* data changed elsewhere: another instance wrote a patient (a shared database); the
  features re-plan that patient's jobs from the profile and state it wrote.

The hooks live in ``bot_data``; features register theirs in ``register(app)``.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update

from bot.domain import routine as sm
from bot.transport.context import App
from handlers.base.replies import Context

ProfileHook = Callable[[App, int], Awaitable[None]]
DataHook = Callable[[App, int, dict[str, Any], dict[str, Any]], Awaitable[None]]
SessionEndHook = Callable[[Update, Context, sm.Summary], Awaitable[None]]
StartupHook = Callable[[App], Awaitable[None]]

_PROFILE = "profile_hooks"
_SESSION_END = "session_end_hooks"
_STARTUP = "startup_hooks"
_DATA = "data_changed_hooks"


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


def add_startup_hook(app: App, hook: StartupHook) -> None:
    app.bot_data.setdefault(_STARTUP, []).append(hook)


async def run_startup_hooks(app: App) -> None:
    """Called once by the application's post_init, after the command menu is set."""
    for hook in app.bot_data.get(_STARTUP, []):
        await hook(app)
