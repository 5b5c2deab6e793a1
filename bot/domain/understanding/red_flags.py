"""Red flags: symptoms that mean "stop exercising today and get checked".

Safety beats everything else the bot does, so the detector leans towards flagging:
a false alarm costs one day of exercise, a missed fall or a numb leg can cost far more.
Negation is handled inside a clause ("no numbness or tingling", "I didn't fall") so
people who report that they are fine are not alarmed. Pure: no ``telegram``.

The phrasings live in ``red_flag_phrases``, text normalising in ``text_norm`` and
negation in ``negation``; this module holds the flags, the safety list and the verdict.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

from bot.domain.understanding.negation import clause_start_of, clause_starts, is_negated
from bot.domain.understanding.red_flag_phrases import PATTERNS, fuzzy_hits
from bot.domain.understanding.text_norm import normalise

#: Telegram's longest message; the red-flag scan covers all of it.
MAX_SCAN_CHARS = 4096


@dataclass(frozen=True)
class RedFlag:
    """One red-flag symptom; ``emergency`` ones mean emergency services, not a clinic visit."""

    id: str
    label: str  # patient-facing, fits after "You mentioned "
    emergency: bool


RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag("fall", "a fall or an injury", False),
    RedFlag("sudden_severe_pain", "sudden or severe pain", False),
    RedFlag("cannot_bear_weight", "not being able to put weight on the leg", False),
    RedFlag("hot_swollen_fever", "a hot or swollen joint, or a fever", False),
    RedFlag("numbness", "numbness in the leg", False),
    RedFlag("tingling", "tingling or pins and needles", False),
    RedFlag("weakness", "weakness in the leg", False),
    RedFlag("night_pain", "pain that wakes you at night", False),
    RedFlag("weight_loss", "weight loss you cannot explain", False),
    RedFlag("cancer_steroids", "a history of cancer or of taking steroids", False),
    RedFlag("bladder_bowel", "trouble controlling your bladder or bowels", True),
    RedFlag("leg_shortened", "a leg that looks shorter or turned outwards", True),
)

_BY_ID: Mapping[str, RedFlag] = {flag.id: flag for flag in RED_FLAGS}

#: The patient-facing safety list (onboarding, /help). Several flags share one line; the
#: test suite checks that every flag id has a line, so the list and detector stay in step.
SAFETY_LINE_FOR: Mapping[str, str] = {
    "fall": "You had a fall or an injury to the hip or leg.",
    "leg_shortened": (
        "After a fall, the leg looks shorter or turns outwards: call emergency services."
    ),
    "sudden_severe_pain": "Pain comes on suddenly or is severe.",
    "cannot_bear_weight": "You cannot put weight on the leg.",
    "hot_swollen_fever": "The joint is hot or swollen, or you have a fever.",
    "numbness": "Numbness, tingling or weakness in the leg.",
    "tingling": "Numbness, tingling or weakness in the leg.",
    "weakness": "Numbness, tingling or weakness in the leg.",
    "night_pain": "Pain wakes you at night.",
    "weight_loss": "You are losing weight without trying.",
    "cancer_steroids": "You have had cancer or take steroid medicines (tell your clinician).",
    "bladder_bowel": (
        "You cannot control your bladder or bowels, or feel numb between the legs: "
        "call emergency services."
    ),
}


def safety_lines() -> tuple[str, ...]:
    """The red-flag list as short lines, in a stable order, each line once."""
    lines: list[str] = []
    for flag in RED_FLAGS:
        line = SAFETY_LINE_FOR[flag.id]
        if line not in lines:
            lines.append(line)
    return tuple(lines)


def flag_by_id(flag_id: str) -> RedFlag:
    """Look a flag up by id (for records that store only ids)."""
    return _BY_ID[flag_id]


@functools.lru_cache(maxsize=64)
def detect_red_flags(text: str) -> tuple[RedFlag, ...]:
    """Every red flag the message reports, in ``RED_FLAGS`` order; () when none.

    Memoised: every text message is screened by the red-flag handler and again by the
    intent classifier, and this is the costliest pass over it.

    Scans up to ``MAX_SCAN_CHARS`` characters. A symptom counts unless a negator
    ("no", "not", "didn't", "without"...) governs it within the same clause.
    """
    clean = normalise(text[:MAX_SCAN_CHARS])
    starts = clause_starts(clean)

    def counts(position: int) -> bool:
        return not is_negated(clean, position, clause_start=clause_start_of(starts, position))

    found: set[str] = set()
    for flag_id, patterns in PATTERNS.items():
        if any(counts(m.start()) for pattern in patterns for m in pattern.finditer(clean)):
            found.add(flag_id)
    for flag_id, position in fuzzy_hits(clean):
        if flag_id not in found and counts(position):
            found.add(flag_id)
    return tuple(flag for flag in RED_FLAGS if flag.id in found)
