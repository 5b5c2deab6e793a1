"""Finding a patient for ``/patient`` and the report a clinician reads about one.

Pure: takes stored profiles and records, returns plain values and text; no
``telegram``, no ``tinydb``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from bot.content.model import Content
from bot.domain.profiles import as_profile, display_name
from bot.domain.progress.figures import (
    adherence,
    current_streak,
    local_since,
    pain_trend,
    record_date,
)
from bot.domain.progress.texts import day_label, short_date, weekly_summary_text
from bot.domain.records import Record


def find_patients(
    profiles: Iterable[tuple[int, Mapping[str, Any]]], query: str
) -> list[tuple[int, Mapping[str, Any]]]:
    """Consenting patients matching a numeric id or an @username (case-insensitive)."""
    wanted = query.strip()
    if not wanted:
        return []
    consenting = [(uid, p) for uid, p in profiles if as_profile(p).consent]
    if wanted.removeprefix("-").isdecimal():
        return [(uid, p) for uid, p in consenting if uid == int(wanted)]
    name = wanted.removeprefix("@").lower()
    if not name:
        return []
    return [
        (uid, p) for uid, p in consenting if as_profile(p).username.lower() == name
    ]


def _share(value: float | None, content: Content) -> str:
    return f"{round(value * 100)}%" if value is not None else content.text("clinic_not_enough")


def patient_status(profile: Mapping[str, Any], today: date) -> str:
    """A content key saying whether the patient is getting reminders."""
    view = as_profile(profile)
    if not view.active:
        return "clinic_status_stopped"
    if view.on_hold:
        return "clinic_status_hold"
    paused = view.paused_until
    if paused is not None and paused > today.isoformat():
        return "clinic_status_paused"
    if not view.reminder_times:
        return "clinic_status_no_reminders"
    return "clinic_status_on"


def patient_report_text(
    user_id: int,
    profile: Mapping[str, Any],
    records: Sequence[Record],
    today: date,
    content: Content,
) -> str:
    """What a clinician sees for one patient: who, how regular, pain trend, last 7 days."""
    since = local_since(profile) or today
    dates = [d for r in records if (d := record_date(r)) is not None and d <= today]
    trend = pain_trend(records, today)
    trend_text = (
        content.text("clinic_trend_unknown")
        if trend == "unknown"
        else content.text(f"progress_trend_{trend}")
    )
    lines = [
        content.text("clinic_patient_title", name=display_name(dict(profile)), user_id=user_id),
        content.text(
            "clinic_patient_since",
            since=day_label(since),
            tz=as_profile(profile).tz,
            last=short_date(max(dates)) if dates else content.text("clinic_never"),
        ),
        content.text(patient_status(profile, today)),
        content.text(
            "clinic_patient_numbers",
            streak=current_streak(records, today),
            adherence_7=_share(adherence(records, today, 7, since), content),
            adherence_30=_share(adherence(records, today, 30, since), content),
            trend=trend_text,
        ),
        "",
        weekly_summary_text(records, today, content),
    ]
    return "\n".join(lines)
