"""/dashboard: the clinicians' dashboard, a Mini App opened from a button in the chat."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CommandHandler

from bot.transport.context import App
from handlers.base import Context, send
from handlers.base.admin import admin_only
from handlers.base.mini_app import CLINIC_PAGE, mini_app_button


@admin_only
async def dashboard_command(update: Update, context: Context) -> None:
    """A button that opens the dashboard, or how to set it up when WEBAPP_URL is empty."""
    deps = context.deps
    text = deps.content.text
    button = mini_app_button(deps, text("mini_app_dashboard_button"), CLINIC_PAGE)
    if button is None:
        await send(update, context, text("mini_app_not_set_up"))
        return
    chat = update.effective_chat
    if chat is not None:
        await context.bot.send_message(chat.id, text("mini_app_dashboard_intro"),
                                       reply_markup=button)


def register(app: App) -> None:
    app.add_handler(CommandHandler("dashboard", dashboard_command))
