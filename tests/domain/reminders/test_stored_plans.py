"""Stored job plans: start-up's short way must give exactly the jobs the long way gives,
and must step aside whenever the stored answer may be stale."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.progress.weekly import (
    WEEKLY_STATE_KEY,
    plan_weekly,
    stored_weekly,
    weekly_plan,
)
from bot.domain.reminders.planning import (
    PlannedJob,
    plan_jobs,
    reminder_plan,
    stored_jobs,
)
from bot.domain.reminders.stored_plans import (
    REMINDER_PLAN,
    WEEKLY_PLAN,
    fingerprint,
    same_plan,
    slot_of,
    stored_dues,
)

PROFILE: dict[str, Any] = {
    "consent": True, "stage": "done", "active": True, "tz": "Europe/London",
    "reminder_times": ["07:30", "18:00"], "reminder_days": list(range(7)),
    "weekly_day": 6, "weekly_time": "18:00",
}
MADE = datetime(2026, 11, 28, 9, 0, tzinfo=UTC)  # after 07:30, before 18:00 London


def _stored(profile: dict[str, Any], made: datetime) -> dict[str, Any]:
    """The state a re-plan at ``made`` leaves, through JSON as on disk: the running bot
    has handled every due up to then (its jobs fired), as a bot that re-plans has."""
    slots = [t.replace(":", "") for t in profile.get("reminder_times", ())]
    state: dict[str, Any] = {"last_fired": dict.fromkeys(slots, made.isoformat()),
                             WEEKLY_STATE_KEY: made.isoformat()}
    state[REMINDER_PLAN] = reminder_plan(
        profile, plan_jobs(1, profile, state, made, catch_up=False), made)
    state[WEEKLY_PLAN] = weekly_plan(profile, plan_weekly(profile, state, made), made)
    return json.loads(json.dumps(state))  # type: ignore[no-any-return]


def _key(jobs: list[PlannedJob]) -> list[tuple[str, datetime, datetime]]:
    return sorted((j.name, j.when, j.due) for j in jobs)


def test_a_stored_plan_gives_the_jobs_the_long_way_gives():
    state = _stored(PROFILE, MADE)
    later = MADE + timedelta(hours=3)
    short = stored_jobs(1, json.loads(json.dumps(PROFILE)), state, later)
    assert short is not None
    assert _key(short) == _key(plan_jobs(1, PROFILE, state, later, catch_up=True))
    assert [j.name for j in short] == ["reminder:1:0730", "reminder:1:1800"]


def test_a_due_that_passed_sends_start_up_the_long_way():
    """18:00 fell due while the bot was down: the catch-up rules decide, not the plan."""
    state = _stored(PROFILE, MADE)
    down_past_due = datetime(2026, 11, 28, 18, 10, tzinfo=UTC)
    assert stored_jobs(1, PROFILE, state, down_past_due) is None
    caught = plan_jobs(1, PROFILE, state, down_past_due, catch_up=True)
    assert ("reminder:1:1800", down_past_due) in [(j.name, j.when) for j in caught]


def test_a_clock_moved_back_sends_start_up_the_long_way():
    state = _stored(PROFILE, MADE)
    assert stored_jobs(1, PROFILE, state, MADE - timedelta(days=2)) is None
    assert stored_weekly(PROFILE, state, MADE - timedelta(minutes=1)) is None


def test_changed_settings_send_start_up_the_long_way():
    state = _stored(PROFILE, MADE)
    later = MADE + timedelta(hours=1)
    for change in ({"tz": "Australia/Sydney"}, {"reminder_times": ["08:00"]},
                   {"paused_until": "2026-12-30"}, {"active": False}, {"hold": "redflag"},
                   {"reminder_days": [0, 1]}, {"weekly_day": 2}, {"weekly_summary": False}):
        changed = {**PROFILE, **change}
        assert stored_jobs(1, changed, state, later) is None, change
        assert stored_weekly(changed, state, later) is None, change
    assert stored_jobs(1, {**PROFILE, "first_name": "Pat"}, state, later) is not None


def test_unreadable_plans_send_start_up_the_long_way():
    later = MADE + timedelta(hours=1)
    good = _stored(PROFILE, MADE)[REMINDER_PLAN]
    for bad in (None, "x", [], {}, {**good, "at": "yesterday"}, {**good, "due": None},
                {**good, "due": {"0730": "soon"}}, {**good, "at": "2026-11-28T09:00:00"},
                {**good, "due": {"7:30": "2026-11-29T07:30:00+00:00"}}):
        assert stored_jobs(1, PROFILE, {REMINDER_PLAN: bad}, later) is None, bad


def test_a_dst_change_between_plan_and_due_keeps_the_local_time():
    """Planned on the Saturday before the clocks go back; due on the Sunday after."""
    made = datetime(2026, 10, 24, 8, 0, tzinfo=UTC)
    profile = {**PROFILE, "reminder_times": ["07:30"]}
    state = _stored(profile, made)
    sunday = datetime(2026, 10, 25, 3, 0, tzinfo=UTC)  # after the change at 01:00 UTC
    short = stored_jobs(1, profile, state, sunday)
    assert short is not None
    assert short[0].due == datetime(2026, 10, 25, 7, 30, tzinfo=UTC)  # 07:30 GMT now
    assert _key(short) == _key(plan_jobs(1, profile, state, sunday, catch_up=True))


def test_pending_snooze_and_nudge_come_from_the_state_as_before():
    state = _stored(PROFILE, MADE)
    state["snooze_until"] = (MADE + timedelta(hours=2)).isoformat()
    state["nudge_at"] = (MADE + timedelta(hours=5)).isoformat()
    later = MADE + timedelta(hours=1)
    short = stored_jobs(1, PROFILE, state, later)
    assert short is not None
    assert _key(short) == _key(plan_jobs(1, PROFILE, state, later, catch_up=True))
    assert {"snooze:1", "nudge:1"} <= {j.name for j in short}


def test_inactive_patients_store_an_empty_plan_and_get_no_jobs():
    profile = {**PROFILE, "active": False, "weekly_summary": False}
    state = _stored(profile, MADE)
    assert state[REMINDER_PLAN]["due"] == {} and state[WEEKLY_PLAN]["due"] == {}
    assert stored_jobs(1, profile, state, MADE + timedelta(days=3)) == []
    assert stored_weekly(profile, state, MADE + timedelta(days=3)) == []


def test_a_catch_up_is_not_stored():
    """A reminder sent late for an earlier due: the re-plan after it stores the plan."""
    late = datetime(2026, 11, 28, 7, 45, tzinfo=UTC)
    jobs = plan_jobs(1, PROFILE, {}, late, catch_up=True)
    assert any(j.when != j.due for j in jobs)
    assert reminder_plan(PROFILE, jobs, late) is None


def test_same_plan_ignores_when_it_was_made():
    a = _stored(PROFILE, MADE)[REMINDER_PLAN]
    b = _stored(PROFILE, MADE + timedelta(minutes=5))[REMINDER_PLAN]
    assert a["at"] != b["at"] and same_plan(a, b)
    assert not same_plan(a, _stored({**PROFILE, "tz": "UTC"}, MADE)[REMINDER_PLAN])


def test_fingerprints_survive_json_and_tuples():
    """The profile in memory may hold tuples; on disk they are lists: same fingerprint."""
    as_tuples = {**PROFILE, "reminder_times": ("07:30", "18:00"),
                 "reminder_days": tuple(range(7))}
    state = _stored(as_tuples, MADE)
    assert state[REMINDER_PLAN]["in"] == fingerprint(json.loads(json.dumps(PROFILE)))


def test_slot_keys():
    assert slot_of("0730") == time(7, 30)
    assert slot_of("2400") is None and slot_of("073") is None and slot_of("ab30") is None


ZONES = ["UTC", "Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata",
         "Pacific/Chatham", "America/St_Johns", "Europe/Berlin"]


@settings(max_examples=150, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    slots=st.sets(st.tuples(st.integers(0, 23), st.sampled_from([0, 15, 30, 45])),
                  min_size=1, max_size=3),
    days=st.sets(st.integers(0, 6), min_size=1),
    paused=st.none() | st.integers(1, 40),
    made=st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 1),
                      timezones=st.just(UTC)),
    later=st.floats(0, 1),
    weekday=st.integers(0, 6),
)
def test_property_the_short_way_equals_the_long_way(
    zone: str, slots: set[tuple[int, int]], days: set[int], paused: int | None,
    made: datetime, later: float, weekday: int,
) -> None:
    """For any settings, zone (DST or not) and time between the plan and its first due,
    start-up from the stored plan plans what working it out again would."""
    profile = {**PROFILE, "tz": zone, "reminder_days": sorted(days), "weekly_day": weekday,
               "reminder_times": [f"{h:02d}:{m:02d}" for h, m in sorted(slots)],
               "paused_until": ((made.date() + timedelta(days=paused)).isoformat()
                                if paused else None)}
    state = _stored(profile, made)
    dues = stored_dues(state[REMINDER_PLAN], profile, made)
    assert dues is not None
    first = min(dues.values(), default=made + timedelta(days=7))
    now = made + (first - made) * later
    if now >= first:
        return
    short = stored_jobs(1, profile, state, now)
    assert short is not None
    assert _key(short) == _key(plan_jobs(1, profile, state, now, catch_up=True))
    weekly = stored_weekly(profile, state, now)
    long_weekly = plan_weekly(profile, state, now, catch_up=True)
    if weekly is not None:
        assert [(w.when, w.due) for w in weekly] == (
            [(long_weekly.when, long_weekly.due)] if long_weekly else [])


def test_a_pause_that_ends_is_a_due_like_any_other():
    profile = {**PROFILE, "paused_until": date(2026, 12, 3).isoformat()}
    state = _stored(profile, MADE)
    short = stored_jobs(1, profile, state, MADE + timedelta(days=1))
    assert short is not None
    assert min(j.due for j in short) >= datetime(2026, 12, 3, 7, 30, tzinfo=UTC)
