"""How many questions a patient may pass to the clinicians with /ask: a sliding window.

Clinicians read every question, and each one they can answer takes room in the reply
map, so one patient may send ``ASK_LIMIT`` questions in any ``ASK_WINDOW``; the next
one can go when the oldest of those leaves the window. A message with a red flag is
never held back by this (the caller does not ask here for one).

The patient's recent questions are kept as a short list of ISO instants in their state
(at most ``ASK_LIMIT``), so the limit survives a restart. Pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

ASK_LIMIT = 10  # questions a patient may pass on ...
ASK_WINDOW = timedelta(hours=1)  # ... within this long


def _instants(stamps: Iterable[object]) -> list[datetime]:
    """The readable, timezone-aware instants of a stored list, oldest first."""
    found: list[datetime] = []
    for stamp in stamps or ():
        if not isinstance(stamp, str):
            continue
        try:
            when = datetime.fromisoformat(stamp)
        except ValueError:
            continue
        if when.tzinfo is not None:
            found.append(when)
    return sorted(found)


def _recent(stamps: Iterable[object], now: datetime, window: timedelta) -> list[datetime]:
    """Questions within the window before ``now``; a stamp "in the future" (the clock
    was moved back) counts as asked now, so nobody is locked out for longer than the window."""
    return [min(when, now) for when in _instants(stamps) if when > now - window]


def ask_again_at(
    stamps: Iterable[object],
    now: datetime,
    *,
    limit: int = ASK_LIMIT,
    window: timedelta = ASK_WINDOW,
) -> datetime | None:
    """None when one more question may go now; else the instant the next one may."""
    recent = _recent(stamps, now, window)
    if len(recent) < limit:
        return None
    return sorted(recent)[-limit] + window


def note_ask(
    stamps: Iterable[object],
    now: datetime,
    *,
    limit: int = ASK_LIMIT,
    window: timedelta = ASK_WINDOW,
) -> list[str]:
    """The stored list after a question went out at ``now``: the newest ``limit`` in the window."""
    recent = [*_recent(stamps, now, window), now]
    return [when.isoformat() for when in sorted(recent)[-limit:]]


ASK_TIMES = "ask_times"  # the key in a patient's state


def next_ask_at(state: Mapping[str, Any], now: datetime) -> datetime | None:
    """``ask_again_at`` for a patient's stored state."""
    return ask_again_at(state.get(ASK_TIMES) or [], now)


def state_after_ask(state: Mapping[str, Any], now: datetime) -> dict[str, Any]:
    """A patient's state once a question went out at ``now``."""
    return {**state, ASK_TIMES: note_ask(state.get(ASK_TIMES) or [], now)}
