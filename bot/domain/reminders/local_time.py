"""When reminders and nudges fire: pure functions from preferences to UTC instants.

The bot arms one ``run_once`` job per user and slot at ``next_fire(...)`` and
re-arms it after each firing, instead of APScheduler cron jobs, which skip a
00:00 job the day after spring-forward and can fire twice in a repeated hour.
So these functions own the DST rules:

* A slot fires at its local wall-clock time on each allowed, unpaused local day.
* A wall time that does not exist (spring-forward gap) fires shifted by the
  gap: 02:30 in New York on 2026-03-08 fires at 03:30 EDT.
* A wall time that happens twice (fall-back) fires once, at the first one.

All instants returned are aware UTC datetimes. Pure: no ``telegram``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

__all__ = [
    "EARLIEST_NUDGE",
    "EVERY_DAY",
    "LATEST_NUDGE",
    "MAX_EXTRA_MESSAGES",
    "NUDGE_DELAY",
    "NUDGE_MIN_GAP",
    "ReminderPrefs",
    "local_date",
    "local_now",
    "missed_days",
    "missed_within",
    "next_fire",
    "next_fires",
    "nudge_time",
    "should_send_reminder",
    "slot_exists",
    "slot_instant",
]

NUDGE_DELAY = timedelta(hours=3)
"""A nudge comes this long after the day's last reminder, if nothing was done."""
NUDGE_MIN_GAP = timedelta(hours=1)
"""A nudge closer than this to its reminder would feel like nagging."""
LATEST_NUDGE = time(21, 0)
"""No nudge after 21:00 local: evenings are for rest, not for guilt."""
EARLIEST_NUDGE = time(8, 0)
"""No nudge before 08:00 local."""
MAX_EXTRA_MESSAGES = 2
"""Hard ceiling: never more than slots + this many messages in one day."""
EVERY_DAY: frozenset[int] = frozenset(range(7))
_SEARCH_DAYS = 9  # one week of candidates plus the day before and after


@dataclass(frozen=True)
class ReminderPrefs:
    """One person's reminder settings.

    ``days`` uses ``date.weekday()`` numbers (Monday=0). No reminder fires on a
    local date before ``paused_until``; ``date.max`` means paused until resumed.
    """

    times: tuple[time, ...]
    days: frozenset[int] = EVERY_DAY
    tz: str = "UTC"
    paused_until: date | None = None
    active: bool = True


def _zone(tz: str) -> ZoneInfo:
    return ZoneInfo(tz)  # ZoneInfo caches instances per key itself


def _require_aware(moment: datetime, name: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be timezone-aware, got {moment!r}")


def _wall(slot: time) -> time:
    """The slot as a plain wall time: any tzinfo or fold on it is ignored."""
    return slot.replace(tzinfo=None, fold=0)


def slot_instant(day: date, slot: time, tz: str) -> datetime:
    """The UTC instant when ``slot`` fires on local ``day`` (gap-shifted, first of a fold).

    With ``fold=0``, zoneinfo reads a gap time with the offset from before the
    jump, so 02:30 EST becomes 07:30 UTC = 03:30 EDT, and a repeated time is the
    first occurrence: exactly the rules above.
    """
    return datetime.combine(day, _wall(slot), tzinfo=_zone(tz)).astimezone(UTC)


def slot_exists(day: date, slot: time, tz: str) -> bool:
    """Whether wall time ``slot`` really happens on local ``day`` (False inside a DST gap)."""
    wall = datetime.combine(day, _wall(slot))
    back = slot_instant(day, slot, tz).astimezone(_zone(tz)).replace(tzinfo=None)
    return back == wall


def _allowed(prefs: ReminderPrefs, day: date) -> bool:
    if prefs.paused_until is not None and day < prefs.paused_until:
        return False
    return day.weekday() in prefs.days


_recent: dict[tuple[ReminderPrefs, time], tuple[datetime, datetime]] = {}
_RECENT_MAX = 4096


def next_fire(prefs: ReminderPrefs, slot: time, after: datetime) -> datetime | None:
    """The first UTC instant strictly after ``after`` when ``slot`` fires, or ``None``.

    ``None`` when reminders are off, there are no times or days, or the pause is
    indefinite. Feeding the result back as ``after`` walks the slot day by day.

    Remembered per (prefs, slot): if the answer for ``lo`` was ``fire``, no fire lies
    between them, so it is also the answer for every ``after`` in ``[lo, fire)``. At
    start-up thousands of patients share a zone, slot and days: one search serves them.
    """
    _require_aware(after, "after")
    key = (prefs, slot)
    seen = _recent.get(key)
    if seen is not None and seen[0] <= after < seen[1]:
        return seen[1]
    fire = _search_next_fire(prefs, slot, after)
    if fire is not None:
        if len(_recent) >= _RECENT_MAX:
            _recent.clear()
        _recent[key] = (after, fire)
    return fire


def _search_next_fire(prefs: ReminderPrefs, slot: time, after: datetime) -> datetime | None:
    if not prefs.active or not prefs.times or not prefs.days:
        return None
    if prefs.paused_until == date.max:
        return None
    # A fire for local day D can land on D's neighbours in UTC, so start a day early.
    start = after.astimezone(_zone(prefs.tz)).date() - timedelta(days=1)
    if prefs.paused_until is not None and prefs.paused_until > start:
        start = prefs.paused_until
    try:
        for offset in range(_SEARCH_DAYS):
            day = start + timedelta(days=offset)
            if not _allowed(prefs, day):
                continue
            fire = slot_instant(day, slot, prefs.tz)
            if fire > after:
                return fire
    except OverflowError:  # near date.max: nothing left to schedule
        return None
    return None  # pragma: no cover - a week always holds an allowed day


def next_fires(prefs: ReminderPrefs, after: datetime) -> list[tuple[time, datetime]]:
    """The next fire of every slot, soonest first (slots with none are left out)."""
    found: list[tuple[time, datetime]] = []
    for slot in prefs.times:
        fire = next_fire(prefs, slot, after)
        if fire is not None:
            found.append((slot, fire))
    return sorted(found, key=lambda pair: (pair[1], pair[0]))


def missed_within(
    prefs: ReminderPrefs,
    slot: time,
    last_run: datetime | None,
    now: datetime,
    grace: timedelta,
) -> datetime | None:
    """The latest due instant of ``slot`` in ``(max(last_run, now - grace), now]``.

    Used at start-up: a reminder missed while the bot was down is sent late only
    if it is still within ``grace``; older ones are dropped. Returning one instant
    at most means a long outage never becomes a burst of messages.
    """
    _require_aware(now, "now")
    floor = now - grace
    if last_run is not None:
        _require_aware(last_run, "last_run")
        floor = max(floor, last_run)
    if floor >= now:
        return None
    latest: datetime | None = None
    fire = next_fire(prefs, slot, floor)
    while fire is not None and fire <= now:
        latest = fire
        following = next_fire(prefs, slot, fire)
        if following is not None and following <= fire:  # never loop at start-up
            break
        fire = following
    return latest


def local_now(now: datetime, tz: str) -> datetime:
    """``now`` on the person's own clock."""
    _require_aware(now, "now")
    return now.astimezone(_zone(tz))


def local_date(now: datetime, tz: str) -> date:
    """The person's calendar date at ``now``: what "today" means for streaks and records."""
    return local_now(now, tz).date()


def nudge_time(prefs: ReminderPrefs, local_day: date) -> datetime | None:
    """When to send the day's one follow-up nudge (UTC), or ``None`` for no nudge.

    ``NUDGE_DELAY`` after the day's last reminder, moved earlier to 21:00 local
    if it would be later. ``None`` when that leaves less than ``NUDGE_MIN_GAP``
    after the reminder (a 20:30 reminder gets no nudge), when it would fall
    before 08:00 local, or when no reminder fires that day at all.
    """
    if not prefs.active or not prefs.times or not _allowed(prefs, local_day):
        return None
    last = max(slot_instant(local_day, slot, prefs.tz) for slot in prefs.times)
    latest = slot_instant(local_day, LATEST_NUDGE, prefs.tz)
    earliest = slot_instant(local_day, EARLIEST_NUDGE, prefs.tz)
    nudge = min(last + NUDGE_DELAY, latest)
    if nudge < last + NUDGE_MIN_GAP or nudge < earliest:
        return None
    return nudge


def should_send_reminder(
    done_today: bool,
    sent_today: int,
    slots_today: int,
    nudges_today: int,
    kind: Literal["reminder", "nudge"],
) -> bool:
    """The last check before a reminder or nudge goes out, so the bot never nags.

    ``sent_today`` counts reminders (and snoozes) already sent today, and
    ``slots_today`` the slots due today. Rules: nothing once today's routine is
    done; no reminder on a day without slots; a nudge only after a reminder and
    at most one a day; never more than ``slots_today + 2`` messages in a day.
    One-per-slot is the caller's job (it knows which slot already fired).
    """
    if done_today or slots_today < 1:
        return False
    if sent_today + nudges_today >= slots_today + MAX_EXTRA_MESSAGES:
        return False
    if kind == "nudge":
        return nudges_today < 1 and sent_today >= 1
    return True


def missed_days(last_active_local_date: date | None, today: date) -> int:
    """Whole days with no activity between the last active day and today.

    Today does not count (there is still time); a person never active yet has
    missed nothing. Active yesterday -> 0; active three days ago -> 2.
    """
    if last_active_local_date is None or last_active_local_date >= today:
        return 0
    return (today - last_active_local_date).days - 1
