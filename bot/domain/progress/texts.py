"""The progress texts: the /progress reply, the /history lines and the weekly summary.

Built from the numbers in ``figures`` and worded by the content's ``progress_*``
messages; dates are written without the locale so they read the same on every server.
Pure: no ``telegram``, no ``tinydb``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from bot.content.model import Content
from bot.domain.progress.figures import (
    ProgressSummary,
    by_day,
    dates_between,
    day_status,
    in_range,
    pain_of,
    pain_per_day,
    red_flags,
    routine_days,
    set_keys,
    sets_done,
    start_day,
)
from bot.domain.records import Record
from bot.domain.understanding.red_flags import flag_by_id

_MOVED_KINDS = ("done", "walk", "routine_complete")
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_date(day: date) -> str:
    """'26 Nov': locale-free so it reads the same on every server."""
    return f"{day.day} {_MONTHS[day.month - 1]}"


def day_label(day: date) -> str:
    """'Thu 26 Nov'."""
    return f"{_WEEKDAYS[day.weekday()]} {short_date(day)}"


def percent(share: float) -> int:
    """A share as a whole percentage, halves rounded up: 0.75 -> 75, 1/8 -> 13. The one
    rounding of every percentage in a message; the Mini App's ``Math.round`` rounds the
    same shares the same way (Python's ``round`` would give 12 for 1/8)."""
    return math.floor(share * 100 + 0.5)


def _score(value: float) -> str:
    """A pain value as people say it: '3' or '3.5'."""
    return f"{value:.1f}".removesuffix(".0")


def _flag_items(flags: Sequence[tuple[date, str]]) -> str:
    return "; ".join(
        f"{short_date(day)}: {_flag_words(note)}" if note else short_date(day)
        for day, note in flags
    )


def _flag_words(note: str) -> str:
    """A red-flag record's note (the flags' ids) in the patient's words, not our ids; a
    note that is not a list of ids (older records) as it was written."""
    ids = [part.strip() for part in note.split(",") if part.strip()]
    try:
        return ", and ".join(flag_by_id(flag_id).label for flag_id in ids)
    except KeyError:
        return note


def progress_text(summary: ProgressSummary, content: Content) -> str:
    """The /progress reply: streak, adherence, sets, pain trend and any red flags."""
    lines = [content.text("progress_title")]
    if summary.streak == 0:
        lines.append(content.text("progress_streak_none"))
    elif summary.streak == 1:
        lines.append(content.text("progress_streak_one"))
    else:
        lines.append(content.text("progress_streak", days=summary.streak))
    if summary.adherence_7 is None and summary.adherence_30 is None:
        lines.append(content.text("progress_adherence_none"))
    if summary.adherence_7 is not None:
        lines.append(content.text("progress_adherence_7", pct=percent(summary.adherence_7)))
    if summary.adherence_30 is not None:
        lines.append(content.text("progress_adherence_30", pct=percent(summary.adherence_30)))
    if summary.sets_today:
        names = ", ".join(content.exercises[e].name if e in content.exercises else e
                          for e in summary.exercises_today)
        lines.append(content.text("progress_today", sets=summary.sets_today, names=names))
    else:
        lines.append(content.text("progress_today_none"))
    lines.append(content.text("progress_sets_week", sets=summary.sets_this_week,
                              exercises=summary.exercises_this_week))
    if summary.pain_first is None or summary.pain_last is None or summary.trend == "unknown":
        lines.append(content.text("progress_pain_unknown"))
    else:
        lines.append(
            content.text(
                "progress_pain",
                first=_score(summary.pain_first),
                last=_score(summary.pain_last),
                trend=content.text(f"progress_trend_{summary.trend}"),
            )
        )
        if summary.trend == "worse":
            lines.append(content.text("progress_pain_worse_tip"))
    if summary.red_flags:
        items = _flag_items(summary.red_flags)
        lines.append(content.text("progress_red_flags", items=items))
    return "\n".join(lines)


def _day_line(day: date, records_of_day: list[Record], content: Content) -> str:
    status = day_status(records_of_day)
    sets = len(set_keys(records_of_day))
    parts: list[str] = []
    if sets:
        key = "progress_day_sets_one" if sets == 1 else "progress_day_sets"
        parts.append(content.text(key, sets=sets))
    if any(r.get("kind") == "walk" for r in records_of_day):
        parts.append(content.text("progress_day_walk"))
    pain = pain_per_day(records_of_day, day, day).get(day)
    if pain is not None:
        parts.append(content.text("progress_day_pain", pain=_score(pain)))
    label_key = "progress_day_other" if status == "missed" and parts else f"progress_day_{status}"
    return f"{day_label(day)}  " + " · ".join([content.text(label_key), *parts])


def history_lines(
    records: Iterable[Record], today: date, content: Content, days: int = 14
) -> list[str]:
    """One line per day, newest first, from today back to the first record at most."""
    grouped = by_day(records)
    first = min(min(grouped, default=today), today)
    start = max(today - timedelta(days=max(days, 1) - 1), first)
    return [
        _day_line(d, grouped.get(d, []), content) for d in reversed(dates_between(start, today))
    ]


def weekly_summary_text(
    records: Sequence[Record], today: date, content: Content, since: date | None = None
) -> str:
    """A plain summary of the last 7 days that a user can forward to their physio.

    "Days with the full routine: 1 of N" counts the days the routine was expected, as
    the adherence figures do (``routine_days``): not the days before ``since``, the day
    the patient started (``start_day``), nor rest and flare-up days.
    """
    since = start_day(since, records, today)
    start = today - timedelta(days=6)
    week = in_range(records, start, today)
    grouped = by_day(week)
    status = {d: day_status(grouped.get(d, [])) for d in dates_between(start, today)}
    moved = sum(
        1 for rs in grouped.values() if any(r.get("kind") in _MOVED_KINDS for r in rs)
    )
    rest_days = list(status.values()).count("rest")
    # A flare-up day counts as one even when its gentler plan was finished (which makes
    # it complete for the streak): the summary tells the physio it happened.
    flare_days = sum(1 for rs in grouped.values() if any(r.get("kind") == "flare" for r in rs))
    complete, expected = routine_days(records, today, 7, since)
    lines = [
        content.text("progress_week_title", start=short_date(start), end=short_date(today)),
        content.text("progress_week_days", complete=complete, days=expected, moved=moved),
        content.text("progress_week_sets", sets=sets_done(week, start, today)),
    ]
    if rest_days or flare_days:
        lines.append(
            content.text("progress_week_excused", rest=rest_days, flare=flare_days)
        )
    pain = pain_per_day(week, start, today)
    if pain:
        scores = [p for r in week if r.get("kind") == "pain" and (p := pain_of(r)) is not None]
        lines.append(
            content.text(
                "progress_week_pain",
                first=_score(pain[min(pain)]),
                last=_score(pain[max(pain)]),
                max=max(scores),
            )
        )
    else:
        lines.append(content.text("progress_week_pain_none"))
    flags = red_flags(week, start, today)
    if flags:
        lines.append(content.text("progress_week_redflags", items=_flag_items(flags)))
    else:
        lines.append(content.text("progress_week_no_redflags"))
    lines.append(content.text("progress_week_footer"))
    return "\n".join(lines)
