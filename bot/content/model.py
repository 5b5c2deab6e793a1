"""The content model: exercises, reasons, routine and messages as plain dataclasses.

Clinicians edit the YAML files under ``content/``; this module turns them into
frozen dataclasses so the rest of the bot never touches raw YAML. It never
imports ``telegram``.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
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
    "sit_to_stand",
    "clamshell",
    "side_lying_abduction",
    "mini_squat",
    "step_up",
    "heel_raise",
    "standing_hip_extension",
    "standing_march",
    "single_leg_balance",
    "supine_piriformis_stretch",
    "hamstring_stretch",
    "knee_to_chest",
    "ankle_pumps",
    "quad_sets",
    "glute_sets",
    "heel_slides",
    "assisted_walk",
)

ExerciseKind = Literal["hold", "reps", "walk"]

#: Limits that catch typos such as a 3000-second hold; generous for real plans. The
#: content check and a dose a clinician types in chat are held to the same ones.
MAX_SETS = 10
MAX_REPS = 100
MAX_HOLD_SECONDS = 600
MAX_MINUTES = 120

#: The time estimate's seconds per repetition, before its pause at the top.
SECONDS_PER_REP = 4


def set_seconds(reps: int | None, hold_seconds: int | None, minutes: int | None) -> int:
    """Rough seconds of one set on one side: a walk's minutes, 4 s per repetition plus
    its pause at the top, or a hold's seconds. The one estimate behind every "about N
    minutes": a routine's steps (``bot.domain.routine.steps.minutes_of``) and the check of
    a programme phase's declared ``minutes`` both add these up."""
    if minutes:
        return minutes * 60
    if reps:
        return reps * (SECONDS_PER_REP + (hold_seconds or 0))
    return hold_seconds or 0


def minutes_of_seconds(seconds: Iterable[int]) -> int:
    """Whole minutes, rounded up, of the seconds given (``set_seconds`` of each set)."""
    return math.ceil(sum(seconds) / 60)


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
            walks = f"{self.sets} × " if self.sets > 1 else ""
            parts.append(f"{walks}{self.minutes} minutes")
        elif self.reps:
            parts.append(f"{self.sets} × {self.reps} repetitions")
            if self.hold_seconds:
                parts.append(f"hold {self.hold_seconds} s at the top")
        elif self.hold_seconds:
            parts.append(f"{self.sets} × {self.hold_seconds} s hold")
        if self.per_side:
            parts.append("each side")
        return ", ".join(parts)

    def seconds_of_sets(self) -> list[int]:
        """``set_seconds`` of every set and side this dose asks for."""
        sides = 2 if self.per_side else 1
        one = set_seconds(self.reps, self.hold_seconds, self.minutes)
        return [one] * (max(1, self.sets) * sides)


@dataclass(frozen=True)
class Variant:
    """An easier or harder version of an exercise; its dose replaces the base dose if set."""

    name: str
    description: str
    dose: Dose | None = None


@dataclass(frozen=True)
class Precaution:
    """A condition that rules an exercise out, and why, in words a patient understands."""

    condition: str  # a Condition id from precautions.yaml
    why: str


@dataclass(frozen=True)
class Condition:
    """A clinical situation with movement restrictions (hip precautions after surgery)."""

    id: str
    name: str
    explanation: str


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
    descriptions: tuple[str, ...] = ()  # lay descriptions: "the one on your side..."
    precautions: tuple[Precaution, ...] = ()  # conditions that rule it out, and why

    def excluded_by(self, conditions: frozenset[str] | set[str]) -> Precaution | None:
        """The first of this card's precautions that ``conditions`` trigger, or None."""
        return next((p for p in self.precautions if p.condition in conditions), None)

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
    """One day's routine and the gentler plan for a flare-up day.

    ``content.routine`` is the default programme's first phase; a patient's own routine
    comes from their plan (``bot.domain.plans``) with the same shape. ``doses`` replaces
    a card's normal dose where the programme or a clinician set another one.
    """

    exercises: tuple[str, ...]
    minutes: int
    mobility_only: tuple[str, ...]
    doses: Mapping[str, Dose] = field(default_factory=dict)
    programme: str = ""
    phase: str = ""
    walk_goal_minutes: int | None = None


@dataclass(frozen=True)
class PainRules:
    """The pain-monitoring model's limits as a programme sets them (0-10 scores).

    ``reduce_above``: pain above it in a session or a morning moves one level easier;
    ``calm_at_most`` and ``calm_sessions``: that many calm, complete sessions in a row
    suggest the next level up.
    """

    reduce_above: int = 5
    calm_at_most: int = 3
    calm_sessions: int = 3


@dataclass(frozen=True)
class PlanItem:
    """One exercise of a phase, with the programme's dose when it differs from the card."""

    exercise: str
    dose: Dose | None = None


@dataclass(frozen=True)
class Phase:
    """A stage of a programme, from a week counted from the day the programme starts."""

    id: str
    name: str
    from_week: int
    minutes: int
    exercises: tuple[PlanItem, ...]
    conditions: tuple[str, ...] = ()
    walk_goal_minutes: int | None = None
    note: str = ""


@dataclass(frozen=True)
class Programme:
    """A prescribable programme: phases by week, precautions, a flare-up plan, pain rules."""

    id: str
    name: str
    summary: str
    phases: tuple[Phase, ...]
    flare_up: tuple[str, ...]
    conditions: tuple[str, ...] = ()
    default: bool = False
    alternatives: Mapping[str, str] = field(default_factory=dict)
    rules: PainRules = PainRules()

    def phase_conditions(self, phase: Phase) -> frozenset[str]:
        """Every condition in force during ``phase``: the programme's and the phase's."""
        return frozenset(self.conditions) | frozenset(phase.conditions)

    def phase_by_id(self, phase_id: str) -> Phase | None:
        return next((p for p in self.phases if p.id == phase_id), None)

    def routine(self, phase: Phase) -> Routine:
        """The routine one phase prescribes, with the programme's own doses."""
        return Routine(
            exercises=tuple(item.exercise for item in phase.exercises),
            minutes=phase.minutes,
            mobility_only=self.flare_up,
            doses=MappingProxyType(
                {item.exercise: item.dose for item in phase.exercises if item.dose is not None}
            ),
            programme=self.id,
            phase=phase.id,
            walk_goal_minutes=phase.walk_goal_minutes,
        )


@dataclass(frozen=True)
class FaqEntry:
    """One everyday question (``content/faq.yaml``): a short title, the answer in plain
    words, and keywords that point to it beside the words of the title and answer."""

    id: str
    title: str
    answer: str
    keywords: tuple[str, ...] = ()
    #: The answer to a question that mentions a warning sign (one entry at most).
    warning_signs: bool = False
    #: Ways patients have asked it (``content/faq_askings.yaml``), for the sentence encoder.
    askings: tuple[str, ...] = ()


@dataclass(frozen=True)
class Content:
    """Everything under content/, validated."""

    exercises: Mapping[str, Exercise]
    reasons: Mapping[str, Reason]
    routine: Routine
    messages: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    programmes: Mapping[str, Programme] = field(default_factory=dict)
    conditions: Mapping[str, Condition] = field(default_factory=dict)
    faq: Mapping[str, FaqEntry] = field(default_factory=dict)

    @property
    def default_programme(self) -> Programme | None:
        """The programme a patient without an assignment follows."""
        return next((p for p in self.programmes.values() if p.default), None)

    def text(self, key: str, rng: random.Random | None = None, **values: object) -> str:
        """A message by key: one of its phrasings, formatted with ``values``."""
        options = self.messages[key]
        chosen = options[0] if len(options) == 1 else (rng or random).choice(options)
        return chosen.format(**values) if values else chosen
