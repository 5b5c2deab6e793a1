"""The rules every progress figure shares (issue #22, one source for every figure)."""

from __future__ import annotations

from datetime import timedelta

from bot.content import DEFAULT_CONTENT_DIR, load_content
from bot.domain.clinic.patients import patient_report_text
from bot.domain.progress.figures import routine_days, summarize
from bot.domain.progress.texts import percent, progress_text, weekly_summary_text
from tests.domain.progress.helpers import CONTENT, TODAY, days_back, profile, rec, routine_day


def test_a_half_percent_rounds_up_as_the_mini_app_does() -> None:
    """Math.round in the Mini App gives 13 for 1/8; so must every chat message."""
    assert [percent(x) for x in (1 / 8, 3 / 8, 5 / 8, 0.5, 0.125, 0.0, 1.0)] == [
        13, 38, 63, 50, 13, 0, 100]


def test_one_exercise_done_from_its_card_is_not_the_full_routine() -> None:
    """A "Do it now" session finishes with routine_complete (note "custom"): the day is
    partial, not a full-routine day, for the streak and every percentage."""
    one = [rec(TODAY - timedelta(days=1), "done", exercise="bridge", set=1, session="c"),
           rec(TODAY - timedelta(days=1), "routine_complete", note="custom", session="c")]
    records = [*routine_day(days_back(2)), *one]
    assert routine_days(records, TODAY, 7, days_back(2)) == (1, 2)
    assert summarize(records, TODAY, days_back(2)).streak == 0


def test_without_a_start_date_every_view_counts_from_the_first_record() -> None:
    """A profile without ``created``: the weekly summary, /progress and /patient all
    start at the first record (``start_day``), so "X of N days" and N% agree."""
    records = [*routine_day(days_back(2)), *routine_day(days_back(1))]
    week = weekly_summary_text(records, TODAY, CONTENT, None)
    assert "Days with the full routine: 2 of 2." in week
    assert "100%" in progress_text(summarize(records, TODAY, None), CONTENT)
    old = profile()
    del old["created"]
    report = patient_report_text(1, old, records, TODAY, load_content(DEFAULT_CONTENT_DIR))
    assert "Days with the full routine: 2 of 2." in report
    assert "Full routine on 100% of expected days this week" in report


def test_one_stretch_taken_instead_of_resting_is_a_rest_day() -> None:
    """"I'll rest today", then the push-back's "Just one stretch" (a ``choice`` record and
    a one-exercise session): the reply says it still counts, so the day pauses the streak
    like a rest day instead of breaking it (issue #22's ten-day test)."""
    day = TODAY - timedelta(days=1)
    stretch = [rec(day, "choice", note="one_stretch"),
               rec(day, "done", exercise="hip_flexor_stretch", set=1, session="c"),
               rec(day, "routine_complete", note="custom", session="c")]
    records = [*routine_day(days_back(2)), *stretch, *routine_day(TODAY)]
    assert summarize(records, TODAY, days_back(2)).streak == 2
    assert routine_days(records, TODAY, 7, days_back(2)) == (2, 2)
    assert "Rest days: 1." in weekly_summary_text(records, TODAY, CONTENT, days_back(2))
