"""Daily reminders: the jobs (``jobs``) and the settings and buttons (``commands``)."""

from __future__ import annotations

from telegram.ext import CallbackQueryHandler, ChatMemberHandler, CommandHandler

from bot.transport.context import App
from handlers.base.hooks import add_data_hook, add_profile_hook, add_startup_hook
from handlers.reminders.commands import (
    chat_member,
    not_today_button,
    pause_command,
    remind_button,
    remind_command,
    reminders_command,
    resume_command,
    snooze_button,
    timezone_command,
)
from handlers.reminders.jobs import on_data_changed, on_profile_changed, rebuild_all


def register(app: App) -> None:
    """Commands, buttons, the blocked-user signal, and the start-up/profile hooks."""
    app.add_handler(CommandHandler("remind", remind_command))
    app.add_handler(CommandHandler("reminders", reminders_command))
    app.add_handler(CommandHandler("timezone", timezone_command))
    app.add_handler(CommandHandler("pause", pause_command))
    app.add_handler(CommandHandler("resume", resume_command))
    app.add_handler(CallbackQueryHandler(remind_button, pattern=r"^rem:(set:|off$)"))
    app.add_handler(CallbackQueryHandler(snooze_button, pattern=r"^rem:snooze:"))
    app.add_handler(CallbackQueryHandler(not_today_button, pattern=r"^rem:nottoday$"))
    app.add_handler(ChatMemberHandler(chat_member, ChatMemberHandler.MY_CHAT_MEMBER))
    add_startup_hook(app, rebuild_all, background=True)
    add_profile_hook(app, on_profile_changed)
    add_data_hook(app, on_data_changed)
