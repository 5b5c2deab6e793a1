"""Exercise cards: the drawing (uploaded once, then re-sent by file_id) and the card text.

Shown by the library, by the guided routine before each new exercise, and by the coach
when a free-text message asks for an exercise.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Literal

from telegram import Update
from telegram.error import BadRequest

from bot.content.model import Exercise
from bot.deps import Deps
from bot.domain.exercise_finder import exercise_card, library_for
from bot.media.drawings import illustration_file
from handlers.base.replies import Buttons, Context, send

log = logging.getLogger(__name__)
Level = Literal["easier", "normal", "harder"]
PHOTO_IDS_KEY = "photo_file_ids"


def list_buttons(deps: Deps) -> Buttons:
    return [[(ex.name, f"lib:show:{ex.id}")] for ex in deps.content.exercises.values()]


async def send_picture(update: Update, context: Context, exercise: Exercise) -> None:
    """The exercise's drawing: uploaded once, then re-sent by Telegram's file_id."""
    deps = context.deps
    chat = update.effective_chat
    if chat is None:
        return
    path = await asyncio.to_thread(
        illustration_file, deps.store.cache_dir, exercise.pose, exercise.name
    )
    ids: dict[str, str] = deps.store.bot_get(PHOTO_IDS_KEY) or {}
    caption = f"{exercise.name} — {exercise.dose.describe()}"[:1024]
    known = ids.get(path.name)
    if known:
        try:
            await context.bot.send_photo(chat.id, known, caption=caption)
            return
        except BadRequest:  # the id expired or belongs to another bot: upload again
            log.info("Cached photo id refused; uploading the picture again")
    message = await context.bot.send_photo(chat.id, path.read_bytes(), caption=caption)
    if message.photo:
        ids[path.name] = message.photo[-1].file_id
        deps.store.bot_set(PHOTO_IDS_KEY, ids)


async def send_card(
    update: Update,
    context: Context,
    exercise: Exercise,
    level: Level = "normal",
    *,
    with_buttons: bool = True,
) -> None:
    """Picture, then the card text with Do it now / Easier / Harder."""
    deps = context.deps
    text = deps.content.text
    await send_picture(update, context, exercise)
    rows = None
    if with_buttons:
        rows = [[(text("library_button_start"), f"lib:do:{exercise.id}")]]
        variants = []
        if level != "easier":
            variants.append((text("library_button_easier"), f"lib:easier:{exercise.id}"))
        if level != "harder":
            variants.append((text("library_button_harder"), f"lib:harder:{exercise.id}"))
        rows.append(variants)
        rows.append([(text("library_button_all"), "lib:list")])
    card = exercise_card(deps.content, exercise, level)
    if level != "normal":
        variant = exercise.easier if level == "easier" else exercise.harder
        card = f"{variant.name}\n{variant.description}\n\n{card}"
    await send(update, context, card, rows)


async def answer_request(update: Update, context: Context, text: str) -> None:
    """A request for an exercise in the person's words: its card, choices, or the list."""
    deps = context.deps
    match = library_for(deps.content).find(text)
    if match.status == "sure":
        await send_card(update, context, match.exercises[0])
    elif match.status == "choices":
        rows = [[(ex.name, f"lib:show:{ex.id}")] for ex in match.exercises]
        await send(update, context, deps.content.text("library_did_you_mean", deps.rng), rows)
    else:
        await send(update, context, deps.content.text("library_not_found", deps.rng),
                   list_buttons(deps))
