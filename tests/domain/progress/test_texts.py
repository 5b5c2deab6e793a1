"""The progress texts: /progress, /history and the weekly summary for a physio."""

from __future__ import annotations

from bot.domain.progress.figures import summarize
from bot.domain.progress.texts import history_lines, progress_text, weekly_summary_text
from tests.domain.progress.helpers import (
    CONTENT,
    TODAY,
    days_back,
    pain_series,
    rec,
    routine_day,
)


def test_progress_text_shows_the_numbers() -> None:
    records = [
        *[r for n in range(4) for r in routine_day(days_back(n))],
        *pain_series([6, 6, 6, 6] + [None] * 14 + [3, 3, 3, 3]),
        rec(days_back(2), "redflag", note="night pain"),
    ]
    text = progress_text(summarize(records, TODAY, since=days_back(3)), CONTENT)
    assert "{" not in text
    assert "4 days in a row" in text
    assert "100%" in text
    assert "6 to 3" in text
    assert "easing" in text
    assert "night pain" in text


def test_red_flags_are_named_in_the_patients_words_not_our_ids() -> None:
    """The safety reply stores the flags' ids; /progress names them as that reply did."""
    records = [rec(days_back(1), "redflag", note="neuro_deficit, cauda_equina")]
    text = progress_text(summarize(records, TODAY), CONTENT)
    assert "neuro_deficit" not in text and "cauda_equina" not in text
    assert "numbness, weakness or a dropping foot in the leg" in text
    assert "changes in bladder or bowel control" in text


def test_progress_text_for_a_brand_new_user() -> None:
    text = progress_text(summarize([], TODAY), CONTENT)  # since defaults to today
    assert "{" not in text
    assert CONTENT.text("progress_streak_none") in text
    assert CONTENT.text("progress_pain_unknown") in text
    assert "%" not in text


def test_worse_pain_gets_a_gentle_tip() -> None:
    records = pain_series([2, 2, 2, 2] + [None] * 10 + [5, 5, 5, 5])
    text = progress_text(summarize(records, TODAY), CONTENT)
    assert CONTENT.text("progress_pain_worse_tip") in text


def test_history_lines() -> None:
    records = [
        *routine_day(TODAY, sets=12),
        rec(TODAY, "pain", pain=3),
        rec(days_back(1), "rest"),
        rec(days_back(3), "flare"),
        rec(days_back(3), "done", exercise="rock", set=1),
        rec(days_back(4), "pain", pain=4),
        *routine_day(days_back(5)),
    ]
    lines = history_lines(records, TODAY, CONTENT)
    assert lines == [
        "Wed 26 Nov  ✅ routine · 12 sets · pain 3",
        "Tue 25 Nov  💤 rest day",
        "Mon 24 Nov  — nothing recorded",
        "Sun 23 Nov  🌧 flare-up day · 1 set",
        "Sat 22 Nov  ▫️ no sets · pain 4",
        "Fri 21 Nov  ✅ routine · 3 sets",
    ]


def test_history_is_capped_at_days() -> None:
    records = [r for n in range(30) for r in routine_day(days_back(n))]
    lines = history_lines(records, TODAY, CONTENT, days=14)
    assert len(lines) == 14
    assert lines[0].startswith("Wed 26 Nov")
    assert lines[-1].startswith("Thu 13 Nov")
    assert history_lines([], TODAY, CONTENT) == ["Wed 26 Nov  — nothing recorded"]


def test_weekly_summary_for_a_physio() -> None:
    records = [
        *routine_day(days_back(0), sets=4),
        *routine_day(days_back(1), sets=4),
        rec(days_back(2), "rest"),
        rec(days_back(3), "walk"),
        rec(days_back(4), "flare"),
        rec(days_back(6), "pain", pain=6),
        rec(days_back(1), "pain", pain=3),
        rec(days_back(1), "pain", pain=4),
        rec(days_back(5), "redflag", note="fever and a hot swollen hip"),
        *routine_day(days_back(7), sets=9),  # last week
    ]
    text = weekly_summary_text(records, TODAY, CONTENT)
    assert "{" not in text
    assert "20 Nov to 26 Nov" in text
    # 7 days less the rest, flare-up and red-flag days: as adherence counts them
    assert "full routine: 2 of 4" in text
    assert "walk: 3" in text
    assert "Sets done: 8." in text
    assert "Rest days: 1. Flare-up days: 1." in text
    assert "6 on the first day scored, 3.5 on the last" in text
    assert "Highest single score: 6" in text
    assert "21 Nov: fever and a hot swollen hip" in text


def test_weekly_summary_when_quiet() -> None:
    text = weekly_summary_text([], TODAY, CONTENT)
    assert CONTENT.text("progress_week_pain_none") in text
    assert CONTENT.text("progress_week_no_redflags") in text
    assert "{" not in text
