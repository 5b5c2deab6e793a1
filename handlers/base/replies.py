"""Replies that work for any update: send, answer a button press, inline keyboards."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import TelegramError

from bot.deps import Deps
from bot.transport.context import BotContext

log = logging.getLogger(__name__)

Buttons = Sequence[Sequence[tuple[str, str]]]

Context = BotContext


def keyboard(rows: Buttons | None) -> InlineKeyboardMarkup | None:
    """Inline keyboard from rows of (label, callback_data)."""
    if not rows:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in rows]
    )


async def send(
    update: Update,
    context: Context,
    text: str,
    buttons: Buttons | None = None,
    **kwargs: object,
) -> Message | None:
    """Send a message to the chat of any update (message, button press, edit...)."""
    chat = update.effective_chat
    if chat is None:
        return None
    return await context.bot.send_message(
        chat.id, text[:4096], reply_markup=keyboard(buttons), **kwargs  # type: ignore[arg-type]
    )


async def answer(update: Update, text: str | None = None) -> None:
    """Answer a button press so the client stops its spinner (no-op for other updates).

    Cosmetic: if Telegram still refuses after the retries (or the press was answered
    before a crash), the spinner times out on its own; the press itself must still count.
    """
    if update.callback_query is not None:
        try:
            await update.callback_query.answer(text[:200] if text else None)
        except TelegramError as exc:
            log.warning("Could not answer a button press: %s", exc)


def user_id_of(update: Update) -> int | None:
    return update.effective_user.id if update.effective_user else None


async def consenting(
    update: Update, context: Context, refusal: str
) -> tuple[Deps, int, dict[str, Any]] | None:
    """The sender's deps, id and stored profile if they agreed to storage; else the
    ``refusal`` message is sent and None returned. For commands that need stored settings."""
    deps = context.deps
    user_id = user_id_of(update)
    assert user_id is not None
    profile = deps.store.profile(user_id)
    if not deps.view(profile).consent:
        await send(update, context, deps.content.text(refusal))
        return None
    return deps, user_id, profile


async def unknown_command(update: Update, context: Context) -> None:
    """A command nobody handles (clinician commands for non-clinicians land here too)."""
    await send(update, context, context.deps.content.text("unknown_command"))
