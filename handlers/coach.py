"""Coaching in Telegram: red flags first, movement over rest, pain reports, the plan.

Decisions live in ``bot.domain.understanding`` (intents, red flags) and
``bot.domain.coaching`` (coach, pain model); this module records what happened and
sends the replies.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from telegram import Update
from telegram.ext import (
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    TypeHandler,
)

from bot.deps import Deps
from bot.domain import routine as sm
from bot.domain.coaching import coach as coaching
from bot.domain.coaching.pain_model import (
    SessionOutcome,
    decide_plan,
    explain,
    needs_red_flag_questions,
)
from bot.domain.reminders.local_time import local_now
from bot.transport.context import App
from handlers.base import Context, answer, send, user_id_of
from handlers.base.hooks import add_session_end_hook
from handlers.base.pushback import push_back
from handlers.base.records import record_for, store_records
from handlers.base.resume import answer_resume_check, ask_resume_check
from handlers.base.routine import load_session, start_routine
from handlers.base.screening import ask_red_flag_questions
from handlers.base.screening_answer import answer_screening
from handlers.base.understanding import reading_of

log = logging.getLogger(__name__)
MORNING_GROUP = -5  # before the feature handlers: the morning question comes first
RESUME_GROUP = -4  # /resume after a red flag asks first whether a clinician has checked
MAX_OUTCOMES = 10


# --- red flags ------------------------------------------------------------------------


async def red_flag_answer(update: Update, context: Context) -> None:
    """rf:y:<ctx> (yes: stop and seek care) or rf:n:<ctx> (no: carry on gently)."""
    query = update.callback_query
    user_id = user_id_of(update)
    assert query is not None and query.data is not None and user_id is not None
    _, answer_, ctx = query.data.split(":", 2)
    await answer(update)
    await answer_screening(update, context, answer_ == "y", ctx)


async def rest_button(update: Update, context: Context) -> None:
    """co:rest from a menu: the same push-back as typing "I'll rest today"."""
    await answer(update)
    await push_back(update, context)


async def choice_button(update: Update, context: Context) -> None:
    """co:c:<walk|one_stretch|easier_routine|rest>: record the choice and act on it."""
    deps = context.deps
    query = update.callback_query
    user_id = user_id_of(update)
    assert query is not None and query.data is not None and user_id is not None
    choice = query.data.removeprefix("co:c:")
    if choice not in {c for c, _ in coaching.REST_CHOICES}:
        await answer(update, deps.content.text("button_expired"))
        return
    records = [record_for(update, deps, user_id, "choice", note=choice)]
    if choice == "rest":
        records.append(record_for(update, deps, user_id, "rest", ":rest", note="chose rest"))
    if not store_records(deps, user_id, records):
        await answer(update, deps.content.text("button_already_used"))
        return
    await answer(update)
    await send(update, context, coaching.choice_reply(deps.content, choice, deps.rng))
    if choice == "walk":
        own = deps.routine_for(user_id)
        walk = next((e for e in (*own.exercises, *own.mobility_only)
                     if deps.content.exercises[e].kind == "walk"), "walk")
        await start_routine(update, context, exercises=[walk], easier=True, force=True)
    elif choice == "one_stretch":
        ids = deps.routine_for(user_id).exercises
        stretch = next((e for e in ids if deps.content.exercises[e].kind == "hold"), ids[0])
        await start_routine(update, context, exercises=[stretch], easier=True, force=True)
    elif choice == "easier_routine":
        await start_routine(update, context, easier=True, force=True)


async def flare_button(update: Update, context: Context) -> None:
    """co:flare[:<pain>]: the flare-up day's mobility-only routine.

    With the score that led to it, the routine starts at its first move instead of
    asking the pain again (a second 6 would only stop it once more).
    """
    await answer(update)
    deps = context.deps
    query = update.callback_query
    raw = (query.data or "").removeprefix("co:flare").removeprefix(":") if query else ""
    pain = int(raw) if raw.isdecimal() and len(raw) <= 2 and int(raw) <= 10 else None
    user_id = user_id_of(update)
    assert user_id is not None
    await start_routine(update, context, exercises=list(deps.routine_for(user_id).mobility_only),
                        easier=True, force=True, pain_before=pain)


# --- the plan: after a session, the next morning, stepping up ---------------------------


async def after_session(update: Update, context: Context, summary: sm.Summary) -> None:
    """Feed the finished session into the pain-monitoring model."""
    deps = context.deps
    user_id = user_id_of(update)
    assert user_id is not None
    pains = [p for p in (summary.pain_after,) if p is not None]
    if summary.pain_after is not None and needs_red_flag_questions(summary.pain_after):
        await ask_red_flag_questions(update, context, f"p:{summary.pain_after}")
    if not deps.profile(user_id).consent or summary.kind != "routine":
        return
    painful = deps.store.user(user_id).get("session").get("pain_painful")
    if painful is not None:
        pains.append(int(painful))
    outcome = SessionOutcome(summary.session_id, max(pains) if pains else None,
                             summary.complete and not summary.sets_skipped
                             and not summary.sets_painful)
    with deps.store.user(user_id) as txn:
        state = txn.get("state")
        outcomes = (state.get("outcomes") or [])[-(MAX_OUTCOMES - 1):]
        outcomes.append({"date": deps.today_for(user_id).isoformat(),
                         "max_pain": outcome.max_pain, "all_done": outcome.all_done})
        txn.update("state", outcomes=outcomes, last_session=deps.today_for(user_id).isoformat())
    await _decide(update, context, None, None)


async def _decide(update: Update, context: Context, morning: Any, morning_pain: int | None
                  ) -> None:
    deps = context.deps
    user_id = user_id_of(update)
    assert user_id is not None
    txn = deps.store.user(user_id)
    profile, state = deps.view(txn.get("profile")), txn.get("state")
    outcomes = [SessionOutcome(o["date"], o.get("max_pain"), bool(o.get("all_done")))
                for o in state.get("outcomes") or []]
    rules = deps.plan_for(profile.data).programme.rules
    decision = decide_plan(profile.plan_level, outcomes, morning, morning_pain, rules)
    sentence = explain(decision, deps.content, deps.rng)
    if decision.change == "reduce":
        await set_level(update, context, decision.level, decision.reason)
        await send(update, context, sentence)
    elif decision.change == "suggest_harder":
        with deps.store.user(user_id) as txn:
            txn.update("state", harder_offer=True)  # one step up per offer (double taps)
        await send(update, context, sentence,
                   [[(deps.content.text("coach_harder_yes_button"), "co:h:y"),
                     (deps.content.text("coach_harder_no_button"), "co:h:n")]])
    elif morning is not None:
        await send(update, context, sentence)


async def set_level(update: Update, context: Context, level: str, reason: str) -> None:
    """Store the new plan (and a plan record); the next routine uses it."""
    deps = context.deps
    user_id = user_id_of(update)
    assert user_id is not None
    today = deps.today_for(user_id).isoformat()
    record = record_for(update, deps, user_id, "plan", ":plan", note=f"{level}: {reason}")
    with deps.store.user(user_id) as txn:
        txn.add_record(record)
        txn.update("profile", plan={"level": level, "reason": reason, "since": today})
        txn.update("state", outcomes=[], harder_offer=None)


async def harder_button(update: Update, context: Context) -> None:
    """co:h:y steps up one level; co:h:n keeps the plan (and stops asking for now)."""
    deps = context.deps
    query = update.callback_query
    user_id = user_id_of(update)
    assert query is not None and user_id is not None
    if not deps.profile(user_id).consent or not deps.store.user(user_id).get("state").get(
        "harder_offer"
    ):
        # Already answered (a double tap, an old message) or never offered.
        await answer(update, deps.content.text("button_expired"))
        return
    await answer(update)
    current = deps.profile(user_id).plan_level
    if query.data == "co:h:y":
        new = {"easier": "normal", "normal": "harder"}.get(current, current)
        await set_level(update, context, new, "user_chose_harder")
        await send(update, context, deps.content.text("coach_harder_chosen"))
    else:
        with deps.store.user(user_id) as txn:
            txn.update("state", outcomes=[], harder_offer=None)
        await send(update, context, deps.content.text("coach_harder_declined"))


def morning_due(deps: Deps, user_id: int) -> bool:
    """A session yesterday and no morning answer yet today."""
    if not deps.profile(user_id).consent:
        return False
    state = deps.store.user(user_id).get("state")
    today = deps.today_for(user_id)
    last = state.get("last_session")
    if not last or state.get("morning_asked") == today.isoformat():
        return False
    return bool(last == (today - timedelta(days=1)).isoformat())


#: The morning check-in is asked only in the patient's own morning.
MORNING_HOURS = range(4, 12)


async def morning_check(update: Update, context: Context) -> None:
    """The first message of the morning after a session: how is the hip today?

    Only in the patient's own morning ("this morning" at 18:00 reads wrong), and never
    on top of another open question: not with a command (/routine asks its own), not
    while a routine is under way, and not with a message that gets an answer of its own
    ("I'll rest today" gets the push-back and its choices, "done" its Undo); then it
    waits for the next message. To a greeting it is the answer (no second "hello").
    """
    deps = context.deps
    user_id = user_id_of(update)
    if user_id is None or update.message is None or (update.message.text or "").startswith("/"):
        return
    # The reading (memoised, already made by the gate) first: most messages are not
    # greetings, and then the patient's state is not read at all.
    reading = reading_of(update)
    if reading is None or reading.ask_about is not None or reading.top.kind != "social":
        return
    if not morning_due(deps, user_id):
        return
    local = local_now(deps.clock.now(), deps.profile(user_id).tz)
    if local.hour not in MORNING_HOURS:
        return
    session = load_session(context.application, user_id)
    if session is not None and session.active:
        return
    with deps.store.user(user_id) as txn:
        txn.update("state", morning_asked=deps.today_for(user_id).isoformat())
    text = deps.content.text
    await send(update, context, text("coach_morning_question"),
               [[(text("coach_morning_better"), "co:m:better"),
                 (text("coach_morning_same"), "co:m:same"),
                 (text("coach_morning_worse"), "co:m:worse")]])
    raise ApplicationHandlerStop  # the answer to the greeting: no second one after it


async def morning_button(update: Update, context: Context) -> None:
    """co:m:<better|same|worse>, then co:mp:<better|same|worse>:<0-10>."""
    deps = context.deps
    query = update.callback_query
    user_id = user_id_of(update)
    assert query is not None and query.data is not None and user_id is not None
    parts = query.data.split(":")
    if parts[1] == "m" and len(parts) == 3 and parts[2] in ("better", "same", "worse"):
        await answer(update)
        rows = [[(str(n), f"co:mp:{parts[2]}:{n}") for n in range(0, 6)],
                [(str(n), f"co:mp:{parts[2]}:{n}") for n in range(6, 11)]]
        await send(update, context, deps.content.text("coach_morning_pain"), rows)
        return
    valid = (len(parts) == 4 and parts[2] in ("better", "same", "worse")
             and parts[3].isdecimal() and len(parts[3]) <= 2 and int(parts[3]) <= 10)
    if parts[1] != "mp" or not valid:
        await answer(update, deps.content.text("button_expired"))
        return
    await answer(update)
    morning, pain = parts[2], int(parts[3])
    store_records(deps, user_id, [
        record_for(update, deps, user_id, "morning", ":m", note=morning),
        record_for(update, deps, user_id, "pain", ":p", pain=pain, context="morning"),
    ])
    if needs_red_flag_questions(pain):
        await ask_red_flag_questions(update, context, f"p:{pain}")
    if deps.profile(user_id).consent:
        await _decide(update, context, morning, pain)


# --- /resume after a red flag: only once a clinician has checked them ------------------


async def resume_after_red_flag(update: Update, context: Context) -> None:
    """/resume while held for a red flag: ask first whether a clinician has checked them.

    Runs before the reminders' /resume (which ends an ordinary pause) and stops it only
    when the hold is a red-flag one.
    """
    deps = context.deps
    user_id = user_id_of(update)
    if user_id is None or not deps.profile(user_id).held_for_red_flag:
        return
    await ask_resume_check(update, context)
    raise ApplicationHandlerStop


async def resume_checked_button(update: Update, context: Context) -> None:
    """rs:y (checked: the plan comes back, clinicians told) or rs:n (not yet: stay held)."""
    deps = context.deps
    query = update.callback_query
    user_id = user_id_of(update)
    assert query is not None and user_id is not None
    if not deps.profile(user_id).held_for_red_flag:
        await answer(update, deps.content.text("button_expired"))
        return
    await answer(update)
    await answer_resume_check(update, context, user_id, query.data == "rs:y")


def register(app: App) -> None:
    app.add_handler(CommandHandler("resume", resume_after_red_flag), group=RESUME_GROUP)
    app.add_handler(CallbackQueryHandler(resume_checked_button, pattern=r"^rs:[yn]$"))
    add_session_end_hook(app, after_session)
    app.add_handler(TypeHandler(Update, morning_check), group=MORNING_GROUP)
    app.add_handler(CallbackQueryHandler(red_flag_answer, pattern=r"^rf:[yn]:"))
    app.add_handler(CallbackQueryHandler(choice_button, pattern=r"^co:c:"))
    app.add_handler(CallbackQueryHandler(rest_button, pattern=r"^co:rest$"))
    app.add_handler(CallbackQueryHandler(flare_button, pattern=r"^co:flare(:\d{1,2})?$"))
    app.add_handler(CallbackQueryHandler(harder_button, pattern=r"^co:h:[yn]$"))
    app.add_handler(CallbackQueryHandler(morning_button, pattern=r"^co:mp?:"))
