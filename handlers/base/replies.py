"""Replies that work for any update: send, answer a button press, inline keyboards."""

from __future__ import annotations

import logging
import warnings
from collections.abc import Sequence
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import TelegramError
from telegram.warnings import PTBUserWarning

from bot.deps import Deps
from bot.domain.commands import closest_command
from bot.transport.context import BotContext

log = logging.getLogger(__name__)

SEND_MESSAGE = "sendMessage"
# PTB asks for ``Bot.sendMessage`` instead of ``do_api_request("sendMessage")``; ``send``
# means it (see there), so that one advice is not shown.
warnings.filterwarnings("ignore", message=r"Please use 'Bot\.sendMessage'",
                        category=PTBUserWarning)

Buttons = Sequence[Sequence[tuple[str, str]]]

Context = BotContext


def keyboard(rows: Buttons | None) -> InlineKeyboardMarkup | None:
    """Inline keyboard from rows of (label, callback_data)."""
    if not rows:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(label, callback_data=data) for label, data in row] for row in rows]
    )


async def send(update: Update, context: Context, text: str,
               buttons: Buttons | None = None) -> None:
    """Send a message to the chat of any update (message, button press, edit...).

    The request is the one ``send_message`` makes, built from plain data: no reply
    here needs the sent message back, and building the keyboard's PTB objects and
    parsing Telegram's answer into a ``Message`` cost about 0.2 ms a reply. It goes
    through the same rate limiter and retries. ``send_message`` returns the message.
    """
    chat = update.effective_chat
    if chat is None:
        return
    fields: dict[str, Any] = {"chat_id": chat.id, "text": text[:4096]}
    if buttons:
        fields["reply_markup"] = {"inline_keyboard": [
            [{"text": label, "callback_data": data} for label, data in row] for row in buttons
        ]}
    await context.bot.do_api_request(SEND_MESSAGE, api_kwargs=fields)


async def send_message(update: Update, context: Context, text: str,
                       buttons: Buttons | None = None) -> Message | None:
    """``send``, for the callers that need the sent message (its id) back."""
    chat = update.effective_chat
    if chat is None:
        return None
    return await context.bot.send_message(chat.id, text[:4096], reply_markup=keyboard(buttons))


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
    deps = context.deps
    message = update.effective_message
    close = closest_command((message.text or "") if message else "",
                            deps.is_admin(user_id_of(update)))
    if close is not None:
        name, line = close
        await send(update, context, deps.content.text("unknown_command_close", name=name,
                                                      line=line))
        return
    await send(update, context, deps.content.text("unknown_command"))
