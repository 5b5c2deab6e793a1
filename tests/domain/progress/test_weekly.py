"""Pure helpers of the weekly summary: when it is sent and how /weekly reads."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.content import DEFAULT_CONTENT_DIR, load_content
from bot.domain.progress.weekly import (
    DAY_NAMES,
    WeeklyChange,
    describe_slot,
    parse_weekly,
    plan_weekly,
    should_send_weekly,
    week_is_empty,
    weekly_enabled,
    weekly_slot,
)
from bot.domain.records import Record
from bot.domain.reminders.stored_plans import WEEKLY_PLAN
from tests.domain.progress.helpers import profile

CONTENT = load_content(DEFAULT_CONTENT_DIR)
LONDON = ZoneInfo("Europe/London")


def at(year: int, month: int, day: int, hour: int, minute: int = 0, tz: str = "Europe/London"):
    return datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(tz)).astimezone(UTC)


# --- schedule --------------------------------------------------------------------------


def test_default_is_sunday_evening_local() -> None:
    plan = plan_weekly(profile(), {}, at(2026, 3, 4, 12))  # a Wednesday
    assert plan is not None
    assert plan.when == plan.due == at(2026, 3, 8, 18)


def test_the_next_week_once_this_weeks_time_has_passed() -> None:
    plan = plan_weekly(profile(), {}, at(2026, 3, 8, 18))  # exactly at the due time
    assert plan is not None and plan.due == at(2026, 3, 15, 18)


def test_local_time_across_the_spring_change() -> None:
    # London moves to BST on Sunday 29 March 2026: 18:00 local is 17:00 UTC that day.
    plan = plan_weekly(profile(), {}, at(2026, 3, 25, 12))
    assert plan is not None
    assert plan.due == datetime(2026, 3, 29, 17, 0, tzinfo=UTC)


def test_a_time_inside_the_dst_gap_fires_shifted() -> None:
    plan = plan_weekly(profile(weekly_time="01:30"), {}, at(2026, 3, 25, 12))
    assert plan is not None
    assert plan.due.astimezone(LONDON).replace(tzinfo=None) == datetime(2026, 3, 29, 2, 30)


def test_chosen_day_time_and_zone() -> None:
    p = profile(weekly_day=4, weekly_time="17:30", tz="America/New_York")
    plan = plan_weekly(p, {}, at(2026, 3, 4, 12))
    assert plan is not None and plan.due == at(2026, 3, 6, 17, 30, "America/New_York")


@pytest.mark.parametrize(
    "fields",
    [
        {"weekly_summary": False},
        {"consent": False},
        {"active": False},
        {"stage": "tz"},
        {"paused_until": date.max.isoformat()},
    ],
)
def test_no_summary_when_not_wanted(fields: dict[str, Any]) -> None:
    assert plan_weekly(profile(**fields), {}, at(2026, 3, 4, 12)) is None


def test_a_red_flag_hold_keeps_the_summary() -> None:
    assert plan_weekly(profile(hold={"since": "2026-03-03"}), {}, at(2026, 3, 4, 12))


def test_a_pause_skips_the_weeks_it_covers() -> None:
    plan = plan_weekly(profile(paused_until="2026-03-10"), {}, at(2026, 3, 4, 12))
    assert plan is not None and plan.due == at(2026, 3, 15, 18)


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({}, (6, time(18, 0))),
        ({"weekly_day": 9, "weekly_time": "25:99"}, (6, time(18, 0))),
        ({"weekly_day": True, "weekly_time": 1800}, (6, time(18, 0))),
        ({"weekly_day": 0, "weekly_time": "7:05"}, (0, time(7, 5))),
    ],
)
def test_bad_stored_values_fall_back(fields: dict[str, Any], expected: tuple[int, time]) -> None:
    assert weekly_slot(profile(**fields)) == expected


def planned_at(made: datetime) -> dict[str, Any]:
    """The state of a patient whose weekly plan was stored at ``made``."""
    return {WEEKLY_PLAN: {"in": "x", "at": made.isoformat(), "due": {}}}


def test_catch_up_sends_a_recent_missed_summary_once() -> None:
    now = at(2026, 3, 8, 20)  # two hours after Sunday 18:00
    plan = plan_weekly(profile(), planned_at(at(2026, 3, 4, 9)), now, catch_up=True)
    assert plan is not None and plan.when == now and plan.due == at(2026, 3, 8, 18)
    sent = {"weekly_last": plan.due.isoformat()}
    again = plan_weekly(profile(), sent, now, catch_up=True)
    assert again is not None and again.due == at(2026, 3, 15, 18)


def test_catch_up_skips_a_summary_due_before_the_plan_was_made() -> None:
    """Joined at 18:10 on a Sunday, the bot restarted at 18:20: that week's summary was
    never owed, so nothing is sent; the next one is a week later."""
    made = at(2026, 3, 8, 18, 10)
    state = {WEEKLY_PLAN: {"in": "x", "at": made.isoformat(),
                           "due": {"weekly": at(2026, 3, 15, 18).isoformat()}}}
    plan = plan_weekly(profile(), state, at(2026, 3, 8, 18, 20), catch_up=True)
    assert plan is not None and plan.due == at(2026, 3, 15, 18)
    # planned before the slot and missed while down: caught up as always
    state[WEEKLY_PLAN]["at"] = at(2026, 3, 1, 18).isoformat()
    plan = plan_weekly(profile(), state, at(2026, 3, 8, 18, 20), catch_up=True)
    assert plan is not None and plan.due == at(2026, 3, 8, 18)


def test_no_catch_up_without_a_plan_or_a_summary_on_record() -> None:
    """Patients put in the data from elsewhere: nothing is known to be owed."""
    plan = plan_weekly(profile(), {}, at(2026, 3, 8, 20), catch_up=True)
    assert plan is not None and plan.due == at(2026, 3, 15, 18)


def test_catch_up_drops_an_old_one() -> None:
    plan = plan_weekly(profile(), {}, at(2026, 3, 9, 9), catch_up=True)  # Monday morning
    assert plan is not None and plan.due == at(2026, 3, 15, 18)


def test_should_send_once_per_due_instant() -> None:
    due = at(2026, 3, 8, 18)
    assert should_send_weekly(profile(), {}, due)
    assert not should_send_weekly(profile(), {"weekly_last": due.isoformat()}, due)
    assert should_send_weekly(profile(), {"weekly_last": "garbage"}, due)
    assert not should_send_weekly(profile(weekly_summary=False), {}, due)


def test_enabled_defaults_to_on() -> None:
    p = profile()
    del p["weekly_summary"]
    assert weekly_enabled(p)


@settings(max_examples=200, deadline=None)
@given(
    st.datetimes(min_value=datetime(2024, 1, 1), max_value=datetime(2030, 12, 31),
                 timezones=st.just(UTC)),
    st.integers(0, 6),
    st.times(),
    st.sampled_from(["Europe/London", "America/New_York", "Australia/Lord_Howe", "Asia/Tokyo"]),
)
def test_next_summary_is_within_a_week_on_the_chosen_local_day(
    now: datetime, day: int, slot: time, tz: str
) -> None:
    slot = slot.replace(microsecond=0, second=0)
    p = profile(weekly_day=day, weekly_time=slot.strftime("%H:%M"), tz=tz)
    plan = plan_weekly(p, {}, now)
    assert plan is not None
    assert now < plan.due <= now + timedelta(days=7, hours=2)
    assert plan.due.astimezone(ZoneInfo(tz)).weekday() == day


# --- /weekly arguments ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("off", WeeklyChange(False)),
        ("ON", WeeklyChange(True)),
        ("friday 17:30", WeeklyChange(True, 4, time(17, 30))),
        ("6pm on sunday", WeeklyChange(True, 6, time(18, 0))),
        ("every mon at 7 am", WeeklyChange(True, 0, time(7, 0))),
        ("wednesday", WeeklyChange(True, 2, None)),
        ("19:15", WeeklyChange(True, None, time(19, 15))),
        ("weekdays 18:00", None),
        ("sometime", None),
        ("", None),
    ],
)
def test_parse_weekly(text: str, expected: WeeklyChange | None) -> None:
    assert parse_weekly(text) == expected


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_parse_weekly_never_raises(text: str) -> None:
    result = parse_weekly(text)
    assert result is None or isinstance(result, WeeklyChange)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 6), st.integers(0, 23), st.integers(0, 59), st.booleans())
def test_parse_weekly_reads_what_describe_slot_says(
    day: int, hour: int, minute: int, short: bool
) -> None:
    name = DAY_NAMES[day][:3] if short else DAY_NAMES[day]
    change = parse_weekly(f"{name} {hour:02d}:{minute:02d}")
    assert change == WeeklyChange(True, day, time(hour, minute))
    assert describe_slot(day, time(hour, minute)).startswith(DAY_NAMES[day] + "s at ")


def test_week_is_empty() -> None:
    day = date(2026, 3, 8)
    assert week_is_empty([], day)
    old: Record = {"id": "x", "kind": "done", "date": "2026-03-01"}
    assert week_is_empty([old], day)
    assert not week_is_empty([{"id": "y", "kind": "rest", "date": "2026-03-02"}], day)
