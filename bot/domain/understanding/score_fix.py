"""A pain score put right in words: "that 8 was a typo, I meant 3", "should have been a 2".

An undo that names the score it should have been: the bot takes back the wrong score and
records the right one, instead of removing the newest exercise record. Pure: no
``telegram``.
"""

from __future__ import annotations

import re

from bot.domain.understanding.pain_reading import WORD_NUMBERS
from bot.domain.understanding.text_norm import normalise

_N = rf"(?:an?\s+)?(\d{{1,2}}|{'|'.join(WORD_NUMBERS)})(?:\s*(?:/|out\s+of)\s*(?:10|ten))?"
#: The right score, in the first group that matched.
_RIGHT = re.compile(
    rf"\bmeant\s+(?:to\s+(?:say|put|type|press|be)\s+)?(?:it\s+as\s+)?{_N}\b"
    rf"|\b(?:should|shud|shoulda)\s+(?:have\s+|'ve\s+|of\s+)?(?:been|be|say|said|read)\s+{_N}\b"
    # not "my pain is really a 6 today": a report; "actually" and "more like" put one right
    rf"|\b(?:it|that)\s+was\s+(?:actually|more\s+like)\s+{_N}\b"
    rf"|\b{_N}\s*,?\s+not\s+{_N}\b"
    rf"|\bnot\s+{_N}\s*[,.;]?\s+(?:it'?s\s+|it\s+was\s+|but\s+)?(?:more\s+like\s+)?{_N}\b"
)


def score_fix(text: str) -> tuple[int, int | None] | None:
    """The score a recorded one should have been, and the wrong one when the message names
    it ("typed 9, meant 2", "3 not 8"); None when it puts no score right."""
    clean = normalise(text)[:300]
    match = _RIGHT.search(clean)
    if match is None:
        return None
    groups = [g for g in match.groups() if g is not None]
    if len(groups) == 2:  # "3 not 8" names both; "not 8, 3" names the wrong one first
        right, wrong = (groups[1], groups[0]) if match.group().startswith("not") else groups
    else:
        before = _ANY_NUMBER.findall(clean[: match.start()])
        right, wrong = groups[0], before[-1] if before else None
    value = _value(right)
    return None if value is None else (value, _value(wrong) if wrong is not None else None)


def corrected_score(text: str) -> int | None:
    """The 0-10 score the message says a recorded one should have been, or None."""
    fix = score_fix(text)
    return None if fix is None else fix[0]


def _value(raw: str) -> int | None:
    value = WORD_NUMBERS[raw] if raw in WORD_NUMBERS else int(raw)
    return value if 0 <= value <= 10 else None


_ANY_NUMBER = re.compile(rf"\b(\d{{1,2}}|{'|'.join(WORD_NUMBERS)})\b")


#: A message about a score: "the 4 I typed was my blood sugar not my pain".
_ABOUT_A_SCORE = re.compile(r"\b(?:pain|score|number|scale)\b|\b\d{1,2}\s*(?:/|out\s+of)\s*10\b")


def about_a_score(text: str) -> bool:
    """Whether an undo speaks of a score, so it takes back the pain score, not an exercise."""
    return corrected_score(text) is not None or bool(_ABOUT_A_SCORE.search(normalise(text)))
