"""A patient's profile: the stored dict, and ``Profile``, the typed view every feature reads.

The store keeps the profile as a plain dict (it is JSON on disk and grows a key now and
then); code reads it through ``Profile`` so that "has this person consented", "which zone
are they in" and "what is today for them" have one answer each. Pure.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from types import MappingProxyType
from typing import Any, Literal

from bot.domain.records import utc_stamp
from bot.domain.reminders.local_time import local_date

Stage = Literal["time", "tz", "done"]

#: Buttons offered for the first reminder and for /remind.
COMMON_TIMES: tuple[str, ...] = ("07:30", "09:00", "12:30", "18:00", "20:00")
#: Buttons offered for the time zone; anything else is typed or shared as a location.
COMMON_ZONES: tuple[str, ...] = (
    "Europe/London",
    "Europe/Berlin",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "Australia/Sydney",
)


def new_profile(
    user_id: int, first_name: str, username: str | None, now: datetime, default_tz: str
) -> dict[str, Any]:
    """The profile of a user who has just consented."""
    return {
        "user_id": user_id,
        "first_name": first_name[:64],
        "username": (username or "")[:64],
        "consent": True,
        "created": utc_stamp(now),
        "stage": "time",
        "tz": default_tz,
        "reminder_times": [],
        "reminder_days": list(range(7)),
        "paused_until": None,
        "active": True,
        "weekly_summary": True,
    }


PlanLevel = Literal["easier", "normal", "harder"]
_EMPTY: Mapping[str, Any] = MappingProxyType({})


@dataclass(frozen=True)
class Profile:
    """A read-only, typed view of one stored profile.

    ``default_tz`` is the clinic's zone (``DEFAULT_TIMEZONE``): the one fallback for a
    profile without a zone, so every "today" for a person agrees.
    """

    data: Mapping[str, Any] = field(default_factory=lambda: _EMPTY)
    default_tz: str = "UTC"

    @property
    def consent(self) -> bool:
        """Whether the person agreed to storage; without it nothing of theirs is kept."""
        return bool(self.data.get("consent"))

    @property
    def tz(self) -> str:
        return str(self.data.get("tz") or self.default_tz)

    def today(self, now: datetime) -> date:
        """The person's own calendar date at ``now``."""
        return local_date(now, self.tz)

    @property
    def stage(self) -> str | None:
        stage = self.data.get("stage")
        return str(stage) if stage else None

    @property
    def onboarded(self) -> bool:
        return self.consent and self.stage == "done"

    @property
    def plan_level(self) -> PlanLevel:
        level = (self.data.get("plan") or {}).get("level")
        return level if level in ("easier", "harder") else "normal"

    @property
    def reminder_times(self) -> tuple[str, ...]:
        return tuple(str(t) for t in self.data.get("reminder_times") or ())

    @property
    def reminder_days(self) -> frozenset[int]:
        return frozenset(self.data.get("reminder_days", range(7)))

    @property
    def username(self) -> str:
        return str(self.data.get("username") or "")

    @property
    def paused_until(self) -> str | None:
        paused = self.data.get("paused_until")
        return str(paused) if paused else None

    @property
    def active(self) -> bool:
        """False once Telegram said the person blocked the bot."""
        return bool(self.data.get("active", True))

    @property
    def on_hold(self) -> bool:
        """Reminders held by a clinician or a red flag until someone lifts the hold."""
        return bool(self.data.get("hold"))

    @property
    def held_for_red_flag(self) -> bool:
        """A red flag was reported: no coaching or routine until /resume after a check."""
        return self.data.get("hold") == "redflag"

    @property
    def level_overrides(self) -> dict[str, str]:
        """Per-exercise plan levels a clinician or the coach set (exercise id -> level)."""
        levels = (self.data.get("plan") or {}).get("levels") or {}
        return {str(k): str(v) for k, v in levels.items()}

    @property
    def weekly_summary(self) -> bool:
        return bool(self.data.get("weekly_summary", True))

    @property
    def display_name(self) -> str:
        return display_name(self.data)


def as_profile(profile: Profile | Mapping[str, Any], default_tz: str = "UTC") -> Profile:
    """A typed view of ``profile``, whether the caller holds the view or the stored dict."""
    return profile if isinstance(profile, Profile) else Profile(profile, default_tz)


def display_name(profile: Mapping[str, Any]) -> str:
    """A name for clinicians' reports: first name and @username when known."""
    name = str(profile.get("first_name") or "patient")
    username = profile.get("username")
    return f"{name} (@{username})" if username else name
