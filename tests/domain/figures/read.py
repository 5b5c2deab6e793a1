"""Reading figures back out of the bot's texts, and working out what they should be.

``fill`` matches a rendered text against the phrasings of one message key (each
``{placeholder}`` becomes a group), so the checks read the numbers the patient reads,
whatever the wording in content/messages. ``expected_*`` work the figures out from what
the generator chose and the documented rules, without the bot's own functions.
"""

from __future__ import annotations

import math
import re
import string
from collections.abc import Collection, Iterable
from datetime import date
from functools import cache

from bot.content.model import Dose
from tests.domain.figures.patients import CONTENT, Patient


@cache
def _patterns(key: str, known: tuple[tuple[str, str], ...] = ()) -> tuple[re.Pattern[str], ...]:
    values = dict(known)
    out = []
    for phrasing in CONTENT.messages[key]:
        parts: list[str] = []
        seen: set[str] = set()
        for literal, name, _, _ in string.Formatter().parse(phrasing):
            parts.append(re.escape(literal))
            if name is None:
                continue
            if name in seen:
                parts.append(f"(?P={name})")
            else:
                body = re.escape(values[name]) if name in values else "[^\\n]+?"
                parts.append(f"(?P<{name}>{body})")
                seen.add(name)
        out.append(re.compile("^" + "".join(parts) + "$", re.MULTILINE))
    return tuple(out)


def fills(key: str, text: str, **known: str) -> list[dict[str, str]]:
    """The placeholder values of every place in ``text`` that is message ``key``;
    ``known``: values of some placeholders (a name with " to " in it, say)."""
    found: list[dict[str, str]] = []
    for pattern in _patterns(key, tuple(sorted(known.items()))):
        found += [m.groupdict() for m in pattern.finditer(text)]
    return found


def fill(key: str, text: str, **known: str) -> dict[str, str]:
    """The placeholder values of the one place in ``text`` that is message ``key``."""
    found = fills(key, text, **known)
    assert len(found) == 1, f"{key}: {len(found)} matches in {text!r}"
    return found[0]


def has(key: str, text: str) -> bool:
    return bool(fills(key, text))


def minutes_in(duration: str) -> int:
    """'1 minute' or '12 minutes' (``session_minute_one``, ``session_minutes``)."""
    for key in ("session_minute_one", "session_minutes"):
        for pattern in _patterns(key):
            if (m := pattern.fullmatch(duration)) is not None:
                return int(m["minutes"])
    raise AssertionError(f"not a duration: {duration!r}")


_DESCRIBED = re.compile(
    r"(?:(?:(?P<walks>\d+) × )?(?P<minutes>\d+) minutes"
    r"|(?P<rsets>\d+) × (?P<reps>\d+) repetitions(?:, hold (?P<top>\d+) s at the top)?"
    r"|(?P<hsets>\d+) × (?P<hold>\d+) s hold)"
    r"(?P<side>, each side)?"
)


def dose_in(text: str) -> Dose:
    """A dose as ``Dose.describe`` wrote it, read back into numbers."""
    m = _DESCRIBED.fullmatch(text.strip())
    assert m is not None, f"not a dose: {text!r}"
    side = m["side"] is not None
    if m["minutes"]:
        return Dose(sets=int(m["walks"] or 1), minutes=int(m["minutes"]), per_side=side)
    if m["reps"]:
        top = int(m["top"]) if m["top"] else None
        return Dose(sets=int(m["rsets"]), reps=int(m["reps"]), hold_seconds=top, per_side=side)
    return Dose(sets=int(m["hsets"]), hold_seconds=int(m["hold"]), per_side=side)


# --- what the figures should be ------------------------------------------------------------


def expected_dose(patient: Patient, exercise_id: str, level: str, day: date,
                  in_plan: Collection[str]) -> Dose:
    """The dose of one exercise on ``day``: another version's own dose when it has one;
    at the normal level the clinician's, else the programme phase's (for an exercise of
    the day's plan, ``in_plan``), else the card's."""
    exercise = CONTENT.exercises[exercise_id]
    if level != "normal":
        variant = exercise.easier if level == "easier" else exercise.harder
        return variant.dose or exercise.dose
    if exercise_id in in_plan:
        if exercise_id in patient.typed_doses:
            return patient.typed_doses[exercise_id][1]
        phase = patient.phase_on(day)
        for item in phase.exercises:
            if item.exercise == exercise_id and item.dose is not None:
                return item.dose
    return exercise.dose


def seconds_of(sets: int, sides: int, reps: int | None, hold: int | None,
               minutes: int | None) -> int:
    """The documented estimate: a walk's minutes, 4 s a repetition plus its pause at the
    top, a hold's seconds; for every set and side."""
    if minutes:
        one = minutes * 60
    elif reps:
        one = reps * (4 + (hold or 0))
    else:
        one = hold or 0
    return sets * sides * one


def minutes_for(doses: Iterable[Dose]) -> int:
    total = sum(seconds_of(d.sets, 2 if d.per_side else 1, d.reps, d.hold_seconds, d.minutes)
                for d in doses)
    return math.ceil(total / 60)


def half_up(part: int, whole: int) -> int:
    """A share as a whole percentage, halves up (12.5 -> 13), in exact arithmetic."""
    return (200 * part + whole) // (2 * whole)
