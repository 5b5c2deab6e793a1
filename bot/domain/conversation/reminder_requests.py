"""What a reminder request in words changes, and the words that confirm it.

The same stored effects as the commands (``handlers/reminders/commands.py``): "stop
reminding me" is ``/remind off`` (no times, no pending snooze or nudge); "pause them for
a week" is ``/pause 7``; "turn them back on" is ``/resume`` (but never lifts a red-flag
hold: that stays a command, after a clinician's check); "move my reminder to 7pm" is
``/remind 19:00`` (the days kept); "snooze" and "remind me later" are the reminder's
Snooze button, in 1 h and 2 h. "Remind me at 8 tomorrow" is one reminder only: a snooze
due then, so the daily times stay; without daily times (nothing a snooze could ride on)
it sets 08:00 as the daily time and says so.

Pure: takes the profile view, the state, ``now`` and the content (for the reply, worked
out with the change already made); the handler stores the change, re-plans the jobs
through the profile-changed hook, and sends the reply.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

from bot.content.model import Content
from bot.domain.profiles import Profile
from bot.domain.reminders.local_time import local_date, local_now, next_fires, slot_instant
from bot.domain.reminders.planning import (
    cancel_pending,
    held_back,
    parse_hhmm,
    prefs_from_profile,
)
from bot.domain.reminders.timeparse import format_days
from bot.domain.understanding.reading import Slots

__all__ = ["ReminderChange", "listing", "next_line", "plan_change", "switch_back_on",
           "switch_off"]

MAX_PAUSE_DAYS = 60
#: The daily times "stop reminding me" (or /remind off) switched off, kept so that "turn
#: them back on" (or /resume) brings the same ones back instead of asking for a time.
TIMES_OFF_KEY = "reminder_times_off"


def switch_off(view: Profile) -> dict[str, Any]:
    """The profile change of "stop reminding me" and /remind off: no daily times, the
    ones there were kept aside."""
    kept = list(view.reminder_times) or list(view.data.get(TIMES_OFF_KEY) or [])
    return {"reminder_times": [], TIMES_OFF_KEY: kept or None}


def switch_back_on(view: Profile) -> dict[str, Any]:
    """The profile change of "turn them back on" and /resume: no pause, and the daily
    times switched off back when there are none now."""
    change: dict[str, Any] = {"paused_until": None, "active": True}
    kept = view.data.get(TIMES_OFF_KEY)
    if not view.reminder_times and isinstance(kept, list) and kept:
        change.update({"reminder_times": [str(t) for t in kept], TIMES_OFF_KEY: None})
    return change


@dataclass(frozen=True)
class ReminderChange:
    """Profile fields to update, the new state (None: unchanged), and the reply."""

    reply: str
    profile: dict[str, Any] = field(default_factory=dict)
    state: dict[str, Any] | None = None

    @property
    def changes(self) -> bool:
        return bool(self.profile) or self.state is not None


def _day_words(day: date) -> str:
    return f"{day:%A} {day.day} {day:%b}"


def next_line(view: Profile, now: datetime) -> str:
    """The next reminder in local time ("Sun 06 Dec 07:30"), or "none", as /reminders."""
    prefs = prefs_from_profile(view.data)
    fires = next_fires(prefs, now)
    if not fires:
        return "none"
    return local_now(fires[0][1], prefs.tz).strftime("%a %d %b %H:%M")


def listing(content: Content, view: Profile, now: datetime) -> str:
    """What /reminders says."""
    text = content.text
    if not view.consent or not view.reminder_times:
        return text("reminder_list_none")
    times = ", ".join(view.reminder_times)
    days = format_days(view.reminder_days)
    if view.on_hold:
        return text("reminder_list_held")
    if view.paused_until:
        until = view.paused_until
        until = "you resume" if until == date.max.isoformat() else until
        return text("reminder_list_paused", times=times, days=days, until=until)
    return text("reminder_list", times=times, days=days, tz=view.tz, next=next_line(view, now))


class _Planner:
    """One request, for one person at one moment."""

    def __init__(self, content: Content, view: Profile, state: Mapping[str, Any],
                 now: datetime) -> None:
        self.text = content.text
        self.view, self.state, self.now = view, state, now
        self.today = view.today(now)

    def after(self, profile: Mapping[str, Any]) -> str:
        """The next reminder once ``profile``'s changes are made."""
        changed = replace(self.view, data={**self.view.data, **profile})
        return next_line(changed, self.now)

    def pause(self, slots: Slots) -> ReminderChange:
        if slots.days is not None:
            until = self.today + timedelta(days=max(1, min(slots.days, MAX_PAUSE_DAYS)))
        elif slots.until_day is not None:
            ahead = (slots.until_day - self.today.weekday() - 1) % 7 + 1
            until = self.today + timedelta(days=ahead)
        else:
            return ReminderChange(self.text("reminder_paused_forever"),
                                  {"paused_until": date.max.isoformat()},
                                  cancel_pending(self.state))
        return ReminderChange(self.text("reminder_words_paused", until=_day_words(until)),
                              {"paused_until": until.isoformat()}, cancel_pending(self.state))

    def snooze(self, when: datetime) -> ReminderChange:
        """A snooze (or a one-off) due at ``when``, if anything may be sent that day."""
        prefs = prefs_from_profile(self.view.data)
        if held_back(prefs, local_date(when, prefs.tz)) is not None:
            return ReminderChange(self.text("reminder_words_cannot_snooze"))
        return ReminderChange(
            self.text("reminder_snoozed", time=local_now(when, prefs.tz).strftime("%H:%M")),
            state={**self.state, "snooze_until": when.isoformat()})

    def set_daily(self, at: str, once: bool) -> ReminderChange:
        days = self.view.reminder_days or frozenset(range(7))
        profile = {"reminder_times": [at], "reminder_days": sorted(days), "stage": "done"}
        if once:  # nothing a one-off could ride on: the daily time, said so
            reply = self.text("reminder_words_once_daily", time=at, days=format_days(days),
                              next=self.after(profile))
        else:
            reply = self.text("reminder_words_set", time=at, days=format_days(days),
                              next=self.after(profile))
        return ReminderChange(reply, profile)

    def once(self, slots: Slots) -> ReminderChange:
        if slots.at is None:  # "remind me tomorrow": none more today, tomorrow's as usual
            if not self.view.reminder_times:
                return ReminderChange(self.text("reminder_words_what_time"))
            change = self.pause(Slots(days=1))
            return ReminderChange(
                self.text("reminder_words_tomorrow", next=self.after(change.profile)),
                change.profile, change.state)
        if not self.view.reminder_times:
            return self.set_daily(slots.at, once=True)
        day = self.today + timedelta(days=1 if slots.on_day == "tomorrow" else 0)
        when = slot_instant(day, parse_hhmm(slots.at), self.view.tz)
        if when <= self.now:
            return ReminderChange(self.text("reminder_words_past", time=slots.at))
        change = self.snooze(when)
        if change.state is None:
            return change
        if day > self.today:
            reply = self.text("reminder_words_once_tomorrow", time=slots.at)
        else:
            reply = self.text("reminder_words_once_today", time=slots.at)
        return ReminderChange(reply, state=change.state)

    def resume(self) -> ReminderChange:
        if self.view.on_hold:  # a red flag's hold: lifted by /resume after a check only
            return ReminderChange(self.text("reminder_list_held"))
        profile = switch_back_on(self.view)
        if not profile.get("reminder_times", self.view.reminder_times):
            return ReminderChange(self.text("reminder_resumed_none"), profile)
        return ReminderChange(self.text("reminder_resumed", next=self.after(profile)), profile)


def plan_change(slots: Slots, view: Profile, state: Mapping[str, Any], now: datetime,
                content: Content) -> ReminderChange:
    """What ``slots`` (a reminder reading's) asks for, for this person at ``now``."""
    plan = _Planner(content, view, state, now)
    action = slots.reminder
    if action == "stop":
        return ReminderChange(content.text("reminder_words_off"), switch_off(view),
                              cancel_pending(state))
    if action == "pause":
        if not view.reminder_times:
            return ReminderChange(content.text("reminder_list_none"))
        return plan.pause(slots)
    if action == "resume":
        return plan.resume()
    if action == "set" and slots.at is not None:
        return plan.set_daily(slots.at, once=False)
    if action == "snooze":
        return plan.snooze(now + timedelta(minutes=slots.in_minutes or 60))
    if action == "once":
        return plan.once(slots)
    if action == "keep":
        kept = content.text("reminder_words_kept")
        return ReminderChange(f"{kept}\n{listing(content, view, now)}")
    return ReminderChange(listing(content, view, now))
