"""Pause and "off" cover everything pending: planned slots, snoozes and nudges (issue 23, item 7).

Pure planning: ``plan_jobs`` plans nothing that would fall inside a pause or after
``/remind off``, and ``decide`` refuses a job that fires anyway (one planned before the
change, or rebuilt from a state written before it).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.domain.reminders.planning import decide, plan_jobs

PROFILE = {"consent": True, "stage": "done", "active": True, "tz": "Europe/London",
           "reminder_times": ["09:00"], "reminder_days": list(range(7))}
NOW = datetime(2026, 11, 28, 10, 0, tzinfo=UTC)  # after the day's 09:00 reminder
DAY = date(2026, 11, 28)
NUDGE = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
SNOOZE = datetime(2026, 11, 28, 11, 0, tzinfo=UTC)
PENDING = {"nudge_at": NUDGE.isoformat(), "snooze_until": SNOOZE.isoformat(),
           "sent_counts": {"day": DAY.isoformat(), "sent": 1, "nudges": 0}}

PAUSED_FOREVER = {"paused_until": date.max.isoformat()}
PAUSED_3_DAYS = {"paused_until": (DAY + timedelta(days=3)).isoformat()}
OFF = {"reminder_times": []}
STOPPED = [PAUSED_FOREVER, PAUSED_3_DAYS, OFF]
STOPPED_IDS = ["pause", "pause 3", "remind off"]


def kinds(jobs: list) -> list[str]:
    return [job.kind for job in jobs]


def test_pending_nudge_and_snooze_are_planned_when_nothing_is_stopped():
    assert sorted(kinds(plan_jobs(42, PROFILE, PENDING, NOW, catch_up=False))) == [
        "nudge", "reminder", "snooze"]


@pytest.mark.parametrize("change", STOPPED, ids=STOPPED_IDS)
@pytest.mark.parametrize("catch_up", [False, True], ids=["settings change", "start-up"])
def test_no_snooze_or_nudge_is_planned_while_stopped(change, catch_up):
    jobs = plan_jobs(42, {**PROFILE, **change}, PENDING, NOW, catch_up=catch_up)
    assert "nudge" not in kinds(jobs) and "snooze" not in kinds(jobs)


def test_a_pause_with_an_end_date_plans_the_slot_for_the_day_it_ends():
    jobs = plan_jobs(42, {**PROFILE, **PAUSED_3_DAYS}, PENDING, NOW, catch_up=False)
    assert [(j.kind, j.when) for j in jobs] == [
        ("reminder", datetime(2026, 12, 1, 9, 0, tzinfo=UTC))]


def test_a_pause_that_has_ended_plans_everything_again():
    ended = {"paused_until": DAY.isoformat()}  # paused until today: today is free again
    assert sorted(kinds(plan_jobs(42, {**PROFILE, **ended}, PENDING, NOW, catch_up=False))) == [
        "nudge", "reminder", "snooze"]


@pytest.mark.parametrize("change", STOPPED, ids=STOPPED_IDS)
@pytest.mark.parametrize(("kind", "slot", "due"), [
    ("nudge", None, NUDGE), ("snooze", None, SNOOZE),
    ("reminder", time(9), datetime(2026, 11, 28, 9, 0, tzinfo=UTC)),
], ids=["nudge", "snooze", "reminder"])
def test_a_job_that_fires_while_stopped_sends_nothing(change, kind, slot, due):
    state = PENDING if kind != "reminder" else {}
    decision = decide(kind, {**PROFILE, **change}, state, [], DAY, slot, due)
    assert not decision.send
    assert decision.why == ("off" if change is OFF else "paused")


@pytest.mark.parametrize(("kind", "slot", "due"), [
    ("nudge", None, NUDGE), ("snooze", None, SNOOZE),
    ("reminder", time(9), datetime(2026, 11, 28, 9, 0, tzinfo=UTC)),
], ids=["nudge", "snooze", "reminder"])
def test_jobs_send_again_once_the_pause_has_ended(kind, slot, due):
    ended = {**PROFILE, "paused_until": DAY.isoformat()}
    state = PENDING if kind != "reminder" else {}
    assert decide(kind, ended, state, [], DAY, slot, due).send


def test_a_reminder_for_a_slot_no_longer_set_is_not_sent():
    moved = {**PROFILE, "reminder_times": ["18:00"]}
    decision = decide("reminder", moved, {}, [], DAY, time(9),
                      datetime(2026, 11, 28, 9, 0, tzinfo=UTC))
    assert not decision.send and decision.why == "slot_removed"
