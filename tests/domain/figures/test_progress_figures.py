"""The patient's progress figures agree with what they did, for generated patients: the
/progress reply, /history, the weekly summary, the streak after a routine, and /export.

Each text is rendered by the real domain function for the patient's records and each
figure is read back out of it (``read.fill``) and compared with ``truth``, worked out
from the generator's choices: weeks of routines, partial days, rest, flare-up, red-flag
and paused days, a programme with its phases, a clinician's doses, easier and harder
versions.
"""

from __future__ import annotations

import csv
import io
import random
from datetime import date, timedelta

import pytest

from bot.domain.progress.figures import current_streak, local_since, summarize
from bot.domain.progress.texts import history_lines, progress_text, weekly_summary_text
from bot.domain.routine import summary_text
from bot.media.export import records_to_csv
from tests.domain.figures import truth
from tests.domain.figures.patients import CONTENT, SEEDS, TODAY, Patient, patient
from tests.domain.figures.read import fill, fills, half_up, has

COVERS = frozenset({
    "progress_streak", "progress_adherence_7", "progress_adherence_30", "progress_today",
    "progress_sets_week", "progress_pain", "progress_day_sets", "progress_day_pain",
    "progress_week_days", "progress_week_sets", "progress_week_excused", "progress_week_pain",
    "progress_history_title", "session_summary_streak", "export_csv_caption",
})
HISTORY_DAYS = 14  # handlers/progress.py shows /history's title for a full 14 days


def _days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def check_week(p: Patient, text: str, end: date) -> None:
    """The weekly summary's lines (alone, or inside the clinician's /patient report)."""
    want = truth.week(p, end)
    days = fill("progress_week_days", text)
    assert (int(days["complete"]), int(days["days"])) == (want.complete, want.expected)
    assert int(days["moved"]) == want.moved
    assert int(fill("progress_week_sets", text)["sets"]) == want.sets
    if want.rest or want.flare:
        excused = fill("progress_week_excused", text)
        assert (int(excused["rest"]), int(excused["flare"])) == (want.rest, want.flare)
    else:
        assert not has("progress_week_excused", text)
    if want.pains:
        pain = fill("progress_week_pain", text)
        assert pain["first"] == truth.score_text(want.pains[min(want.pains)])
        assert pain["last"] == truth.score_text(want.pains[max(want.pains)])
        assert int(pain["max"]) == want.top
    else:
        assert not has("progress_week_pain", text)


@pytest.mark.parametrize("seed", SEEDS)
def test_progress_reply(seed: int) -> None:
    p = patient(seed)
    for today in (TODAY, _days_ago(3)):
        if today < p.joined:
            continue
        records = [r for d in p.days if d.day <= today for r in d.records]
        text = progress_text(summarize(records, today, local_since(p.profile)), CONTENT)
        days = truth.streak(p, today)
        if days > 1:
            assert int(fill("progress_streak", text)["days"]) == days
        else:
            assert not has("progress_streak", text)
            key = "progress_streak_one" if days == 1 else "progress_streak_none"
            assert CONTENT.text(key) in text
        for window, key in ((7, "progress_adherence_7"), (30, "progress_adherence_30")):
            complete, expected = truth.routine_days(p, today, window)
            if expected:
                assert int(fill(key, text)["pct"]) == half_up(complete, expected), key
            else:
                assert not has(key, text)
        today_sets = truth.sets_on(p, today)
        if today_sets:
            shown = fill("progress_today", text)
            names = [CONTENT.exercises[e].name
                     for e in truth.exercises_between(p, today, today)]
            assert (int(shown["sets"]), shown["names"]) == (today_sets, ", ".join(names))
        monday = today - timedelta(days=today.weekday())
        week = fill("progress_sets_week", text)
        assert int(week["sets"]) == truth.sets_between(p, monday, today)
        assert int(week["exercises"]) == len(truth.exercises_between(p, monday, today))
        periods = truth.pain_periods(p, today)
        if periods is None:
            assert not has("progress_pain", text)
        else:
            pain = fill("progress_pain", text)
            assert (pain["first"], pain["last"]) == tuple(map(truth.score_text, periods))


@pytest.mark.parametrize("seed", SEEDS)
def test_weekly_summary_and_history(seed: int) -> None:
    p = patient(seed)
    since = local_since(p.profile)
    for end in (TODAY, _days_ago(7), _days_ago(10)):
        if end < p.joined:
            continue
        records = [r for d in p.days if d.day <= end for r in d.records]
        check_week(p, weekly_summary_text(records, end, CONTENT, since), end)
    lines = history_lines(p.records, TODAY, CONTENT, HISTORY_DAYS)
    first = truth.first_record_day(p)
    shown_days = min(HISTORY_DAYS, (TODAY - first).days + 1) if first else 1
    assert len(lines) == shown_days, "the title's day count is the lines shown"
    assert int(fill("progress_history_title", CONTENT.text(
        "progress_history_title", days=HISTORY_DAYS))["days"]) == HISTORY_DAYS
    for back, line in enumerate(lines):
        day = _days_ago(back)
        parts = line.split(" · ")[1:]
        sets = truth.sets_on(p, day)
        if sets > 1:
            assert [int(f["sets"]) for part in parts for f in fills("progress_day_sets", part)] \
                == [sets]
        elif sets == 1:
            assert CONTENT.text("progress_day_sets_one") in parts
        means = truth.pain_means(p, day, day)
        said = [f["pain"] for part in parts for f in fills("progress_day_pain", part)]
        assert said == [truth.score_text(m) for m in means.values()]


@pytest.mark.parametrize("seed", SEEDS)
def test_the_streak_after_a_routine(seed: int) -> None:
    """The handler says current_streak after each finished routine; the day counts."""
    p = patient(seed)
    for lived in p.days:
        for run in lived.runs:
            if run.summary is None or not run.done_sets():
                continue
            records = [r for d in p.days if d.day <= lived.day for r in d.records]
            days = current_streak(records, lived.day)
            assert days == truth.streak(p, lived.day)
            text = summary_text(CONTENT, run.summary, days, reason="-", rng=random.Random(0))
            if days > 1:
                assert int(fill("session_summary_streak", text)["streak"]) == days
            else:
                assert not has("session_summary_streak", text)


@pytest.mark.parametrize("seed", SEEDS[:8])
def test_the_export_caption_counts_the_rows(seed: int) -> None:
    p = patient(seed)
    rows = list(csv.DictReader(io.StringIO(records_to_csv(p.records, p.user_id))))
    caption = CONTENT.text("export_csv_caption", count=len(p.records))  # handlers/data_rights
    assert int(fill("export_csv_caption", caption)["count"]) == len(rows)
    assert len({r["id"] for r in rows}) == len(rows)
