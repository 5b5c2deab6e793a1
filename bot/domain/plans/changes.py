"""A clinician's changes to a patient's plan, as pure functions.

Each takes the current ``Prescription`` and returns a ``PlanChange``: the new
prescription (its history extended with who, when and what) and one plain sentence
saying what changed, which the patient, the clinician and the record all get. A change
that cannot be made raises ``PlanError`` with the reason in words, so the clinician is
told why (an exercise the patient's precautions exclude, an unknown
programme, a phase that does not exist).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from types import MappingProxyType

from bot.content.model import Content, Dose
from bot.domain.plans.prescription import MAX_HISTORY, MAX_NOTES, Entry, Prescription
from bot.domain.plans.today import day_plan

MAX_NOTE = 500


@dataclass(frozen=True)
class Who:
    """The clinician making a change, and the moment (a UTC stamp)."""

    id: int
    name: str
    at: str


@dataclass(frozen=True)
class PlanChange:
    prescription: Prescription
    summary: str


class PlanError(Exception):
    """A change refused; ``str()`` is the clinician-facing reason (plans.yaml)."""


def _logged(new: Prescription, summary: str, who: Who) -> PlanChange:
    entry = Entry(who.at, who.id, who.name, summary)
    return PlanChange(replace(new, history=(*new.history, entry)[-MAX_HISTORY:]), summary)


def assign(content: Content, current: Prescription, programme_id: str, start: date,
           who: Who) -> PlanChange:
    """Put the patient on a programme from ``start``; earlier adjustments are cleared
    (they belonged to the old programme), notes and history stay."""
    programme = content.programmes.get(programme_id)
    if programme is None:
        raise PlanError(content.text("plan_unknown_programme", programme=programme_id,
                                     known=", ".join(content.programmes)))
    new = replace(current, programme=programme.id, start=start,
                  phase_starts=MappingProxyType({}), added=(), removed=(),
                  doses=MappingProxyType({}))
    text = content.text("plan_change_assigned", programme=programme.name,
                        start=start.isoformat())
    return _logged(new, text, who)


def add_exercise(content: Content, current: Prescription, exercise_id: str, today: date,
                 who: Who) -> PlanChange:
    """Add an exercise to the patient's routine, unless their precautions exclude it."""
    exercise = content.exercises[exercise_id]
    plan = day_plan(content, current, today)
    caution = exercise.excluded_by(plan.conditions)
    if caution is not None:
        raise PlanError(content.text("plan_excluded", exercise=exercise.name, why=caution.why))
    if exercise_id in plan.routine.exercises:
        raise PlanError(content.text("plan_already_in", exercise=exercise.name))
    new = replace(current, added=(*[e for e in current.added if e != exercise_id], exercise_id),
                  removed=tuple(e for e in current.removed if e != exercise_id))
    return _logged(new, content.text("plan_change_added", exercise=exercise.name), who)


def remove_exercise(content: Content, current: Prescription, exercise_id: str, today: date,
                    who: Who) -> PlanChange:
    """Take an exercise out of the routine (never the last one)."""
    exercise = content.exercises[exercise_id]
    plan = day_plan(content, current, today)
    if exercise_id not in plan.routine.exercises:
        raise PlanError(content.text("plan_not_in", exercise=exercise.name))
    if len(plan.routine.exercises) == 1:
        raise PlanError(content.text("plan_last_one", exercise=exercise.name))
    new = replace(current, added=tuple(e for e in current.added if e != exercise_id),
                  removed=(*[e for e in current.removed if e != exercise_id], exercise_id))
    return _logged(new, content.text("plan_change_removed", exercise=exercise.name), who)


def set_dose(content: Content, current: Prescription, exercise_id: str, dose: Dose,
             today: date, who: Who) -> PlanChange:
    """Change how much of one exercise of the routine (the dose is already checked)."""
    exercise = content.exercises[exercise_id]
    if exercise_id not in day_plan(content, current, today).routine.exercises:
        raise PlanError(content.text("plan_not_in", exercise=exercise.name))
    new = replace(current, doses=MappingProxyType({**current.doses, exercise_id: dose}))
    text = content.text("plan_change_dose", exercise=exercise.name, dose=dose.describe())
    return _logged(new, text, who)


def set_phase_start(content: Content, current: Prescription, phase_id: str, day: date,
                    today: date, who: Who) -> PlanChange:
    """Start one phase of the patient's programme on ``day`` (earlier or later)."""
    programme = day_plan(content, current, today).programme
    phase = programme.phase_by_id(phase_id)
    if phase is None:
        raise PlanError(content.text("plan_unknown_phase", phase=phase_id,
                                     programme=programme.name,
                                     known=", ".join(p.id for p in programme.phases)))
    start = current.start
    if start is None or current.programme is None:  # pin the default programme's start
        start = current.start or today
    new = replace(current, programme=programme.id, start=start,
                  phase_starts=MappingProxyType({**current.phase_starts, phase.id: day}))
    text = content.text("plan_change_phase", phase=phase.name, start=day.isoformat())
    return _logged(new, text, who)


def add_note(content: Content, current: Prescription, text: str, who: Who) -> PlanChange:
    """A note from the clinician to the patient, kept with the plan."""
    note = " ".join(text.split())[:MAX_NOTE]
    if not note:
        raise PlanError(content.text("plan_note_empty"))
    entry = Entry(who.at, who.id, who.name, note)
    new = replace(current, notes=(*current.notes, entry)[-MAX_NOTES:])
    return _logged(new, content.text("plan_change_note", note=note), who)
