"""Read one message: red-flag hits, and its possible meanings ranked, with their slots.

``interpret(text)`` is the understanding step's one entry point (``reading.py`` is the
contract). The red-flag scan reads the whole message (``red_flags.MAX_SCAN_CHARS``), and
the model's second opinion may turn its verdict into a question (``red_flag_review``); the
meaning is read from the first ``MAX_INTENT_CHARS`` (``meaning``). Memoised on the text,
so every route of one update may ask.

Pure: no ``telegram``, no storage. Never raises: a failure while reading the meaning
leaves the red-flag hits and an "unknown" reading.
"""

from __future__ import annotations

import functools

from bot.domain.understanding.cue_topics import DONE_INSTEAD
from bot.domain.understanding.meaning import MAX_INTENT_CHARS, prepare, readings
from bot.domain.understanding.quick_replies import quick_reading
from bot.domain.understanding.reading import UNKNOWN, FlagHit, Interpretation, Reading
from bot.domain.understanding.red_flag_review import second_opinion
from bot.domain.understanding.red_flags import (
    MAX_SCAN_CHARS,
    ambiguous_red_flag,
    scan_red_flags,
)

__all__ = ["MAX_INTENT_CHARS", "interpret", "prepare"]


#: Meanings for which the model's second opinion needs its higher score to ask (a request
#: about the reminders or to start, read by rules, is as sure: "remind me at 9 this morning").
_ASKING = frozenset({"exercise", "question", "reminder", "start"})
#: An everyday report read this surely needs the higher score too: "bottom stair ups and
#: downs, 8 a leg", "storm's taken the power out, skipping" name a leg or the weather, not
#: a sign (asked 35 -> 20 ordinary messages of tune62 to tune66, no red flag less asked).
_EVERYDAY = frozenset({"done", "rest", "social"})
EVERYDAY_SURE = 0.9


def _flag_hits(text: str, asking: bool) -> tuple[tuple[FlagHit, ...], FlagHit | None]:
    """The red-flag hits of the whole message, and a vague one to ask about: the rules'
    verdict, reviewed by the model's second opinion (which may ask, or alarm on the rules'
    own words when it is sure)."""
    scan = text[:MAX_SCAN_CHARS]
    flags, vague = scan_red_flags(scan), ambiguous_red_flag(scan)
    try:
        return second_opinion(scan, flags, vague, asking)
    except Exception:  # a bug in the second opinion must not cost the rules' verdict
        return flags, vague


@functools.lru_cache(maxsize=256)
def interpret(text: str) -> Interpretation:
    """Read one message (see the module docstring)."""
    quick = quick_reading(text)
    found: tuple[Reading, ...]
    if quick is not None:
        found = (quick,)
    else:
        try:
            found = readings(text)
        except Exception:  # a bug in a reader must not cost the red-flag answer
            found = (UNKNOWN,)
    top = found[0]
    flags, ask_about = _flag_hits(text, top.kind in _ASKING or (
        top.kind in _EVERYDAY and top.confidence >= EVERYDAY_SURE))
    return Interpretation(flags=flags, readings=found, ask_about=ask_about)


def done_after_all(text: str) -> bool:
    """Whether a "done" takes back an earlier message of the day ("scratch my last message,
    I did them after all"), so the rest it asked for goes when the done is recorded."""
    return DONE_INSTEAD.search(prepare(text[:MAX_INTENT_CHARS])) is not None
