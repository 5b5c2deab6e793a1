"""Stored job plans: the next due instant of each of a patient's jobs, kept in their state.

Start-up must put every patient's reminders and weekly summary into the job queue.
Working each one out again (time zone, DST, chosen days, a pause) for 10,000 patients
was most of a start-up, yet the answer only changes when the patient's settings change
or a job fires, and both re-plan anyway. So each re-plan also stores its answer, with a
fingerprint of the settings it came from and the moment it was made. Start-up takes a
stored answer as it is while it is still good, and works it out again when:

* the fingerprint differs (the settings changed without a re-plan: an older bot, a
  file restored from a backup, a time zone changed while the bot was down),
* it was made "after" now (the clock was moved back), or
* a due instant has passed or cannot be read (the job fell due while the bot was
  down: the catch-up rules decide, exactly as before).

A due instant is an absolute UTC time worked out with the zone's rules when it was
stored, so a DST change in between does not move it.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime, time
from typing import Any, cast

#: Where each stored plan lives in the patient's state.
REMINDER_PLAN = "plan_reminders"
WEEKLY_PLAN = "plan_weekly"
#: The weekly plan's one job.
WEEKLY = "weekly"

#: Every profile field a reminder or the weekly summary is planned from.
_INPUTS = (
    "consent", "stage", "active", "hold", "tz", "reminder_times", "reminder_days",
    "paused_until", "weekly_summary", "weekly_day", "weekly_time",
)


def fingerprint(profile: Mapping[str, Any]) -> list[Any]:
    """The planning fields as stored JSON holds them: equal fingerprints, equal plans.

    Kept as the plain values (a hundred bytes) rather than a digest: start-up compares
    10,000 of them, and a list compare is several times cheaper than hashing."""
    return [profile.get(key) for key in _INPUTS]


def _plain(values: list[Any]) -> list[Any]:
    """As JSON gives them back (tuples and sets as lists), so a stored fingerprint
    equals the one worked out from the stored profile."""
    return cast(list[Any], json.loads(json.dumps(values, default=sorted)))


def plan_entry(profile: Mapping[str, Any], now: datetime,
               dues: Mapping[str, datetime]) -> dict[str, Any]:
    """What a re-plan stores: its inputs' digest, when it was made, and each job's due."""
    return {
        "in": _plain(fingerprint(profile)),
        "at": now.isoformat(),
        "due": {key: dues[key].isoformat() for key in sorted(dues)},
    }


def same_plan(stored: object, entry: Mapping[str, Any]) -> bool:
    """Whether ``stored`` already says what ``entry`` says (when it was made aside), so
    an unchanged plan costs no write."""
    return (isinstance(stored, Mapping) and stored.get("in") == entry["in"]
            and stored.get("due") == entry["due"])


def stored_dues(stored: object, profile: Mapping[str, Any],
                now: datetime) -> dict[str, datetime] | None:
    """The stored due instants when they can be trusted at ``now``, else None."""
    if not isinstance(stored, Mapping) or stored.get("in") != fingerprint(profile):
        return None
    try:
        made = datetime.fromisoformat(stored["at"])
        dues = {str(key): datetime.fromisoformat(value)
                for key, value in stored["due"].items()}
    except (KeyError, TypeError, ValueError, AttributeError):
        return None
    if made.tzinfo is None or made > now:
        return None
    for due in dues.values():
        if due.tzinfo is None or due <= now:
            return None
    return dues


def slot_of(key: str) -> time | None:
    """A reminder's slot back from its stored key (``"0730"``), None if unreadable."""
    if len(key) != 4 or not key.isdigit():
        return None
    hours, minutes = int(key[:2]), int(key[2:])
    if hours > 23 or minutes > 59:
        return None
    return time(hours, minutes)
