"""Streaks, adherence, pain trends and the texts built from them.

Pure: reads one user's stored records and never imports ``telegram`` or ``tinydb``.
Every day rule uses the record's local ``date``, never ``ts``, so time zones and DST
cannot move a set to the wrong day: a day is a date, however many hours it had.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from statistics import fmean
from typing import Literal

from bot.content.model import Content
from bot.domain.records import Record

DayStatus = Literal["complete", "rest", "flare", "redflag", "partial", "missed"]
Trend = Literal["improving", "steady", "worse", "unknown"]

#: Days that pause the streak and leave the adherence denominator: the user was told to
#: ease off or chose to rest, which is part of the plan, not a failure.
EXCUSED: frozenset[str] = frozenset({"rest", "flare", "redflag"})
TREND_THRESHOLD = 1.0  # a change of a full point on the 0-10 scale counts
MIN_PAIN_DAYS = 2  # scored days needed in each of the two periods a trend compares
HIGH_PAIN = 5  # above this is "too much" in the pain-monitoring model
_MOVED_KINDS = ("done", "walk", "routine_complete")
_ONE_DAY = timedelta(days=1)
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# --- reading records -------------------------------------------------------------------


def record_date(record: Record) -> date | None:
    """The record's local date, or None when missing or malformed (a summary never crashes)."""
    raw = record.get("date")
    if not isinstance(raw, str):
        return None
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        return None


def _unique(records: Iterable[Record]) -> list[Record]:
    """Drop repeats of the same id, which a replayed Telegram update can leave behind."""
    seen: set[str] = set()
    out: list[Record] = []
    for record in records:
        rid = record.get("id")
        if rid is not None:
            if rid in seen:
                continue
            seen.add(rid)
        out.append(record)
    return out


def by_day(records: Iterable[Record]) -> dict[date, list[Record]]:
    """Records grouped by local date (undated records are left out)."""
    days: dict[date, list[Record]] = defaultdict(list)
    for record in _unique(records):
        day = record_date(record)
        if day is not None:
            days[day].append(record)
    return dict(days)


def _in_range(records: Iterable[Record], start: date, end: date) -> list[Record]:
    return [r for r in _unique(records) if (d := record_date(r)) is not None and start <= d <= end]


def _first_date(records: Iterable[Record]) -> date | None:
    return min(by_day(records), default=None)


def _dates(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def _pain_of(record: Record) -> int | None:
    """A valid 0-10 score or None; anything else is ignored rather than trusted."""
    pain = record.get("pain")
    if isinstance(pain, int) and not isinstance(pain, bool) and 0 <= pain <= 10:
        return pain
    return None


# --- days and streaks ------------------------------------------------------------------


def day_status(records_of_day: Iterable[Record]) -> DayStatus:
    """What one local day was; a finished routine wins over everything else."""
    kinds = {r.get("kind") for r in records_of_day}
    if "routine_complete" in kinds:
        return "complete"
    excused: tuple[DayStatus, ...] = ("redflag", "flare", "rest")
    for status in excused:
        if status in kinds:
            return status
    if kinds & {"done", "walk"}:
        return "partial"
    return "missed"


def statuses(records: Iterable[Record]) -> dict[date, DayStatus]:
    """The status of every date that has records; any other date was missed."""
    return {day: day_status(rs) for day, rs in by_day(records).items()}


def current_streak(records: Iterable[Record], today: date) -> int:
    """Complete days in a row up to today; excused days pause it, missed or partial break it.

    Today only counts once complete: an unfinished today neither adds nor breaks.
    """
    status = statuses(records)
    if not status:
        return 0
    earliest = min(status)
    day = today if status.get(today) == "complete" else today - _ONE_DAY
    streak = 0
    while day >= earliest:
        current = status.get(day, "missed")
        if current == "complete":
            streak += 1
        elif current not in EXCUSED:
            break
        day -= _ONE_DAY
    return streak


def adherence(
    records: Iterable[Record], today: date, days: int, since: date | None = None
) -> float | None:
    """Share of expected days with the full routine, over the ``days`` dates ending today.

    Excused days and days before ``since`` (onboarding) are not expected; today is
    expected only once it is complete. None when no day was expected.
    """
    if days <= 0:
        return None
    status = statuses(records)
    start = today - timedelta(days=days - 1)
    if since is not None:
        start = max(start, since)
    complete = expected = 0
    for day in _dates(start, today):
        current = status.get(day, "missed")
        if current in EXCUSED or (day == today and current != "complete"):
            continue
        expected += 1
        complete += current == "complete"
    return complete / expected if expected else None


# --- sets and pain ---------------------------------------------------------------------


def _set_keys(records: Iterable[Record]) -> set[tuple[object, ...]]:
    """One key per set: the two sides of one set are one set, anything else counts alone."""
    keys: set[tuple[object, ...]] = set()
    for index, record in enumerate(records):
        if record.get("kind") != "done":
            continue
        if record.get("side") and record.get("exercise") and record.get("set") is not None:
            where = (record.get("date"), record.get("session"))
            keys.add((*where, record["exercise"], record["set"]))
        else:
            keys.add(("single", index))
    return keys


def sets_done(records: Iterable[Record], start: date, end: date) -> int:
    """Sets done between two local dates, inclusive."""
    return len(_set_keys(_in_range(records, start, end)))


def sets_per_day(records: Iterable[Record], start: date, end: date) -> dict[date, int]:
    """Sets done on each date from start to end, zeros included (ready for a chart)."""
    grouped = by_day(_in_range(records, start, end))
    return {day: len(_set_keys(grouped.get(day, []))) for day in _dates(start, end)}


def pain_per_day(records: Iterable[Record], start: date, end: date) -> dict[date, float]:
    """Mean of each day's pain scores; only days with a score appear.

    Only ``pain`` records count: a stopped set gets its own ``pain`` record (context
    ``painful``), so counting ``painful`` too would count that score twice.
    """
    scores: dict[date, list[int]] = defaultdict(list)
    for record in _in_range(records, start, end):
        pain = _pain_of(record)
        day = record_date(record)
        if record.get("kind") == "pain" and pain is not None and day is not None:
            scores[day].append(pain)
    return {day: fmean(values) for day, values in sorted(scores.items())}


def pain_periods(
    records: Iterable[Record], today: date, days: int = 30
) -> tuple[float | None, float | None]:
    """Mean pain of the first and of the last week with scores in the window.

    The weeks start at the first scored day and end at the last one, so a new user's
    trend does not wait a month; when they would overlap, the span is split in half.
    """
    per_day = pain_per_day(records, today - timedelta(days=days - 1), today)
    scored = sorted(per_day)
    if len(scored) < 2 * MIN_PAIN_DAYS:
        return None, None
    first_day, last_day = scored[0], scored[-1]
    if last_day - first_day >= timedelta(days=13):
        first = [d for d in scored if d <= first_day + timedelta(days=6)]
        last = [d for d in scored if d >= last_day - timedelta(days=6)]
    else:
        middle = first_day + timedelta(days=(last_day - first_day).days // 2)
        first = [d for d in scored if d <= middle]
        last = [d for d in scored if d > middle]
    if len(first) < MIN_PAIN_DAYS or len(last) < MIN_PAIN_DAYS:
        return None, None
    return fmean(per_day[d] for d in first), fmean(per_day[d] for d in last)


def pain_trend(records: Iterable[Record], today: date, days: int = 30) -> Trend:
    """Whether pain is easing: the last week against the first, one point either way."""
    first, last = pain_periods(records, today, days)
    if first is None or last is None:
        return "unknown"
    change = round(last - first, 6)
    if change <= -TREND_THRESHOLD:
        return "improving"
    if change >= TREND_THRESHOLD:
        return "worse"
    return "steady"


def red_flags(records: Iterable[Record], start: date, end: date) -> list[tuple[date, str]]:
    """Red flags reported between two dates, oldest first, with what was reported."""
    flags = [
        (day, record.get("note") or "")
        for record in _in_range(records, start, end)
        if record.get("kind") == "redflag" and (day := record_date(record)) is not None
    ]
    return sorted(flags, key=lambda flag: flag[0])


# --- the summary -----------------------------------------------------------------------


@dataclass(frozen=True)
class ProgressSummary:
    """Everything the /progress reply shows, computed once."""

    streak: int
    adherence_7: float | None
    adherence_30: float | None
    sets_this_week: int  # Monday to Sunday, local
    pain_first: float | None  # mean of the first scored week in the last 30 days
    pain_last: float | None  # mean of the last scored week
    trend: Trend
    red_flags: list[tuple[date, str]]  # last 30 days


def summarize(
    records: Sequence[Record], today: date, since: date | None = None
) -> ProgressSummary:
    """The user's progress as of their local ``today``.

    ``since`` is the onboarding date; when unknown, the first record's date (or today)
    stands in, so a new user is not shown weeks of "missed" days from before they started.
    """
    since = since or _first_date(records) or today
    monday = today - timedelta(days=today.weekday())
    first, last = pain_periods(records, today)
    return ProgressSummary(
        streak=current_streak(records, today),
        adherence_7=adherence(records, today, 7, since),
        adherence_30=adherence(records, today, 30, since),
        sets_this_week=sets_done(records, monday, today),
        pain_first=first,
        pain_last=last,
        trend=pain_trend(records, today),
        red_flags=red_flags(records, today - timedelta(days=29), today),
    )


# --- texts -----------------------------------------------------------------------------


def short_date(day: date) -> str:
    """'26 Nov': locale-free so it reads the same on every server."""
    return f"{day.day} {_MONTHS[day.month - 1]}"


def day_label(day: date) -> str:
    """'Thu 26 Nov'."""
    return f"{_WEEKDAYS[day.weekday()]} {short_date(day)}"


def _pct(share: float) -> int:
    return round(share * 100)


def _score(value: float) -> str:
    """A pain value as people say it: '3' or '3.5'."""
    return f"{value:.1f}".removesuffix(".0")


def _flag_items(flags: Sequence[tuple[date, str]]) -> str:
    return "; ".join(
        f"{short_date(day)}: {note}" if note else short_date(day) for day, note in flags
    )


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
        lines.append(content.text("progress_adherence_7", pct=_pct(summary.adherence_7)))
    if summary.adherence_30 is not None:
        lines.append(content.text("progress_adherence_30", pct=_pct(summary.adherence_30)))
    lines.append(content.text("progress_sets_week", sets=summary.sets_this_week))
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
    sets = len(_set_keys(records_of_day))
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
    return [_day_line(d, grouped.get(d, []), content) for d in reversed(_dates(start, today))]


def weekly_summary_text(records: Sequence[Record], today: date, content: Content) -> str:
    """A plain summary of the last 7 days that a user can forward to their physio."""
    start = today - timedelta(days=6)
    week = _in_range(records, start, today)
    grouped = by_day(week)
    status = {d: day_status(grouped.get(d, [])) for d in _dates(start, today)}
    moved = sum(
        1 for rs in grouped.values() if any(r.get("kind") in _MOVED_KINDS for r in rs)
    )
    values = list(status.values())
    lines = [
        content.text("progress_week_title", start=short_date(start), end=short_date(today)),
        content.text(
            "progress_week_days", complete=values.count("complete"), days=7, moved=moved
        ),
        content.text("progress_week_sets", sets=sets_done(week, start, today)),
    ]
    if values.count("rest") or values.count("flare"):
        lines.append(
            content.text(
                "progress_week_excused", rest=values.count("rest"), flare=values.count("flare")
            )
        )
    pain = pain_per_day(week, start, today)
    if pain:
        scores = [p for r in week if r.get("kind") == "pain" and (p := _pain_of(r)) is not None]
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


# --- clinician aggregates --------------------------------------------------------------


@dataclass(frozen=True)
class PatientRow:
    """One patient's last 7 days, for the clinician overview."""

    user_id: int
    name: str
    adherence_7: float | None
    max_pain_7: int | None
    red_flags_7: int
    last_active: date | None


def patient_row(
    user_id: int, name: str, records: Sequence[Record], today: date, since: date | None = None
) -> PatientRow:
    """Aggregate one patient's records; stopped sets' scores count toward the maximum.

    ``since`` works as in :func:`summarize`.
    """
    since = since or _first_date(records) or today
    week = _in_range(records, today - timedelta(days=6), today)
    pains = [
        p for r in week if r.get("kind") in ("pain", "painful") and (p := _pain_of(r)) is not None
    ]
    dates = [d for r in _unique(records) if (d := record_date(r)) is not None and d <= today]
    return PatientRow(
        user_id=user_id,
        name=name,
        adherence_7=adherence(records, today, 7, since),
        max_pain_7=max(pains) if pains else None,
        red_flags_7=sum(1 for r in week if r.get("kind") == "redflag"),
        last_active=max(dates) if dates else None,
    )


def needs_attention(row: PatientRow) -> bool:
    """Pain above 5 or any red flag this week."""
    return (row.max_pain_7 is not None and row.max_pain_7 > HIGH_PAIN) or row.red_flags_7 > 0


def clinic_stats_text(
    rows: Iterable[PatientRow], content: Content, today: date | None = None
) -> str:
    """The clinician overview: who is active, mean adherence, who needs a look.

    Pass ``today`` (the clinic's local date); without it the UTC date is used.
    """
    patients = list(rows)
    today = today or datetime.now(UTC).date()
    active = [
        r for r in patients if r.last_active is not None and 0 <= (today - r.last_active).days < 7
    ]
    lines = [
        content.text("progress_clinic_title"),
        content.text("progress_clinic_active", active=len(active), total=len(patients)),
    ]
    shares = [r.adherence_7 for r in active if r.adherence_7 is not None]
    if shares:
        lines.append(content.text("progress_clinic_adherence", pct=_pct(fmean(shares))))
    else:
        lines.append(content.text("progress_clinic_adherence_none"))
    flagged = sorted(
        (r for r in patients if needs_attention(r)),
        key=lambda r: (-r.red_flags_7, -(r.max_pain_7 or 0), r.name),
    )
    if not flagged:
        lines.append(content.text("progress_clinic_attention_none"))
        return "\n".join(lines)
    lines.append(content.text("progress_clinic_attention"))
    for row in flagged:
        reasons: list[str] = []
        if row.red_flags_7:
            key = "progress_clinic_flag_one" if row.red_flags_7 == 1 else "progress_clinic_flags"
            reasons.append(content.text(key, count=row.red_flags_7))
        if row.max_pain_7 is not None and row.max_pain_7 > HIGH_PAIN:
            reasons.append(content.text("progress_clinic_pain", pain=row.max_pain_7))
        lines.append(
            content.text("progress_clinic_row", name=row.name, reasons=", ".join(reasons))
        )
    return "\n".join(lines)
