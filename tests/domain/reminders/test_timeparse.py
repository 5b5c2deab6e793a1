"""Reading times and days the way people type them."""

from __future__ import annotations

import time as clock
from datetime import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.reminders.timeparse import (
    MAX_TIMES,
    TimeParseError,
    format_days,
    format_time,
    parse_days,
    parse_time,
    parse_times,
)

FAST = settings(max_examples=200, deadline=None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("7:30", time(7, 30)),
        ("07:30", time(7, 30)),
        ("7.30", time(7, 30)),
        ("730", time(7, 30)),
        ("0730", time(7, 30)),
        ("1930", time(19, 30)),
        ("7am", time(7, 0)),
        ("7 am", time(7, 0)),
        ("7 a.m.", time(7, 0)),
        ("7AM", time(7, 0)),
        ("7:30 pm", time(19, 30)),
        ("7:30pm", time(19, 30)),
        ("12am", time(0, 0)),
        ("12:15am", time(0, 15)),
        ("12pm", time(12, 0)),
        ("12:45 pm", time(12, 45)),
        ("19h", time(19, 0)),
        ("19h30", time(19, 30)),
        ("19", time(19, 0)),
        ("0", time(0, 0)),
        ("noon", time(12, 0)),
        ("Midnight", time(0, 0)),
        ("  08:05  ", time(8, 5)),
    ],
)
def test_parse_time_accepts(text: str, expected: time) -> None:
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    "text",
    ["25:00", "7:61", "24:60", "24:00", "2400", "noon-ish", "", "   ", "13pm", "0pm", "0am",
     "junk", "7:", "7:5", "7h pm", "7:30:00", "-1", "07:30 18:00", "٧:٣٠", "x" * 10_000],
)  # fmt: skip
def test_parse_time_rejects(text: str) -> None:
    with pytest.raises(TimeParseError):
        parse_time(text)


def test_error_is_one_friendly_line_with_an_example() -> None:
    with pytest.raises(TimeParseError) as caught:
        parse_time("25:00")
    message = str(caught.value)
    assert "25:00" in message
    assert "07:30" in message
    assert "\n" not in message
    assert issubclass(TimeParseError, ValueError)


def test_error_for_huge_input_stays_short() -> None:
    with pytest.raises(TimeParseError) as caught:
        parse_time("9" * 100_000 + "\n")
    assert len(str(caught.value)) < 120
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("07:30 18:00", [time(7, 30), time(18, 0)]),
        ("7am, 6pm", [time(7, 0), time(18, 0)]),
        ("7 am and 6 pm", [time(7, 0), time(18, 0)]),
        ("18:00 07:30", [time(7, 30), time(18, 0)]),
        ("7:00, 07:00, 7am", [time(7, 0)]),
        ("noon; 9pm", [time(12, 0), time(21, 0)]),
        ("6 7 8 9 6", [time(6), time(7), time(8), time(9)]),
    ],
)
def test_parse_times(text: str, expected: list[time]) -> None:
    assert parse_times(text) == expected


def test_parse_times_limits_and_errors() -> None:
    with pytest.raises(TimeParseError, match=str(MAX_TIMES)):
        parse_times("6 7 8 9 10")
    with pytest.raises(TimeParseError):
        parse_times("")
    with pytest.raises(TimeParseError):
        parse_times(" , and ")
    with pytest.raises(TimeParseError, match="25:00"):
        parse_times("7am 25:00")
    with pytest.raises(TimeParseError):
        parse_times("7am " * 500)


def test_format_time() -> None:
    assert format_time(time(7, 30)) == "07:30"
    assert format_time(time(0, 0)) == "00:00"
    assert format_time(time(23, 5, 59)) == "23:05"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("every day", set(range(7))),
        ("Daily", set(range(7))),
        ("everyday", set(range(7))),
        ("weekdays", {0, 1, 2, 3, 4}),
        ("week days", {0, 1, 2, 3, 4}),
        ("weekends", {5, 6}),
        ("mon wed fri", {0, 2, 4}),
        ("Mon-Fri", {0, 1, 2, 3, 4}),
        ("mon to fri", {0, 1, 2, 3, 4}),
        ("fri-mon", {4, 5, 6, 0}),
        ("monday,tuesday", {0, 1}),
        ("Mondays and Thursdays", {0, 3}),
        ("tue/thu", {1, 3}),
        ("sat", {5}),
        ("Sunday", {6}),
        ("weekdays and sat", {0, 1, 2, 3, 4, 5}),
        ("every day except sunday", {0, 1, 2, 3, 4, 5}),
        ("wensday", {2}),
        ("thrusday", {3}),
        ("tuseday", {1}),
        ("satuday", {5}),
        ("fryday", {4}),
    ],
)
def test_parse_days(text: str, expected: set[int]) -> None:
    assert parse_days(text) == frozenset(expected)


@pytest.mark.parametrize(
    "text",
    ["", "blah", "munday", "mun", "tus", "mon-", "mon-tue-wed", "sunday except sunday",
     "every day except every day", "x" * 5000],
)  # fmt: skip
def test_parse_days_rejects(text: str) -> None:
    # "munday" is one letter from both Monday and Sunday: too ambiguous to guess.
    with pytest.raises(TimeParseError):
        parse_days(text)


def test_format_days() -> None:
    assert format_days(frozenset(range(7))) == "every day"
    assert format_days(frozenset(range(5))) == "weekdays"
    assert format_days(frozenset({5, 6})) == "weekends"
    assert format_days(frozenset({4, 0, 2})) == "Mon, Wed, Fri"


# --- properties ---

hours = st.integers(0, 23)
minutes = st.integers(0, 59)


@FAST
@given(hours, minutes)
def test_24_hour_round_trip(h: int, m: int) -> None:
    parsed = parse_time(f"{h}:{m:02d}")
    assert parsed == time(h, m)
    assert parse_time(format_time(parsed)) == parsed
    assert parse_time(f"{h:02d}{m:02d}") == parsed


@FAST
@given(st.integers(1, 12), minutes, st.sampled_from(["am", "pm", " am", " PM", "p.m."]))
def test_12_hour_agrees_with_24_hour(h12: int, m: int, suffix: str) -> None:
    is_pm = "p" in suffix.lower()
    h24 = (h12 % 12) + (12 if is_pm else 0)
    assert parse_time(f"{h12}:{m:02d}{suffix}") == parse_time(f"{h24:02d}:{m:02d}")


@FAST
@given(st.text(max_size=300))
def test_any_text_only_raises_time_parse_error_and_is_fast(text: str) -> None:
    for parse in (parse_time, parse_times, parse_days):
        started = clock.perf_counter()
        message = ""
        try:
            parse(text)
        except TimeParseError as err:
            message = str(err)
        assert "\n" not in message
        assert clock.perf_counter() - started < 0.25  # generous: the box is shared


@FAST
@given(st.lists(st.tuples(hours, minutes), min_size=1, max_size=MAX_TIMES))
def test_parse_times_sorted_and_unique(pairs: list[tuple[int, int]]) -> None:
    text = ", ".join(f"{h}:{m:02d}" for h, m in pairs)
    assert parse_times(text) == sorted({time(h, m) for h, m in pairs})


@FAST
@given(st.sets(st.integers(0, 6), min_size=1))
def test_days_round_trip_through_names(days: set[int]) -> None:
    names = ["monday", "tue", "Wednesday", "thu", "FRIDAY", "sat", "sundays"]
    assert parse_days(" ".join(names[d] for d in sorted(days))) == frozenset(days)
