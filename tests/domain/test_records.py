"""new_record(): every key present, extra fields checked, the one record skeleton."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from bot.domain.jobs import ReminderJob, TimerJob, WeeklyJob, belongs_to
from bot.domain.records import new_record

NOW = datetime(2026, 12, 5, 9, 30, tzinfo=UTC)
KEYS = {"id", "kind", "date", "ts", "source", "exercise", "set", "side", "reps", "hold",
        "pain", "context", "session", "note"}


def test_a_record_has_every_key() -> None:
    record = new_record("u1", "pain", date(2026, 12, 5), NOW, "text", pain=4, context="report")
    assert set(record) == KEYS
    assert record["ts"] == "2026-12-05T09:30:00Z" and record["date"] == "2026-12-05"
    assert record["pain"] == 4 and record["exercise"] is None


def test_an_unknown_field_is_refused() -> None:
    with pytest.raises(TypeError, match="painn"):
        new_record("u1", "pain", date(2026, 12, 5), NOW, "text", painn=4)


def test_job_data_says_whose_job_it_is() -> None:
    assert belongs_to(ReminderJob(42, "reminder", NOW), 42)
    assert belongs_to(WeeklyJob(42, NOW), 42)
    assert not belongs_to(TimerJob(41, "t", 10, 3), 42)
    assert not belongs_to({"user_id": 42}, 42)
