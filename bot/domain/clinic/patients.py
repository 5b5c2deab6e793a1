"""Finding a patient for ``/patient`` and the report a clinician reads about one.

Pure: takes stored profiles and records, returns plain values and text; no
``telegram``, no ``tinydb``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
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
    start_day,
)
from bot.domain.progress.texts import day_label, percent, short_date, weekly_summary_text
from bot.domain.records import Record


def find_patients(
    profiles: Iterable[tuple[int, Mapping[str, Any]]], query: str
) -> list[tuple[int, Mapping[str, Any]]]:
    """Consenting patients ``query`` names: an id, an @username, or a name.

    Case does not matter. A number is an id. ``@ann`` looks at usernames only. Other
    text is tried as a whole username or a whole name (``ann_b``, ``Pat Green``), then
    as whole words of one (``pat``, ``green``), then as the start of words (``gre``,
    ``pat g``), and last anywhere in them. The first of these steps that finds anyone
    gives the answer, so ``Pat`` finds Pat Green and not Raj Patel, and ``Pat`` alone
    finds a patient called just Pat before Pat Green. Never raises on odd input.
    """
    wanted = " ".join(str(query).split()).casefold()
    if not wanted:
        return []
    consenting = [(uid, p) for uid, p in profiles if _consents(p)]
    if wanted.removeprefix("-").isdecimal() and len(wanted) <= 20:
        return [(uid, p) for uid, p in consenting if uid == int(wanted)]
    by_username = wanted.startswith("@")
    wanted = wanted.removeprefix("@").strip()
    if not wanted:
        return []
    words = wanted.split()
    steps: tuple[Callable[[_Names], bool], ...] = (
        lambda n: wanted in n.whole(by_username),
        lambda n: all(q in n.words(by_username) for q in words),
        lambda n: all(any(w.startswith(q) for w in n.words(by_username)) for q in words),
        lambda n: any(wanted in whole for whole in n.whole(by_username)),
    )
    named = [(uid, p, _Names.of(p)) for uid, p in consenting]
    for matches in steps:
        found = [(uid, p) for uid, p, names in named if matches(names)]
        if found:
            return found
    return []


_WORD = re.compile(r"[^\W_]+")


def _consents(profile: object) -> bool:
    return isinstance(profile, Mapping) and as_profile(profile).consent


def _text(value: object) -> str:
    return " ".join(str(value).split()).casefold() if value else ""


@dataclass(frozen=True)
class _Names:
    """What a patient may be called, lower-cased: full name and username."""

    name: str
    username: str

    @classmethod
    def of(cls, profile: Mapping[str, Any]) -> _Names:
        full = f"{_text(profile.get('first_name'))} {_text(profile.get('last_name'))}"
        return cls(full.strip(), _text(profile.get("username")).removeprefix("@"))

    def whole(self, username_only: bool) -> tuple[str, ...]:
        return tuple(x for x in (self.username, "" if username_only else self.name) if x)

    def words(self, username_only: bool) -> list[str]:
        out: list[str] = []
        for whole in self.whole(username_only):
            out += [*whole.split(), *_WORD.findall(whole)]
        return out


def _share(value: float | None, content: Content) -> str:
    return f"{percent(value)}%" if value is not None else content.text("clinic_not_enough")


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
    since = start_day(local_since(profile), records, today)
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
        weekly_summary_text(records, today, content, since),
    ]
    return "\n".join(lines)
