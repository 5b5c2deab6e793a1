"""Finding a person's time zone from a name they type or a location they share."""

from __future__ import annotations

import time as clock
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.reminders.timezones import UnknownTimezone, resolve_timezone, timezone_for_location


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # IANA names, any case, spaces for underscores
        ("Europe/London", "Europe/London"),
        ("europe/london", "Europe/London"),
        ("AMERICA/NEW_YORK", "America/New_York"),
        ("America/New York", "America/New_York"),
        ("America/Argentina/Buenos_Aires", "America/Argentina/Buenos_Aires"),
        # city part of a zone name
        ("London", "Europe/London"),
        ("new york", "America/New_York"),
        ("newyork", "America/New_York"),
        ("los angeles", "America/Los_Angeles"),
        ("sao paulo", "America/Sao_Paulo"),
        ("São Paulo", "America/Sao_Paulo"),
        ("buenos aires", "America/Argentina/Buenos_Aires"),
        ("Indianapolis", "America/Indiana/Indianapolis"),
        ("Port au Prince", "America/Port-au-Prince"),
        ("Sydney", "Australia/Sydney"),
        ("Toronto", "America/Toronto"),
        ("  tokyo  ", "Asia/Tokyo"),
        # common names that are not zone names
        ("NYC", "America/New_York"),
        ("LA", "America/Los_Angeles"),
        ("SF", "America/Los_Angeles"),
        ("San Francisco", "America/Los_Angeles"),
        ("Manchester", "Europe/London"),
        ("Edinburgh", "Europe/London"),
        ("UK", "Europe/London"),
        ("England", "Europe/London"),
        ("Munich", "Europe/Berlin"),
        ("Mumbai", "Asia/Kolkata"),
        ("Delhi", "Asia/Kolkata"),
        ("New Delhi", "Asia/Kolkata"),
        ("Beijing", "Asia/Shanghai"),
        ("Washington D.C.", "America/New_York"),
        ("St. Petersburg", "Europe/Moscow"),
        # abbreviations mean the region's civil time, with DST
        ("EST", "America/New_York"),
        ("PST", "America/Los_Angeles"),
        # UTC and fixed offsets (Etc signs are inverted)
        ("UTC", "UTC"),
        ("utc", "UTC"),
        ("GMT", "GMT"),
        ("UTC+2", "Etc/GMT-2"),
        ("gmt-5", "Etc/GMT+5"),
        ("UTC+0", "Etc/GMT"),
    ],
)
def test_resolve_timezone(text: str, expected: str) -> None:
    zone = resolve_timezone(text)
    assert isinstance(zone, ZoneInfo)
    assert zone.key == expected


def test_unknown_zone_has_suggestions_and_a_friendly_line() -> None:
    with pytest.raises(UnknownTimezone) as caught:
        resolve_timezone("Mars/Olympus")
    err = caught.value
    assert isinstance(err, ValueError)
    assert 1 <= len(err.suggestions) <= 3
    for name in err.suggestions:
        ZoneInfo(name)  # every suggestion is a real IANA name
    assert "Mars/Olympus" in str(err)
    assert "\n" not in str(err)


@pytest.mark.parametrize(
    ("typo", "first"),
    [("Londn", "Europe/London"), ("new yrok", "America/New_York"), ("Berln", "Europe/Berlin")],
)
def test_typos_are_suggested_not_guessed(typo: str, first: str) -> None:
    with pytest.raises(UnknownTimezone) as caught:
        resolve_timezone(typo)
    assert caught.value.suggestions[0] == first
    assert first in str(caught.value)


@pytest.mark.parametrize("country", ["USA", "us", "United States", "Canada", "Australia"])
def test_countries_with_several_zones_ask_for_a_city(country: str) -> None:
    with pytest.raises(UnknownTimezone) as caught:
        resolve_timezone(country)
    assert len(caught.value.suggestions) == 3
    assert "city" in str(caught.value)


@pytest.mark.parametrize("text", ["", "   ", "x" * 500, "UTC+20", "localtime", "Factory", "!!!"])
def test_rejects_junk(text: str) -> None:
    with pytest.raises(UnknownTimezone):
        resolve_timezone(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_any_text_resolves_or_raises_unknown_quickly(text: str) -> None:
    started = clock.perf_counter()
    failure: UnknownTimezone | None = None
    try:
        zone = resolve_timezone(text)
    except UnknownTimezone as err:
        failure = err
    else:
        assert isinstance(zone, ZoneInfo)
    assert clock.perf_counter() - started < 0.5
    if failure is not None:
        assert "\n" not in str(failure)
        for name in failure.suggestions:
            ZoneInfo(name)


@pytest.mark.parametrize(
    ("lat", "lon", "expected"),
    [
        (51.5, -0.12, "Europe/London"),
        (40.71, -74.0, "America/New_York"),
        (-33.87, 151.21, "Australia/Sydney"),
        (48.14, 11.58, "Europe/Berlin"),
    ],
)
def test_timezone_for_location(lat: float, lon: float, expected: str) -> None:
    zone = timezone_for_location(lat, lon)
    assert zone is not None
    assert zone.key == expected


def test_open_ocean_gives_the_nautical_zone() -> None:
    # Mid-Atlantic: no country, so the fixed nautical offset (documented behaviour).
    zone = timezone_for_location(0.0, -30.0)
    assert zone is not None
    assert zone.key == "Etc/GMT+2"


@pytest.mark.parametrize(
    ("lat", "lon"),
    [(91.0, 0.0), (-90.5, 0.0), (0.0, 180.5), (0.0, -181.0), (float("nan"), 0.0),
     (0.0, float("inf"))],
)  # fmt: skip
def test_impossible_coordinates_give_none(lat: float, lon: float) -> None:
    assert timezone_for_location(lat, lon) is None


# --- canonical names only (the daily-conversation issue) --------------------------------


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("Sydney Australia", "Australia/Sydney"),  # the city named first, not Australia/LHI
        ("Australia/NSW", "Australia/Sydney"),  # a legacy alias still finds its zone
        ("New South Wales", "Australia/Sydney"),
        ("near manchester uk", "Europe/London"),
        ("Kiev", "Europe/Kyiv"),
        ("Calcutta", "Asia/Kolkata"),
        ("US/Eastern", "America/New_York"),
        ("UTC", "UTC"),
    ],
)
def test_only_canonical_zone_names_come_back(typed: str, zone: str) -> None:
    assert str(resolve_timezone(typed)) == zone


def test_suggestions_are_never_legacy_aliases() -> None:
    from bot.domain.reminders.timezones import _links

    legacy = set(_links())
    for typed in ("Sydnee", "Melborne", "Lord How", "Kiyv", "sth", "New Yrok", "Brisbain"):
        with pytest.raises(UnknownTimezone) as refused:
            resolve_timezone(typed)
        assert not set(refused.value.suggestions) & legacy, (typed, refused.value.suggestions)
