"""The plan as the patient (``/plan``) and the clinician (``/plan <patient>``) read it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from bot.content.model import Content, Dose
from bot.domain.plans.doses import as_level, dose_in_use
from bot.domain.plans.prescription import Prescription
from bot.domain.plans.today import DayPlan

#: Clinician notes shown under the plan (the newest).
NOTES_SHOWN = 3


@dataclass(frozen=True)
class PlanLine:
    """One exercise of today's plan as the patient does it: which version, what dose."""

    exercise_id: str
    name: str  # the exercise's name, and its version's when not the normal one
    dose: Dose


def week_of(plan: DayPlan, today: date) -> int:
    """The week of the phase ``today`` falls in, from 1 (/plan and the Mini App)."""
    return (today - plan.phase_start).days // 7 + 1


def plan_lines(content: Content, plan: DayPlan,
               levels: Mapping[str, str] | None = None) -> list[PlanLine]:
    """Today's exercises with the dose in use (``dose_in_use``) at the patient's levels
    (``plan_levels``; None: the normal versions), as the routine will ask for them."""
    lines: list[PlanLine] = []
    for exercise_id in plan.routine.exercises:
        exercise = content.exercises[exercise_id]
        level = as_level((levels or {}).get(exercise_id))
        name = exercise.name
        if level != "normal":
            variant = exercise.easier if level == "easier" else exercise.harder
            name = content.text("session_card_short_variant", name=name, variant=variant.name)
        lines.append(PlanLine(exercise_id, name, dose_in_use(exercise, level, plan.routine)))
    return lines


def plan_text(content: Content, plan: DayPlan, prescription: Prescription, today: date,
              levels: Mapping[str, str] | None = None) -> str:
    """Programme, phase and week, today's exercises with their doses (at the patient's
    ``levels``), the walking goal, the precautions in force, what comes next, and the
    latest notes."""
    text = content.text
    lines = [text("plan_head", programme=plan.programme.name, phase=plan.phase.name,
                  week=week_of(plan, today))]
    for line in plan_lines(content, plan, levels):
        lines.append(text("plan_line", exercise=line.name, dose=line.dose.describe()))
    if plan.routine.walk_goal_minutes:
        lines.append(text("plan_walk_goal", minutes=plan.routine.walk_goal_minutes))
    if plan.phase.note:
        lines.append(plan.phase.note)
    for condition_id in sorted(plan.conditions):
        condition = content.conditions.get(condition_id)
        if condition is not None:
            lines.append(text("plan_precaution", name=condition.name,
                              explanation=condition.explanation))
    if plan.next_phase is not None:
        phase, begins = plan.next_phase
        lines.append(text("plan_next_phase", phase=phase.name, start=begins.isoformat()))
    for note in prescription.notes[-NOTES_SHOWN:]:
        lines.append(text("plan_note_line", by=note.by_name or "your clinician",
                          day=note.at[:10], note=note.text))
    return "\n".join(lines)


def programmes_text(content: Content) -> str:
    """Every programme with its id and phases, for clinicians choosing one."""
    lines = [content.text("plan_programmes_head")]
    for programme in content.programmes.values():
        phases = ", ".join(f"{p.id} (week {p.from_week}+)" for p in programme.phases)
        default = content.text("plan_default_mark") if programme.default else ""
        lines.append(content.text("plan_programme_line", id=programme.id,
                                  name=programme.name, phases=phases, default=default))
    return "\n".join(lines)
