"""From a dose to steps and back: building the steps, easing them, timing them.

Starting a session, easing an exercise after "too painful" and estimating minutes all
do arithmetic on doses; it lives here once. ``minutes_of`` is the one length of a
routine: announced from the steps at the start, summed over the steps done at the end,
and (through ``routine_minutes``) named by the reminder and after onboarding.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from bot.content.model import Content, Dose, Exercise, Routine, minutes_of_seconds, set_seconds
from bot.domain.plans.doses import as_level, dose_in_use
from bot.domain.records import Side
from bot.domain.routine.model import Eased, Level, Step, StepKind
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

    ``include_current``: the step on screen too ("easier please" before doing it), which
    therefore always stays, at the gentler dose (when that dose has fewer sets than the
    set on screen, or no sides where the old one had them, it is stretched to keep it);
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
    if include_current and dose.sets < step.set_no:
        dose = replace(dose, sets=step.set_no)
    first = s.index if include_current else s.index + 1
    rebuilt = [
        new
        for new in build_steps(step.exercise_id, "easier", dose, eased)
        if _still_to_do(new, step, include_current)
    ]
    end = s.index + 1
    while end < len(s.steps) and s.steps[end].exercise_id == step.exercise_id:
        end += 1
    s.steps[first:end] = rebuilt


def _still_to_do(new: Step, current: Step, include_current: bool) -> bool:
    """Whether a rebuilt step comes after the one on screen (or is it, when included)."""
    if new.set_no != current.set_no:
        return new.set_no > current.set_no
    if include_current:  # the set on screen, without a side already done
        return not (current.side == "right" and new.side == "left")
    return current.side == "left" and new.side == "right"


def minutes_of(steps: Sequence[Step]) -> int:
    """Rough minutes, rounded up: a hold's seconds, 4 s per repetition plus its pause, a
    walk's minutes (``bot.content.model.set_seconds``, as the content check counts)."""
    return minutes_of_seconds(set_seconds(step.reps, step.hold, step.minutes) for step in steps)


def routine_steps(
    content: Content,
    routine: Routine,
    exercise_ids: Sequence[str],
    levels: Mapping[str, str] | None = None,
) -> list[Step]:
    """The steps of these exercises at the patient's levels, each at its dose in use
    (``dose_in_use``). Unknown ids raise."""
    steps: list[Step] = []
    for exercise_id in exercise_ids:
        exercise = content.exercises.get(exercise_id)
        if exercise is None:
            raise ValueError(f"unknown exercise {exercise_id!r}")
        level: Level = as_level((levels or {}).get(exercise_id))
        steps += build_steps(exercise.id, level, dose_in_use(exercise, level, routine))
    return steps


def routine_minutes(
    content: Content, routine: Routine | None = None, levels: Mapping[str, str] | None = None
) -> int:
    """How long the whole routine takes at the patient's levels: the minutes its start
    will announce (``routine``: the patient's own; None for ``content.routine``)."""
    plan = routine or content.routine
    known = [e for e in plan.exercises if e in content.exercises]
    return minutes_of(routine_steps(content, plan, known, levels))
