"""The clinicians' dashboard list: one row per patient, who needs a look first.

The numbers are the ones /stats and /progress use (``bot.domain.clinic.stats.patient_row``
and ``bot.domain.progress.figures``), so the dashboard never tells a clinician something
the chat does not. On top of /stats's reasons (pain above 5, a red flag this week) a row
also asks for attention when pain is getting worse or the last week's routine was mostly
missed, because that is when a clinician's call changes the course.

Every figure here looks back at most ``ROW_DAYS`` days (last activity excepted), so a
caller may pass only those records and get the same row; ``needs_full_history`` says
when it may not. Pure: no aiohttp, no storage.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from bot.content.model import Content
from bot.domain.clinic.stats import needs_attention, patient_row
from bot.domain.plans.prescription import prescription_of
from bot.domain.plans.today import programme_for
from bot.domain.profiles import display_name
from bot.domain.progress.figures import (
    Trend,
    adherence,
    pain_trend,
    start_day,
    unique_records,
)
from bot.domain.records import Record

#: The longest look-back of any figure in a row (30-day adherence and pain trend).
ROW_DAYS = 30
#: A 7-day adherence below this asks for a clinician's look.
LOW_ADHERENCE = 0.5
#: Kinds whose every record counts in a row (scores, red flags, and finished sessions:
#: one exercise done from its card does not complete the day, ``completes_the_day``); of
#: any other kind a row only asks whether a day has one.
_EVERY_ONE = frozenset({"pain", "painful", "redflag", "routine_complete"})


@dataclass(frozen=True)
class DashboardRow:
    """One patient on the dashboard."""

    user_id: int
    name: str
    last_active: date | None
    adherence_7: float | None
    adherence_30: float | None
    trend: Trend
    red_flags_7: int
    max_pain_7: int | None
    attention: bool
    programme: str

    def sort_key(self) -> tuple[Any, ...]:
        """Attention first (red flags first among them), then the lowest 7-day adherence
        (patients with no expected day yet after those with one), then the name."""
        share = self.adherence_7
        return (not self.attention, -self.red_flags_7, share is None, share or 0.0,
                self.name.casefold(), self.user_id)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.user_id,
            "name": self.name,
            "last_active": self.last_active.isoformat() if self.last_active else None,
            "adherence_7": self.adherence_7,
            "adherence_30": self.adherence_30,
            "pain_trend": None if self.trend == "unknown" else self.trend,
            "red_flags": self.red_flags_7,
            "needs_attention": self.attention,
            "programme": self.programme,
        }


def row_records(records: Iterable[Record]) -> list[Record]:
    """The records a row depends on: every score and red flag, and one record of each
    other kind per day. A routine day holds dozens of "done" records, one per set and
    side; the row only asks whether a day had one, so this gives the same row from a
    fraction of the records (the dashboard makes thousands of rows)."""
    kept: list[Record] = []
    seen: set[tuple[str, str]] = set()
    for record in unique_records(records):
        kind = record.get("kind")
        if not (isinstance(kind, str) and kind in _EVERY_ONE):
            key = (str(record.get("date")), str(kind))
            if key in seen:
                continue
            seen.add(key)
        kept.append(record)
    return kept


def dashboard_row(
    content: Content,
    user_id: int,
    profile: Mapping[str, Any],
    records: Sequence[Record],
    today: date,
    since: date | None,
) -> DashboardRow:
    """One patient's row as of their local ``today``; ``since`` as in
    ``bot.domain.progress.figures.summarize`` (the onboarding date)."""
    records = row_records(records)
    stats = patient_row(user_id, display_name(profile), records, today, since)
    start = start_day(since, records, today)
    trend = pain_trend(records, today)
    attention = (needs_attention(stats) or trend == "worse"
                 or (stats.adherence_7 is not None and stats.adherence_7 < LOW_ADHERENCE))
    return DashboardRow(
        user_id=user_id,
        name=stats.name,
        last_active=stats.last_active,
        adherence_7=stats.adherence_7,
        adherence_30=adherence(records, today, 30, start),
        trend=trend,
        red_flags_7=stats.red_flags_7,
        max_pain_7=stats.max_pain_7,
        attention=attention,
        programme=programme_for(content, prescription_of(profile)).id,
    )


def needs_full_history(row: DashboardRow, since: date | None) -> bool:
    """Whether a row made from the last ``ROW_DAYS`` days only may differ from one made
    from every record: without an onboarding date the first record stands in for it,
    and without activity in the window the last activity is older."""
    return since is None or row.last_active is None
