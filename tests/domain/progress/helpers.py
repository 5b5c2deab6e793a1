"""Records, dates, profiles and content shared by the progress and clinician tests."""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from bot.content.model import Content, Routine
from bot.domain.records import Record, utc_stamp

MESSAGES = Path(__file__).resolve().parents[3] / "content" / "messages" / "progress.yaml"
TODAY = date(2025, 11, 26)  # a Wednesday
_ids = itertools.count(1)


def load_content() -> Content:
    raw = yaml.safe_load(MESSAGES.read_text(encoding="utf-8"))
    messages = {k: (v,) if isinstance(v, str) else tuple(v) for k, v in raw.items()}
    return Content(exercises={}, reasons={}, routine=Routine((), 0, ()), messages=messages)


CONTENT = load_content()


def rec(day: date, kind: str, **fields: object) -> Record:
    """A record on a local date; ts is noon UTC unless given."""
    record = {
        "id": f"r{next(_ids)}",
        "kind": kind,
        "date": day.isoformat(),
        "ts": f"{day.isoformat()}T12:00:00Z",
        "source": "button",
        **fields,
    }
    return record  # type: ignore[return-value]


def at_local(moment: datetime, kind: str, **fields: object) -> Record:
    """A record made at a local wall-clock moment: local date, UTC timestamp."""
    return rec(moment.date(), kind, ts=utc_stamp(moment), **fields)


def routine_day(day: date, sets: int = 3) -> list[Record]:
    done = [rec(day, "done", exercise="bridge", set=n) for n in range(1, sets + 1)]
    return [*done, rec(day, "routine_complete")]


def days_back(n: int) -> date:
    return TODAY - timedelta(days=n)


def pain_series(scores: list[int | None]) -> list[Record]:
    """Daily pain scores ending today, oldest first; None skips a day."""
    start = TODAY - timedelta(days=len(scores) - 1)
    days = [start + timedelta(days=i) for i in range(len(scores))]
    return [rec(day, "pain", pain=s) for day, s in zip(days, scores, strict=True) if s is not None]


def profile(**fields: Any) -> dict[str, Any]:
    """A consenting, onboarded patient's stored profile, with ``fields`` changed."""
    base: dict[str, Any] = {
        "user_id": 1,
        "first_name": "Ann",
        "username": "ann_b",
        "consent": True,
        "created": "2026-03-02T09:00:00Z",
        "stage": "done",
        "tz": "Europe/London",
        "reminder_times": ["07:30"],
        "active": True,
        "weekly_summary": True,
    }
    base.update(fields)
    return base
