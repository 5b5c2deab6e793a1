"""What a generated patient's progress figures should be, worked out from what the
generator chose (``Day``, ``Run``) by the documented rules, not by the bot's functions.

The rules: a day is complete when a routine (or the flare-up plan) was finished with at
least one set done, and one exercise done from its card is not the routine; rest,
flare-up and red-flag days are excused; a paused day is an ordinary day with nothing
done. A window's expected days start on the day the patient joined and include today only
once it is complete. Two sides of one set are one set.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean

from tests.domain.figures.patients import Day, Patient, Run

EXCUSED = ("rest", "flare", "redflag")


def day_of(p: Patient, day: date) -> Day | None:
    return next((d for d in p.days if d.day == day), None)


def _completes(run: Run) -> bool:
    return run.finished and bool(run.done_sets()) and run.started.kind != "custom"


def status(p: Patient, day: date) -> str:
    lived = day_of(p, day)
    if lived is None:
        return "missed"
    if any(_completes(run) for run in lived.runs):
        return "complete"
    if lived.kind in EXCUSED:
        return lived.kind
    if any(run.final is not None and run.done_sets() for run in lived.runs):
        return "partial"
    return "missed"


def dates(start: date, end: date) -> list[date]:
    return [start + timedelta(days=i) for i in range((end - start).days + 1)]


def routine_days(p: Patient, today: date, window: int) -> tuple[int, int]:
    """(complete days, expected days) in the ``window`` days ending today."""
    start = max(today - timedelta(days=window - 1), p.joined)
    complete = expected = 0
    for day in dates(start, today) if start <= today else []:
        current = status(p, day)
        if current in EXCUSED or (day == today and current != "complete"):
            continue
        expected += 1
        complete += current == "complete"
    return complete, expected


def first_record_day(p: Patient) -> date | None:
    return min((d.day for d in p.days if d.records), default=None)


def streak(p: Patient, today: date) -> int:
    earliest = first_record_day(p)
    if earliest is None:
        return 0
    day = today if status(p, today) == "complete" else today - timedelta(days=1)
    count = 0
    while day >= earliest:
        current = status(p, day)
        if current == "complete":
            count += 1
        elif current not in EXCUSED:
            break
        day -= timedelta(days=1)
    return count


def sets_on(p: Patient, day: date) -> int:
    lived = day_of(p, day)
    return sum(len(run.done_sets()) for run in lived.runs if run.final) if lived else 0


def sets_between(p: Patient, start: date, end: date) -> int:
    return sum(sets_on(p, day) for day in dates(start, end))


def exercises_between(p: Patient, start: date, end: date) -> list[str]:
    """Exercises with a set done, in the order first done."""
    out: list[str] = []
    for day in dates(start, end):
        lived = day_of(p, day)
        for run in lived.runs if lived else []:
            assert run.final is not None
            out += [s.exercise_id for s in run.final.steps if s.outcome == "done"]
    return list(dict.fromkeys(out))


def moved_days(p: Patient, start: date, end: date) -> int:
    return sum(sets_on(p, day) > 0 for day in dates(start, end))


def pains_on(p: Patient, day: date) -> list[int]:
    lived = day_of(p, day)
    return list(lived.pains) if lived else []


def painful_on(p: Patient, day: date) -> list[int]:
    lived = day_of(p, day)
    return [s for run in lived.runs for s in run.painful] if lived else []


def pain_means(p: Patient, start: date, end: date) -> dict[date, float]:
    return {d: fmean(pains_on(p, d)) for d in dates(start, end) if pains_on(p, d)}


def pain_periods(p: Patient, today: date) -> tuple[float, float] | None:
    """Mean pain of the first and the last scored week of the last 30 days (split in two
    halves when the scored span is under two weeks), at least two scored days in each."""
    means = pain_means(p, today - timedelta(days=29), today)
    scored = sorted(means)
    if len(scored) < 4:
        return None
    first_day, last_day = scored[0], scored[-1]
    if (last_day - first_day).days >= 13:
        first = [d for d in scored if (d - first_day).days <= 6]
        last = [d for d in scored if (last_day - d).days <= 6]
    else:
        middle = first_day + timedelta(days=(last_day - first_day).days // 2)
        first = [d for d in scored if d <= middle]
        last = [d for d in scored if d > middle]
    if len(first) < 2 or len(last) < 2:
        return None
    return fmean(means[d] for d in first), fmean(means[d] for d in last)


def score_text(value: float) -> str:
    """A mean pain as people say it: one decimal, none when whole."""
    return f"{value:.1f}".removesuffix(".0")


def last_active(p: Patient, today: date) -> date | None:
    return max((d.day for d in p.days if d.records and d.day <= today), default=None)


@dataclass(frozen=True)
class Week:
    """The weekly summary's figures for the 7 days ending ``end``."""

    complete: int
    expected: int
    moved: int
    sets: int
    rest: int
    flare: int
    pains: dict[date, float]
    top: int | None
    red_flags: int


def week(p: Patient, end: date) -> Week:
    start = end - timedelta(days=6)
    complete, expected = routine_days(p, end, 7)
    kinds = [status(p, d) for d in dates(start, end)]
    scores: Iterable[int] = [s for d in dates(start, end) for s in pains_on(p, d)]
    flags = [d for d in dates(start, end) if (day := day_of(p, d)) and day.red_flag]
    # A flare-up day is one, whether or not its gentler plan was finished (then it is
    # also complete, for the streak).
    flares = [d for d in dates(start, end) if (day := day_of(p, d)) and day.kind == "flare"]
    return Week(complete, expected, moved_days(p, start, end), sets_between(p, start, end),
                kinds.count("rest"), len(flares), pain_means(p, start, end),
                max(scores, default=None), len(flags))
