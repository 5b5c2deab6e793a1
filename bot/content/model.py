"""The content model: exercises, reasons, routine and messages as plain dataclasses.

Clinicians edit the YAML files under ``content/``; this module turns them into
frozen dataclasses so the rest of the bot never touches raw YAML. It never
imports ``telegram``.
"""

from __future__ import annotations

import random
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

#: The article's five reasons why movement beats rest alone.
REASON_IDS: tuple[str, ...] = ("flexibility", "strength", "circulation", "compensation", "mood")

#: The built-in illustrations an exercise's ``pose`` may name; ``bot.media.drawings`` draws
#: each of them, in this order.
KNOWN_POSES: tuple[str, ...] = (
    "seated_hip_flexor",
    "standing_abduction",
    "glute_bridge",
    "figure_four",
    "walking",
    "standing",
)

ExerciseKind = Literal["hold", "reps", "walk"]


@dataclass(frozen=True)
class Dose:
    """How much of an exercise: sets of repetitions, or sets of timed holds, or minutes."""

    sets: int
    reps: int | None = None
    hold_seconds: int | None = None
    per_side: bool = False
    minutes: int | None = None

    def describe(self) -> str:
        """One short line such as '2-3 × 30 s hold, each side'."""
        parts: list[str] = []
        if self.minutes:
            parts.append(f"{self.minutes} minutes")
        elif self.reps:
            parts.append(f"{self.sets} × {self.reps} repetitions")
            if self.hold_seconds:
                parts.append(f"hold {self.hold_seconds} s at the top")
        elif self.hold_seconds:
            parts.append(f"{self.sets} × {self.hold_seconds} s hold")
        if self.per_side:
            parts.append("each side")
        return ", ".join(parts)


@dataclass(frozen=True)
class Variant:
    """An easier or harder version of an exercise; its dose replaces the base dose if set."""

    name: str
    description: str
    dose: Dose | None = None


@dataclass(frozen=True)
class Exercise:
    """One exercise card."""

    id: str
    name: str
    kind: ExerciseKind
    aliases: tuple[str, ...]
    position: str
    steps: tuple[str, ...]
    dose: Dose
    helps: tuple[str, ...]  # reason ids from REASON_IDS
    why: str
    cues: tuple[str, ...]
    stop_if: str
    easier: Variant
    harder: Variant
    goals: tuple[str, ...] = ()  # goal or body words: "tight hips", "weak glutes"
    pose: str = "standing"  # which built-in illustration to draw, from KNOWN_POSES

    def dose_for(self, level: Literal["easier", "normal", "harder"] = "normal") -> Dose:
        """The dose at a plan level, falling back to the base dose."""
        if level == "easier" and self.easier.dose is not None:
            return self.easier.dose
        if level == "harder" and self.harder.dose is not None:
            return self.harder.dose
        return self.dose


@dataclass(frozen=True)
class Reason:
    """One of the article's reasons, with several phrasings so the bot does not repeat itself."""

    id: str
    title: str
    texts: tuple[str, ...]


@dataclass(frozen=True)
class Routine:
    """The default daily routine and the gentler plan for a flare-up day."""

    exercises: tuple[str, ...]
    minutes: int
    mobility_only: tuple[str, ...]


@dataclass(frozen=True)
class Content:
    """Everything under content/, validated."""

    exercises: Mapping[str, Exercise]
    reasons: Mapping[str, Reason]
    routine: Routine
    messages: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def text(self, key: str, rng: random.Random | None = None, **values: object) -> str:
        """A message by key: one of its phrasings, formatted with ``values``."""
        options = self.messages[key]
        chosen = options[0] if len(options) == 1 else (rng or random).choice(options)
        return chosen.format(**values) if values else chosen
