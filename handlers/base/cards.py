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

from bot.content.model import Dose, Exercise
from bot.deps import Deps
from bot.domain.exercise_finder import exercise_card, library_for
from bot.domain.plans.exclusions import exclusion
from bot.domain.routine.familiarity import picture_caption, short_card
from bot.media.drawings import animation_file, illustration_file
from handlers.base.replies import Buttons, Context, send, user_id_of

log = logging.getLogger(__name__)
Level = Literal["easier", "normal", "harder"]
PHOTO_IDS_KEY = "photo_file_ids"
ANIMATION_IDS_KEY = "animation_file_ids"


def list_buttons(deps: Deps, user_id: int | None) -> Buttons:
    """The library as buttons, two a row: the patient's routine first, then the rest;
    exercises their plan rules out are left out (asking for one explains why)."""
    plan = deps.plan_for(deps.store.profile(user_id) if user_id is not None else {})
    own = [deps.content.exercises[e] for e in plan.routine.exercises]
    rest = [ex for ex in deps.content.exercises.values()
            if ex.id not in plan.routine.exercises and ex.excluded_by(plan.conditions) is None]
    buttons = [(ex.name, f"lib:show:{ex.id}") for ex in (*own, *rest)]
    return [buttons[i:i + 2] for i in range(0, len(buttons), 2)]


async def send_picture(update: Update, context: Context, exercise: Exercise,
                       dose: Dose | None = None) -> None:
    """The exercise's looping demonstration: uploaded once, then re-sent by file_id.

    The caption names the dose in use (``dose``: an easier or harder version, or the
    patient's own plan), so picture and card never disagree. If the animation cannot
    be made (no ffmpeg, say), the still drawing goes instead.
    """
    deps = context.deps
    chat = update.effective_chat
    if chat is None:
        return
    caption = picture_caption(deps.content, exercise, dose or exercise.dose)
    try:
        path = await asyncio.to_thread(
            animation_file, deps.store.cache_dir, exercise.pose, exercise.name
        )
    except (OSError, RuntimeError, ValueError) as exc:
        log.warning("No animation for %s (%s); sending the still picture", exercise.id, exc)
        await _send_still(context, chat.id, exercise, caption)
        return
    ids: dict[str, str] = deps.store.bot_get(ANIMATION_IDS_KEY) or {}
    known = ids.get(path.name)
    if known:
        try:
            await context.bot.send_animation(chat.id, known, caption=caption)
            return
        except BadRequest:  # the id expired or belongs to another bot: upload again
            log.info("Cached animation id refused; uploading it again")
    message = await context.bot.send_animation(
        chat.id, path.read_bytes(), caption=caption, filename=path.name
    )
    if message.animation:
        ids[path.name] = message.animation.file_id
        deps.store.bot_set(ANIMATION_IDS_KEY, ids)


async def _send_still(context: Context, chat_id: int, exercise: Exercise, caption: str) -> None:
    """The still drawing, uploaded once and then re-sent by file_id."""
    deps = context.deps
    path = await asyncio.to_thread(
        illustration_file, deps.store.cache_dir, exercise.pose, exercise.name
    )
    ids: dict[str, str] = deps.store.bot_get(PHOTO_IDS_KEY) or {}
    known = ids.get(path.name)
    if known:
        try:
            await context.bot.send_photo(chat_id, known, caption=caption)
            return
        except BadRequest:
            log.info("Cached photo id refused; uploading the picture again")
    message = await context.bot.send_photo(chat_id, path.read_bytes(), caption=caption)
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
    dose: Dose | None = None,
) -> None:
    """Picture, then the card text with Do it now / Easier / Harder.

    An exercise the patient's plan rules out is never shown as something to do: they
    get why, and the alternative from their plan (``excluded_for``).
    """
    deps = context.deps
    text = deps.content.text
    if await explain_exclusion(update, context, exercise):
        return
    await send_picture(update, context, exercise, dose or exercise.dose_for(level))
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
    card = exercise_card(deps.content, exercise, level, dose)
    if level != "normal":
        variant = exercise.easier if level == "easier" else exercise.harder
        card = f"{variant.name}\n{variant.description}\n\n{card}"
    await send(update, context, card, rows)


def show_how_button(deps: Deps, exercise: Exercise, level: Level = "normal") -> Buttons:
    """"Show me how": the library's own button for the full card of this version."""
    action = "show" if level == "normal" else level
    return [[(deps.content.text("session_button_show_how"), f"lib:{action}:{exercise.id}")]]


async def send_short_card(
    update: Update, context: Context, exercise: Exercise, level: Level, dose: Dose, count: int
) -> None:
    """The short prompt of a familiar exercise (no picture: the full card is one tap away).

    ``dose``: the one in use today; ``count``: how many times the card was shown, which
    picks the cue. An exercise the patient's plan rules out is explained instead.
    """
    if await explain_exclusion(update, context, exercise):
        return
    deps = context.deps
    text = short_card(deps.content, exercise, level, dose.describe(), count)
    await send(update, context, text, show_how_button(deps, exercise, level))


async def send_library(update: Update, context: Context) -> None:
    """The library as buttons, the patient's routine named and first."""
    deps = context.deps
    user_id = user_id_of(update)
    routine = deps.plan_for(deps.store.profile(user_id) if user_id else {}).routine
    names = ", ".join(deps.content.exercises[e].name for e in routine.exercises)
    await send(update, context, deps.content.text("library_intro", deps.rng, routine=names),
               list_buttons(deps, user_id))


async def explain_exclusion(update: Update, context: Context, exercise: Exercise) -> bool:
    """True (after saying why, with the alternative) when the sender's plan excludes it."""
    deps = context.deps
    user_id = user_id_of(update)
    if user_id is None:
        return False
    plan = deps.plan_for(deps.store.profile(user_id))
    if exercise.id in plan.routine.exercises:
        return False
    ruled_out = exclusion(deps.content, plan, exercise)
    if ruled_out is None:
        return False
    text = deps.content.text
    lines = [text("library_excluded", exercise=exercise.name, why=ruled_out.precaution.why)]
    if ruled_out.condition is not None:
        lines.append(text("library_excluded_condition", name=ruled_out.condition.name))
    rows: list[list[tuple[str, str]]] = []
    if ruled_out.instead is not None:
        lines.append(text("library_excluded_instead", instead=ruled_out.instead.name))
        rows.append([(text("library_excluded_show", instead=ruled_out.instead.name),
                      f"lib:show:{ruled_out.instead.id}")])
    rows.append([(text("library_button_all"), "lib:list")])
    await send(update, context, "\n\n".join(lines), rows)
    return True


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
                   list_buttons(deps, user_id_of(update)))
