"""Reminder bookkeeping: which jobs a profile needs, and when a due reminder goes out."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.jobs import TimerJob, WeeklyJob
from bot.domain.reminders.planning import (
    decide,
    is_user_job,
    job_name,
    mark_sent,
    plan_jobs,
    prefs_from_profile,
    snooze_until,
    today_status,
)

PROFILE = {"consent": True, "stage": "done", "active": True, "tz": "Europe/London",
           "reminder_times": ["07:30", "18:00"], "reminder_days": list(range(7))}
NOW = datetime(2026, 11, 28, 6, 0, tzinfo=UTC)
DAY = date(2026, 11, 28)


def test_job_names_are_deterministic():
    assert job_name("reminder", 42, time(7, 30)) == "reminder:42:0730"
    assert job_name("nudge", 42) == "nudge:42"


def test_plan_one_job_per_slot_at_next_fire():
    jobs = plan_jobs(42, PROFILE, {}, NOW, catch_up=False)
    assert [(j.name, j.when) for j in jobs] == [
        ("reminder:42:0730", datetime(2026, 11, 28, 7, 30, tzinfo=UTC)),
        ("reminder:42:1800", datetime(2026, 11, 28, 18, 0, tzinfo=UTC)),
    ]


def test_inactive_held_paused_unconsented_plan_nothing():
    for change in ({"active": False}, {"hold": "redflag"}, {"consent": False},
                   {"stage": "tz"}, {"paused_until": date.max.isoformat()}):
        assert plan_jobs(42, {**PROFILE, **change}, {}, NOW, catch_up=False) == []


def test_catch_up_within_30_minutes_once():
    late = datetime(2026, 11, 28, 7, 50, tzinfo=UTC)
    jobs = plan_jobs(42, PROFILE, {}, late, catch_up=True)
    first = jobs[0]
    assert first.when == late and first.due == datetime(2026, 11, 28, 7, 30, tzinfo=UTC)
    state = mark_sent({}, "reminder", DAY, time(7, 30), first.due)
    again = plan_jobs(42, PROFILE, state, late, catch_up=True)
    assert again[0].when == datetime(2026, 11, 29, 7, 30, tzinfo=UTC), "sent: never twice"


def test_catch_up_too_late_is_skipped():
    late = datetime(2026, 11, 28, 8, 15, tzinfo=UTC)
    jobs = plan_jobs(42, PROFILE, {}, late, catch_up=True)
    assert [j.when for j in jobs] == [datetime(2026, 11, 29, 7, 30, tzinfo=UTC),
                                      datetime(2026, 11, 28, 18, 0, tzinfo=UTC)]


def test_decide_rules():
    due = datetime(2026, 11, 28, 7, 30, tzinfo=UTC)
    assert decide("reminder", PROFILE, {}, [], DAY, time(7, 30), due).send
    done = [{"id": "a", "kind": "routine_complete", "date": DAY.isoformat()}]
    assert decide("reminder", PROFILE, {}, done, DAY, time(7, 30), due).why == "done_today"
    skip = [{"id": "b", "kind": "skip", "date": DAY.isoformat(), "note": "not today"}]
    assert decide("reminder", PROFILE, {}, skip, DAY, time(7, 30), due).why == "not_today"
    state = mark_sent({}, "reminder", DAY, time(7, 30), due)
    assert decide("reminder", PROFILE, state, [], DAY, time(7, 30), due).why == "already_sent"
    state = mark_sent(state, "nudge", DAY, None, due)
    assert not decide("nudge", PROFILE, state, [], DAY, None, due).send, "one nudge a day"


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["reminder", "nudge", "snooze"]), max_size=12))
def test_never_more_than_slots_plus_two_a_day(kinds):
    state: dict = {}
    sent = 0
    due = datetime(2026, 11, 28, 7, 30, tzinfo=UTC)
    for n, kind in enumerate(kinds):
        slot = time(7, 30) if kind == "reminder" and n == 0 else None
        if kind == "reminder" and slot is None:
            slot = time(18, 0)
        if decide(kind, PROFILE, state, [], DAY, slot, due + timedelta(minutes=n)).send:
            state = mark_sent(state, kind, DAY, slot, due + timedelta(minutes=n))
            sent += 1
    assert sent <= len(PROFILE["reminder_times"]) + 2


def test_today_status_and_prefs():
    assert today_status([], DAY) == (False, False)
    prefs = prefs_from_profile(PROFILE)
    assert prefs.times == (time(7, 30), time(18, 0))
    assert prefs.active


def test_snooze_choices():
    assert snooze_until("15", NOW, "Europe/London") == NOW + timedelta(minutes=15)
    assert snooze_until("60", NOW, "Europe/London") == NOW + timedelta(hours=1)
    evening = snooze_until("evening", NOW, "Europe/London")
    assert evening == datetime(2026, 11, 28, 19, 0, tzinfo=UTC)
    late = datetime(2026, 11, 28, 20, 0, tzinfo=UTC)
    assert snooze_until("evening", late, "Europe/London") == late + timedelta(hours=1)
    assert snooze_until("forever", NOW, "Europe/London") is None


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("reminder:42:0730", None, True),
        ("nudge:42", None, True),
        ("weekly:42", WeeklyJob(42, NOW), True),
        ("timer:420", None, False),
        ("reminder:1915:1915", None, False),  # user 42 is not user 1915's slot
        ("reminder:7:0042", None, False),
        ("something", TimerJob(42, "t:1", 10, 5), True),
        ("something", TimerJob(7, "t:1", 10, 5), False),
        ("something", {"user_id": 42}, False),  # untyped data is not read
        (None, None, False),
    ],
)
def test_is_user_job(name: str | None, data: object, expected: bool) -> None:
    assert is_user_job(name, data, 42) is expected
    assert not is_user_job("reminder:42:1915", None, 1915)
