"""Coaching in Telegram: red flags first, movement over rest, pain reports, the plan.

Decisions live in ``bot.domain.understanding`` (intents, red flags) and
``bot.domain.coaching`` (coach, pain model); this module records what happened and
sends the replies.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from telegram import Update
from telegram.ext import Application, CallbackQueryHandler, TypeHandler

from bot.deps import Deps
from bot.domain.coaching import coach as coaching
from bot.domain.coaching.pain_model import (
    SessionOutcome,
    decide_plan,
    explain,
    needs_red_flag_questions,
)
from bot.domain.records import Record, RecordKind, utc_stamp
from bot.domain.routine import machine as sm
from bot.domain.understanding.intents import classify
from bot.domain.understanding.red_flags import RedFlag, detect_red_flags
from handlers.base import Context, answer, get_deps, send, user_id_of
from handlers.hooks import profile_changed

log = logging.getLogger(__name__)
App = Application[Any, Any, Any, Any, Any, Any]
SCREENING_YES = RedFlag("screening_yes", "one of the warning signs I asked about", False)
MORNING_GROUP = -5  # before the feature handlers: the morning question comes first
MAX_OUTCOMES = 10


# --- storing ------------------------------------------------------------------------


def _consented(deps: Deps, user_id: int) -> bool:
    return bool(deps.store.profile(user_id).get("consent"))


def make_record(update: Update, deps: Deps, user_id: int, kind: RecordKind, suffix: str = "",
            **fields: Any) -> Record:
    from handlers.session import today_for

    query = update.callback_query
    if query is not None and query.message is not None:
        # Keyed by the button's message and data: a double tap records it once.
        rec_id = f"b{query.message.message_id}:{query.data}{suffix}"
    else:
        rec_id = f"u{update.update_id}{suffix}"
    record: Record = {
        "id": rec_id, "kind": kind,
        "date": today_for(deps, user_id).isoformat(), "ts": utc_stamp(deps.clock.now()),
        "source": "button" if update.callback_query else "text", "exercise": None, "set": None,
        "side": None, "reps": None, "hold": None, "pain": None, "context": None,
        "session": None, "note": None,
    }
    record.update(fields)  # type: ignore[typeddict-item]
    return record


def store_records(deps: Deps, user_id: int, records: Sequence[Record], **profile: Any) -> bool:
    """Records (and profile changes) in one atomic write; nothing without consent.

    False when every record was already stored (the same button tapped again).
    """
    if not _consented(deps, user_id):
        return True
    with deps.store.user(user_id) as txn:
        added = [txn.add_record(record) for record in records]
        if profile:
            txn.update("profile", **profile)
    return any(added) or not records


# --- red flags ------------------------------------------------------------------------


async def red_flag_text(update: Update, context: Context) -> bool:
    """Any typed red flag, even mid-session: stop and seek care. True when found."""
    message = update.effective_message
    if message is None or not message.text:
        return False
    flags = detect_red_flags(message.text[:4096])
    if not flags:
        return False
    await handle_red_flags(update, context, flags, message.text[:300])
    return True


async def handle_red_flags(
    update: Update, context: Context, flags: Sequence[RedFlag], reported: str
) -> None:
    """Stop coaching for the day, hold reminders, tell the user, alert clinicians."""
    from handlers.session import load_session, save

    deps = get_deps(context)
    user_id = user_id_of(update)
    assert user_id is not None
    ids = ", ".join(flag.id for flag in flags)
    session = load_session(context.application, user_id)
    if session is not None and session.active:
        ended = sm.apply(deps.content, session, sm.Cancel(), deps.clock.now(),
                         _today(deps, user_id))
        save(context.application, user_id, ended.session, ended.records)
    store_records(deps, user_id, [make_record(update, deps, user_id, "redflag", note=ids)],
                  hold="redflag")
    await profile_changed(context, user_id)
    rows = None
    if deps.settings.admin_user_ids:
        rows = [[(deps.content.text("coach_ask_clinician_button"), "ask:start")]]
    await send(update, context, coaching.red_flag_reply(deps.content, flags), rows)
    if _consented(deps, user_id) and deps.settings.admin_user_ids:
        from handlers.clinicians import alert_clinicians

        labels = "; ".join(flag.label for flag in flags)
        await alert_clinicians(
            context.application, user_id,
            deps.content.text("coach_clinician_alert", labels=labels, reported=reported),
        )


async def ask_red_flag_questions(update: Update, context: Context, ctx: str) -> None:
    """The screening questions after pain of 7 or more; ``ctx``: session token or p:<pain>."""
    deps = get_deps(context)
    text = deps.content.text
    await send(update, context, coaching.red_flag_questions(deps.content),
               [[(text("coach_rf_yes_button"), f"rf:y:{ctx}")],
                [(text("coach_rf_no_button"), f"rf:n:{ctx}")]])


async def red_flag_answer(update: Update, context: Context) -> None:
    """rf:y:<ctx> (yes: stop and seek care) or rf:n:<ctx> (no: carry on gently)."""
    from handlers.session import apply_event, load_session

    deps = get_deps(context)
    query = update.callback_query
    user_id = user_id_of(update)
    assert query is not None and query.data is not None and user_id is not None
    _, answer_, ctx = query.data.split(":", 2)
    await answer(update)
    if answer_ == "y":
        await handle_red_flags(update, context, [SCREENING_YES], deps.content.text(
            "coach_screening_yes_note"))
        return
    session = load_session(context.application, user_id)
    if session is not None and session.phase == "red_flag_check" and session.token == ctx:
        await apply_event(update, context, session, sm.Resume())
        return
    digits = ctx[2:] if ctx.startswith("p:") else ""
    pain = int(digits) if digits.isdecimal() and len(digits) <= 2 else None
    if pain is None:
        await send(update, context, deps.content.text("session_ignored_ended"))
    elif pain >= 8:
        await send(update, context, coaching.severe_pain_reply(deps.content))
    else:
        await offer_flare_plan(update, context)


# --- free text ------------------------------------------------------------------------


async def coach_text(update: Update, context: Context) -> bool:
    """Rest, pain, done, exercise requests, greetings; anything else gets a helpful reply."""
    from handlers.library import answer_request
    from handlers.session import loose_done

    deps = get_deps(context)
    message = update.effective_message
    if message is None or not message.text:
        return False
    intent = classify(message.text)
    held = deps.store.profile(user_id_of(update) or 0).get("hold") == "redflag"
    if held and intent.kind in ("rest", "done", "pain", "unknown"):
        # After a red flag: no push-back and no coaching until a clinician has checked them.
        await send(update, context, deps.content.text("coach_on_hold"))
    elif intent.kind == "redflag":
        flags = detect_red_flags(message.text[:4096])
        await handle_red_flags(update, context, flags or [SCREENING_YES], message.text[:300])
    elif intent.kind == "rest":
        await push_back(update, context)
    elif intent.kind == "pain":
        await pain_report(update, context, intent.pain)
    elif intent.kind == "done":
        await loose_done(update, context, intent.reps)
    elif intent.kind == "exercise":
        await answer_request(update, context, message.text[:1000])
    elif intent.kind == "social":
        await send(update, context, coaching.social_reply(deps.content, deps.rng, message.text))
    else:
        await send(update, context, coaching.unknown_reply(deps.content, deps.rng),
                   _menu(deps))
    return True


def _menu(deps: Deps) -> list[list[tuple[str, str]]]:
    text = deps.content.text
    return [[(text("onboarding_start_button"), "sess:start")],
            [(text("onboarding_exercises_button"), "lib:list")],
            [(text("coach_rest_button"), "co:rest")]]


async def push_back(update: Update, context: Context) -> None:
    """Why rest alone won't fix it (a rotating reason), then the smallest next steps."""
    deps = get_deps(context)
    user_id = user_id_of(update)
    assert user_id is not None
    state = deps.store.user(user_id).get("state") if _consented(deps, user_id) else {}
    last = state.get("last_pushback") or context.application.bot_data.get(
        "pushback", {}).get(user_id)
    text, key = coaching.rest_pushback(deps.content, last, deps.rng)
    if _consented(deps, user_id):
        with deps.store.user(user_id) as txn:
            txn.update("state", last_pushback=key)
    else:
        context.application.bot_data.setdefault("pushback", {})[user_id] = key
    rows = [[(deps.content.text(label), f"co:c:{choice}")]
            for choice, label in coaching.REST_CHOICES]
    await send(update, context, text, rows)


async def rest_button(update: Update, context: Context) -> None:
    """co:rest from a menu: the same push-back as typing "I'll rest today"."""
    await answer(update)
    await push_back(update, context)


async def choice_button(update: Update, context: Context) -> None:
    """co:c:<walk|one_stretch|easier_routine|rest>: record the choice and act on it."""
    from handlers.session import start_routine

    deps = get_deps(context)
    query = update.callback_query
    user_id = user_id_of(update)
    assert query is not None and query.data is not None and user_id is not None
    choice = query.data.removeprefix("co:c:")
    if choice not in {c for c, _ in coaching.REST_CHOICES}:
        await answer(update, deps.content.text("button_expired"))
        return
    records = [make_record(update, deps, user_id, "choice", note=choice)]
    if choice == "rest":
        records.append(make_record(update, deps, user_id, "rest", ":rest", note="chose rest"))
    if not store_records(deps, user_id, records):
        await answer(update, deps.content.text("button_already_used"))
        return
    await answer(update)
    await send(update, context, coaching.choice_reply(deps.content, choice, deps.rng))
    if choice == "walk":
        await start_routine(update, context, exercises=["walk"], easier=True, force=True)
    elif choice == "one_stretch":
        stretch = next((e for e in deps.content.routine.exercises
                        if deps.content.exercises[e].kind == "hold"),
                       deps.content.routine.exercises[0])
        await start_routine(update, context, exercises=[stretch], easier=True, force=True)
    elif choice == "easier_routine":
        await start_routine(update, context, easier=True, force=True)


async def pain_report(update: Update, context: Context, pain: int | None) -> None:
    """"pain 6": record it; 7+ screens for red flags; 6 is a flare-up day; else advice."""
    deps = get_deps(context)
    user_id = user_id_of(update)
    assert user_id is not None
    if pain is None:
        await send(update, context, coaching.pain_out_of_range_reply(deps.content, deps.rng))
        return
    store_records(deps, user_id, [make_record(update, deps, user_id, "pain", pain=pain,
                                          context="report")])
    if needs_red_flag_questions(pain):
        await ask_red_flag_questions(update, context, f"p:{pain}")
    elif pain >= 6:
        await offer_flare_plan(update, context)
    else:
        key = "coach_pain_noted_safe" if pain <= 3 else "coach_pain_noted_acceptable"
        await send(update, context, deps.content.text(key, pain=pain), _menu(deps))


async def offer_flare_plan(update: Update, context: Context) -> None:
    """A flare-up day: mobility only, recorded so the streak pauses instead of breaking."""
    deps = get_deps(context)
    user_id = user_id_of(update)
    assert user_id is not None
    store_records(deps, user_id, [make_record(update, deps, user_id, "flare", ":flare")])
    await send(update, context, coaching.flare_up_plan_text(deps.content),
               [[(deps.content.text("coach_flare_start_button"), "co:flare")],
                [(deps.content.text("coach_choice_rest"), "co:c:rest")]])


async def flare_button(update: Update, context: Context) -> None:
    from handlers.session import start_routine

    await answer(update)
    deps = get_deps(context)
    await start_routine(update, context, exercises=list(deps.content.routine.mobility_only),
                        easier=True, force=True)


# --- the plan: after a session, the next morning, stepping up ---------------------------


def _today(deps: Deps, user_id: int) -> date:
    from handlers.session import today_for

    return today_for(deps, user_id)


def _level(profile: dict[str, Any]) -> str:
    return str((profile.get("plan") or {}).get("level") or "normal")


async def after_session(update: Update, context: Context, summary: sm.Summary) -> None:
    """Feed the finished session into the pain-monitoring model."""
    deps = get_deps(context)
    user_id = user_id_of(update)
    assert user_id is not None
    pains = [p for p in (summary.pain_after,) if p is not None]
    if summary.pain_after is not None and needs_red_flag_questions(summary.pain_after):
        await ask_red_flag_questions(update, context, f"p:{summary.pain_after}")
    if not _consented(deps, user_id) or summary.kind != "routine":
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
        outcomes.append({"date": _today(deps, user_id).isoformat(),
                         "max_pain": outcome.max_pain, "all_done": outcome.all_done})
        txn.update("state", outcomes=outcomes, last_session=_today(deps, user_id).isoformat())
    await _decide(update, context, None, None)


async def _decide(update: Update, context: Context, morning: Any, morning_pain: int | None
                  ) -> None:
    deps = get_deps(context)
    user_id = user_id_of(update)
    assert user_id is not None
    txn = deps.store.user(user_id)
    profile, state = txn.get("profile"), txn.get("state")
    outcomes = [SessionOutcome(o["date"], o.get("max_pain"), bool(o.get("all_done")))
                for o in state.get("outcomes") or []]
    decision = decide_plan(_level(profile), outcomes, morning, morning_pain)
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
    deps = get_deps(context)
    user_id = user_id_of(update)
    assert user_id is not None
    today = _today(deps, user_id).isoformat()
    record = make_record(update, deps, user_id, "plan", ":plan", note=f"{level}: {reason}")
    with deps.store.user(user_id) as txn:
        txn.add_record(record)
        txn.update("profile", plan={"level": level, "reason": reason, "since": today})
        txn.update("state", outcomes=[], harder_offer=None)


async def harder_button(update: Update, context: Context) -> None:
    """co:h:y steps up one level; co:h:n keeps the plan (and stops asking for now)."""
    deps = get_deps(context)
    query = update.callback_query
    user_id = user_id_of(update)
    assert query is not None and user_id is not None
    if not _consented(deps, user_id) or not deps.store.user(user_id).get("state").get(
        "harder_offer"
    ):
        # Already answered (a double tap, an old message) or never offered.
        await answer(update, deps.content.text("button_expired"))
        return
    await answer(update)
    current = _level(deps.store.profile(user_id))
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
    if not _consented(deps, user_id):
        return False
    state = deps.store.user(user_id).get("state")
    today = _today(deps, user_id)
    last = state.get("last_session")
    if not last or state.get("morning_asked") == today.isoformat():
        return False
    return bool(last == (today - timedelta(days=1)).isoformat())


async def morning_check(update: Update, context: Context) -> None:
    """The first message of the morning after a session: how is the hip today?"""
    deps = get_deps(context)
    user_id = user_id_of(update)
    if user_id is None or update.message is None or not morning_due(deps, user_id):
        return
    with deps.store.user(user_id) as txn:
        txn.update("state", morning_asked=_today(deps, user_id).isoformat())
    text = deps.content.text
    await send(update, context, text("coach_morning_question"),
               [[(text("coach_morning_better"), "co:m:better"),
                 (text("coach_morning_same"), "co:m:same"),
                 (text("coach_morning_worse"), "co:m:worse")]])


async def morning_button(update: Update, context: Context) -> None:
    """co:m:<better|same|worse>, then co:mp:<better|same|worse>:<0-10>."""
    deps = get_deps(context)
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
        make_record(update, deps, user_id, "morning", ":m", note=morning),
        make_record(update, deps, user_id, "pain", ":p", pain=pain, context="morning"),
    ])
    if needs_red_flag_questions(pain):
        await ask_red_flag_questions(update, context, f"p:{pain}")
    if _consented(deps, user_id):
        await _decide(update, context, morning, pain)


def register(app: App) -> None:
    app.add_handler(TypeHandler(Update, morning_check), group=MORNING_GROUP)
    app.add_handler(CallbackQueryHandler(red_flag_answer, pattern=r"^rf:[yn]:"))
    app.add_handler(CallbackQueryHandler(choice_button, pattern=r"^co:c:"))
    app.add_handler(CallbackQueryHandler(rest_button, pattern=r"^co:rest$"))
    app.add_handler(CallbackQueryHandler(flare_button, pattern=r"^co:flare$"))
    app.add_handler(CallbackQueryHandler(harder_button, pattern=r"^co:h:[yn]$"))
    app.add_handler(CallbackQueryHandler(morning_button, pattern=r"^co:mp?:"))
