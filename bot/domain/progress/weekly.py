"""Pure helpers behind the weekly summary: when it is sent and how ``/weekly`` reads.

* When the weekly summary fires: one ``run_once`` job per user, computed with the
  same ``next_fire`` as reminders, so DST gaps and folds follow the same rules.
* How ``/weekly`` arguments read ("off", "on", "friday 17:30").

The summary's text is ``bot.domain.progress.texts.weekly_summary_text``. No
``telegram``, no ``tinydb``: every function takes plain values and returns them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from bot.domain.profiles import Profile, as_profile
from bot.domain.progress.figures import record_date
from bot.domain.records import Record
from bot.domain.reminders.local_time import ReminderPrefs, local_date, missed_within, next_fire
from bot.domain.reminders.stored_plans import WEEKLY, WEEKLY_PLAN, plan_entry, stored_dues
from bot.domain.reminders.timeparse import parse_days, parse_time

WEEKLY_DAY = 6  # Sunday, in date.weekday() numbers (Monday=0)
WEEKLY_TIME = time(18, 0)  # Sunday evening, local
WEEKLY_CATCH_UP = timedelta(hours=6)  # missed while down: still worth sending this late
WEEKLY_STATE_KEY = "weekly_last"  # in the user's "state": the due instant last sent
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# --- the weekly schedule ---------------------------------------------------------------


def weekly_job_name(user_id: int) -> str:
    """One weekly job per user, found and replaced by this name."""
    return f"weekly:{int(user_id)}"


def weekly_enabled(profile: Profile | Mapping[str, Any]) -> bool:
    """Summaries go to onboarded, consenting, reachable users who did not opt out."""
    view = as_profile(profile)
    return view.onboarded and view.weekly_summary and view.active


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
        tz=as_profile(profile).tz,
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
    than WEEKLY_CATCH_UP ago and not sent, runs at once; an older one is dropped, and so
    is one that fell due before the stored plan was made (never owed: a patient who
    joined at 18:10 on a Sunday gets no "nothing recorded this week" at a restart), and
    so is any for a patient with neither a plan nor a summary on record.
    """
    prefs = prefs or weekly_prefs(profile)
    if not prefs.active:
        return None
    slot = prefs.times[0]
    if catch_up:
        floor = last_sent(state)
        made = _plan_made(state)
        if made is not None and made <= now and (floor is None or made > floor):
            floor = made  # due before it was planned (a patient who joined after it): not owed
        # never planned nor sent (data from elsewhere): nothing is known to be owed
        missed = None if floor is None else missed_within(prefs, slot, floor, now,
                                                          WEEKLY_CATCH_UP)
        if missed is not None:
            return WeeklyPlan(when=now, due=missed)
    fire = next_fire(prefs, slot, now)
    if fire is not None and fire <= now:
        # Strictly later, whatever next_fire does at the edge: re-arming a job for the
        # instant it just ran would run it again at once, forever.
        fire = next_fire(prefs, slot, now + timedelta(seconds=1))
    return WeeklyPlan(when=fire, due=fire) if fire is not None else None


def _plan_made(state: Mapping[str, Any]) -> datetime | None:
    """When the stored weekly plan was made, if readable and aware."""
    stored = state.get(WEEKLY_PLAN)
    if not isinstance(stored, Mapping) or not isinstance(stored.get("at"), str):
        return None
    try:
        made = datetime.fromisoformat(stored["at"])
    except ValueError:
        return None
    return made if made.tzinfo is not None else None


def weekly_plan(profile: Mapping[str, Any], plan: WeeklyPlan | None,
                now: datetime) -> dict[str, Any] | None:
    """What to store of a weekly re-plan (``stored_plans``); None while catching up."""
    if plan is None:
        return plan_entry(profile, now, {})
    if plan.when != plan.due or plan.due <= now:
        return None
    return plan_entry(profile, now, {WEEKLY: plan.due})


def stored_weekly(profile: Mapping[str, Any], state: Mapping[str, Any],
                  now: datetime) -> list[WeeklyPlan] | None:
    """Start-up's short way: the stored weekly job (none, or one), or None to work it out."""
    dues = stored_dues(state.get(WEEKLY_PLAN), profile, now)
    if dues is None or set(dues) - {WEEKLY}:
        return None
    return [WeeklyPlan(when=due, due=due) for due in dues.values()]


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
