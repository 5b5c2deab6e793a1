"""The shape of one stored event: a set done, a skip, a pain score, a rest day.

Every feature writes the same flat record so progress, exports and clinician
reports read one format. Pure: no ``telegram``, no ``tinydb``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Literal, TypedDict, cast

RecordKind = Literal[
    "done",  # one set (or one side of a set) done
    "skip",  # one set skipped
    "painful",  # a set stopped as too painful (pain holds the score once asked)
    "pain",  # a 0-10 pain score; context says when (before, after, morning, report, painful)
    "routine_complete",  # the day's routine finished (every step done or skipped)
    "rest",  # the user chose to rest today, after the push-back
    "flare",  # flare-up day: mobility-only plan, pauses the streak
    "redflag",  # a red-flag symptom reported; note holds what
    "choice",  # a choice offered by the coach (note: walk, one_stretch, easier_routine, rest)
    "walk",  # a short walk done
    "plan",  # the plan changed (note: easier, normal, harder, and why)
    "morning",  # next-morning comparison (note: better, same, worse)
    "checked",  # after a red flag, /resume: was the patient checked by a clinician (note)
]

Source = Literal["button", "text", "system"]
Side = Literal["left", "right"]


class Record(TypedDict, total=False):
    """One event. ``id`` is unique per user; ``date`` is the user's local date."""

    id: str
    kind: RecordKind
    date: str  # local ISO date, YYYY-MM-DD
    ts: str  # UTC ISO timestamp, YYYY-MM-DDTHH:MM:SSZ
    source: Source
    exercise: str | None
    set: int | None
    side: Side | None
    reps: int | None
    hold: int | None  # seconds held
    pain: int | None  # 0-10
    context: str | None  # for pain: before, after, morning, report, painful
    session: str | None  # session id
    note: str | None
    reply: str | None  # a routine's records: the reply that wrote them (what Undo takes)


def utc_stamp(moment: datetime) -> str:
    """A UTC timestamp in the one format records use."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_record(
    record_id: str,
    kind: RecordKind,
    day: date,
    now: datetime,
    source: Source,
    **fields: object,
) -> Record:
    """The one way to make a record: every key present, unset ones None.

    Readers (progress, exports, reports) can then index any field without ``get``.
    """
    record: dict[str, object] = {
        "id": record_id,
        "kind": kind,
        "date": day.isoformat(),
        "ts": utc_stamp(now),
        "source": source,
        "exercise": None,
        "set": None,
        "side": None,
        "reps": None,
        "hold": None,
        "pain": None,
        "context": None,
        "session": None,
        "note": None,
    }
    unknown = set(fields) - set(record)
    if unknown:
        raise TypeError(f"not record fields: {', '.join(sorted(unknown))}")
    record.update(fields)
    return cast(Record, record)
