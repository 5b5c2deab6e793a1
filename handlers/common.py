"""/help, messages the bot cannot read, stale buttons, and the one error handler."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError

from bot.domain import routine as sm
from bot.domain.commands import help_lines
from bot.storage import StorageError
from handlers.base import Context, answer, send, user_id_of
from handlers.base.red_flags import safety_list
from handlers.base.routine import load_session, render

log = logging.getLogger(__name__)


async def help_command(update: Update, context: Context) -> None:
    """List every command and repeat the safety note."""
    deps = context.deps
    text = deps.content.text
    parts = [
        text("help_intro"),
        "",
        text("help_commands_heading"),
        *help_lines(deps.is_admin(user_id_of(update))),
        "",
        text("help_safety_heading"),
        safety_list(deps.content),
        "",
        text("help_not_clinician"),
    ]
    await send(update, context, "\n".join(parts))


async def unsupported_message(update: Update, context: Context) -> None:
    """Stickers, photos, voice, documents: say what the bot can read."""
    await send(update, context, context.deps.content.text("unsupported_message"))


async def stale_button(update: Update, context: Context) -> None:
    """A button nobody recognises (old, forged or from another bot version)."""
    await answer(update, context.deps.content.text("button_expired"))


async def on_error(update: object, context: Context) -> None:
    """Log first, then tell the user something useful; never crash the loop."""
    error = context.error
    if isinstance(error, Forbidden):
        log.info("A user has blocked the bot: %s", error)
        return
    if isinstance(error, NetworkError) and not isinstance(error, BadRequest):
        await _reply_lost(update, context, error)
        return
    if isinstance(error, StorageError):
        log.error("Storage failed: %s", error)
        key = "storage_failed"
    else:
        log.error("Unhandled error while handling an update", exc_info=error)
        key = "something_went_wrong"
    if isinstance(update, Update) and update.effective_chat is not None:
        try:
            await answer(update)
            await send(update, context, context.deps.content.text(key))
        except Exception:  # the network may be what failed
            log.warning("Could not tell the user about the error", exc_info=True)


async def _reply_lost(update: object, context: Context, error: Exception) -> None:
    """Telegram stayed unreachable through every retry while answering an update.

    If the update's data was saved, "please try again" would make the user repeat it
    (a second "done" records the next set), so the session's current step is sent
    again instead; if nothing was saved, asking to try again is right.
    """
    update_id = update.update_id if isinstance(update, Update) else None
    log.error("Telegram unreachable while answering update %s: %s", update_id, error)
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    deps = context.deps
    user_id = user_id_of(update)
    try:
        if user_id is not None and deps.store.has_seen(user_id, update.update_id):
            session = load_session(context.application, user_id)
            if session is not None and session.active:
                prompt = sm.current_prompt(deps.content, session, with_card=False)
                await render(update, context, session, prompt)
            return
        await send(update, context, deps.content.text("something_went_wrong"))
    except Exception as exc:  # still unreachable: the user will hear from us next time
        log.warning("Could not answer update %s either: %s", update_id, exc)
