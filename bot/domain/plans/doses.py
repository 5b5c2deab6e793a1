"""Doses: the one in use for a patient today, and one a clinician types ("3x10").

``dose_in_use`` is the one answer to "how much of this exercise today": the routine's
steps, the exercise card and its picture's caption, the short prompt and ``/plan`` all
take it (a session's own steps carry it from then on, ``routine.steps.dose_of``).
``plan_levels`` says which version (easier, normal, harder) of each exercise a patient
does. ``Dose.describe`` in the content model is the one way a dose is written.

A typed dose is held to the content check's limits (``bot.content.model``), so a dose
typed in chat follows the same rules as one written in a programme file, and it must
fit the exercise's kind (a hold needs seconds, a walk minutes, a reps exercise
repetitions).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from bot.content.model import (
    MAX_HOLD_SECONDS,
    MAX_MINUTES,
    MAX_REPS,
    MAX_SETS,
    Dose,
    Exercise,
    ExerciseKind,
    Routine,
)
from bot.domain.profiles import Profile

Level = Literal["easier", "normal", "harder"]


def as_level(raw: object) -> Level:
    """A stored or passed level, anything unknown read as normal."""
    return "easier" if raw == "easier" else "harder" if raw == "harder" else "normal"


def plan_levels(profile: Profile, exercise_ids: Iterable[str],
                easier: bool = False) -> dict[str, Level]:
    """The version of each exercise a patient does: the plan's level (the coach moves
    it), a per-exercise choice over it, or every one easier when ``easier``."""
    overrides = profile.level_overrides
    return {
        exercise_id: "easier" if easier
        else as_level(overrides.get(exercise_id, profile.plan_level))
        for exercise_id in exercise_ids
    }


def dose_in_use(exercise: Exercise, level: str, routine: Routine | None = None) -> Dose:
    """Today's dose of one exercise: at the normal level the plan's own (a programme's or
    a clinician's, in ``routine.doses``), else the version's (``Exercise.dose_for``)."""
    if level == "normal" and routine is not None and exercise.id in routine.doses:
        return routine.doses[exercise.id]
    return exercise.dose_for(as_level(level))

_SIDE = re.compile(r"\b(each|per|a)\s+(side|leg)\b|\bper[_\s-]?side\b|\bboth sides\b")
_MINUTES = re.compile(r"^(?:(\d{1,3})\s*[x×*]\s*)?(\d{1,3})\s*(?:min|mins|minutes|m)$")
_SETS = re.compile(
    r"^(\d{1,3})\s*[x×*]\s*(\d{1,4})\s*(s|sec|secs|seconds|reps?)?"
    r"(?:\s*(?:hold|,)?\s*(?:hold\s*)?(\d{1,3})\s*(?:s|sec|secs|seconds))?$"
)


class DoseError(ValueError):
    """A dose that cannot be read or does not fit; ``str()`` says why in plain words."""


def parse_dose(text: str, kind: ExerciseKind) -> Dose:
    """The dose in ``text`` for an exercise of ``kind``, or DoseError."""
    raw = " ".join(text.lower().split())
    per_side = bool(_SIDE.search(raw))
    core = _SIDE.sub("", raw).strip(" ,")
    if (found := _MINUTES.match(core)) is not None:
        dose = Dose(sets=int(found.group(1) or 1), minutes=int(found.group(2)),
                    per_side=per_side)
    elif (found := _SETS.match(core)) is not None:
        count, amount, unit, hold = found.groups()
        seconds = unit is not None and unit.startswith("s")
        if kind == "hold" or seconds:
            dose = Dose(sets=int(count), hold_seconds=int(amount), per_side=per_side)
        else:
            dose = Dose(sets=int(count), reps=int(amount), per_side=per_side,
                        hold_seconds=int(hold) if hold else None)
    else:
        raise DoseError(f"I can't read {text.strip()[:40]!r} as a dose")
    _check(dose, kind)
    return dose


def _check(dose: Dose, kind: ExerciseKind) -> None:
    if not 1 <= dose.sets <= MAX_SETS:
        raise DoseError(f"sets must be 1 to {MAX_SETS}")
    if dose.reps is not None and not 1 <= dose.reps <= MAX_REPS:
        raise DoseError(f"repetitions must be 1 to {MAX_REPS}")
    if dose.hold_seconds is not None and not 1 <= dose.hold_seconds <= MAX_HOLD_SECONDS:
        raise DoseError(f"a hold must be 1 to {MAX_HOLD_SECONDS} seconds")
    if dose.minutes is not None and not 1 <= dose.minutes <= MAX_MINUTES:
        raise DoseError(f"minutes must be 1 to {MAX_MINUTES}")
    if kind == "walk" and dose.minutes is None:
        raise DoseError("a walk is measured in minutes, e.g. 10 min")
    if kind == "hold" and (dose.hold_seconds is None or dose.reps is not None):
        raise DoseError("a held stretch needs seconds, e.g. 2x30s")
    if kind == "reps" and dose.reps is None:
        raise DoseError("this exercise counts repetitions, e.g. 2x10")
