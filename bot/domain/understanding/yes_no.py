"""A short typed answer to a yes/no question: "yes please", "ok go ahead", "nope", "no thanks".

For questions that show Yes/No buttons (consent), so a patient who types instead of
tapping is understood. Only short replies count; "yes but what do you store?" or "not
sure" are neither, and the question is asked again. Pure: no ``telegram``.
"""

from __future__ import annotations

import re

from bot.domain.understanding.text_norm import normalise

MAX_WORDS = 6
_YES = re.compile(
    r"^(?:y|yes+|yea+h?|yep|yup|ya|sure|ok(?:ay)?|k|fine|of course|go ahead|please do"
    r"|that'?s fine|absolutely|definitely|alright|all right|i agree|agreed|store them"
    r"|yes store (?:them|my replies|it)|do it)(?:\s+(?:please|thanks|thank you|go ahead"
    r"|that'?s fine|ok|fine|sure|i have|i was|i've been(?: checked| seen)?|they did"
    r"|i did|checked|all checked|been checked|been seen))*$"
)
_NO = re.compile(
    r"^(?:n|no+|nope|nah|no thanks?|no thank you|rather not|i'?d rather not|don'?t"
    r"|not yet|no not yet|nope not yet|not so far|no i haven'?t|haven'?t yet"
    r"|please don'?t|do not|not really|i don'?t want (?:that|to|you to)"
    r"|don'?t store (?:them|anything|my replies))(?:\s+(?:thanks|thank you|please"
    r"|thx))*$"
)


def yes_or_no(text: str) -> bool | None:
    """True for a yes, False for a no, None for anything else."""
    clean = re.sub(r"[^\w' ]+", " ", normalise(text)).strip()
    clean = re.sub(r"\s+", " ", clean)
    if not clean or len(clean.split()) > MAX_WORDS:
        return None
    if _YES.match(clean):
        return True
    if _NO.match(clean):
        return False
    return None
