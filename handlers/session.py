"""The guided routine in Telegram: /routine, step buttons, typed "done", hold timers.

All decisions are in ``bot.domain.routine.machine`` (pure); this module loads the stored session,
applies one event, writes the new session and its records in one atomic unit, and
only then sends the messages.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from telegram import Update
from telegram.error import BadRequest
from telegram.ext import Application, CallbackContext, CallbackQueryHandler, CommandHandler

from bot.deps import Deps
from bot.domain.progress.figures import current_streak
from bot.domain.records import Record, utc_stamp
from bot.domain.reminders.local_time import local_date
from bot.domain.routine import machine as sm
from handlers.base import Buttons, Context, answer, get_deps, send, user_id_of

log = logging.getLogger(__name__)
App = Application[Any, Any, Any, Any, Any, Any]

#: In-memory sessions of people who did not consent to storage (nothing on disk).
TRANSIENT_KEY = "transient_sessions"
TIMER_TICK = 10  # seconds between countdown edits: well under Telegram's per-chat limit


# --- loading and saving -----------------------------------------------------------


def _consented(deps: Deps, user_id: int) -> bool:
    return bool(deps.store.profile(user_id).get("consent"))


def today_for(deps: Deps, user_id: int) -> date:
    tz = str(deps.store.profile(user_id).get("tz") or deps.settings.default_timezone)
    return local_date(deps.clock.now(), tz)


def load_session(app: App, user_id: int) -> sm.Session | None:
    deps: Deps = app.bot_data["deps"]
    if _consented(deps, user_id):
        raw = deps.store.user(user_id).get("session")
    else:
        raw = app.bot_data.setdefault(TRANSIENT_KEY, {}).get(user_id)
    return sm.Session.from_dict(raw) if raw else None


def save(
    app: App,
    user_id: int,
    session: sm.Session | None,
    records: Sequence[Record] = (),
    outputs: Sequence[sm.Output] = (),
) -> None:
    """Session, records and the last prompted exercise in one atomic write.

    Without consent the session lives in memory only and nothing is recorded.
    """
    deps: Deps = app.bot_data["deps"]
    state: dict[str, Any] = {}
    for out in outputs:
        if isinstance(out, sm.StepPrompt) and session is not None:
            state["last_prompt"] = {"date": session.date, "exercise": out.step.exercise_id}
    if not _consented(deps, user_id):
        sessions = app.bot_data.setdefault(TRANSIENT_KEY, {})
        sessions[user_id] = session.to_dict() if session else None
        return
    with deps.store.user(user_id) as txn:
        if session is None:
            txn.clear("session")
        else:
            txn.set("session", session.to_dict())
        for record in records:
            txn.add_record(record)
        if state:
            txn.update("state", **state)


# --- rendering outputs -------------------------------------------------------------


def pain_buttons(deps: Deps, token: str, *, skippable: bool) -> Buttons:
    rows = [[(str(n), f"s:n{n}:{token}") for n in range(0, 6)],
            [(str(n), f"s:n{n}:{token}") for n in range(6, 11)]]
    if skippable:
        rows.append([(deps.content.text("session_button_skip"), f"s:k:{token}")])
    return rows


def step_buttons(deps: Deps, token: str, timer: bool) -> Buttons:
    text = deps.content.text
    rows: list[list[tuple[str, str]]] = []
    if timer:
        rows.append([(text("session_button_timer"), f"s:t:{token}")])
    rows.append([(text("session_button_done"), f"s:d:{token}"),
                 (text("session_button_skip"), f"s:k:{token}")])
    rows.append([(text("session_button_painful"), f"s:p:{token}")])
    rows.append([(text("session_button_stop"), f"s:x:{token}")])
    return rows


async def render(
    update: Update, context: Context, session: sm.Session, outputs: Sequence[sm.Output]
) -> None:
    """Send what the state machine asked for, in order."""
    from handlers.coach import after_session, ask_red_flag_questions
    from handlers.library import send_card

    deps = get_deps(context)
    user_id = user_id_of(update)
    assert user_id is not None
    for out in outputs:
        if isinstance(out, sm.StepPrompt) and out.index == 0 and (session.pain_before or 0) >= 7:
            # High pain before starting: screen for red flags before the first step.
            await ask_red_flag_questions(update, context, f"p:{session.pain_before}")
        if isinstance(out, sm.AskPain):
            skippable = out.context != "before"
            await send(update, context, out.text, pain_buttons(deps, out.token,
                                                               skippable=skippable))
        elif isinstance(out, sm.ShowCard):
            exercise = deps.content.exercises.get(out.exercise_id)
            if exercise is not None:
                await send_card(update, context, exercise, out.level, with_buttons=False)
        elif isinstance(out, sm.StepPrompt):
            await send(update, context, out.text, step_buttons(deps, out.token, out.timer))
        elif isinstance(out, sm.SwitchedEasier | sm.Cancelled):
            await send(update, context, out.text)
        elif isinstance(out, sm.TimerEnd):
            await send(update, context, out.text, step_buttons(deps, out.token, False))
        elif isinstance(out, sm.AskRedFlags):
            await ask_red_flag_questions(update, context, session.token)
        elif isinstance(out, sm.Summary):
            streak = None
            if _consented(deps, user_id):
                streak = current_streak(deps.store.records(user_id), today_for(deps, user_id))
            await send(update, context, sm.summary_text(deps.content, out, streak, rng=deps.rng))
            await after_session(update, context, out)
        elif isinstance(out, sm.Ignored):
            if update.callback_query is not None:
                await answer(update, out.text)
            else:
                await send(update, context, out.text)


# --- starting ----------------------------------------------------------------------


def plan_levels(deps: Deps, user_id: int, easier: bool = False) -> dict[str, str]:
    """Per-exercise level from the stored plan (the coach changes it)."""
    plan = deps.store.profile(user_id).get("plan") or {}
    level = "easier" if easier else str(plan.get("level") or "normal")
    levels = {ex_id: level for ex_id in deps.content.exercises}
    levels.update(plan.get("levels") or {})
    if easier:
        levels = dict.fromkeys(levels, "easier")
    return levels


async def start_routine(
    update: Update,
    context: Context,
    *,
    exercises: Sequence[str] | None = None,
    easier: bool = False,
    force: bool = False,
) -> None:
    """Start today's routine (or given exercises); offer to continue one in progress."""
    deps = get_deps(context)
    user_id = user_id_of(update)
    assert user_id is not None
    if deps.store.profile(user_id).get("hold") == "redflag":
        await send(update, context, deps.content.text("coach_on_hold"))
        return
    today = today_for(deps, user_id)
    current = load_session(context.application, user_id)
    if current is not None and current.active and current.date == today.isoformat() and not force:
        text = deps.content.text
        await send(update, context, text("session_in_progress"),
                   [[(text("session_continue_button"), f"s:c:{current.token}"),
                     (text("session_restart_button"), f"s:r:{current.token}")]])
        return
    session, outputs = sm.start_session(
        deps.content, secrets.token_hex(4), today, deps.clock.now(),
        levels=plan_levels(deps, user_id, easier), exercises=exercises,
    )
    save(context.application, user_id, session, outputs=outputs)
    await render(update, context, session, outputs)


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
    deps = get_deps(context)
    user_id = user_id_of(update)
    assert user_id is not None
    session = load_session(context.application, user_id)
    if session is None or not session.active:
        await send(update, context, deps.content.text("session_nothing_to_cancel"))
        return
    await apply_event(update, context, session, sm.Cancel())


# --- events ------------------------------------------------------------------------


async def apply_event(
    update: Update, context: Context, session: sm.Session, event: sm.Event
) -> sm.Transition:
    deps = get_deps(context)
    user_id = user_id_of(update)
    assert user_id is not None
    now = deps.clock.now()
    transition = sm.apply(deps.content, session, event, now, today_for(deps, user_id))
    changed = transition.records or transition.session.to_dict() != session.to_dict()
    if changed:
        save(context.application, user_id, transition.session, transition.records,
             transition.outputs)
    await render(update, context, transition.session, transition.outputs)
    return transition


async def session_button(update: Update, context: Context) -> None:
    """s:<action>:<session id>:<seq>. State lives server-side: the token must match."""
    deps = get_deps(context)
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


async def session_text(update: Update, context: Context) -> bool:
    """Typed replies while a session waits ("done", "done 8", "skip", "7"); True if used."""
    message = update.effective_message
    user_id = user_id_of(update)
    if message is None or not message.text or user_id is None:
        return False
    session = load_session(context.application, user_id)
    if session is None or not session.active or session.phase == "red_flag_check":
        return False
    event = sm.interpret_text(message.text[:500])
    if event is None:
        return False
    await apply_event(update, context, session, event)
    return True


async def loose_done(update: Update, context: Context, reps: int | None) -> None:
    """"done" outside a session: the exercise last prompted today, or ask which."""
    deps = get_deps(context)
    user_id = user_id_of(update)
    assert user_id is not None
    text = deps.content.text
    if not _consented(deps, user_id):
        await send(update, context, text("session_done_not_stored"))
        return
    today = today_for(deps, user_id)
    last = deps.store.user(user_id).get("state").get("last_prompt") or {}
    if last.get("date") == today.isoformat() and last.get("exercise") in deps.content.exercises:
        await _record_loose(update, context, str(last["exercise"]), reps, "text")
        return
    rows = [[(ex.name, f"s:x1:{ex.id}")] for ex in deps.content.exercises.values()]
    await send(update, context, text("session_which_exercise"), rows)


async def loose_done_button(update: Update, context: Context) -> None:
    """The answer to "which exercise did you do?" (s:x1:<exercise id>)."""
    deps = get_deps(context)
    query = update.callback_query
    assert query is not None and query.data is not None
    exercise_id = query.data.removeprefix("s:x1:")
    if exercise_id not in deps.content.exercises:
        await answer(update, deps.content.text("button_expired"))
        return
    await _record_loose(update, context, exercise_id, None, "button")


async def _record_loose(
    update: Update, context: Context, exercise_id: str, reps: int | None, source: Any
) -> None:
    deps = get_deps(context)
    user_id = user_id_of(update)
    assert user_id is not None
    exercise = deps.content.exercises[exercise_id]
    now = deps.clock.now()
    query = update.callback_query
    # From a button: keyed by its message and data, so a double tap records one set.
    rec_id = (f"b{query.message.message_id}:{query.data}"
              if query is not None and query.message is not None else f"u{update.update_id}")
    record: Record = {
        "id": rec_id, "kind": "done", "date": today_for(deps, user_id).isoformat(),
        "ts": utc_stamp(now), "source": source, "exercise": exercise_id, "set": None,
        "side": None, "reps": reps or exercise.dose.reps, "hold": exercise.dose.hold_seconds,
        "pain": None, "context": None, "session": None, "note": "outside session",
    }
    with deps.store.user(user_id) as txn:
        added = txn.add_record(record)
    if query is not None:
        await answer(update, None if added else deps.content.text("button_already_used"))
        if not added:
            return
    await send(update, context, deps.content.text("session_loose_done", name=exercise.name))


# --- hold timer ---------------------------------------------------------------------


async def _start_timer(
    update: Update, context: Context, session: sm.Session, token: str
) -> None:
    deps = get_deps(context)
    user_id = user_id_of(update)
    step = session.current
    if user_id is None or step is None or token != session.token or step.kind != "hold":
        await answer(update, deps.content.text("session_ignored_stale"))
        return
    await answer(update)
    seconds = int(step.hold or 30)
    message = await send(update, context, deps.content.text("session_timer_running",
                                                             seconds=seconds))
    if message is None or context.job_queue is None:
        return
    name = f"timer:{user_id}"
    for old in context.job_queue.get_jobs_by_name(name):
        old.schedule_removal()
    context.job_queue.run_once(
        timer_tick, when=min(TIMER_TICK, seconds), name=name,
        data={"user_id": user_id, "token": token, "left": seconds - min(TIMER_TICK, seconds),
              "message_id": message.message_id},
        job_kwargs={"misfire_grace_time": 60, "coalesce": True},
    )


async def timer_tick(context: CallbackContext) -> None:
    """Edit the countdown every TIMER_TICK seconds; at zero say "Time!"."""
    job = context.job
    assert job is not None and isinstance(job.data, dict)
    app: App = context.application
    deps: Deps = app.bot_data["deps"]
    user_id, token, left = job.data["user_id"], job.data["token"], int(job.data["left"])
    session = load_session(app, user_id)
    if session is None or session.token != token:
        return  # the user moved on: the countdown no longer matters
    if left > 0:
        try:
            await app.bot.edit_message_text(
                deps.content.text("session_timer_left", seconds=left),
                chat_id=user_id, message_id=job.data["message_id"],
            )
        except BadRequest as exc:
            log.debug("Countdown edit refused: %s", exc)
        step = min(TIMER_TICK, left)
        assert app.job_queue is not None
        app.job_queue.run_once(
            timer_tick, when=timedelta(seconds=step), name=job.name,
            data={**job.data, "left": left - step},
            job_kwargs={"misfire_grace_time": 60, "coalesce": True},
        )
        return
    end = sm.timer_end(deps.content, session, token)
    if isinstance(end, sm.TimerEnd):
        try:
            await app.bot.edit_message_text(deps.content.text("session_timer_over"),
                                            chat_id=user_id, message_id=job.data["message_id"])
        except BadRequest as exc:
            log.debug("Countdown edit refused: %s", exc)
        from handlers.base import keyboard

        await app.bot.send_message(user_id, end.text,
                                   reply_markup=keyboard(step_buttons(deps, token, False)))


def register(app: App) -> None:
    app.add_handler(CommandHandler("routine", routine_command))
    app.add_handler(CommandHandler("cancel", cancel_command))
    app.add_handler(CallbackQueryHandler(start_button, pattern=r"^sess:(start|easier)$"))
    app.add_handler(CallbackQueryHandler(loose_done_button, pattern=r"^s:x1:"))
    app.add_handler(CallbackQueryHandler(session_button, pattern=r"^s:"))
