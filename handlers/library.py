"""The exercise library: /exercises, /exercise <name>, free-text requests, cards with pictures."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Literal

from telegram import Update
from telegram.error import BadRequest
from telegram.ext import Application, CallbackQueryHandler, CommandHandler

from bot.content.model import Exercise
from bot.domain.exercise_finder import exercise_card, library_for
from bot.media.drawings import illustration_file
from handlers.base import Context, answer, get_deps, send

log = logging.getLogger(__name__)
App = Application[Any, Any, Any, Any, Any, Any]
Level = Literal["easier", "normal", "harder"]
PHOTO_IDS_KEY = "photo_file_ids"


def list_buttons(deps: Any) -> list[list[tuple[str, str]]]:
    return [[(ex.name, f"lib:show:{ex.id}")] for ex in deps.content.exercises.values()]


async def send_picture(update: Update, context: Context, exercise: Exercise) -> None:
    """The exercise's drawing: uploaded once, then re-sent by Telegram's file_id."""
    deps = get_deps(context)
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
    deps = get_deps(context)
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


async def exercises_command(update: Update, context: Context) -> None:
    """/exercises: the library as buttons."""
    deps = get_deps(context)
    await send(update, context, deps.content.text("library_intro", deps.rng),
               list_buttons(deps))


async def exercise_command(update: Update, context: Context) -> None:
    """/exercise <name>: find it, or offer choices, or show the list."""
    query = " ".join(context.args or [])[:300]
    if not query.strip():
        await exercises_command(update, context)
        return
    await answer_request(update, context, query)


async def answer_request(update: Update, context: Context, text: str) -> None:
    deps = get_deps(context)
    match = library_for(deps.content).find(text)
    if match.status == "sure":
        await send_card(update, context, match.exercises[0])
    elif match.status == "choices":
        rows = [[(ex.name, f"lib:show:{ex.id}")] for ex in match.exercises]
        await send(update, context, deps.content.text("library_did_you_mean", deps.rng), rows)
    else:
        await send(update, context, deps.content.text("library_not_found", deps.rng),
                   list_buttons(deps))


async def library_text(update: Update, context: Context) -> bool:
    """Free text that names or asks for an exercise; True when answered."""
    deps = get_deps(context)
    message = update.effective_message
    if message is None or not message.text:
        return False
    if not library_for(deps.content).mentions(message.text[:1000]):
        return False
    await answer_request(update, context, message.text[:1000])
    return True


async def library_button(update: Update, context: Context) -> None:
    """lib:list, lib:show:<id>, lib:easier:<id>, lib:harder:<id>, lib:do:<id>."""
    deps = get_deps(context)
    query = update.callback_query
    assert query is not None and query.data is not None
    parts = query.data.split(":")
    if parts == ["lib", "list"]:
        await answer(update)
        await exercises_command(update, context)
        return
    exercise = deps.content.exercises.get(parts[2]) if len(parts) == 3 else None
    if exercise is None:
        await answer(update, deps.content.text("button_expired"))
        return
    await answer(update)
    action = parts[1]
    if action == "do":
        from handlers.session import start_routine

        await start_routine(update, context, exercises=[exercise.id])
    elif action in ("easier", "harder"):
        await send_card(update, context, exercise, "easier" if action == "easier" else "harder")
    else:
        await send_card(update, context, exercise)


def register(app: App) -> None:
    app.add_handler(CommandHandler("exercises", exercises_command))
    app.add_handler(CommandHandler("exercise", exercise_command))
    app.add_handler(
        CallbackQueryHandler(library_button, pattern=r"^lib:(list|(show|easier|harder|do):.+)$")
    )

