"""The pain-monitoring model (Silbernagel 2007) that decides when to ease off or step up.

Pain during or after exercise of 0-3 is safe, 4-5 is acceptable if it has settled by
the next morning, and above 5 is too much. The next morning matters most: worse than
the day before means the load was too high. Pure: no ``telegram``, no storage.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from bot.content.model import Content, PainRules

PainZone = Literal["safe", "acceptable", "too_much"]
Level = Literal["easier", "normal", "harder"]
Change = Literal["reduce", "keep", "suggest_harder"]
Morning = Literal["better", "same", "worse"]

LEVELS: tuple[Level, ...] = ("easier", "normal", "harder")
SAFE_MAX = 3
ACCEPTABLE_MAX = 5
CALM_SESSIONS_TO_STEP_UP = 3
RED_FLAG_QUESTIONS_FROM = 7
FLARE_UP_RANGE = (6, 7)
#: From this score, even with no red flag, no exercise today: rest and see someone.
SEVERE_FROM = 8


@dataclass(frozen=True)
class SessionOutcome:
    """One finished session (most recent last): its highest pain score and whether all was done."""

    date: str
    max_pain: int | None
    all_done: bool


@dataclass(frozen=True)
class PlanDecision:
    """What to do with the plan: the level to use now, the change, and a short reason key."""

    level: Level
    change: Change
    reason: str  # e.g. "pain_above_5", "worse_next_morning", "three_easy_sessions"


def _check_score(score: int) -> int:
    if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 10:
        raise ValueError(f"a pain score is a whole number from 0 to 10, got {score!r}")
    return score


def pain_zone(score: int) -> PainZone:
    """Which zone a 0-10 score falls in: 0-3 safe, 4-5 acceptable, 6-10 too much."""
    _check_score(score)
    if score <= SAFE_MAX:
        return "safe"
    if score <= ACCEPTABLE_MAX:
        return "acceptable"
    return "too_much"


def _step_down(level: Level) -> Level:
    return LEVELS[max(0, LEVELS.index(level) - 1)]


def _calm(outcome: SessionOutcome, calm_at_most: int = SAFE_MAX) -> bool:
    """A session in the safe zone with everything done (an unknown score is not calm)."""
    return (
        outcome.max_pain is not None
        and 0 <= outcome.max_pain <= calm_at_most
        and outcome.all_done
    )


def decide_plan(
    current_level: str,
    outcomes: Sequence[SessionOutcome],
    morning: Morning | None,
    morning_pain: int | None,
    rules: PainRules | None = None,
) -> PlanDecision:
    """Decide the plan after a session or a next-morning check.

    ``rules``: the patient's programme's limits (``PainRules``); the defaults are the
    model's own (reduce above 5, three sessions at 0-3 to step up). A programme can only
    make them stricter: the content check refuses a reduce limit above 5.

    ``outcomes`` are the sessions since the last plan change, most recent last (so a
    step up is never suggested again straight after the user chose a level).
    Reducing wins over everything: pain above 5 in the last session or this morning,
    or a morning worse than the day before, moves one level down (never below easier).
    Three calm sessions in a row (0-3, all done) suggest the next level up; the level
    itself only changes when the user says yes.
    """
    if current_level not in LEVELS:
        raise ValueError(f"unknown plan level {current_level!r}; expected one of {LEVELS}")
    level: Level = LEVELS[LEVELS.index(current_level)]  # narrowed for the type checker
    if morning_pain is not None:
        _check_score(morning_pain)
    limits = rules or PainRules(ACCEPTABLE_MAX, SAFE_MAX, CALM_SESSIONS_TO_STEP_UP)
    reduce_above = min(limits.reduce_above, ACCEPTABLE_MAX)
    last = outcomes[-1] if outcomes else None
    if last is not None and last.max_pain is not None and last.max_pain > reduce_above:
        return PlanDecision(_step_down(level), "reduce", "pain_above_5")
    if morning_pain is not None and morning_pain > reduce_above:
        return PlanDecision(_step_down(level), "reduce", "morning_pain_above_5")
    if morning == "worse":
        return PlanDecision(_step_down(level), "reduce", "worse_next_morning")
    recent = outcomes[-limits.calm_sessions:]
    if len(recent) == limits.calm_sessions and all(
        _calm(o, limits.calm_at_most) for o in recent
    ):
        if level == "easier":
            return PlanDecision(level, "suggest_harder", "back_to_normal")
        if level == "normal":
            return PlanDecision(level, "suggest_harder", "three_easy_sessions")
        return PlanDecision(level, "keep", "top_level")
    if last is not None and last.max_pain is not None and last.max_pain > SAFE_MAX:
        return PlanDecision(level, "keep", "acceptable_pain")
    return PlanDecision(level, "keep", "steady")


#: Every reason ``decide_plan`` can give; each has a ``coach_plan_<reason>`` message.
PLAN_REASONS: tuple[str, ...] = (
    "pain_above_5",
    "morning_pain_above_5",
    "worse_next_morning",
    "back_to_normal",
    "three_easy_sessions",
    "top_level",
    "acceptable_pain",
    "steady",
)


def explain(
    decision: PlanDecision, content: Content, rng: random.Random | None = None
) -> str:
    """One sentence telling the user what changes and why (text from coach.yaml)."""
    return content.text(f"coach_plan_{decision.reason}", rng)


def needs_red_flag_questions(score: int) -> bool:
    """Pain of 7 or more: ask the red-flag questions before anything else."""
    return _check_score(score) >= RED_FLAG_QUESTIONS_FROM


def is_severe(score: int) -> bool:
    """Pain of 8 or more: too much for even the flare-up plan today."""
    return _check_score(score) >= SEVERE_FROM


def is_flare_up(score: int, has_red_flag: bool) -> bool:
    """Pain of 6-7 with no red flag: a flare-up day (mobility only, streak paused)."""
    low, high = FLARE_UP_RANGE
    return low <= _check_score(score) <= high and not has_red_flag
