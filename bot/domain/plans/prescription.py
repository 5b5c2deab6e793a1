"""The stored personal plan: a programme, its start, a clinician's changes and notes.

It lives in the patient's profile under ``prescription`` as plain JSON, so it is in
``/export``, survives restarts, and is deleted by ``/forget`` with the rest. A profile
without one follows the default programme from the day the patient joined, exactly as
before plans existed. Every change appends to ``history`` who made it and when.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from types import MappingProxyType
from typing import Any

from bot.content.model import Dose

#: Notes and history entries kept per patient (the oldest go first).
MAX_NOTES = 20
MAX_HISTORY = 200


@dataclass(frozen=True)
class Entry:
    """One note or change: when (UTC stamp), who (clinician id and name), what."""

    at: str
    by: int
    by_name: str
    text: str

    def as_data(self) -> dict[str, Any]:
        return {"at": self.at, "by": self.by, "by_name": self.by_name, "text": self.text}


@dataclass(frozen=True)
class Prescription:
    """A patient's plan; ``programme`` None means the default programme."""

    programme: str | None = None
    start: date | None = None
    phase_starts: Mapping[str, date] = field(default_factory=dict)
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    doses: Mapping[str, Dose] = field(default_factory=dict)
    notes: tuple[Entry, ...] = ()
    history: tuple[Entry, ...] = ()

    def as_data(self) -> dict[str, Any]:
        """The JSON stored in the profile."""
        return {
            "programme": self.programme,
            "start": self.start.isoformat() if self.start else None,
            "phase_starts": {k: v.isoformat() for k, v in self.phase_starts.items()},
            "added": list(self.added),
            "removed": list(self.removed),
            "doses": {k: _dose_data(v) for k, v in self.doses.items()},
            "notes": [n.as_data() for n in self.notes[-MAX_NOTES:]],
            "history": [h.as_data() for h in self.history[-MAX_HISTORY:]],
        }


def _dose_data(dose: Dose) -> dict[str, Any]:
    return {"sets": dose.sets, "reps": dose.reps, "hold_seconds": dose.hold_seconds,
            "per_side": dose.per_side, "minutes": dose.minutes}


def _date(value: object) -> date | None:
    try:
        return date.fromisoformat(str(value)) if value else None
    except ValueError:
        return None


def _entry(raw: object) -> Entry | None:
    if not isinstance(raw, Mapping):
        return None
    try:
        return Entry(str(raw["at"]), int(raw["by"]), str(raw.get("by_name") or ""),
                     str(raw["text"]))
    except (KeyError, TypeError, ValueError):
        return None


def _dose(raw: object) -> Dose | None:
    if not isinstance(raw, Mapping):
        return None
    try:
        return Dose(sets=int(raw["sets"]), reps=raw.get("reps"),
                    hold_seconds=raw.get("hold_seconds"),
                    per_side=bool(raw.get("per_side")), minutes=raw.get("minutes"))
    except (KeyError, TypeError, ValueError):
        return None


def _mapping(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def prescription_of(profile: Mapping[str, Any]) -> Prescription:
    """The plan stored in a profile dict (a missing or damaged part reads as unset)."""
    raw = profile.get("prescription")
    if not isinstance(raw, Mapping):
        return Prescription()
    starts: Mapping[str, Any] = _mapping(raw.get("phase_starts"))
    doses: Mapping[str, Any] = _mapping(raw.get("doses"))
    return Prescription(
        programme=str(raw["programme"]) if raw.get("programme") else None,
        start=_date(raw.get("start")),
        phase_starts=MappingProxyType(
            {str(k): day for k, v in starts.items() if (day := _date(v)) is not None}
        ),
        added=tuple(str(x) for x in raw.get("added") or ()),
        removed=tuple(str(x) for x in raw.get("removed") or ()),
        doses=MappingProxyType(
            {str(k): d for k, v in doses.items() if (d := _dose(v)) is not None}
        ),
        notes=tuple(e for e in map(_entry, raw.get("notes") or ()) if e is not None),
        history=tuple(e for e in map(_entry, raw.get("history") or ()) if e is not None),
    )
