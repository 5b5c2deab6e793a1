"""Tell interested features that a user's settings changed (e.g. reschedule reminders)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from telegram.ext import Application

from handlers.base import Context

ProfileHook = Callable[[Application, int], Awaitable[None]]


def add_profile_hook(app: Application, hook: ProfileHook) -> None:
    app.bot_data.setdefault("profile_hooks", []).append(hook)


async def profile_changed(context: Context, user_id: int) -> None:
    """Run every registered hook for this user, in registration order."""
    for hook in context.application.bot_data.get("profile_hooks", []):
        await hook(context.application, user_id)
