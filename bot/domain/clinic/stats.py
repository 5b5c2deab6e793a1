"""The clinician overview (/stats): one row per patient and who needs a look this week.

Aggregates each patient's last 7 days with the numbers from
``bot.domain.progress.figures``. Pure: no ``telegram``, no ``tinydb``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from statistics import fmean

from bot.content.model import Content
from bot.domain.progress.figures import (
    adherence,
    in_range,
    pain_of,
    record_date,
    start_day,
    unique_records,
)
from bot.domain.progress.texts import percent
from bot.domain.records import Record

HIGH_PAIN = 5  # above this is "too much" in the pain-monitoring model


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

    ``since`` works as in ``bot.domain.progress.figures.summarize``.
    """
    since = start_day(since, records, today)
    week = in_range(records, today - timedelta(days=6), today)
    pains = [
        p for r in week if r.get("kind") in ("pain", "painful") and (p := pain_of(r)) is not None
    ]
    dates = [
        d for r in unique_records(records) if (d := record_date(r)) is not None and d <= today
    ]
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
        lines.append(content.text("progress_clinic_adherence", pct=percent(fmean(shares))))
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
