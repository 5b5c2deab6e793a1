"""The exercise library: /exercises, /exercise <name>, free-text requests, cards with pictures."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.domain.plans.doses import dose_in_use
from bot.transport.context import App
from handlers.base import Context, answer
from handlers.base.cards import answer_request, explain_exclusion, send_card, send_library
from handlers.base.routine import start_routine


async def exercises_command(update: Update, context: Context) -> None:
    """/exercises: the library as buttons."""
    await send_library(update, context)


async def exercise_command(update: Update, context: Context) -> None:
    """/exercise <name>: find it, or offer choices, or show the list."""
    query = " ".join(context.args or [])[:300]
    if not query.strip():
        await exercises_command(update, context)
        return
    await answer_request(update, context, query)


async def library_button(update: Update, context: Context) -> None:
    """lib:list, lib:show:<id>, lib:easier:<id>, lib:harder:<id>, lib:do:<id>."""
    deps = context.deps
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
        if not await explain_exclusion(update, context, exercise):
            await start_routine(update, context, exercises=[exercise.id])
    elif action in ("easier", "harder"):
        await send_card(update, context, exercise, "easier" if action == "easier" else "harder")
    else:  # the dose in use when the patient's plan sets its own
        user_id = query.from_user.id if query.from_user else None
        routine = deps.routine_for(user_id) if user_id else None
        await send_card(update, context, exercise, dose=dose_in_use(exercise, "normal", routine))


def register(app: App) -> None:
    app.add_handler(CommandHandler("exercises", exercises_command))
    app.add_handler(CommandHandler("exercise", exercise_command))
    app.add_handler(
        CallbackQueryHandler(library_button, pattern=r"^lib:(list|(show|easier|harder|do):.+)$")
    )

