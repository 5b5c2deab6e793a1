"""From a dose to steps and back: building the steps, easing them, timing them.

Starting a session, easing an exercise after "too painful" and estimating minutes all
do arithmetic on doses; it lives here once.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from bot.content.model import Content, Dose, Exercise
from bot.domain.records import Side
from bot.domain.routine.model import SECONDS_PER_REP, Eased, Level, Step, StepKind
from bot.domain.routine.session import Session


def build_steps(
    exercise_id: str, level: Level, dose: Dose, eased: Eased | None = None
) -> list[Step]:
    """One step per set, and per side when the dose is per side."""
    kind: StepKind = "walk" if dose.minutes else "reps" if dose.reps else "hold"
    sides: tuple[Side | None, ...] = ("left", "right") if dose.per_side else (None,)
    sets = max(1, dose.sets)
    return [
        Step(
            exercise_id=exercise_id,
            set_no=set_no,
            sets=sets,
            side=side,
            kind=kind,
            reps=dose.reps if kind == "reps" else None,
            hold=dose.hold_seconds if kind != "walk" else None,
            minutes=dose.minutes if kind == "walk" else None,
            level=level,
            eased=eased,
        )
        for set_no in range(1, sets + 1)
        for side in sides
    ]


def dose_of(step: Step) -> Dose:
    """The dose one step stands for (to describe it, or to make it gentler)."""
    return Dose(
        sets=step.sets,
        reps=step.reps,
        hold_seconds=step.hold,
        per_side=step.side is not None,
        minutes=step.minutes,
    )


def gentler(dose: Dose) -> Dose:
    """Half the reps, hold or minutes, never below a small floor nor above the old value."""

    def half(value: int | None, floor: int) -> int | None:
        return None if value is None else max(min(value, floor), value // 2)

    return Dose(
        sets=dose.sets,
        reps=half(dose.reps, 3),
        hold_seconds=half(dose.hold_seconds, 5) if not dose.reps else dose.hold_seconds,
        per_side=dose.per_side,
        minutes=half(dose.minutes, 1),
    )


def ease_rest(content: Content, s: Session, include_current: bool = False) -> None:
    """Replace the remaining steps of the current exercise with a gentler version.

    ``include_current``: the step on screen too ("easier please" before doing it);
    otherwise only the steps after it (it was just stopped as too painful).
    """
    step = s.steps[s.index]
    exercise: Exercise | None = content.exercises.get(step.exercise_id)
    if exercise is None:
        return
    eased: Eased
    if step.level != "easier" and exercise.easier.dose is not None:
        dose, eased = exercise.easier.dose, "variant"
    else:
        dose, eased = gentler(dose_of(step)), "gentler"
    first = s.index if include_current else s.index + 1
    rebuilt = [
        new
        for new in build_steps(step.exercise_id, "easier", dose, eased)
        if new.set_no > step.set_no
        or (new.set_no == step.set_no and step.side == "left" and new.side == "right")
        or (include_current and new.set_no == step.set_no and new.side == step.side)
    ]
    end = s.index + 1
    while end < len(s.steps) and s.steps[end].exercise_id == step.exercise_id:
        end += 1
    s.steps[first:end] = rebuilt


def minutes_of(steps: Sequence[Step]) -> int:
    """Rough minutes: a hold's seconds, 4 s per repetition plus its pause, a walk's minutes."""
    seconds = 0
    for step in steps:
        if step.kind == "walk":
            seconds += (step.minutes or 0) * 60
        elif step.kind == "reps":
            seconds += (step.reps or 0) * (SECONDS_PER_REP + (step.hold or 0))
        else:
            seconds += step.hold or 0
    return math.ceil(seconds / 60)
