"""The older one-word reading of a message: ``classify(text) -> Intent``.

Kept for the callers written before ``interpret`` (``reading.py`` is the contract now);
it is derived from ``interpret``, so both always agree. A live red flag wins
(``Intent("redflag", flags=<categories>)``); otherwise the top reading, with the kinds
this API knows: an "undo" ("sorry, I didn't actually do that") reads as "rest" (not
done), and a question reads as "exercise" when it names an exercise or asks for one
("something for tight hips"), else "unknown".

Pain results: ``Intent("pain", pain=n)`` for a score 0-10; ``Intent("pain", pain=None)``
when the message talks about pain but gives no usable score, including numbers outside
0-10 ("11/10", "-3"), so the handler can ask for "a number from 0 to 10".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from bot.domain.understanding.interpret import MAX_INTENT_CHARS, interpret
from bot.domain.understanding.pain_reading import parse_pain

__all__ = ["INTENT_KINDS", "MAX_INTENT_CHARS", "MAX_REPS", "Intent", "classify", "parse_pain"]

IntentKind = Literal["done", "rest", "pain", "redflag", "exercise", "social", "unknown"]
INTENT_KINDS: tuple[IntentKind, ...] = (
    "done", "rest", "pain", "redflag", "exercise", "social", "unknown",
)
MAX_REPS = 500
#: Questions the older API answered with an exercise card.
_EXERCISE_TOPICS = frozenset({"exercise suggestion", "easier", "harder"})
_SAME_KIND: dict[str, IntentKind] = {
    "done": "done", "rest": "rest", "pain": "pain", "exercise": "exercise",
    "social": "social", "unknown": "unknown", "undo": "rest",
}


@dataclass(frozen=True)
class Intent:
    """A classified message; ``pain`` is 0-10 or None, ``flags`` holds red-flag ids."""

    kind: IntentKind
    pain: int | None = None
    reps: int | None = None
    flags: tuple[str, ...] = ()


def classify(text: str) -> Intent:
    """Classify one message. Never raises; a live red flag wins over everything."""
    reading = interpret(text)
    if reading.is_red_flag:
        categories = tuple(dict.fromkeys(hit.category for hit in reading.live_flags))
        return Intent("redflag", flags=categories)
    top = reading.top
    if top.kind == "pain":
        return Intent("pain", pain=top.slots.score)
    if top.kind == "done":
        reps = top.slots.reps
        return Intent("done", reps=reps if reps is not None and 0 < reps <= MAX_REPS else None)
    if top.kind == "question":
        about_exercise = top.slots.exercise or top.slots.topic in _EXERCISE_TOPICS
        return Intent("exercise" if about_exercise else "unknown")
    return Intent(_SAME_KIND.get(top.kind, "unknown"))
