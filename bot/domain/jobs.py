"""What each scheduled job carries: typed, so no job's data is parsed back from strings.

The job queue keeps jobs in memory only; everything here is rebuilt from storage at
start-up. Every job belongs to one person (``user_id``), which is how ``/forget``
finds them all.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from typing import Literal

JobKind = Literal["reminder", "nudge", "snooze"]


@dataclass(frozen=True)
class UserJob:
    """Any job of one person."""

    user_id: int


@dataclass(frozen=True)
class ReminderJob(UserJob):
    """A daily reminder (``slot`` is its local time), the day's nudge, or a snooze."""

    kind: JobKind
    due: datetime  # the instant this job stands for (UTC), not when it happens to run
    slot: time | None = None


@dataclass(frozen=True)
class ResendJob(UserJob):
    """A reminder Telegram could not take, tried again a minute later."""

    text: str
    attempt: int


@dataclass(frozen=True)
class WeeklyJob(UserJob):
    """The weekly summary, due at ``due`` (UTC)."""

    due: datetime


@dataclass(frozen=True)
class TimerJob(UserJob):
    """A hold timer's next countdown edit."""

    token: str  # the session step the timer belongs to; a moved-on session ignores it
    left: int  # seconds left after this tick
    message_id: int  # the countdown message that is edited


def belongs_to(data: object, user_id: int) -> bool:
    """Whether a job's data says it is this person's."""
    return isinstance(data, UserJob) and data.user_id == int(user_id)
