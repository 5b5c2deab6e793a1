"""Read one message: red-flag hits, and its possible meanings ranked, with their slots.

``interpret(text)`` is the understanding step's one entry point (``reading.py`` is the
contract). The red-flag scan reads the whole message (``red_flags.MAX_SCAN_CHARS``); the
meaning is read from the first ``MAX_INTENT_CHARS`` (``meaning``). Memoised on the text,
so every route of one update may ask.

Pure: no ``telegram``, no storage. Never raises: a failure while reading the meaning
leaves the red-flag hits and an "unknown" reading.
"""

from __future__ import annotations

import functools

from bot.domain.understanding.meaning import MAX_INTENT_CHARS, prepare, readings
from bot.domain.understanding.quick_replies import quick_reading
from bot.domain.understanding.reading import UNKNOWN, FlagHit, Interpretation, Reading
from bot.domain.understanding.red_flags import (
    MAX_SCAN_CHARS,
    ambiguous_red_flag,
    scan_red_flags,
)

__all__ = ["MAX_INTENT_CHARS", "interpret", "prepare"]


def _flag_hits(text: str) -> tuple[tuple[FlagHit, ...], FlagHit | None]:
    """The red-flag hits of the whole message, and a vague one to ask about."""
    scan = text[:MAX_SCAN_CHARS]
    return scan_red_flags(scan), ambiguous_red_flag(scan)


@functools.lru_cache(maxsize=256)
def interpret(text: str) -> Interpretation:
    """Read one message (see the module docstring)."""
    flags, ask_about = _flag_hits(text)
    quick = quick_reading(text)
    if quick is not None:
        return Interpretation(flags=flags, readings=(quick,), ask_about=ask_about)
    try:
        found: tuple[Reading, ...] = readings(text)
    except Exception:  # a bug in a reader must not cost the red-flag answer
        found = (UNKNOWN,)
    return Interpretation(flags=flags, readings=found, ask_about=ask_about)
