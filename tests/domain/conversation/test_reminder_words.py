"""Reminders in words: "stop reminding me", then "turn them back on" (issue #22, item 5)."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.content import DEFAULT_CONTENT_DIR, load_content
from bot.domain.conversation.reminder_requests import plan_change
from bot.domain.profiles import Profile
from bot.domain.understanding.reading import Slots

CONTENT = load_content(DEFAULT_CONTENT_DIR)
NOW = datetime(2031, 6, 9, 10, 0, tzinfo=UTC)  # a Monday, 20:00 in Sydney


def _after(data: dict[str, object], action: str) -> tuple[dict[str, object], str]:
    change = plan_change(Slots(reminder=action), Profile(data), {}, NOW, CONTENT)  # type: ignore[arg-type]
    return {**data, **change.profile}, change.reply


def test_turned_back_on_they_come_back_at_their_old_times() -> None:
    profile = {"consent": True, "stage": "done", "tz": "Australia/Sydney",
               "reminder_times": ["07:30", "18:00"], "reminder_days": list(range(7))}
    off, _ = _after(profile, "stop")
    assert off["reminder_times"] == []
    on, reply = _after(off, "resume")
    assert on["reminder_times"] == ["07:30", "18:00"]
    assert "back on" in reply and "Tue 10 Jun 07:30" in reply
    again, _ = _after(on, "resume")  # nothing switched off any more: the times stay
    assert again["reminder_times"] == ["07:30", "18:00"]


def test_never_set_is_still_asked_for_a_time() -> None:
    profile = {"consent": True, "stage": "done", "tz": "Europe/London", "reminder_times": []}
    off, _ = _after(profile, "stop")
    on, reply = _after(off, "resume")
    assert on["reminder_times"] == [] and reply == CONTENT.text("reminder_resumed_none")
