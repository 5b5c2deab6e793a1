"""/help, unknown commands, messages the bot cannot read, and the one error handler."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import Forbidden

from bot.commands import help_lines
from bot.safety import safety_lines
from bot.storage import StorageError
from handlers.base import Context, answer, get_deps, send, user_id_of

log = logging.getLogger(__name__)


async def help_command(update: Update, context: Context) -> None:
    """List every command and repeat the safety note."""
    deps = get_deps(context)
    text = deps.content.text
    parts = [
        text("help_intro"),
        "",
        text("help_commands_heading"),
        *help_lines(deps.is_admin(user_id_of(update))),
        "",
        text("help_safety_heading"),
        *(f"• {line}" for line in safety_lines()),
        text("help_not_clinician"),
    ]
    await send(update, context, "\n".join(parts))


async def unknown_command(update: Update, context: Context) -> None:
    """A command nobody handles (clinician commands for non-clinicians land here too)."""
    await send(update, context, get_deps(context).content.text("unknown_command"))


async def unsupported_message(update: Update, context: Context) -> None:
    """Stickers, photos, voice, documents: say what the bot can read."""
    await send(update, context, get_deps(context).content.text("unsupported_message"))


async def stale_button(update: Update, context: Context) -> None:
    """A button nobody recognises (old, forged or from another bot version)."""
    await answer(update, get_deps(context).content.text("button_expired"))


async def on_error(update: object, context: Context) -> None:
    """Log first, then tell the user something useful; never crash the loop."""
    error = context.error
    if isinstance(error, Forbidden):
        log.info("A user has blocked the bot: %s", error)
        return
    if isinstance(error, StorageError):
        log.error("Storage failed: %s", error)
        key = "storage_failed"
    else:
        log.error("Unhandled error while handling an update", exc_info=error)
        key = "something_went_wrong"
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            if update.callback_query is not None:
                await update.callback_query.answer()
            await send(update, context, get_deps(context).content.text(key))
        except Exception:  # the network may be what failed
            log.warning("Could not tell the user about the error", exc_info=True)
