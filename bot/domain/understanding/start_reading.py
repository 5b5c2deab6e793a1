"""A typed request to start today's routine now: "start today's routine", "let's go".

Patients copy the Start button's words, or answer a reminder in their own ("ready when
you are", "ok lets do the exercises"). Read by the model, such a message looked like a
wish to rest or nothing at all; it is a request the bot can carry out at once, as the
button would. Only short messages that are the request and nothing else count: "can I
start again next week", "started the routine" or "start at 8" say something else, and
"not ready yet" is no start.

Pure: no ``telegram``; reads the normalised, respelt text (``meaning.prepare``).
"""

from __future__ import annotations

import re

#: Longer messages say more than "start": their other readings decide.
MAX_START_CHARS = 60

_POLITE = r"(?:(?:ok(?:ay)?|right|alright|yes|yep|yeah|sure|go on|come on|so|now)[\s,.!]+)?"
_PLEASE = r"(?:[\s,]+(?:please|pls|plz|then|now|thanks|thx|thank you))*"
_WHAT = (
    r"(?:(?:today'?s|todays|my|the|our|this|tonight'?s|this morning'?s|this evening'?s)\s+)?"
    r"(?:daily\s+|guided\s+)?"
    r"(?:routine|exercises?|session|workout|stretches|stretching|programme|program"
    r"|movements?|physio)"
)
_START = re.compile(
    _POLITE
    + r"(?:"
    # "start today's routine", "begin my exercises", "let's start the session now"
    + r"(?:let'?s\s+|lets\s+|can we\s+|shall we\s+|i want to\s+|i'd like to\s+"
    + r"|id like to\s+|i'm going to\s+|im going to\s+|time to\s+)?"
    + r"(?:start|begin|do|go through|run)\s+" + _WHAT
    # "let's go", "let's do it", "let's start", "lets get going"
    + r"|let'?s\s+(?:go|start|begin|do (?:it|this)|get (?:going|started|moving))"
    + r"|lets\s+(?:go|start|begin|do (?:it|this)|get (?:going|started|moving))"
    # "ready", "I'm ready to start", "ready when you are"
    + r"|(?:i'?m\s+|im\s+|i am\s+)?ready(?:\s+to\s+(?:start|go|begin))?"
    + r"(?:\s+when you are)?"
    # "start", "begin", "start ▶"
    + r"|start|begin|start now|begin now"
    + r")"
    + _PLEASE
    + r"[\s.!?]*(?:[▶️👍💪🙌😊🙂]\s*)*"
)
_ARROW = re.compile(r"^[\s▶️►]+|[\s▶️►]+$")


def asks_to_start(respelt: str) -> bool:
    """Whether the message is a request to start today's routine now, and only that."""
    if len(respelt) > MAX_START_CHARS:
        return False
    return _START.fullmatch(_ARROW.sub("", respelt)) is not None
