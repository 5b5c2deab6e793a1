"""Pure helpers behind the weekly summary, the clinician commands and /forget.

* When the weekly summary fires: one ``run_once`` job per user, computed with the
  same ``next_fire`` as reminders, so DST gaps and folds follow the same rules.
* How ``/weekly`` arguments read ("off", "on", "friday 17:30").
* Finding a patient for ``/patient`` and the text a clinician sees about one.
* The bounded map from a clinician's copy of a question to the patient who asked,
  and which scheduled jobs belong to a user (so ``/forget`` can drop them all).

No ``telegram``, no ``tinydb``: every function takes plain values and returns them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from bot.content.model import Content
from bot.domain.profiles import display_name
from bot.domain.progress.figures import (
    adherence,
    current_streak,
    day_label,
    pain_trend,
    record_date,
    short_date,
    weekly_summary_text,
)
from bot.domain.records import Record
from bot.domain.reminders.local_time import ReminderPrefs, local_date, missed_within, next_fire
from bot.domain.reminders.timeparse import parse_days, parse_time

WEEKLY_DAY = 6  # Sunday, in date.weekday() numbers (Monday=0)
WEEKLY_TIME = time(18, 0)  # Sunday evening, local
WEEKLY_CATCH_UP = timedelta(hours=6)  # missed while down: still worth sending this late
WEEKLY_STATE_KEY = "weekly_last"  # in the user's "state": the due instant last sent
THREAD_LIMIT = 500  # clinician copies of questions remembered for replies
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# --- the weekly schedule ---------------------------------------------------------------


def weekly_job_name(user_id: int) -> str:
    """One weekly job per user, found and replaced by this name."""
    return f"weekly:{int(user_id)}"


def weekly_enabled(profile: Mapping[str, Any]) -> bool:
    """Summaries go to onboarded, consenting, reachable users who did not opt out."""
    return bool(
        profile.get("consent")
        and profile.get("weekly_summary", True)
        and profile.get("active", True)
        and profile.get("stage") == "done"
    )


def weekly_slot(profile: Mapping[str, Any]) -> tuple[int, time]:
    """The chosen weekday (Monday=0) and local time; bad stored values fall back to Sunday 18:00.

    A hand-edited or older profile must never stop the summary, so nothing here raises.
    """
    day = profile.get("weekly_day", WEEKLY_DAY)
    if not isinstance(day, int) or isinstance(day, bool) or not 0 <= day <= 6:
        day = WEEKLY_DAY
    raw = profile.get("weekly_time")
    return day, _stored_time(raw) if isinstance(raw, str) else WEEKLY_TIME


@functools.lru_cache(maxsize=512)
def _stored_time(raw: str) -> time:
    """A stored time, parsed once per distinct text (start-up reads 10,000 of them)."""
    try:
        return parse_time(raw)
    except ValueError:
        return WEEKLY_TIME


def weekly_prefs(profile: Mapping[str, Any]) -> ReminderPrefs:
    """The schedule's view of the weekly summary: one slot on one weekday.

    A reminder pause also pauses the summary (the user asked for quiet); a red-flag
    hold does not, because that week's summary is the one worth forwarding.
    """
    day, slot = weekly_slot(profile)
    paused = profile.get("paused_until")
    try:
        paused_until = date.fromisoformat(paused) if isinstance(paused, str) else None
    except ValueError:
        paused_until = None
    return ReminderPrefs(
        times=(slot,),
        days=frozenset({day}),
        tz=str(profile.get("tz") or "UTC"),
        paused_until=paused_until,
        active=weekly_enabled(profile),
    )


@dataclass(frozen=True)
class WeeklyPlan:
    """When to run the weekly job, and the due instant it stands for (both UTC)."""

    when: datetime
    due: datetime


def last_sent(state: Mapping[str, Any]) -> datetime | None:
    """The due instant of the last summary sent, if readable."""
    raw = state.get(WEEKLY_STATE_KEY)
    if not isinstance(raw, str):
        return None
    try:
        return datetime.fromisoformat(raw)
    except ValueError:
        return None


def plan_weekly(
    profile: Mapping[str, Any],
    state: Mapping[str, Any],
    now: datetime,
    *,
    catch_up: bool = False,
    prefs: ReminderPrefs | None = None,
) -> WeeklyPlan | None:
    """The next weekly job, or None when the user gets no summaries.

    With ``catch_up`` (start-up) a summary that fell due while the bot was down, less
    than WEEKLY_CATCH_UP ago and not sent, runs at once; an older one is dropped.
    """
    prefs = prefs or weekly_prefs(profile)
    if not prefs.active:
        return None
    slot = prefs.times[0]
    if catch_up:
        missed = missed_within(prefs, slot, last_sent(state), now, WEEKLY_CATCH_UP)
        if missed is not None:
            return WeeklyPlan(when=now, due=missed)
    fire = next_fire(prefs, slot, now)
    if fire is not None and fire <= now:
        # Strictly later, whatever next_fire does at the edge: re-arming a job for the
        # instant it just ran would run it again at once, forever.
        fire = next_fire(prefs, slot, now + timedelta(seconds=1))
    return WeeklyPlan(when=fire, due=fire) if fire is not None else None


def should_send_weekly(
    profile: Mapping[str, Any], state: Mapping[str, Any], due: datetime
) -> bool:
    """The last check before sending: still wanted, and not already sent for ``due``."""
    if not weekly_enabled(profile):
        return False
    sent = last_sent(state)
    return sent is None or sent < due


def week_is_empty(records: Iterable[Record], day: date) -> bool:
    """Nothing at all recorded in the seven days ending ``day``."""
    start = day - timedelta(days=6)
    return not any(
        (d := record_date(r)) is not None and start <= d <= day for r in records
    )


def describe_slot(day: int, slot: time) -> str:
    """'Sundays at 18:00'."""
    return f"{DAY_NAMES[day]}s at {slot.strftime('%H:%M')}"


@dataclass(frozen=True)
class WeeklyChange:
    """What ``/weekly ...`` asked for; None fields stay as they are."""

    enabled: bool
    day: int | None = None
    slot: time | None = None


_OFF_WORDS = frozenset({"off", "stop", "no", "none", "never"})
_ON_WORDS = frozenset({"on", "yes", "start"})


def _one_weekday(text: str) -> int | None:
    try:
        days = parse_days(text)
    except ValueError:
        return None
    return next(iter(days)) if len(days) == 1 else None


def _a_time(text: str) -> time | None:
    try:
        return parse_time(text)
    except ValueError:
        return None


def parse_weekly(text: str) -> WeeklyChange | None:
    """Read "off", "on", "friday", "17:30", "sun 6pm" or "18:00 on sunday"; None if unreadable."""
    words = text.lower().split()[:6]
    if len(words) > 1:
        words = [w for w in words if w not in ("on", "at", "every")]
    if not words:
        return None
    joined = " ".join(words)
    if joined in _OFF_WORDS:
        return WeeklyChange(enabled=False)
    if joined in _ON_WORDS:
        return WeeklyChange(enabled=True)
    for cut in range(len(words) + 1):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        for day_text, time_text in ((head, tail), (tail, head)):
            day = _one_weekday(day_text) if day_text else None
            slot = _a_time(time_text) if time_text else None
            if (day_text and day is None) or (time_text and slot is None):
                continue
            if day is not None or slot is not None:
                return WeeklyChange(enabled=True, day=day, slot=slot)
    return None


def summary_day(due: datetime, tz: str) -> date:
    """The local date a summary covers up to: the day it was due."""
    return local_date(due, tz)


# --- clinicians ------------------------------------------------------------------------


def local_since(profile: Mapping[str, Any]) -> date | None:
    """The local date the user consented, from the stored UTC ``created`` stamp."""
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
        return local_date(moment, str(profile.get("tz") or "UTC"))
    except (ValueError, KeyError):
        return moment.date()


def find_patients(
    profiles: Iterable[tuple[int, Mapping[str, Any]]], query: str
) -> list[tuple[int, Mapping[str, Any]]]:
    """Consenting patients matching a numeric id or an @username (case-insensitive)."""
    wanted = query.strip()
    if not wanted:
        return []
    consenting = [(uid, p) for uid, p in profiles if p.get("consent")]
    if wanted.removeprefix("-").isdecimal():
        return [(uid, p) for uid, p in consenting if uid == int(wanted)]
    name = wanted.removeprefix("@").lower()
    if not name:
        return []
    return [
        (uid, p) for uid, p in consenting if str(p.get("username") or "").lower() == name
    ]


def _share(value: float | None, content: Content) -> str:
    return f"{round(value * 100)}%" if value is not None else content.text("clinic_not_enough")


def patient_status(profile: Mapping[str, Any], today: date) -> str:
    """A content key saying whether the patient is getting reminders."""
    if not profile.get("active", True):
        return "clinic_status_stopped"
    if profile.get("hold"):
        return "clinic_status_hold"
    paused = profile.get("paused_until")
    if isinstance(paused, str) and paused > today.isoformat():
        return "clinic_status_paused"
    if not profile.get("reminder_times"):
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
            tz=profile.get("tz") or "UTC",
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


# --- clinician reply threads ----------------------------------------------------------


def thread_key(chat_id: int, message_id: int) -> str:
    """Message ids are per chat, so a clinician's copy is known by both."""
    return f"{int(chat_id)}:{int(message_id)}"


def remember_threads(
    threads: Mapping[str, int],
    keys: Iterable[str],
    user_id: int,
    limit: int = THREAD_LIMIT,
) -> dict[str, int]:
    """The map with new copies added, keeping only the newest ``limit`` entries."""
    merged = {k: v for k, v in threads.items() if isinstance(v, int)}
    for key in keys:
        merged.pop(key, None)
        merged[key] = int(user_id)
    items = list(merged.items())[-limit:] if limit > 0 else []
    return dict(items)


def forget_threads(threads: Mapping[str, int], user_id: int) -> dict[str, int]:
    """The map without any entry pointing at this user."""
    return {k: v for k, v in threads.items() if v != int(user_id)}


# --- data rights -------------------------------------------------------------------------


def is_user_job(name: str | None, data: object, user_id: int) -> bool:
    """Whether a scheduled job belongs to this user.

    Names are ``<kind>:<user id>[:...]``; only the second part is compared, so user 1915
    never matches ``reminder:42:1915``. A job carrying ``{"user_id": ...}`` matches too.
    """
    if name and name.split(":")[1:2] == [str(int(user_id))]:
        return True
    return isinstance(data, Mapping) and data.get("user_id") == int(user_id)
