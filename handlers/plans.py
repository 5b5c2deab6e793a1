"""Personal plans: /plan for patients, and the clinician's commands that change a plan.

``/assign``, ``/planadd``, ``/planremove``, ``/plandose``, ``/planphase`` and ``/plannote``
(clinicians only, listed in their own command menu) change one patient's plan through
the pure functions of ``bot.domain.plans.changes``. Each change is stored in one atomic
write with a ``plan`` record (who, what), confirmed to the clinician, and told to the
patient in plain words. ``/plan`` shows a patient their plan; a clinician adds a patient
(``/plan 12345``) to see theirs with the latest changes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from telegram import Update
from telegram.error import Forbidden, TelegramError
from telegram.ext import CommandHandler

from bot.content.model import Exercise
from bot.domain.exercise_finder import find_exercise
from bot.domain.plans.changes import (
    PlanChange,
    PlanError,
    Who,
    add_exercise,
    add_note,
    assign,
    remove_exercise,
    set_dose,
    set_phase_start,
)
from bot.domain.plans.describe import plan_text, programmes_text
from bot.domain.plans.doses import DoseError, parse_dose, plan_levels
from bot.domain.plans.prescription import Prescription, prescription_of
from bot.domain.profiles import display_name
from bot.domain.records import utc_stamp
from bot.domain.routine.familiarity import FULL_CARDS_KEY
from bot.transport.context import App
from handlers.base import Context, consenting, send, user_id_of
from handlers.base.admin import admin_only, one_patient
from handlers.base.blocked import deactivate
from handlers.base.records import record_id_for, store_records

log = logging.getLogger(__name__)

#: Changes listed under a clinician's view of a plan.
CHANGES_SHOWN = 5

Change = Callable[[Prescription, date, Who], PlanChange]


async def plan_command(update: Update, context: Context) -> None:
    """/plan: the patient's own plan; /plan <patient> for a clinician."""
    deps = context.deps
    user_id = user_id_of(update)
    if context.args and deps.is_admin(user_id):
        found = await one_patient(update, context, " ".join(context.args))
        if found is None:
            return
        _, profile = found
        await send(update, context, _clinician_view(context, profile))
        return
    checked = await consenting(update, context, "plan_needs_consent")
    if checked is None:
        return
    deps, _, profile = checked
    plan = deps.plan_for(profile)
    today = deps.view(profile).today(deps.clock.now())
    await send(update, context, plan_text(deps.content, plan, prescription_of(profile), today,
                                          plan_levels(deps.view(profile), plan.routine.exercises)))


def _clinician_view(context: Context, profile: dict[str, Any]) -> str:
    deps = context.deps
    text = deps.content.text
    prescription = prescription_of(profile)
    today = deps.view(profile).today(deps.clock.now())
    plan = deps.plan_for(profile)
    levels = plan_levels(deps.view(profile), plan.routine.exercises)
    lines = [text("plan_patient_heading", patient=display_name(profile)),
             plan_text(deps.content, plan, prescription, today, levels)]
    if prescription.history:
        lines.append(text("plan_change_log_head"))
        lines += [text("plan_change_log_line", day=entry.at[:10], by=entry.by_name,
                       change=entry.text)
                  for entry in prescription.history[-CHANGES_SHOWN:]]
    return "\n".join(lines)


@admin_only
async def programmes_command(update: Update, context: Context) -> None:
    """/programmes: what can be assigned, with ids and stages."""
    await send(update, context, programmes_text(context.deps.content))


async def _apply(update: Update, context: Context, query: str, change: Change) -> None:
    """Find the patient, make the change, store it with a record, confirm and tell them."""
    deps = context.deps
    text = deps.content.text
    found = await one_patient(update, context, query)
    if found is None:
        return
    patient_id, profile = found
    clinician_id = user_id_of(update)
    assert clinician_id is not None
    user = update.effective_user
    name = (user.full_name if user else "") or text("plan_your_clinician")
    now = deps.clock.now()
    today = deps.view(profile).today(now)
    who = Who(clinician_id, name, utc_stamp(now))
    try:
        made = change(prescription_of(profile), today, who)
    except PlanError as refused:
        await send(update, context, str(refused))
        return
    if not deps.store.may_store(patient_id):
        await send(update, context, text("clinic_patient_not_found", query=query[:80]))
        return
    first_time = deps.save_plan_change(patient_id, record_id_for(update, ":plan"), made,
                                       who, today)
    patient = display_name(profile)
    if not first_time:  # the same command delivered again (a redelivery after a crash)
        await send(update, context, text("plan_told_patient", patient=patient,
                                         change=made.summary))
        return
    try:
        await context.bot.send_message(
            patient_id, text("plan_patient_told", clinician=name, change=made.summary)
        )
    except Forbidden:
        deactivate(context.application, patient_id)
        await send(update, context, text("plan_not_told", patient=patient, change=made.summary))
        return
    except TelegramError as exc:
        log.warning("A plan change could not be told to the patient: %s", exc)
        await send(update, context, text("plan_not_told", patient=patient, change=made.summary))
        return
    await send(update, context, text("plan_told_patient", patient=patient, change=made.summary))


def _readable_day(value: str) -> bool:
    return _day(value, date.min) is not None


def _day(value: str, today: date) -> date | None:
    if value.lower() == "today":
        return today
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


@admin_only
async def assign_command(update: Update, context: Context) -> None:
    """/assign <patient> <programme> [YYYY-MM-DD]"""
    deps = context.deps
    args = context.args or []
    if len(args) < 2:
        await send(update, context, deps.content.text("plan_usage_assign"))
        return
    when = args[2] if len(args) > 2 else "today"
    if len(args) > 3 or not _readable_day(when):
        await send(update, context, deps.content.text("plan_bad_date", value=when[:40]))
        return

    def change(current: Prescription, today: date, who: Who) -> PlanChange:
        start = _day(when, today)
        assert start is not None
        return assign(deps.content, current, args[1].lower(), start, who)

    await _apply(update, context, args[0], change)


async def _exercise_change(update: Update, context: Context, usage: str,
                           make: Callable[[str], Change]) -> None:
    """/planadd, /planremove: the patient, then the exercise in any words."""
    args = context.args or []
    if len(args) < 2:
        await send(update, context, context.deps.content.text(usage))
        return
    found = await _one_exercise(update, context, " ".join(args[1:]))
    if found is not None:
        await _apply(update, context, args[0], make(found.id))


async def _one_exercise(update: Update, context: Context, words: str) -> Exercise | None:
    """The one exercise ``words`` name, or None after saying none or several match."""
    content = context.deps.content
    match = find_exercise(content, words)
    if match.status == "sure":
        return match.exercises[0]
    if match.status == "choices":
        names = ", ".join(ex.name for ex in match.exercises)
        await send(update, context, content.text("plan_which_exercise", names=names))
        return None
    await send(update, context, content.text("plan_unknown_exercise", query=words[:60]))
    return None


def _split_dose(words: list[str]) -> tuple[str, str]:
    """(exercise words, dose words): the dose starts at the first word with a digit, or
    is the last word ("bridge lots": then the dose check says it can't read "lots")."""
    for index, word in enumerate(words):
        if any(ch.isdigit() for ch in word):
            return " ".join(words[:index]), " ".join(words[index:])
    return " ".join(words[:-1]), " ".join(words[-1:])


@admin_only
async def plan_add_command(update: Update, context: Context) -> None:
    """/planadd <patient> <exercise>"""
    content = context.deps.content
    await _exercise_change(update, context, "plan_usage_add", lambda ex: (
        lambda current, today, who: add_exercise(content, current, ex, today, who)))


@admin_only
async def plan_remove_command(update: Update, context: Context) -> None:
    """/planremove <patient> <exercise>"""
    content = context.deps.content
    await _exercise_change(update, context, "plan_usage_remove", lambda ex: (
        lambda current, today, who: remove_exercise(content, current, ex, today, who)))


@admin_only
async def plan_dose_command(update: Update, context: Context) -> None:
    """/plandose <patient> <exercise> <dose>: the dose is the last word(s), "3x12",
    "3x12 each side", "10 min"; it must fit the exercise (a hold needs seconds)."""
    deps = context.deps
    args = context.args or []
    words, dose_text = _split_dose(args[1:])
    if len(args) < 3 or not words or not dose_text:
        await send(update, context, deps.content.text("plan_usage_dose"))
        return
    exercise = await _one_exercise(update, context, words)
    if exercise is None:
        return
    try:
        dose = parse_dose(dose_text, exercise.kind)
    except DoseError as problem:
        await send(update, context, deps.content.text("plan_bad_dose", problem=problem))
        return

    def dosed(current: Prescription, today: date, who: Who) -> PlanChange:
        return set_dose(deps.content, current, exercise.id, dose, today, who)

    await _apply(update, context, args[0], dosed)


@admin_only
async def plan_phase_command(update: Update, context: Context) -> None:
    """/planphase <patient> <stage id> <YYYY-MM-DD>"""
    deps = context.deps
    args = context.args or []
    if len(args) != 3:
        await send(update, context, deps.content.text("plan_usage_phase"))
        return
    if not _readable_day(args[2]):
        await send(update, context, deps.content.text("plan_bad_date", value=args[2][:40]))
        return

    def change(current: Prescription, today: date, who: Who) -> PlanChange:
        day = _day(args[2], today)
        assert day is not None
        return set_phase_start(deps.content, current, args[1].lower(), day, today, who)

    await _apply(update, context, args[0], change)


@admin_only
async def plan_note_command(update: Update, context: Context) -> None:
    """/plannote <patient> <text>"""
    deps = context.deps
    args = context.args or []
    if len(args) < 2:
        await send(update, context, deps.content.text("plan_usage_note"))
        return
    note = " ".join(args[1:])
    await _apply(update, context, args[0],
                 lambda current, today, who: add_note(deps.content, current, note, who))


async def cards_command(update: Update, context: Context) -> None:
    """/cards full (the whole card every time) or /cards short (a short prompt once an
    exercise is familiar, the full card one tap away: the default)."""
    checked = await consenting(update, context, "plan_needs_consent")
    if checked is None:
        return
    deps, user_id, _ = checked
    choice = (context.args or [""])[0].lower()
    if choice not in ("full", "short"):
        await send(update, context, deps.content.text("cards_usage"))
        return
    store_records(deps, user_id, [], **{FULL_CARDS_KEY: choice == "full"})
    text = deps.content.text
    await send(update, context, text("cards_set_full") if choice == "full"
               else text("cards_set_short"))


def register(app: App) -> None:
    """/plan for everyone; the plan-changing commands for clinicians."""
    app.add_handler(CommandHandler("plan", plan_command))
    app.add_handler(CommandHandler("cards", cards_command))
    app.add_handler(CommandHandler("programmes", programmes_command))
    app.add_handler(CommandHandler("assign", assign_command))
    app.add_handler(CommandHandler("planadd", plan_add_command))
    app.add_handler(CommandHandler("planremove", plan_remove_command))
    app.add_handler(CommandHandler("plandose", plan_dose_command))
    app.add_handler(CommandHandler("planphase", plan_phase_command))
    app.add_handler(CommandHandler("plannote", plan_note_command))
