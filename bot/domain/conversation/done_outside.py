"""What a "done" typed outside a routine records: never a question first, always a record.

A patient who types "done" and puts the phone down must not lose the day, so the bot
records its best reading at once and offers to correct it (Undo, another exercise):
the exercises named, the whole routine ("all done"), or else the exercise due next.
Pure: no ``telegram``, no storage.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bot.domain.understanding.reading import Slots

#: "did 30 sets" is a typo or a joke: record at most this many sets of one exercise.
MAX_SETS = 10


@dataclass(frozen=True)
class DonePlan:
    """The sets to record: each exercise ``sets`` times, ``reps`` each (None: the dose's)."""

    exercises: tuple[str, ...]
    sets: int
    reps: int | None
    whole_routine: bool
    guessed: bool  # nothing named: the exercise due next was assumed


def plan_done(
    slots: Slots,
    known: Iterable[str],
    routine: Sequence[str],
    done_today: Iterable[str],
    last_prompted: str | None = None,
) -> DonePlan:
    """The best reading of "done" outside a routine (``known``: the library's ids)."""
    library = set(known)
    sets = max(1, min(slots.sets or 1, MAX_SETS))
    if slots.all and routine:
        return DonePlan(tuple(routine), 1, None, whole_routine=True, guessed=False)
    named = tuple(dict.fromkeys(e for e in slots.exercises if e in library))
    if named:
        return DonePlan(named, sets, slots.reps, whole_routine=False, guessed=False)
    return DonePlan((next_due(routine, done_today, last_prompted, library),), sets,
                    slots.reps, whole_routine=False, guessed=True)


def next_due(
    routine: Sequence[str], done_today: Iterable[str], last_prompted: str | None,
    library: set[str],
) -> str:
    """The exercise last prompted today, else the first of the routine not done today."""
    if last_prompted in library:
        return str(last_prompted)
    done = set(done_today)
    for exercise_id in routine:
        if exercise_id not in done:
            return exercise_id
    return routine[0] if routine else sorted(library)[0]
