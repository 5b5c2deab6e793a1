"""The understanding step, once per message: the text (or caption) of an update, read.

Every text path goes through here, so the safety gate and the conversation policy see
the same reading. ``interpret`` is memoised on the text, so asking twice is free.
"""

from __future__ import annotations

from telegram import Update

from bot.domain.understanding.interpret import interpret
from bot.domain.understanding.reading import Interpretation
from bot.domain.understanding.red_flags import MAX_SCAN_CHARS


def text_of(update: Update) -> str | None:
    """What the person wrote: a message's text or a photo's caption (edits included).

    Never a button's message: that is the bot's own text (a tap on the screening
    question must not be read as the patient reporting every symptom it lists).
    """
    message = update.message or update.edited_message
    if message is None:
        return None
    return message.text or message.caption or None


def reading_of(update: Update) -> Interpretation | None:
    """The message, read; None when it has no words."""
    text = text_of(update)
    return interpret(text[:MAX_SCAN_CHARS]) if text else None
