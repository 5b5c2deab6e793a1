"""A patient's profile as stored: creation, onboarding stage, reminder settings (pure)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from bot.domain.records import utc_stamp

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


def display_name(profile: dict[str, Any]) -> str:
    """A name for clinicians' reports: first name and @username when known."""
    name = str(profile.get("first_name") or "patient")
    username = profile.get("username")
    return f"{name} (@{username})" if username else name
