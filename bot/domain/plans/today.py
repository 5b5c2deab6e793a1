"""Today's plan for one patient: the programme, the phase by week, and the routine.

Phases start by week from the day the programme starts, unless a clinician set a
phase's start date; later phases keep their spacing from the phase before. The
routine is the phase's exercises, minus those a clinician removed, plus those added,
with the clinician's doses over the programme's over the card's.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from types import MappingProxyType

from bot.content.model import Content, Phase, Programme, Routine
from bot.domain.plans.prescription import Prescription


@dataclass(frozen=True)
class DayPlan:
    """What a patient's plan means on one day."""

    programme: Programme
    phase: Phase
    phase_start: date
    next_phase: tuple[Phase, date] | None
    routine: Routine
    conditions: frozenset[str]


def programme_for(content: Content, prescription: Prescription) -> Programme:
    """The assigned programme, or the default one (also when an assigned file was removed)."""
    chosen = content.programmes.get(prescription.programme or "")
    if chosen is not None:
        return chosen
    default = content.default_programme
    if default is None:  # the content check makes this impossible; keep a clear error
        raise LookupError("no default programme in content/programmes")
    return default


def phase_starts(programme: Programme, prescription: Prescription, start: date) -> list[date]:
    """The start date of each phase, in order."""
    dates: list[date] = []
    for index, phase in enumerate(programme.phases):
        if phase.id in prescription.phase_starts:
            dates.append(prescription.phase_starts[phase.id])
        elif index == 0:
            dates.append(start)
        else:
            gap = phase.from_week - programme.phases[index - 1].from_week
            dates.append(dates[-1] + timedelta(weeks=gap))
    return dates


def day_plan(content: Content, prescription: Prescription, today: date,
             joined: date | None = None) -> DayPlan:
    """The plan in force on ``today`` (``joined``: when a patient without a start joined)."""
    programme = programme_for(content, prescription)
    start = prescription.start or joined or today
    starts = phase_starts(programme, prescription, start)
    current = 0
    for index, begins in enumerate(starts):
        if begins <= today:
            current = index
    phase = programme.phases[current]
    following = next(
        ((programme.phases[i], starts[i]) for i in range(current + 1, len(starts))
         if starts[i] > today), None,
    )
    conditions = programme.phase_conditions(phase)
    routine = programme.routine(phase)
    exercises = [e for e in routine.exercises if e not in prescription.removed]
    exercises += [e for e in prescription.added
                  if e not in exercises and e in content.exercises
                  and content.exercises[e].excluded_by(conditions) is None]
    if not exercises:  # a clinician removed everything: the phase as written
        exercises = list(routine.exercises)
    doses = {**routine.doses, **prescription.doses}
    routine = replace(
        routine,
        exercises=tuple(e for e in exercises if e in content.exercises),
        doses=MappingProxyType({k: v for k, v in doses.items() if k in exercises}),
    )
    return DayPlan(programme, phase, starts[current], following, routine, conditions)
