"""Reminder instants around DST, pauses, missed reminders and nudges."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from itertools import pairwise
from zoneinfo import ZoneInfo, available_timezones

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.reminders.local_time import (
    EVERY_DAY,
    ReminderPrefs,
    local_date,
    local_now,
    missed_days,
    missed_within,
    next_fire,
    next_fires,
    nudge_time,
    should_send_reminder,
    slot_exists,
    slot_instant,
)

FAST = settings(max_examples=200, deadline=None)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def at(tz: str, year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A local wall-clock moment in ``tz`` (first occurrence if repeated)."""
    return datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(tz))


def chain(prefs: ReminderPrefs, slot: time, after: datetime, count: int) -> list[datetime]:
    """Fire ``count`` times, re-arming from each fire, as the bot's job does."""
    fires: list[datetime] = []
    for _ in range(count):
        fire = next_fire(prefs, slot, after)
        assert fire is not None
        fires.append(fire)
        after = fire
    return fires


# --- wall-clock time is kept across DST ---


@pytest.mark.parametrize(
    ("tz", "transition", "expected_utc"),
    [
        ("Europe/London", date(2026, 3, 29), utc(2026, 3, 29, 7, 0)),  # 08:00 BST
        ("Europe/London", date(2026, 10, 25), utc(2026, 10, 25, 8, 0)),  # 08:00 GMT
        ("America/New_York", date(2026, 3, 8), utc(2026, 3, 8, 12, 0)),  # 08:00 EDT
        ("America/New_York", date(2026, 11, 1), utc(2026, 11, 1, 13, 0)),  # 08:00 EST
    ],
)
def test_eight_am_stays_eight_am_across_transitions(
    tz: str, transition: date, expected_utc: datetime
) -> None:
    prefs = ReminderPrefs(times=(time(8, 0),), tz=tz)
    start = at(tz, transition.year, transition.month, transition.day) - timedelta(days=3)
    fires = chain(prefs, time(8, 0), start, 7)
    local = [fire.astimezone(ZoneInfo(tz)) for fire in fires]
    assert [moment.time() for moment in local] == [time(8, 0)] * 7
    assert [moment.date() for moment in local] == [
        transition + timedelta(days=offset) for offset in range(-3, 4)
    ]
    assert fires[3] == expected_utc
    assert all(fire.tzinfo is UTC for fire in fires)


@pytest.mark.parametrize(
    ("tz", "day_after", "slot", "expected_utc"),
    [
        ("Europe/London", date(2026, 3, 30), time(0, 0), utc(2026, 3, 29, 23, 0)),
        ("Europe/London", date(2026, 3, 30), time(0, 30), utc(2026, 3, 29, 23, 30)),
        ("America/New_York", date(2026, 3, 9), time(0, 0), utc(2026, 3, 9, 4, 0)),
        ("America/New_York", date(2026, 3, 9), time(0, 30), utc(2026, 3, 9, 4, 30)),
        # the days APScheduler's cron trigger skips a 00:00 job
        ("US/Pacific", date(2025, 3, 10), time(0, 0), utc(2025, 3, 10, 7, 0)),
        ("US/Pacific", date(2025, 3, 10), time(0, 30), utc(2025, 3, 10, 7, 30)),
        ("Europe/Berlin", date(2025, 3, 31), time(0, 0), utc(2025, 3, 30, 22, 0)),
        ("Europe/Berlin", date(2025, 3, 31), time(0, 30), utc(2025, 3, 30, 22, 30)),
    ],
)
def test_midnight_the_day_after_spring_forward(
    tz: str, day_after: date, slot: time, expected_utc: datetime
) -> None:
    prefs = ReminderPrefs(times=(slot,), tz=tz)
    # Re-armed from the fire on the spring-forward day itself, as the job would be.
    transition_day = day_after - timedelta(days=1)
    fire_on_transition_day = slot_instant(transition_day, slot, tz)
    assert next_fire(prefs, slot, fire_on_transition_day) == expected_utc
    # And from any moment during the transition day.
    noon = at(tz, transition_day.year, transition_day.month, transition_day.day, 12)
    assert next_fire(prefs, slot, noon) == expected_utc
    assert expected_utc.astimezone(ZoneInfo(tz)).time() == slot


def test_wall_time_in_the_gap_fires_once_shifted_by_the_gap() -> None:
    tz = "America/New_York"
    prefs = ReminderPrefs(times=(time(2, 30),), tz=tz)
    assert not slot_exists(date(2026, 3, 8), time(2, 30), tz)
    assert slot_exists(date(2026, 3, 9), time(2, 30), tz)
    fires = chain(prefs, time(2, 30), at(tz, 2026, 3, 6, 12), 4)
    local = [fire.astimezone(ZoneInfo(tz)) for fire in fires]
    on_the_day = [moment for moment in local if moment.date() == date(2026, 3, 8)]
    assert len(on_the_day) == 1
    assert on_the_day[0].time() == time(3, 30)
    assert fires[1] == utc(2026, 3, 8, 7, 30)
    assert [moment.time() for moment in local] == [time(2, 30), time(3, 30)] + [time(2, 30)] * 2


def test_gap_that_crosses_midnight_keeps_yesterdays_reminder() -> None:
    # Greenland springs forward at Saturday 23:00 -> Sunday 00:00, so Saturday's
    # 23:30 reminder lands at 00:30 on Sunday. Checked just after local midnight,
    # it is still due and must not be skipped.
    tz = "America/Nuuk"
    prefs = ReminderPrefs(times=(time(23, 30),), tz=tz)
    assert not slot_exists(date(2026, 3, 28), time(23, 30), tz)
    fire = next_fire(prefs, time(23, 30), at(tz, 2026, 3, 29, 0, 10))
    assert fire == utc(2026, 3, 29, 1, 30)
    assert fire.astimezone(ZoneInfo(tz)).time() == time(0, 30)
    assert next_fire(prefs, time(23, 30), fire) == at(tz, 2026, 3, 29, 23, 30).astimezone(UTC)


def test_wall_time_in_the_repeated_hour_fires_once() -> None:
    tz = "America/New_York"
    prefs = ReminderPrefs(times=(time(1, 30),), tz=tz)
    fires = chain(prefs, time(1, 30), at(tz, 2026, 10, 30, 12), 4)
    on_the_day = [f for f in fires if f.astimezone(ZoneInfo(tz)).date() == date(2026, 11, 1)]
    assert on_the_day == [utc(2026, 11, 1, 5, 30)]  # 01:30 EDT, the first of the two
    # Between the two 01:30s: the second one does not fire; tomorrow's does.
    assert next_fire(prefs, time(1, 30), utc(2026, 11, 1, 5, 45)) == utc(2026, 11, 2, 6, 30)


def test_next_fire_is_strictly_after() -> None:
    prefs = ReminderPrefs(times=(time(9, 0),), tz="Europe/London")
    exactly = utc(2026, 6, 1, 8, 0)  # 09:00 BST
    assert next_fire(prefs, time(9, 0), exactly - timedelta(microseconds=1)) == exactly
    assert next_fire(prefs, time(9, 0), exactly) == utc(2026, 6, 2, 8, 0)


def test_days_of_week_filter() -> None:
    tz = "Europe/London"
    weekdays = ReminderPrefs(times=(time(8, 0),), days=frozenset(range(5)), tz=tz)
    friday_evening = at(tz, 2026, 5, 1, 18)  # 2026-05-01 is a Friday
    assert friday_evening.weekday() == 4
    fire = next_fire(weekdays, time(8, 0), friday_evening)
    assert fire == at(tz, 2026, 5, 4, 8).astimezone(UTC)  # Monday
    sundays = ReminderPrefs(times=(time(8, 0),), days=frozenset({6}), tz=tz)
    fires = chain(sundays, time(8, 0), friday_evening, 3)
    assert [f.astimezone(ZoneInfo(tz)).date() for f in fires] == [
        date(2026, 5, 3),
        date(2026, 5, 10),
        date(2026, 5, 17),
    ]


def test_pause_until_a_date() -> None:
    tz = "America/New_York"
    prefs = ReminderPrefs(times=(time(8, 0),), tz=tz, paused_until=date(2026, 5, 10))
    assert next_fire(prefs, time(8, 0), at(tz, 2026, 5, 1, 12)) == at(
        tz, 2026, 5, 10, 8
    ).astimezone(UTC)
    # A pause that has ended changes nothing.
    assert next_fire(prefs, time(8, 0), at(tz, 2026, 6, 1, 12)) == at(
        tz, 2026, 6, 2, 8
    ).astimezone(UTC)
    # Pause end on a day that is not allowed: the first allowed day after it.
    weekdays = ReminderPrefs(
        times=(time(8, 0),), days=frozenset(range(5)), tz=tz, paused_until=date(2026, 5, 9)
    )
    assert next_fire(weekdays, time(8, 0), at(tz, 2026, 5, 1, 12)) == at(
        tz, 2026, 5, 11, 8
    ).astimezone(UTC)
    forever = ReminderPrefs(times=(time(8, 0),), tz=tz, paused_until=date.max)
    assert next_fire(forever, time(8, 0), at(tz, 2026, 5, 1, 12)) is None


def test_nothing_fires_when_off() -> None:
    now = utc(2026, 5, 1, 12)
    assert next_fire(ReminderPrefs(times=(time(8, 0),), active=False), time(8, 0), now) is None
    assert next_fire(ReminderPrefs(times=()), time(8, 0), now) is None
    assert next_fire(ReminderPrefs(times=(time(8, 0),), days=frozenset()), time(8, 0), now) is None
    assert next_fires(ReminderPrefs(times=(time(8, 0),), active=False), now) == []


def test_naive_datetimes_are_refused() -> None:
    prefs = ReminderPrefs(times=(time(8, 0),))
    with pytest.raises(ValueError, match="aware"):
        next_fire(prefs, time(8, 0), datetime(2026, 5, 1, 12))
    with pytest.raises(ValueError, match="aware"):
        local_date(datetime(2026, 5, 1, 12), "UTC")


def test_next_fires_sorted_by_instant() -> None:
    tz = "Asia/Tokyo"
    prefs = ReminderPrefs(times=(time(7, 30), time(18, 0), time(12, 0)), tz=tz)
    after = at(tz, 2026, 5, 1, 13)
    assert next_fires(prefs, after) == [
        (time(18, 0), at(tz, 2026, 5, 1, 18).astimezone(UTC)),
        (time(7, 30), at(tz, 2026, 5, 2, 7, 30).astimezone(UTC)),
        (time(12, 0), at(tz, 2026, 5, 2, 12).astimezone(UTC)),
    ]


def test_local_date_and_now() -> None:
    moment = utc(2026, 3, 29, 23, 30)
    assert local_date(moment, "Pacific/Auckland") == date(2026, 3, 30)
    assert local_date(moment, "America/Los_Angeles") == date(2026, 3, 29)
    assert local_now(moment, "Europe/London") == at("Europe/London", 2026, 3, 30, 0, 30)
    assert local_now(moment, "Europe/London").utcoffset() == timedelta(hours=1)


# --- reminders missed while the bot was down ---

SLOT = time(8, 0)
LONDON = ReminderPrefs(times=(SLOT,), tz="Europe/London")
DUE = utc(2026, 6, 1, 7, 0)  # 08:00 BST
GRACE = timedelta(minutes=30)


def test_missed_by_ten_minutes_is_sent() -> None:
    last_run = DUE - timedelta(days=1)
    assert missed_within(LONDON, SLOT, last_run, DUE + timedelta(minutes=10), GRACE) == DUE


def test_missed_by_forty_five_minutes_is_skipped() -> None:
    last_run = DUE - timedelta(days=1)
    assert missed_within(LONDON, SLOT, last_run, DUE + timedelta(minutes=45), GRACE) is None


def test_already_sent_is_not_sent_again() -> None:
    assert missed_within(LONDON, SLOT, DUE, DUE + timedelta(minutes=10), GRACE) is None
    assert missed_within(LONDON, SLOT, None, DUE + timedelta(minutes=10), GRACE) == DUE


def test_several_missed_days_give_at_most_one() -> None:
    last_run = DUE - timedelta(days=4)
    now = DUE + timedelta(minutes=5)
    assert missed_within(LONDON, SLOT, last_run, now, GRACE) == DUE
    # Even with a week of grace only the latest one comes back.
    assert missed_within(LONDON, SLOT, last_run, now, timedelta(days=7)) == DUE
    # Down for days and back mid-afternoon: nothing, no burst.
    assert missed_within(LONDON, SLOT, last_run, DUE + timedelta(hours=7), GRACE) is None


def test_missed_respects_pause_and_days() -> None:
    paused = ReminderPrefs(times=(SLOT,), tz="Europe/London", paused_until=date(2026, 6, 2))
    assert missed_within(paused, SLOT, None, DUE + timedelta(minutes=10), GRACE) is None
    sunday_only = ReminderPrefs(times=(SLOT,), tz="Europe/London", days=frozenset({6}))
    assert DUE.weekday() == 0
    assert missed_within(sunday_only, SLOT, None, DUE + timedelta(minutes=10), GRACE) is None


# --- nudges: smart, not naggy ---


def test_nudge_three_hours_after_last_slot() -> None:
    prefs = ReminderPrefs(times=(time(9, 0),), tz="Europe/London")
    assert nudge_time(prefs, date(2026, 6, 1)) == at("Europe/London", 2026, 6, 1, 12).astimezone(
        UTC
    )
    two = ReminderPrefs(times=(time(7, 30), time(13, 0)), tz="Europe/London")
    assert nudge_time(two, date(2026, 6, 1)) == at("Europe/London", 2026, 6, 1, 16).astimezone(UTC)


def test_nudge_is_capped_at_nine_pm() -> None:
    prefs = ReminderPrefs(times=(time(19, 0),), tz="America/New_York")
    assert nudge_time(prefs, date(2026, 6, 1)) == at(
        "America/New_York", 2026, 6, 1, 21
    ).astimezone(UTC)


def test_no_nudge_too_soon_after_a_late_reminder() -> None:
    prefs = ReminderPrefs(times=(time(8, 0), time(20, 30)), tz="Europe/London")
    assert nudge_time(prefs, date(2026, 6, 1)) is None
    after_nine = ReminderPrefs(times=(time(22, 0),), tz="Europe/London")
    assert nudge_time(after_nine, date(2026, 6, 1)) is None


def test_no_nudge_before_eight_am() -> None:
    prefs = ReminderPrefs(times=(time(3, 0),), tz="Europe/London")
    assert nudge_time(prefs, date(2026, 6, 1)) is None
    five = ReminderPrefs(times=(time(5, 0),), tz="Europe/London")
    assert nudge_time(five, date(2026, 6, 1)) == at("Europe/London", 2026, 6, 1, 8).astimezone(UTC)


def test_no_nudge_on_days_without_reminders() -> None:
    tz = "Europe/London"
    weekdays = ReminderPrefs(times=(time(9, 0),), days=frozenset(range(5)), tz=tz)
    assert nudge_time(weekdays, date(2026, 6, 6)) is None  # a Saturday
    paused = ReminderPrefs(times=(time(9, 0),), tz=tz, paused_until=date(2026, 6, 2))
    assert nudge_time(paused, date(2026, 6, 1)) is None
    assert nudge_time(ReminderPrefs(times=(time(9, 0),), active=False), date(2026, 6, 1)) is None
    assert nudge_time(ReminderPrefs(times=()), date(2026, 6, 1)) is None


def test_nudge_on_a_dst_day_keeps_local_time() -> None:
    prefs = ReminderPrefs(times=(time(9, 0),), tz="Europe/London")
    nudge = nudge_time(prefs, date(2026, 3, 29))
    assert nudge is not None
    assert nudge.astimezone(ZoneInfo("Europe/London")).time() == time(12, 0)


@pytest.mark.parametrize(
    ("done", "sent", "slots", "nudges", "kind", "expected"),
    [
        (False, 0, 2, 0, "reminder", True),
        (False, 1, 2, 0, "reminder", True),
        (True, 0, 2, 0, "reminder", False),  # routine done: no reminder
        (True, 1, 1, 0, "nudge", False),  # routine done: no nudge
        (False, 2, 2, 0, "reminder", True),  # a snooze counted in sent leaves room
        (False, 3, 2, 1, "reminder", False),  # slots + 2 ceiling
        (False, 0, 0, 0, "reminder", False),  # no slot today
        (False, 1, 1, 0, "nudge", True),
        (False, 1, 1, 1, "nudge", False),  # at most one nudge a day
        (False, 0, 1, 0, "nudge", False),  # a nudge follows a reminder
        (False, 4, 2, 0, "nudge", False),  # slots + 2 ceiling (a 5th message)
        (False, 5, 4, 1, "reminder", False),
    ],
)
def test_should_send_reminder(
    done: bool, sent: int, slots: int, nudges: int, kind: str, expected: bool
) -> None:
    assert should_send_reminder(done, sent, slots, nudges, kind) is expected  # type: ignore[arg-type]


@FAST
@given(
    st.booleans(),
    st.integers(0, 10),
    st.integers(0, 4),
    st.integers(0, 5),
    st.sampled_from(["reminder", "nudge"]),
)
def test_should_send_never_exceeds_the_daily_ceiling(
    done: bool, sent: int, slots: int, nudges: int, kind: str
) -> None:
    if should_send_reminder(done, sent, slots, nudges, kind):  # type: ignore[arg-type]
        assert not done
        assert slots >= 1
        assert sent + nudges + 1 <= slots + 2
        if kind == "nudge":
            assert nudges == 0


@pytest.mark.parametrize(
    ("last", "today", "expected"),
    [
        (None, date(2026, 6, 10), 0),
        (date(2026, 6, 10), date(2026, 6, 10), 0),
        (date(2026, 6, 9), date(2026, 6, 10), 0),
        (date(2026, 6, 7), date(2026, 6, 10), 2),
        (date(2026, 5, 31), date(2026, 6, 10), 9),
        (date(2026, 6, 12), date(2026, 6, 10), 0),  # clock moved back: never negative
    ],
)
def test_missed_days(last: date | None, today: date, expected: int) -> None:
    assert missed_days(last, today) == expected


# --- properties over real zones and times ---

ZONES = sorted(available_timezones() - {"localtime", "Factory", "posixrules"})
zones = st.sampled_from(ZONES)
instants = st.datetimes(
    min_value=datetime(2020, 1, 1), max_value=datetime(2035, 12, 31), timezones=st.just(UTC)
)
slots = st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45, 59]))


def _slot_day(fire: datetime, slot: time, tz: str) -> date:
    """The local day a fire belongs to (a gap shift may, in theory, cross midnight)."""
    day = fire.astimezone(ZoneInfo(tz)).date()
    for candidate in (day, day - timedelta(days=1)):
        if slot_instant(candidate, slot, tz) == fire:
            return candidate
    raise AssertionError(f"{fire} is no slot instant of {slot} in {tz}")


@FAST
@given(zones, instants, slots)
def test_next_fire_is_soon_after_and_on_the_wall_clock(
    tz: str, after: datetime, slot: time
) -> None:
    prefs = ReminderPrefs(times=(slot,), tz=tz)
    fire = next_fire(prefs, slot, after)
    assert fire is not None
    assert fire > after
    assert fire - after <= timedelta(days=8)
    assert fire - after <= timedelta(hours=27)  # all days allowed: tomorrow at the latest
    local = fire.astimezone(ZoneInfo(tz))
    day = _slot_day(fire, slot, tz)
    if slot_exists(day, slot, tz):
        assert local.time() == slot
    else:
        assert local.replace(tzinfo=None) > datetime.combine(day, slot)  # pushed past the gap


@FAST
@given(zones, instants, slots, st.frozensets(st.integers(0, 6), min_size=1))
def test_repeated_firing_never_repeats_and_never_skips_a_day(
    tz: str, after: datetime, slot: time, days: frozenset[int]
) -> None:
    prefs = ReminderPrefs(times=(slot,), days=days, tz=tz)
    fires = chain(prefs, slot, after, 12)
    assert fires[0] > after
    assert all(later > earlier for earlier, later in pairwise(fires))
    fire_days = [_slot_day(fire, slot, tz) for fire in fires]
    assert all(day.weekday() in days for day in fire_days)
    # Every allowed day between the first and the last fire got exactly one fire.
    expected: list[date] = []
    day = fire_days[0]
    while day <= fire_days[-1]:
        if day.weekday() in days:
            expected.append(day)
        day += timedelta(days=1)
    assert fire_days == expected
    # And nothing was due between ``after`` and the first fire.
    previous = fire_days[0] - timedelta(days=1)
    while previous.weekday() not in days:
        previous -= timedelta(days=1)
    assert slot_instant(previous, slot, tz) <= after


@FAST
@given(zones, instants, slots, st.integers(0, 180), st.integers(1, 120))
def test_missed_within_returns_one_due_instant_inside_the_window(
    tz: str, now: datetime, slot: time, grace_minutes: int, down_hours: int
) -> None:
    prefs = ReminderPrefs(times=(slot,), tz=tz)
    grace = timedelta(minutes=grace_minutes)
    last_run = now - timedelta(hours=down_hours)
    found = missed_within(prefs, slot, last_run, now, grace)
    floor = max(last_run, now - grace)
    if found is None:
        # Nothing was due in the window.
        nxt = next_fire(prefs, slot, floor)
        assert nxt is None or nxt > now
    else:
        assert floor < found <= now
        assert next_fire(prefs, slot, found) is not None
        assert next_fire(prefs, slot, found) > now  # type: ignore[operator]


def test_default_days_are_every_day() -> None:
    assert ReminderPrefs(times=(time(8, 0),)).days == EVERY_DAY == frozenset(range(7))


def test_remembered_answer_is_used_only_where_it_is_right() -> None:
    """next_fire remembers one answer per (prefs, slot); any other ``after`` is searched."""
    from bot.domain.reminders import local_time as schedule_mod
    prefs = ReminderPrefs(times=(time(8, 0),), tz="Europe/London")
    slot = time(8, 0)
    base = datetime(2026, 3, 27, 12, 0, tzinfo=UTC)
    first = next_fire(prefs, slot, base)
    assert first == datetime(2026, 3, 28, 8, 0, tzinfo=UTC)
    assert next_fire(prefs, slot, base + timedelta(hours=5)) == first  # remembered
    # At and after the fire: the next day (clocks go forward on 29 March: 07:00 UTC).
    assert next_fire(prefs, slot, first) == datetime(2026, 3, 29, 7, 0, tzinfo=UTC)
    # Earlier than what was remembered: searched again, not the remembered answer.
    assert next_fire(prefs, slot, base - timedelta(days=2)) == datetime(
        2026, 3, 26, 8, 0, tzinfo=UTC)
    schedule_mod._recent.clear()
    assert next_fire(prefs, slot, base) == first
