"""Streaks, adherence, sets and pain trends, from plain records."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.progress.figures import (
    adherence,
    current_streak,
    day_status,
    local_since,
    pain_per_day,
    pain_trend,
    sets_done,
    sets_per_day,
    summarize,
)
from tests.domain.progress.helpers import (
    TODAY,
    at_local,
    days_back,
    pain_series,
    rec,
    routine_day,
)

# --- day status ------------------------------------------------------------------------


def test_complete_wins_over_everything() -> None:
    day = [rec(TODAY, "rest"), rec(TODAY, "flare"), rec(TODAY, "done"), rec(TODAY, "redflag")]
    assert day_status(day) == "redflag"
    assert day_status([*day, rec(TODAY, "routine_complete")]) == "complete"


@pytest.mark.parametrize(
    ("kinds", "expected"),
    [
        (["done", "skip"], "partial"),
        (["walk"], "partial"),
        (["rest"], "rest"),
        (["rest", "done"], "rest"),
        (["flare", "done"], "flare"),
        (["flare", "rest"], "flare"),
        (["pain"], "missed"),
        (["skip", "painful"], "missed"),
        ([], "missed"),
    ],
)
def test_day_status(kinds: list[str], expected: str) -> None:
    assert day_status([rec(TODAY, k) for k in kinds]) == expected


# --- streak ----------------------------------------------------------------------------


def test_streak_counts_consecutive_complete_days() -> None:
    records = [r for n in range(5) for r in routine_day(days_back(n))]
    assert current_streak(records, TODAY) == 5


def test_today_not_done_yet_does_not_break() -> None:
    records = [r for n in range(1, 4) for r in routine_day(days_back(n))]
    assert current_streak(records, TODAY) == 3
    partial_today = [*records, rec(TODAY, "done", exercise="bridge", set=1)]
    assert current_streak(partial_today, TODAY) == 3


def test_rest_flare_and_redflag_days_pause_the_streak() -> None:
    records = [
        *routine_day(days_back(0)),
        rec(days_back(1), "rest"),
        *routine_day(days_back(2)),
        rec(days_back(3), "flare"),
        rec(days_back(3), "done", exercise="knee_rock", set=1),
        rec(days_back(4), "redflag", note="night pain"),
        *routine_day(days_back(5)),
    ]
    assert current_streak(records, TODAY) == 3


def test_rest_today_keeps_the_streak() -> None:
    records = [rec(TODAY, "rest"), *routine_day(days_back(1)), *routine_day(days_back(2))]
    assert current_streak(records, TODAY) == 2


def test_a_gap_breaks_the_streak() -> None:
    records = [*routine_day(days_back(0)), *routine_day(days_back(1)), *routine_day(days_back(3))]
    assert current_streak(records, TODAY) == 2


def test_a_partial_day_breaks_the_streak() -> None:
    records = [
        *routine_day(days_back(0)),
        rec(days_back(1), "done", exercise="bridge", set=1),
        *routine_day(days_back(2)),
    ]
    assert current_streak(records, TODAY) == 1


def test_streak_edge_cases() -> None:
    assert current_streak([], TODAY) == 0
    assert current_streak([rec(days_back(1), "rest"), rec(days_back(2), "flare")], TODAY) == 0
    # a record dated after today (another zone's clock) neither counts nor breaks
    records = [*routine_day(TODAY + timedelta(days=1)), *routine_day(TODAY)]
    assert current_streak(records, TODAY) == 1
    # a routine finished yesterday, nothing today yet
    assert current_streak(routine_day(days_back(1)), TODAY) == 1
    # the day before yesterday only: yesterday was missed
    assert current_streak(routine_day(days_back(2)), TODAY) == 0


def test_duplicate_records_count_once() -> None:
    records = routine_day(TODAY, sets=2)
    assert sets_done(records + records, TODAY, TODAY) == 2


# --- time zones, midnight, DST: day logic follows the record's local date ---------------


def test_late_evening_set_belongs_to_its_local_day() -> None:
    new_york = ZoneInfo("America/New_York")
    late = datetime(2025, 11, 25, 23, 30, tzinfo=new_york)
    record = at_local(late, "done", exercise="bridge", set=1)
    assert record["ts"] == "2025-11-26T04:30:00Z"  # UTC has already moved on
    per_day = sets_per_day([record], date(2025, 11, 25), date(2025, 11, 26))
    assert per_day == {date(2025, 11, 25): 1, date(2025, 11, 26): 0}


def test_early_morning_east_of_utc_belongs_to_its_local_day() -> None:
    tokyo = ZoneInfo("Asia/Tokyo")
    records = [
        at_local(datetime(2025, 11, 26, 0, 30, tzinfo=tokyo), "routine_complete"),
        at_local(datetime(2025, 11, 25, 8, 0, tzinfo=tokyo), "routine_complete"),
    ]
    assert records[0]["ts"].startswith("2025-11-25")  # the UTC date is the day before
    assert current_streak(records, date(2025, 11, 26)) == 2


def test_routine_finished_just_after_midnight_counts_for_the_new_day() -> None:
    zone = ZoneInfo("Europe/London")
    records = [
        at_local(datetime(2025, 11, 25, 23, 59, tzinfo=zone), "routine_complete"),
        at_local(datetime(2025, 11, 26, 0, 1, tzinfo=zone), "routine_complete"),
    ]
    assert current_streak(records, date(2025, 11, 26)) == 2
    assert current_streak(records[:1], date(2025, 11, 26)) == 1  # today still open


@pytest.mark.parametrize(
    ("zone", "change"),
    [
        ("Europe/Berlin", date(2025, 3, 30)),  # 23-hour day
        ("Europe/Berlin", date(2025, 10, 26)),  # 25-hour day
        ("America/New_York", date(2025, 3, 9)),
        ("America/New_York", date(2025, 11, 2)),
    ],
)
def test_dst_days_are_one_day_each(zone: str, change: date) -> None:
    tz = ZoneInfo(zone)
    records = []
    for offset in range(-3, 4):
        day = change + timedelta(days=offset)
        for hour in (0, 8, 23):  # the edges of the day included
            start = datetime(day.year, day.month, day.day, hour, 30, tzinfo=tz)
            records.append(at_local(start, "done", exercise="bridge", set=hour))
        end = datetime(day.year, day.month, day.day, 23, 50, tzinfo=tz)
        records.append(at_local(end, "routine_complete"))
    last = change + timedelta(days=3)
    assert current_streak(records, last) == 7
    per_day = sets_per_day(records, change - timedelta(days=3), last)
    assert list(per_day.values()) == [3] * 7
    assert adherence(records, last, 7) == 1.0


# --- adherence -------------------------------------------------------------------------


def test_adherence_over_a_window() -> None:
    records = [
        *routine_day(days_back(0)),
        *routine_day(days_back(1)),
        rec(days_back(2), "done", exercise="bridge", set=1),  # partial: expected, not done
        rec(days_back(3), "rest"),  # excused
        *routine_day(days_back(4)),
        # days_back(5) and (6): missed
        *routine_day(days_back(7)),  # outside a 7-day window
    ]
    assert adherence(records, TODAY, 7) == pytest.approx(3 / 6)


def test_today_counts_only_when_complete() -> None:
    records = [*routine_day(days_back(1)), rec(TODAY, "done", exercise="bridge", set=1)]
    assert adherence(records, TODAY, 2) == 1.0
    assert adherence([*records, rec(TODAY, "routine_complete")], TODAY, 2) == 1.0
    assert adherence([], TODAY, 2) == 0.0  # yesterday was expected and missed


def test_adherence_none_when_nothing_expected() -> None:
    assert adherence([rec(TODAY, "rest")], TODAY, 1) is None
    assert adherence([], TODAY, 1) is None  # today is still open
    assert adherence([], TODAY, 0) is None
    assert adherence([rec(days_back(1), "flare")], TODAY, 2) is None


def test_adherence_ignores_days_before_onboarding() -> None:
    records = [*routine_day(days_back(1)), *routine_day(days_back(2))]
    assert adherence(records, TODAY, 30) == pytest.approx(2 / 29)
    assert adherence(records, TODAY, 30, since=days_back(2)) == 1.0
    assert adherence(records, TODAY, 30, since=TODAY) is None
    assert adherence(records, TODAY, 7, since=days_back(20)) == pytest.approx(2 / 6)


# --- sets and pain ---------------------------------------------------------------------


def test_sides_of_one_set_count_once() -> None:
    records = [
        rec(TODAY, "done", exercise="abduction", set=1, side="left", session="s1"),
        rec(TODAY, "done", exercise="abduction", set=1, side="right", session="s1"),
        rec(TODAY, "done", exercise="abduction", set=2, side="left", session="s1"),
        rec(TODAY, "done", note="did some bridges"),  # typed, no set number
        rec(TODAY, "done", note="and some more"),
        rec(TODAY, "skip", exercise="bridge", set=1),
    ]
    assert sets_done(records, TODAY, TODAY) == 4


def test_sets_range_is_inclusive_with_zero_days() -> None:
    records = [*routine_day(days_back(3), sets=2), *routine_day(TODAY, sets=4)]
    assert sets_done(records, days_back(3), TODAY) == 6
    assert sets_done(records, days_back(2), TODAY) == 4
    per_day = sets_per_day(records, days_back(3), TODAY)
    assert per_day == {days_back(3): 2, days_back(2): 0, days_back(1): 0, TODAY: 4}


def test_pain_per_day_is_the_mean_of_valid_pain_scores() -> None:
    records = [
        rec(TODAY, "pain", pain=2, context="before"),
        rec(TODAY, "pain", pain=5, context="after"),
        rec(TODAY, "painful", pain=9),  # its score has its own pain record
        rec(TODAY, "pain", pain=42),  # invalid, ignored
        rec(days_back(1), "pain", pain=None),
        rec(days_back(2), "pain", pain=0, context="morning"),
    ]
    assert pain_per_day(records, days_back(5), TODAY) == {days_back(2): 0.0, TODAY: 3.5}


def test_pain_trend() -> None:
    falling = pain_series([7, 7, 6, 6, 6, 5, 5] + [None] * 9 + [4, 3, 3, 3, 2, 3, 2])
    assert pain_trend(falling, TODAY) == "improving"
    rising = pain_series([2, 2, 3, 2] + [None] * 12 + [4, 4, 3, 4])
    assert pain_trend(rising, TODAY) == "worse"
    flat = pain_series([4, 4, 5, 4] + [None] * 12 + [4, 5, 4, 4])
    assert pain_trend(flat, TODAY) == "steady"
    assert pain_trend(pain_series([6, 2, 1]), TODAY) == "unknown"
    assert pain_trend([], TODAY) == "unknown"


def test_pain_trend_threshold_is_one_point() -> None:
    assert pain_trend(pain_series([5, 5, 4, 4]), TODAY) == "improving"
    assert pain_trend(pain_series([5, 5, 5, 4]), TODAY) == "steady"  # 0.5 point


def test_pain_trend_for_a_new_user_splits_the_days() -> None:
    # eight days of scores: the first four against the last four
    assert pain_trend(pain_series([6, 6, 6, 6, 4, 4, 4, 4]), TODAY) == "improving"


def test_pain_trend_ignores_scores_outside_the_window() -> None:
    old = pain_series([9, 9, 9, 9] + [None] * 40)
    assert pain_trend(old, TODAY) == "unknown"


# --- summary -------------------------------------------------------------------------


def test_summary_week_is_monday_to_today() -> None:
    monday = date(2025, 11, 24)
    records = [
        *routine_day(monday - timedelta(days=1), sets=5),  # last Sunday
        *routine_day(monday, sets=2),
        *routine_day(TODAY, sets=3),
        rec(days_back(3), "redflag", note="numb leg"),
        rec(days_back(40), "redflag", note="too old to list"),
    ]
    summary = summarize(records, TODAY)
    assert summary.sets_this_week == 5
    assert summary.streak == 1
    assert summary.red_flags == [(days_back(3), "numb leg")]


def test_summary_since_defaults_to_the_first_record() -> None:
    records = [*routine_day(days_back(2)), *routine_day(days_back(1))]
    assert summarize(records, TODAY).adherence_30 == 1.0
    assert summarize(records, TODAY, since=days_back(9)).adherence_30 == pytest.approx(2 / 9)


def test_local_since_uses_the_users_zone() -> None:
    created = {"created": "2026-03-02T23:30:00Z", "tz": "Asia/Tokyo"}
    assert local_since(created) == date(2026, 3, 3)
    assert local_since({"created": "nonsense", "tz": "Europe/London"}) is None
    assert local_since({}) is None


# --- properties ------------------------------------------------------------------------

DAY_KINDS = st.lists(
    st.sampled_from(["routine_complete", "done", "rest", "flare", "redflag", "pain", "skip"]),
    max_size=3,
)


@settings(max_examples=200, deadline=None)
@given(
    history=st.lists(DAY_KINDS, max_size=40),
    window=st.integers(min_value=0, max_value=45),
    since_back=st.none() | st.integers(min_value=-2, max_value=50),
    seed=st.integers(0, 10**6),
)
def test_streak_and_adherence_bounds(
    history: list[list[str]], window: int, since_back: int | None, seed: int
) -> None:
    records = [
        rec(days_back(back), kind, pain=3)
        for back, kinds in enumerate(history)
        for kind in kinds
    ]
    complete_days = sum(1 for kinds in history if "routine_complete" in kinds)
    since = None if since_back is None else days_back(since_back)

    streak = current_streak(records, TODAY)
    assert 0 <= streak <= complete_days
    share = adherence(records, TODAY, window, since)
    assert share is None or 0.0 <= share <= 1.0

    shuffled = records[:]
    random.Random(seed).shuffle(shuffled)
    assert current_streak(shuffled, TODAY) == streak
    assert adherence(shuffled, TODAY, window, since) == share
