"""The guided routine's own controls: /routine, /cancel, step buttons and timers.

The driver (load, apply one event, save, send) is ``handlers.base.routine``, shared with
the features that start a routine; typed replies go through the conversation policy
(``handlers.conversation``), and "done" through ``handlers.base.done``.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from telegram import Update
from telegram.error import BadRequest
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.domain import routine as sm
from bot.domain.jobs import TimerJob
from bot.transport.context import App, BotContext
from handlers.base import Context, answer, keyboard, send, send_message, user_id_of
from handlers.base.done import record_exercise_done
from handlers.base.routine import (
    apply_event,
    load_session,
    render,
    start_routine,
    step_buttons,
)

log = logging.getLogger(__name__)

TIMER_TICK = 10  # seconds between countdown edits: well under Telegram's per-chat limit
_TIMER_JOB = {"misfire_grace_time": 60, "coalesce": True}


# --- starting and stopping -----------------------------------------------------------


async def routine_command(update: Update, context: Context) -> None:
    """/routine: today's routine."""
    await start_routine(update, context)


async def start_button(update: Update, context: Context) -> None:
    """The Start buttons of reminders and onboarding (sess:start, sess:easier)."""
    await answer(update)
    query = update.callback_query
    easier = query is not None and query.data == "sess:easier"
    await start_routine(update, context, easier=easier)


async def cancel_command(update: Update, context: Context) -> None:
    """/cancel: end the session; what was recorded stays."""
    deps = context.deps
    user_id = user_id_of(update)
    assert user_id is not None
    session = load_session(context.application, user_id)
    if session is None or not session.active:
        await send(update, context, deps.content.text("session_nothing_to_cancel"))
        return
    await apply_event(update, context, session, sm.Cancel())


# --- buttons and typed replies -------------------------------------------------------


async def session_button(update: Update, context: Context) -> None:
    """s:<action>:<session id>:<seq>. State lives server-side: the token must match."""
    deps = context.deps
    query = update.callback_query
    user_id = user_id_of(update)
    assert query is not None and query.data is not None and user_id is not None
    parts = query.data.split(":")
    session = load_session(context.application, user_id)
    if len(parts) != 4 or session is None:
        await answer(update, deps.content.text("session_ignored_ended"))
        return
    action, token = parts[1], f"{parts[2]}:{parts[3]}"
    if action == "c":
        await answer(update)
        if session.token == token and session.active:
            await render(update, context, session, sm.current_prompt(deps.content, session))
        else:
            await send(update, context, deps.content.text("session_ignored_ended"))
        return
    if action == "r":
        if session.token != token:
            await answer(update, deps.content.text("session_ignored_stale"))
            return
        await answer(update)
        await start_routine(update, context, force=True)
        return
    if action == "t":
        await _start_timer(update, context, session, token)
        return
    if action == "x" and parts[2] != session.id:
        # Stop works from any step of this routine, never from another (or forged) one.
        await answer(update, deps.content.text("session_ignored_stale"))
        return
    event = _button_event(action, token)
    if event is None:
        await answer(update, deps.content.text("button_expired"))
        return
    transition = await apply_event(update, context, session, event)
    if not any(isinstance(o, sm.Ignored) for o in transition.outputs):
        await answer(update)


def _button_event(action: str, token: str) -> sm.Event | None:
    if action == "d":
        return sm.Done("button", token)
    if action == "k":
        return sm.Skip("button", token)
    if action == "p":
        return sm.TooPainful("button", token)
    if action == "x":
        return sm.Cancel()
    if action.startswith("n") and action[1:].isdecimal() and len(action) <= 3:
        return sm.PainScore(int(action[1:]), token, "button")
    return None


async def loose_done_button(update: Update, context: Context) -> None:
    """The answer to "which exercise did you do?" (s:x1:<exercise id>)."""
    deps = context.deps
    query = update.callback_query
    assert query is not None and query.data is not None
    exercise_id = query.data.removeprefix("s:x1:")
    if exercise_id not in deps.content.exercises:
        await answer(update, deps.content.text("button_expired"))
        return
    await record_exercise_done(update, context, exercise_id, None)


# --- hold timer ---------------------------------------------------------------------


async def _start_timer(
    update: Update, context: Context, session: sm.Session, token: str
) -> None:
    deps = context.deps
    user_id = user_id_of(update)
    step = session.current
    if user_id is None or step is None or token != session.token or step.kind != "hold":
        await answer(update, deps.content.text("session_ignored_stale"))
        return
    await answer(update)
    seconds = int(step.hold or 30)
    message = await send_message(update, context, deps.content.text("session_timer_running",
                                                             seconds=seconds))
    app: App = context.application
    if message is None or app.job_queue is None:
        return
    name = f"timer:{user_id}"
    for old in app.job_queue.get_jobs_by_name(name):
        old.schedule_removal()
    first = min(TIMER_TICK, seconds)
    app.job_queue.run_once(
        timer_tick, when=first, name=name,
        data=TimerJob(user_id, token, seconds - first, message.message_id),
        job_kwargs=_TIMER_JOB,
    )


async def timer_tick(context: BotContext) -> None:
    """Edit the countdown every TIMER_TICK seconds; at zero say "Time!"."""
    job = context.job
    assert job is not None and isinstance(job.data, TimerJob)
    data: TimerJob = job.data
    app: App = context.application
    deps = context.deps
    session = load_session(app, data.user_id)
    if session is None or session.token != data.token:
        return  # the user moved on: the countdown no longer matters
    if data.left > 0:
        try:
            await app.bot.edit_message_text(
                deps.content.text("session_timer_left", seconds=data.left),
                chat_id=data.user_id, message_id=data.message_id,
            )
        except BadRequest as exc:
            log.debug("Countdown edit refused: %s", exc)
        step = min(TIMER_TICK, data.left)
        assert app.job_queue is not None
        app.job_queue.run_once(
            timer_tick, when=timedelta(seconds=step), name=job.name,
            data=TimerJob(data.user_id, data.token, data.left - step, data.message_id),
            job_kwargs=_TIMER_JOB,
        )
        return
    end = sm.timer_end(deps.content, session, data.token)
    if isinstance(end, sm.TimerEnd):
        try:
            await app.bot.edit_message_text(deps.content.text("session_timer_over"),
                                            chat_id=data.user_id, message_id=data.message_id)
        except BadRequest as exc:
            log.debug("Countdown edit refused: %s", exc)
        await app.bot.send_message(data.user_id, end.text,
                                   reply_markup=keyboard(step_buttons(deps, data.token, False)))


def register(app: App) -> None:
    app.add_handler(CommandHandler("routine", routine_command))
    app.add_handler(CommandHandler("cancel", cancel_command))
    app.add_handler(CallbackQueryHandler(start_button, pattern=r"^sess:(start|easier)$"))
    app.add_handler(CallbackQueryHandler(loose_done_button, pattern=r"^s:x1:"))
    app.add_handler(CallbackQueryHandler(session_button, pattern=r"^s:"))
