"""Reminder bookkeeping (pure): which jobs a profile needs, and whether to send now.

The scheduler only keeps jobs in memory, so everything that decides a reminder is
derived from the stored profile and state: at start-up every job is rebuilt from
here, and a due reminder is checked against what was already sent that day, so a
restart neither loses nor doubles one. Whose a job is, of any kind, is also read here
from its name (``<kind>:<user id>[:...]``).
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

from bot.content.model import Content, Routine
from bot.domain.jobs import JobKind, belongs_to
from bot.domain.profiles import Profile, as_profile
from bot.domain.records import Record
from bot.domain.reminders.local_time import (
    ReminderPrefs,
    local_date,
    missed_days,
    missed_within,
    next_fire,
    nudge_time,
    should_send_reminder,
    slot_instant,
)
from bot.domain.reminders.stored_plans import (
    REMINDER_PLAN,
    plan_entry,
    slot_of,
    stored_dues,
)
from bot.domain.routine.steps import routine_minutes

CATCH_UP = timedelta(minutes=30)  # missed while down: send if back within this, else skip
MISFIRE_GRACE = int(CATCH_UP.total_seconds())  # an event-loop stall never drops a reminder
#: One-off jobs kept in state until they fire: a snooze and the day's nudge.
_PENDING: tuple[tuple[JobKind, str], ...] = (("snooze", "snooze_until"), ("nudge", "nudge_at"))
#: The state the jobs are planned from (with the profile).
PLANNING_STATE_KEYS: tuple[str, ...] = ("last_fired", *(key for _, key in _PENDING))


def slot_key(slot: time) -> str:
    return slot.strftime("%H%M")


def job_name(kind: JobKind, user_id: int, slot: time | None = None) -> str:
    """Deterministic job names: one job per user and slot, found and replaced by name."""
    return f"{kind}:{user_id}:{slot_key(slot)}" if slot is not None else f"{kind}:{user_id}"


def is_user_job(name: str | None, data: object, user_id: int) -> bool:
    """Whether a scheduled job of any kind (reminder, weekly...) belongs to this user.

    ``/forget`` uses it to drop every job of a user who asked to be forgotten.

    Names are ``<kind>:<user id>[:...]``; only the second part is compared, so user 1915
    never matches ``reminder:42:1915``. A job whose typed data names the user matches too.
    """
    if name and name.split(":")[1:2] == [str(int(user_id))]:
        return True
    return belongs_to(data, user_id)


def parse_hhmm(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def prefs_from_profile(profile: Profile | Mapping[str, Any]) -> ReminderPrefs:
    """The schedule's view of a profile; inactive when anything says "do not remind"."""
    view = as_profile(profile)
    paused = view.paused_until
    active = view.onboarded and view.active and not view.on_hold
    return ReminderPrefs(
        times=tuple(parse_hhmm(t) for t in view.reminder_times),
        days=view.reminder_days,
        tz=view.tz,
        paused_until=date.fromisoformat(paused) if paused else None,
        active=active,
    )


def held_back(prefs: ReminderPrefs, local_day: date) -> str | None:
    """Why nothing may be sent on ``local_day`` (``"inactive"``, ``"off"``, ``"paused"``), or None.

    The one answer for every job that messages a person unprompted: the day's reminders,
    a snooze, the nudge and a retried reminder. A pause covers the local days before
    ``paused_until`` (``date.max``: until /resume); "off" is an empty list of times.
    """
    if not prefs.active:
        return "inactive"
    if not prefs.times:
        return "off"
    if prefs.paused_until is not None and local_day < prefs.paused_until:
        return "paused"
    return None


def cancel_pending(state: Mapping[str, Any]) -> dict[str, Any]:
    """The state without a pending snooze or nudge: what /pause and /remind off leave.

    Dropped rather than only held back, so a /resume later the same day brings back the
    schedule, not a snooze or nudge asked for before the pause.
    """
    return {**state, "snooze_until": None, "nudge_at": None}


@dataclass(frozen=True)
class PlannedJob:
    """A job to (re)create: its name, when it runs, and the due instant it stands for."""

    name: str
    kind: JobKind
    when: datetime
    due: datetime
    slot: time | None


def plan_jobs(
    user_id: int,
    profile: Mapping[str, Any],
    state: Mapping[str, Any],
    now: datetime,
    *,
    catch_up: bool,
    prefs: ReminderPrefs | None = None,
) -> list[PlannedJob]:
    """Every job this user needs right now.

    With ``catch_up`` (start-up), a reminder that fell due while the bot was down
    runs at once if it is within CATCH_UP and was not sent; older ones are skipped.
    ``prefs``: ``prefs_from_profile(profile)`` when the caller has it already.
    """
    prefs = prefs or prefs_from_profile(profile)
    jobs: list[PlannedJob] = []
    fired: Mapping[str, str] = state.get("last_fired", {})
    for slot in prefs.times:
        name = job_name("reminder", user_id, slot)
        if catch_up:
            last = fired.get(slot_key(slot))
            last_dt = datetime.fromisoformat(last) if last else None
            missed = missed_within(prefs, slot, last_dt, now, CATCH_UP)
            if missed is not None:
                jobs.append(PlannedJob(name, "reminder", now, missed, slot))
                continue
        fire = next_fire(prefs, slot, now)
        if fire is not None:
            jobs.append(PlannedJob(name, "reminder", fire, fire, slot))
    return jobs + pending_jobs(user_id, prefs, state, now)


def pending_jobs(user_id: int, prefs: ReminderPrefs, state: Mapping[str, Any],
                 now: datetime) -> list[PlannedJob]:
    """A snooze and the day's nudge waiting in the state, unless held back that day."""
    jobs: list[PlannedJob] = []
    for kind, key in _PENDING:
        pending = state.get(key)
        if not pending:
            continue
        when = datetime.fromisoformat(pending)
        # Paused or off on the day it falls due: not planned (and refused if it fires).
        if when > now - CATCH_UP and held_back(prefs, local_date(when, prefs.tz)) is None:
            jobs.append(PlannedJob(job_name(kind, user_id), kind, max(when, now), when, None))
    return jobs


def reminder_plan(profile: Mapping[str, Any], planned: Iterable[PlannedJob],
                  now: datetime) -> dict[str, Any] | None:
    """What to store of a re-plan (``stored_plans``): each daily reminder's next due.

    None when a reminder is being caught up (it runs now for an earlier due): the plan
    is stored by the re-plan that follows it."""
    dues: dict[str, datetime] = {}
    for job in planned:
        if job.kind != "reminder" or job.slot is None:
            continue
        if job.when != job.due or job.due <= now:
            return None
        dues[slot_key(job.slot)] = job.due
    return plan_entry(profile, now, dues)


def stored_jobs(user_id: int, profile: Mapping[str, Any], state: Mapping[str, Any],
                now: datetime) -> list[PlannedJob] | None:
    """Start-up's short way: the jobs from the stored plan, or None to work them out.

    Nothing that fell due while the bot was down can hide here: a stored due is used
    only while it lies ahead, and no slot fires between a plan and its due."""
    dues = stored_dues(state.get(REMINDER_PLAN), profile, now)
    if dues is None:
        return None
    jobs: list[PlannedJob] = []
    for key, due in dues.items():
        slot = slot_of(key)
        if slot is None:
            return None
        jobs.append(PlannedJob(job_name("reminder", user_id, slot), "reminder", due, due, slot))
    if any(state.get(key) for _, key in _PENDING):
        jobs += pending_jobs(user_id, prefs_from_profile(profile), state, now)
    return jobs


def today_status(records: Iterable[Record], local_day: date) -> tuple[bool, bool]:
    """(routine done today, user chose rest, said "not today" or reported a red flag)."""
    iso = local_day.isoformat()
    done = rested = False
    for rec in records:
        if rec.get("date") != iso:
            continue
        kind = rec.get("kind")
        done = done or kind == "routine_complete"
        day_skip = kind == "skip" and not rec.get("exercise")
        rested = rested or kind in ("rest", "redflag") or day_skip
    return done, rested


def last_active_day(records: Iterable[Record]) -> date | None:
    days = [r["date"] for r in records if r.get("kind") in ("done", "routine_complete", "walk")]
    return date.fromisoformat(max(days)) if days else None


def day_counts(state: Mapping[str, Any], local_day: date) -> tuple[int, int]:
    """(reminders sent, nudges sent) on ``local_day``."""
    counts = state.get("sent_counts", {})
    if counts.get("day") != local_day.isoformat():
        return 0, 0
    return int(counts.get("sent", 0)), int(counts.get("nudges", 0))


def slots_on(profile: Mapping[str, Any], local_day: date) -> int:
    prefs = prefs_from_profile(profile)
    if local_day.weekday() not in prefs.days:
        return 0
    return len(prefs.times)


@dataclass(frozen=True)
class SendDecision:
    send: bool
    why: str


def decide(
    kind: JobKind,
    profile: Mapping[str, Any],
    state: Mapping[str, Any],
    records: Iterable[Record],
    local_day: date,
    slot: time | None,
    due: datetime,
) -> SendDecision:
    """Whether a due reminder, nudge or snooze goes out: never twice, never nagging."""
    prefs = prefs_from_profile(profile)
    held = held_back(prefs, local_day)
    if held is not None:  # paused, off or inactive: nothing pending goes out either
        return SendDecision(False, held)
    if slot is not None and slot not in prefs.times:  # a time changed since it was planned
        return SendDecision(False, "slot_removed")
    if slot is not None:
        last = state.get("last_fired", {}).get(slot_key(slot))
        if last and datetime.fromisoformat(last) >= due:
            return SendDecision(False, "already_sent")
    done, rested = today_status(records, local_day)
    if rested:
        return SendDecision(False, "not_today")
    sent, nudges = day_counts(state, local_day)
    slots = max(slots_on(profile, local_day), 1)
    if kind == "snooze":
        # A snooze is the user's own request: honour it unless done, within the daily cap.
        ok = not done and sent + nudges < slots + 2
        return SendDecision(ok, "snooze" if ok else "cap_or_done")
    as_kind: Literal["reminder", "nudge"] = "nudge" if kind == "nudge" else "reminder"
    ok = should_send_reminder(done, sent, slots, nudges, as_kind)
    return SendDecision(ok, "ok" if ok else ("done_today" if done else "cap"))


def mark_sent(
    state: dict[str, Any], kind: JobKind, local_day: date, slot: time | None, due: datetime
) -> dict[str, Any]:
    """The state after a send: counters for the day, and the slot's last due instant."""
    sent, nudges = day_counts(state, local_day)
    if kind == "nudge":
        nudges += 1
    else:
        sent += 1
    state["sent_counts"] = {"day": local_day.isoformat(), "sent": sent, "nudges": nudges}
    if slot is not None:
        state.setdefault("last_fired", {})[slot_key(slot)] = due.isoformat()
    if kind == "snooze":
        state["snooze_until"] = None
    if kind == "nudge":
        state["nudge_at"] = None
    return state


def nudge_for(profile: Mapping[str, Any], local_day: date, now: datetime) -> datetime | None:
    """When to nudge today if nothing gets done, or None."""
    when = nudge_time(prefs_from_profile(profile), local_day)
    return when if when is not None and when > now else None


def snooze_until(choice: str, now: datetime, tz: str) -> datetime | None:
    """15 min, 1 h, or this evening (19:00 local, or in 1 h if that has passed)."""
    if choice == "15":
        return now + timedelta(minutes=15)
    if choice == "60":
        return now + timedelta(hours=1)
    if choice == "evening":
        today = now.astimezone(ZoneInfo(tz)).date()
        evening = slot_instant(today, time(19), tz)
        return evening if evening > now + timedelta(minutes=30) else now + timedelta(hours=1)
    return None


def reminder_text(
    content: Content,
    kind: JobKind,
    records: Iterable[Record],
    local_day: date,
    last_reason: str | None,
    rng: random.Random,
    routine: Routine | None = None,
    levels: Mapping[str, str] | None = None,
) -> tuple[str, str]:
    """A short, varied reminder (a rotating reason from the article); returns (text, key).

    ``routine``: the patient's own (their plan's), so the reminder names its exercises
    and length; the default routine when None. ``levels``: the version of each exercise
    the patient does (``plans.doses.plan_levels``), so the length is the one the routine
    will announce (``routine_minutes``)."""
    reasons = [r for r in content.reasons.values() if r.texts]
    keys = [f"{r.id}:{i}" for r in reasons for i in range(len(r.texts))]
    last_id = (last_reason or "").split(":")[0]
    choices = [k for k in keys if k.split(":")[0] != last_id] or keys
    key = rng.choice(choices)
    reason_id, index = key.split(":")
    reason = content.reasons[reason_id].texts[int(index)]
    missed = missed_days(last_active_day(records), local_day)
    if kind == "nudge":
        head = content.text("reminder_nudge", rng)
    elif missed >= 2:
        head = content.text("reminder_comeback", rng, days=missed)
    else:
        plan = routine or content.routine
        head = content.text("reminder_head", rng, minutes=routine_minutes(content, plan, levels))
        names = [content.exercises[e].name for e in plan.exercises if e in content.exercises]
        head += "\n" + content.text("reminder_today_moves", moves=", ".join(names))
    return f"{head}\n\n{reason}", key
