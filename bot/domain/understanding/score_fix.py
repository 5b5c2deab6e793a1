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
    rf"|\bshould\s+(?:have\s+|'ve\s+|of\s+)?(?:been|be|say|said|read)\s+{_N}\b"
    rf"|\b(?:it\s+was|it'?s|its|it\s+is|pain\s+(?:is|was))\s+(?:actually|really|only|more\s+like)"
    rf"\s+{_N}\b"
    rf"|\b{_N}\s*,?\s+not\s+{_N}\b"
    rf"|\bnot\s+{_N}\s*[,.;]?\s+(?:it'?s\s+|it\s+was\s+|but\s+)?(?:more\s+like\s+)?{_N}\b"
)


def corrected_score(text: str) -> int | None:
    """The 0-10 score the message says a recorded one should have been, or None."""
    match = _RIGHT.search(normalise(text)[:300])
    if match is None:
        return None
    groups = [g for g in match.groups() if g is not None]
    # "not 8, 3": the right one comes second; everywhere else it comes first
    raw = groups[-1] if match.group().startswith("not") else groups[0]
    value = WORD_NUMBERS[raw] if raw in WORD_NUMBERS else int(raw)
    return value if 0 <= value <= 10 else None
