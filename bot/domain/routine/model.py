"""The words of a guided routine: its constants, the literal types and one ``Step``.

Every other module of the package speaks in these terms, so they sit at the bottom
and import nothing from the package.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal, get_args

from bot.domain.records import Side

VERSION = 1
#: A pain score at or above this, after "too painful", hands over to the red-flag check.
RED_FLAG_PAIN = 7
MAX_REPS = 500

Level = Literal["easier", "normal", "harder"]
Phase = Literal[
    "pain_before", "step", "pain_painful", "red_flag_check", "pain_after", "finished",
    "cancelled",
]  # fmt: skip
StepKind = Literal["hold", "reps", "walk"]
Outcome = Literal["done", "skip", "painful"]
Eased = Literal["variant", "gentler"]
PainContext = Literal["before", "painful", "after"]
SessionKind = Literal["routine", "mobility", "custom"]

LEVELS: tuple[str, ...] = get_args(Level)
PHASES: tuple[str, ...] = get_args(Phase)
ENDED: tuple[str, ...] = ("finished", "cancelled")
STEP_PHASES = ("step", "pain_painful", "red_flag_check")
PAIN_PHASES: dict[str, PainContext] = {
    "pain_before": "before",
    "pain_painful": "painful",
    "pain_after": "after",
}


@dataclass
class Step:
    """One set (and side) of one exercise, as the user is asked to do it."""

    exercise_id: str
    set_no: int
    sets: int
    side: Side | None
    kind: StepKind
    reps: int | None
    hold: int | None  # seconds: the hold, or for reps the pause at the top
    minutes: int | None
    level: Level
    eased: Eased | None = None  # rebuilt after "too painful": the easier variant, or gentler
    outcome: Outcome | None = None


def check_now(now: datetime) -> None:
    """Refuse a naive ``now``: every stamp the routine writes is in UTC."""
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
