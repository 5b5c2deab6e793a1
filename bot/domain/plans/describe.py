"""The plan as the patient (``/plan``) and the clinician (``/plan <patient>``) read it."""

from __future__ import annotations

from datetime import date

from bot.content.model import Content
from bot.domain.plans.prescription import Prescription
from bot.domain.plans.today import DayPlan

#: Clinician notes shown under the plan (the newest).
NOTES_SHOWN = 3


def plan_text(content: Content, plan: DayPlan, prescription: Prescription, today: date) -> str:
    """Programme, phase and week, today's exercises with their doses, the walking goal,
    the precautions in force, what comes next, and the latest notes."""
    text = content.text
    week = (today - plan.phase_start).days // 7 + 1
    lines = [text("plan_head", programme=plan.programme.name, phase=plan.phase.name,
                  week=week)]
    for exercise_id in plan.routine.exercises:
        exercise = content.exercises[exercise_id]
        dose = plan.routine.doses.get(exercise_id, exercise.dose)
        lines.append(text("plan_line", exercise=exercise.name, dose=dose.describe()))
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
