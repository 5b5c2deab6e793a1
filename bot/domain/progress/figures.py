"""Streaks, adherence, sets and pain trends: the numbers behind every progress view.

Pure: reads one user's stored records and never imports ``telegram`` or ``tinydb``.
Every day rule uses the record's local ``date``, never ``ts``, so time zones and DST
cannot move a set to the wrong day: a day is a date, however many hours it had.
The texts built from these numbers live in ``texts``; the clinician views in
``bot.domain.clinic``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from statistics import fmean
from typing import Any, Literal

from bot.domain.profiles import as_profile
from bot.domain.records import Record
from bot.domain.reminders.local_time import local_date

DayStatus = Literal["complete", "rest", "flare", "redflag", "partial", "missed"]
Trend = Literal["improving", "steady", "worse", "unknown"]

#: Days that pause the streak and leave the adherence denominator: the user was told to
#: ease off or chose to rest, which is part of the plan, not a failure.
EXCUSED: frozenset[str] = frozenset({"rest", "flare", "redflag"})
TREND_THRESHOLD = 1.0  # a change of a full point on the 0-10 scale counts
MIN_PAIN_DAYS = 2  # scored days needed in each of the two periods a trend compares
_ONE_DAY = timedelta(days=1)


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


def unique_records(records: Iterable[Record]) -> list[Record]:
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
    for record in unique_records(records):
        day = record_date(record)
        if day is not None:
            days[day].append(record)
    return dict(days)


def in_range(records: Iterable[Record], start: date, end: date) -> list[Record]:
    return [
        r
        for r in unique_records(records)
        if (d := record_date(r)) is not None and start <= d <= end
    ]


def first_date(records: Iterable[Record]) -> date | None:
    return min(by_day(records), default=None)


def start_day(since: date | None, records: Iterable[Record], today: date) -> date:
    """The day a patient's figures count from: ``since`` (the onboarding date,
    ``local_since``), else the first record's date, else today. Every view that counts
    expected days (/progress, the weekly summary, /patient, /stats, the Mini App) starts
    here, so none of them counts days from before the patient began."""
    return since or first_date(records) or today


def dates_between(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def pain_of(record: Record) -> int | None:
    """A valid 0-10 score or None; anything else is ignored rather than trusted."""
    pain = record.get("pain")
    if isinstance(pain, int) and not isinstance(pain, bool) and 0 <= pain <= 10:
        return pain
    return None


# --- days and streaks ------------------------------------------------------------------


def completes_the_day(record: Record) -> bool:
    """A finished routine, or the flare-up plan finished on a bad day; not one exercise
    done from its card ("Do it now": a session of kind ``custom``), which is a set or two
    and no "full routine"."""
    return record.get("kind") == "routine_complete" and record.get("note") != "custom"


def day_status(records_of_day: Iterable[Record]) -> DayStatus:
    """What one local day was; a finished routine wins over everything else.

    A day the patient asked to rest and took one of the coach's smaller steps instead
    (a ``choice`` record: a short walk, one stretch, the easier routine not finished) is
    a rest day: the push-back said it still counts, so it never does worse than resting.
    """
    records = list(records_of_day)
    if any(completes_the_day(r) for r in records):
        return "complete"
    kinds = {r.get("kind") for r in records}
    excused: tuple[DayStatus, ...] = ("redflag", "flare", "rest")
    for status in excused:
        if status in kinds:
            return status
    if "choice" in kinds:
        return "rest"
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
    """Share of expected days with the full routine, over the ``days`` dates ending today
    (``routine_days``). None when no day was expected."""
    complete, expected = routine_days(records, today, days, since)
    return complete / expected if expected else None


def routine_days(
    records: Iterable[Record], today: date, days: int, since: date | None = None
) -> tuple[int, int]:
    """(days with the full routine, days it was expected) over the ``days`` dates ending
    today: the one count behind every adherence figure and "1 of 5 days".

    Excused days and days before ``since`` (onboarding) are not expected; today is
    expected only once it is complete.
    """
    if days <= 0:
        return 0, 0
    status = statuses(records)
    start = today - timedelta(days=days - 1)
    if since is not None:
        start = max(start, since)
    complete = expected = 0
    for day in dates_between(start, today):
        current = status.get(day, "missed")
        if current in EXCUSED or (day == today and current != "complete"):
            continue
        expected += 1
        complete += current == "complete"
    return complete, expected


# --- sets and pain ---------------------------------------------------------------------


def set_keys(records: Iterable[Record]) -> set[tuple[object, ...]]:
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
    return len(set_keys(in_range(records, start, end)))


def exercises_done(records: Iterable[Record], start: date, end: date) -> tuple[str, ...]:
    """The exercises with at least one set done between two local dates, in order done."""
    done = [r for r in in_range(records, start, end) if r.get("kind") == "done"]
    done.sort(key=lambda r: r.get("ts") or "")
    return tuple(dict.fromkeys(str(r["exercise"]) for r in done if r.get("exercise")))


def sets_per_day(records: Iterable[Record], start: date, end: date) -> dict[date, int]:
    """Sets done on each date from start to end, zeros included (ready for a chart)."""
    grouped = by_day(in_range(records, start, end))
    return {day: len(set_keys(grouped.get(day, []))) for day in dates_between(start, end)}


def pain_per_day(records: Iterable[Record], start: date, end: date) -> dict[date, float]:
    """Mean of each day's pain scores; only days with a score appear.

    Only ``pain`` records count: a stopped set gets its own ``pain`` record (context
    ``painful``), so counting ``painful`` too would count that score twice.
    """
    scores: dict[date, list[int]] = defaultdict(list)
    for record in in_range(records, start, end):
        pain = pain_of(record)
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
        for record in in_range(records, start, end)
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
    sets_today: int
    exercises_today: tuple[str, ...]  # exercise ids with a set done today, first done first
    exercises_this_week: int  # distinct exercises with a set done since Monday
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
    since = start_day(since, records, today)
    monday = today - timedelta(days=today.weekday())
    first, last = pain_periods(records, today)
    return ProgressSummary(
        streak=current_streak(records, today),
        adherence_7=adherence(records, today, 7, since),
        adherence_30=adherence(records, today, 30, since),
        sets_this_week=sets_done(records, monday, today),
        sets_today=sets_done(records, today, today),
        exercises_today=exercises_done(records, today, today),
        exercises_this_week=len(exercises_done(records, monday, today)),
        pain_first=first,
        pain_last=last,
        trend=pain_trend(records, today),
        red_flags=red_flags(records, today - timedelta(days=29), today),
    )



# --- the start date --------------------------------------------------------------------


def local_since(profile: Mapping[str, Any]) -> date | None:
    """The local date the user consented, from the stored UTC ``created`` stamp.

    This is the ``since`` that :func:`summarize` and the clinician views take.
    """
    created = profile.get("created")
    if not isinstance(created, str):
        return None
    try:
        moment = datetime.fromisoformat(created)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return moment.date()
    try:
        return local_date(moment, as_profile(profile).tz)
    except (ValueError, KeyError):
        return moment.date()
