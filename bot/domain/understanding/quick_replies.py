"""The commonest replies, read without the model: a bare "done" or a bare score.

Most messages during a routine are exactly these, and their meaning is not in doubt, so
they skip the ranking model (about half a millisecond each). The red-flag scan still
reads them (``interpret``). ``tests/domain/understanding/test_quick_replies.py`` checks
that each gives the same reading as the full path.
"""

from __future__ import annotations

import re

from bot.domain.understanding.reading import Reading, Slots
from bot.domain.understanding.text_norm import normalise

_DONE = re.compile(
    r"(?:done|dun|dne|dunnit|dunit|finished|complete|completed|did it|done it)"
    r"[\s.!]*(?:[👍✅💪🙌]\s*)*"
)
_SCORE = re.compile(r"(10|[0-9])(?:\s*/\s*10)?[\s.!]*")
#: Only this short: a longer message may say more than its first words.
MAX_CHARS = 24


def quick_reading(text: str) -> Reading | None:
    """The reading of a bare "done" or "7" (or "7/10"); None for anything else."""
    if len(text) > MAX_CHARS:
        return None
    clean = normalise(text)
    if _DONE.fullmatch(clean):
        return Reading("done", 0.999, Slots())
    score = _SCORE.fullmatch(clean)
    if score:
        return Reading("pain", 0.977, Slots(score=int(score.group(1)), when="unspecified"))
    return None
