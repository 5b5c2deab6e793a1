"""Small helpers every handler uses: the shared Deps, replies that work for any update."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.ext import ContextTypes

from bot.deps import Deps

Buttons = Sequence[Sequence[tuple[str, str]]]

Context = ContextTypes.DEFAULT_TYPE


def get_deps(context: Context) -> Deps:
    """The Deps the application factory stored in bot_data."""
    deps = context.application.bot_data["deps"]
    assert isinstance(deps, Deps)
    return deps


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
    """Answer a button press so the client stops its spinner (no-op for other updates)."""
    if update.callback_query is not None:
        await update.callback_query.answer(text[:200] if text else None)


def user_id_of(update: Update) -> int | None:
    return update.effective_user.id if update.effective_user else None
