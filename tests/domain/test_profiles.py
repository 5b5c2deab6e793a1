"""Profile: the typed view of a stored profile, with one zone fallback."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from hypothesis import given
from hypothesis import strategies as st

from bot.domain.profiles import Profile, as_profile, new_profile

NOW = datetime(2026, 3, 29, 23, 30, tzinfo=UTC)


def test_an_empty_profile_has_no_consent_and_the_clinic_zone() -> None:
    view = Profile({}, "Europe/Berlin")
    assert not view.consent and not view.onboarded
    assert view.tz == "Europe/Berlin"
    assert view.today(NOW) == date(2026, 3, 30)  # 01:30 in Berlin (summer time began)
    assert view.plan_level == "normal" and view.reminder_times == ()
    assert view.active and view.weekly_summary and not view.on_hold


def test_a_stored_zone_wins_over_the_clinic_zone() -> None:
    view = Profile({"consent": True, "tz": "America/New_York"}, "Europe/Berlin")
    assert view.tz == "America/New_York"
    assert view.today(NOW) == date(2026, 3, 29)


def test_a_new_profile_reads_back_through_the_view() -> None:
    raw = new_profile(7, "Ana", "ana_h", NOW, "Europe/Lisbon")
    view = as_profile(raw)
    assert view.consent and view.stage == "time" and not view.onboarded
    assert view.tz == "Europe/Lisbon" and view.username == "ana_h"
    assert view.reminder_days == frozenset(range(7))
    assert view.display_name == "Ana (@ana_h)"
    assert as_profile(view) is view


def test_odd_stored_values_read_safely() -> None:
    view = Profile({"plan": {"level": "extreme"}, "active": False, "hold": "redflag",
                    "paused_until": "2026-04-01", "weekly_summary": 0})
    assert view.plan_level == "normal"
    assert not view.active and view.on_hold and not view.weekly_summary
    assert view.paused_until == "2026-04-01"
    assert view.held_for_red_flag


def test_plan_levels_and_overrides() -> None:
    view = Profile({"plan": {"level": "harder", "levels": {"glute_bridge": "easier"}}})
    assert view.plan_level == "harder"
    assert view.level_overrides == {"glute_bridge": "easier"}
    assert Profile({"hold": "clinician"}).on_hold
    assert not Profile({"hold": "clinician"}).held_for_red_flag


@given(st.datetimes(timezones=st.just(UTC)))
def test_today_is_the_local_date_in_the_profile_zone(moment: datetime) -> None:
    view = Profile({"tz": "Pacific/Kiritimati"}, "UTC")
    assert view.today(moment) == moment.astimezone(ZoneInfo("Pacific/Kiritimati")).date()
