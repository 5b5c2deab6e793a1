"""The guided routine's driver: load the session, apply one event, save, then send.

All decisions are in ``bot.domain.routine`` (pure). Here the stored session is loaded,
one event applied, the new session and its records written in one atomic unit, and
only then the messages sent. Without consent the session lives in memory only.
Used by the routine's own handlers and by every feature that starts or steers one
(the library's "Do it now", the coach's easier options, the red-flag response).
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import Any

from telegram import Update

from bot.content.model import Dose, Exercise
from bot.deps import Deps
from bot.domain import routine as sm
from bot.domain.plans import doses
from bot.domain.progress.figures import current_streak
from bot.domain.records import Record
from bot.domain.routine import familiarity
from bot.transport.context import App, deps_of
from handlers.base.cards import send_card, send_short_card
from handlers.base.hooks import session_ended
from handlers.base.pain import stopped_for_pain
from handlers.base.records import record_id_for
from handlers.base.replies import Buttons, Context, answer, send, user_id_of
from handlers.base.screening import ask_red_flag_questions, forget_screening

#: In-memory sessions of people who did not consent to storage (nothing on disk).
TRANSIENT_KEY = "transient_sessions"


def _stored_session(app: App, user_id: int) -> dict[str, Any] | None:
    deps = deps_of(app)
    if deps.profile(user_id).consent:
        raw = deps.store.user(user_id).get("session")
    else:
        raw = app.bot_data.setdefault(TRANSIENT_KEY, {}).get(user_id)
    return raw or None


def load_session(app: App, user_id: int) -> sm.Session | None:
    raw = _stored_session(app, user_id)
    return sm.Session.from_dict(raw) if raw else None


def load_active_session(app: App, user_id: int) -> sm.Session | None:
    """The session if one still runs; a finished one is not parsed (the common case)."""
    raw = _stored_session(app, user_id)
    if not raw or raw.get("phase") in sm.ENDED:
        return None
    session = sm.Session.from_dict(raw)
    return session if session is not None and session.active else None


def save(
    app: App,
    user_id: int,
    session: sm.Session | None,
    records: Sequence[Record] = (),
    outputs: Sequence[sm.Output] = (),
) -> None:
    """Session, records, the last prompted exercise and the cards shown (how familiar
    each exercise is: ``familiarity``) in one atomic write.

    Without consent the session lives in memory only and nothing is recorded.
    """
    deps = deps_of(app)
    state: dict[str, Any] = {}
    for out in outputs:
        if isinstance(out, sm.StepPrompt) and session is not None:
            state["last_prompt"] = {"date": session.date, "exercise": out.step.exercise_id}
    if not deps.profile(user_id).consent:
        sessions = app.bot_data.setdefault(TRANSIENT_KEY, {})
        sessions[user_id] = session.to_dict() if session else None
        return
    cards = _cards_shown(deps, user_id, outputs) if session is not None else []
    with deps.store.user(user_id) as txn:
        if session is None:
            txn.clear("session")
        else:
            txn.set("session", session.to_dict())
        for record in records:
            txn.add_record(record)
        if cards and session is not None:
            seen = dict(txn.get("state").get(familiarity.SEEN_KEY) or {})
            for exercise_id, level, dose in cards:
                seen[exercise_id] = familiarity.shown(seen.get(exercise_id), level, dose,
                                                      session.id)
            state[familiarity.SEEN_KEY] = seen
        if state:
            txn.update("state", **state)


def _cards_shown(
    deps: Deps, user_id: int, outputs: Sequence[sm.Output]
) -> list[tuple[str, str, str]]:
    """(exercise, level, dose line) of every card among the outputs."""
    shown: list[tuple[str, str, str]] = []
    for out in outputs:
        if not isinstance(out, sm.ShowCard):
            continue
        exercise = deps.content.exercises.get(out.exercise_id)
        if exercise is not None:
            dose = out.dose or dose_in_use(deps, user_id, exercise, out.level)
            shown.append((exercise.id, out.level, dose.describe()))
    return shown


def dose_in_use(deps: Deps, user_id: int, exercise: Exercise, level: familiarity.Level) -> Dose:
    """Today's dose: the plan's own at the normal level, else the version's."""
    return doses.dose_in_use(exercise, level, deps.routine_for(user_id))


def todays_dose(deps: Deps, user_id: int, exercise: Exercise) -> Dose:
    """The dose in use at the patient's own level of ``exercise`` (what a set of it
    done outside a routine is recorded as)."""
    level = doses.plan_levels(deps.profile(user_id), (exercise.id,))[exercise.id]
    return doses.dose_in_use(exercise, level, deps.routine_for(user_id))


def wants_full_card(deps: Deps, user_id: int) -> bool:
    """Always the full card: asked for (``full_cards`` in the profile), or no consent
    (nothing may be stored, so nothing is counted)."""
    profile = deps.profile(user_id)
    return not profile.consent or bool(profile.data.get(familiarity.FULL_CARDS_KEY))


async def show_card(
    update: Update, context: Context, user_id: int, exercise: Exercise, level: familiarity.Level,
    dose: Dose | None = None,
) -> None:
    """The full card while the exercise is new (or asked for), else the short prompt.
    ``dose``: the one the routine's steps ask for; None for today's dose in use."""
    deps = context.deps
    dose = dose or dose_in_use(deps, user_id, exercise, level)
    always = wants_full_card(deps, user_id)
    entry = None
    if not always:
        seen = deps.store.user(user_id).get("state").get(familiarity.SEEN_KEY) or {}
        entry = seen.get(exercise.id)
    if familiarity.shows_full(entry, level, dose.describe(), always_full=always):
        await send_card(update, context, exercise, level, with_buttons=False, dose=dose)
    else:
        assert entry is not None
        await send_short_card(update, context, exercise, level, dose, int(entry["n"]))


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
    deps = context.deps
    user_id = user_id_of(update)
    assert user_id is not None
    for out in outputs:
        if isinstance(out, sm.StoppedForPain):
            # Above the pain model's limit: no exercise; screen, then flare plan or rest.
            await stopped_for_pain(update, context, out.score, before=out.before)
        elif isinstance(out, sm.AskPain):
            skippable = out.context != "before"
            await send(update, context, out.text, pain_buttons(deps, out.token,
                                                               skippable=skippable))
        elif isinstance(out, sm.ShowCard):
            exercise = deps.content.exercises.get(out.exercise_id)
            if exercise is not None:
                await show_card(update, context, user_id, exercise, out.level, out.dose)
        elif isinstance(out, sm.StepPrompt):
            await send(update, context, out.text, step_buttons(deps, out.token, out.timer))
        elif isinstance(out, sm.SwitchedEasier | sm.Cancelled | sm.PainNoted):
            await send(update, context, out.text)
        elif isinstance(out, sm.TimerEnd):
            await send(update, context, out.text, step_buttons(deps, out.token, False))
        elif isinstance(out, sm.AskRedFlags):
            await ask_red_flag_questions(update, context, session.token)
        elif isinstance(out, sm.Summary):
            streak = None
            if deps.profile(user_id).consent:
                streak = current_streak(deps.store.records(user_id), deps.today_for(user_id))
            await send(update, context, sm.summary_text(deps.content, out, streak, rng=deps.rng))
            await session_ended(update, context, out)
        elif isinstance(out, sm.Ignored):
            if update.callback_query is not None:
                await answer(update, out.text)
            else:
                await send(update, context, out.text)


# --- starting and steering ---------------------------------------------------------


def plan_levels(deps: Deps, user_id: int, easier: bool = False) -> dict[str, str]:
    """Per-exercise level from the stored plan (the coach changes it)."""
    return dict(doses.plan_levels(deps.profile(user_id), deps.content.exercises, easier))


async def start_routine(
    update: Update,
    context: Context,
    *,
    exercises: Sequence[str] | None = None,
    easier: bool = False,
    force: bool = False,
    pain_before: int | None = None,
) -> None:
    """Start today's routine (or given exercises); offer to continue one in progress."""
    deps = context.deps
    user_id = user_id_of(update)
    assert user_id is not None
    if deps.profile(user_id).held_for_red_flag:
        await send(update, context, deps.content.text("coach_on_hold"))
        return
    today = deps.today_for(user_id)
    current = load_session(context.application, user_id)
    if current is not None and current.active and current.date == today.isoformat() and not force:
        text = deps.content.text
        await send(update, context, text("session_in_progress"),
                   [[(text("session_continue_button"), f"s:c:{current.token}"),
                     (text("session_restart_button"), f"s:r:{current.token}")]])
        return
    # a screen left unanswered is overtaken: the new routine asks the pain first, and
    # screens again if it is still above 5
    forget_screening(context.application, user_id)
    session, outputs = sm.start_session(
        deps.content, secrets.token_hex(4), today, deps.clock.now(),
        levels=plan_levels(deps, user_id, easier), exercises=exercises,
        pain_before=pain_before, routine=deps.routine_for(user_id),
    )
    save(context.application, user_id, session, outputs=outputs)
    await render(update, context, session, outputs)


async def apply_event(
    update: Update, context: Context, session: sm.Session, event: sm.Event
) -> sm.Transition:
    """One event through the state machine; saved (if anything changed), then rendered."""
    deps = context.deps
    user_id = user_id_of(update)
    assert user_id is not None
    now = deps.clock.now()
    transition = sm.apply(deps.content, session, event, now, deps.today_for(user_id))
    changed = transition.records or transition.session.to_dict() != session.to_dict()
    if changed:
        reply = record_id_for(update)  # one Undo takes back what this reply recorded
        records: list[Record] = [{**r, "reply": reply} for r in transition.records]
        save(context.application, user_id, transition.session, records, transition.outputs)
    await render(update, context, transition.session, transition.outputs)
    return transition
