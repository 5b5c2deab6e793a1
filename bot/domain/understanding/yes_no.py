"""A short typed answer to a yes/no question: "yes please", "ok go ahead", "nope", "no thanks".

For questions that show Yes/No buttons (consent), so a patient who types instead of
tapping is understood. Only short replies count; "yes but what do you store?" or "not
sure" are neither, and the question is asked again. Pure: no ``telegram``.
"""

from __future__ import annotations

import re
from typing import Literal

from bot.domain.understanding.text_norm import normalise

MAX_WORDS = 6
_YES = re.compile(
    r"^(?:y|yes+|yea+h?|yep|yup|ya|sure|ok(?:ay)?|k|fine|of course|go ahead|please do"
    r"|that'?s fine|absolutely|definitely|alright|all right|i agree|agreed|store them"
    r"|yes store (?:them|my replies|it)|do it)(?:\s+(?:please|pls|plz|thanks|thank you|thx|ta"
    r"|cheers|go ahead|go on"
    r"|store (?:them|my replies|it|away)|you can|that'?s ok"
    r"|that'?s fine|ok|fine|sure|i have|i was|i've been(?: checked| seen)?|they did"
    r"|i did|checked|all checked|been checked|been seen))*$"
)
_NO = re.compile(
    r"^(?:n|no+|nope|nah|no thanks?|no thank you|rather not|i'?d rather not|don'?t"
    r"|not yet|no not yet|nope not yet|not so far|no i haven'?t|haven'?t yet"
    r"|please don'?t|do not|not really|i don'?t want (?:that|to|you to)"
    r"|don'?t store (?:them|anything|my replies))(?:\s+(?:thanks|thank you|please"
    r"|thx|pls|plz|ta|cheers))*$"
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


#: Longest reply read as an answer to the red-flag screen; a longer one is read whole.
SCREEN_MAX_WORDS = 12
_SCREEN_YES = re.compile(
    r"^(?:y|yes+|yea+h?|yep|yup|ya|i think so|think so|probably|one of them"
    r"|at least one|some of them|a few of them|a couple of them|ticks? (?:one|a box))\b"
)
_SCREEN_NO = re.compile(
    r"^(?:(?:no+|nope|nah)(?:\s+(?:none|nun|nothing|to all|not any))?(?:\s+(?:of (?:these|them"
    r"|those|that|the above)|like that|at all))?|(?:none|nun|non)(?:\s+of (?:these|them|those|that"
    r"|the above))?(?: at all)?|nothing(?: like that| of (?:the sort|that sort))?"
    r"|not any of (?:these|them|those)|no to all(?: of (?:these|them|those))?"
    r"|all clear|none apply|none of it)(?:\s*(?:thanks|thank you|thx|i'?m (?:ok|fine)"
    r"|all (?:ok|fine)|just (?:sore|the pain|stiff|achy|the usual)))*$"
)
_UNSURE = re.compile(r"\b(?:not sure|no idea|dunno|don'?t know|unsure|maybe|no clue)\b")


ScreenAnswer = Literal["yes", "no", "unsure"]


def screening_answer(text: str) -> ScreenAnswer | None:
    """A typed answer to the red-flag screen ("is any of these true for you?").

    A yes is read generously (any reply opening with one, "I think so"): it is the
    danger answer, so a doubtful yes errs towards care. A no must be a plain one ("no",
    "none of these", "nothing like that, just sore"); "not sure" is "unsure", and gets
    a word on what to do when unsure. None: not an answer at all. The caller reads the
    message for red flags first.
    """
    clean = re.sub(r"[^\w' ]+", " ", normalise(text)).strip()
    clean = re.sub(r"\s+", " ", clean)
    if not clean or len(clean.split()) > SCREEN_MAX_WORDS:
        return None
    plain = yes_or_no(clean)
    if plain is True or _SCREEN_YES.match(clean):
        return "yes"  # before "unsure": "yes, not sure it matters" is a yes
    if _UNSURE.search(clean):
        return "unsure"
    if plain is False or _SCREEN_NO.match(clean):
        return "no"
    return None
