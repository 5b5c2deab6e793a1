"""Reminder requests in words, read for their slots, on phrases written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.understanding.interpret import interpret
from bot.domain.understanding.meaning import prepare
from bot.domain.understanding.reading import Slots
from bot.domain.understanding.reminder_reading import reminder_slots


def slots_of(text: str) -> Slots | None:
    return reminder_slots(prepare(text))


# (text, action, a slot to check: (name, value) or None)
PHRASINGS: list[tuple[str, str, tuple[str, object] | None]] = [
    # stop
    ("stop reminding me", "stop", None),
    ("Stop remindng me!!", "stop", None),
    ("pls stop the reminders", "stop", None),
    ("no more reminders please", "stop", None),
    ("No more notifications thanks", "stop", None),
    ("turn off the notifications pls", "stop", None),
    ("can you switch the reminders off", "stop", None),
    ("cancel my reminders", "stop", None),
    ("Please dont send me any more reminders", "stop", None),
    ("dont remind me anymore, I'm fine doing them on my own", "stop", None),
    ("i don't need the reminders any more", "stop", None),
    ("reminders off", "stop", None),
    ("unsubscribe", "stop", None),
    ("can you quit texting me reminders", "stop", None),
    ("text me at 6:30 p.m. tomorrow please", "once", ("at", "18:30")),
    # pause
    ("pause the reminders for a week", "pause", ("days", 7)),
    ("pause reminders for 3 days", "pause", ("days", 3)),
    ("can u pause the remiders for a couple of days", "pause", ("days", 2)),
    ("no reminders for a fortnight, off to Spain", "pause", ("days", 14)),
    ("stop reminding me for a few days", "pause", ("days", 3)),
    ("no reminders till monday", "pause", ("until_day", 0)),
    ("hold off on the reminders over the weekend", "pause", ("until_day", 0)),
    ("no reminders today please", "pause", ("days", 1)),
    ("pause the reminders", "pause", ("days", None)),
    ("pause my notifications", "pause", ("days", None)),
    # resume
    ("turn reminders back on", "resume", None),
    ("can you switch my reminders back on please", "resume", None),
    ("I want my reminders back", "resume", None),
    ("resume the reminders", "resume", None),
    ("ok im back from hols, turn the notifications back on", "resume", None),
    ("start the reminders again", "resume", None),
    # set the daily time
    ("move my reminder to 7pm", "set", ("at", "19:00")),
    ("remind me at 7pm", "set", ("at", "19:00")),
    ("can you change my reminder to 8.30", "set", ("at", "08:30")),
    ("I'd like the reminders at 10am instead please", "set", ("at", "10:00")),
    ("can the reminder come at 4 in the afternoon", "set", ("at", "16:00")),
    ("cud u remind me at 9 every day", "set", ("at", "09:00")),
    ("change the reminder to the evening", "set", ("at", "19:00")),
    ("set my reminder for 18:30", "set", ("at", "18:30")),
    # snooze and later
    ("snooze", "snooze", ("in_minutes", 60)),
    ("snooze 15", "snooze", ("in_minutes", 15)),
    ("can you remind me later", "snooze", ("in_minutes", 120)),
    ("Can u remind me l8r, cooking tea", "snooze", ("in_minutes", 120)),
    ("remind me in half an hour", "snooze", ("in_minutes", 30)),
    ("remind me again in 2 hours pls", "snooze", ("in_minutes", 120)),
    # once
    ("remind me at 8 tomorrow", "once", ("at", "08:00")),
    ("remind me at 8.30 tmrw", "once", ("on_day", "tomorrow")),
    ("remind me at half 7 tonight", "once", ("at", "19:30")),
    ("can you remind me at 3 this afternoon", "once", ("at", "15:00")),
    ("remind me tomorrow", "once", ("at", None)),
    # show
    ("when is my reminder?", "show", None),
    ("wot time will u remind me tomorrow", "show", None),
    ("what time are my reminders", "show", None),
    ("are my reminders still on?", "show", None),
    # keep
    ("don't stop the reminders", "keep", None),
    ("please do not turn off my reminders, I need them", "keep", None),
    ("keep the daily messages coming please", "keep", None),
]

LOOKALIKES = [
    "my physio reminded me to walk",
    "reminds me of my old knee",
    "I forgot my exercises yesterday",
    "remind me how the side leg lift goes",
    "remind me the heel lifts",
    "remind Terry about the dentist",
    "thanks for the reminders",
    "love the new reminders",
    "the reminder came while I was out",
    "whats the crack with the reminders, they come at 7 and Im dead to the world then",
    "how do I stop the reminders",
    "had a nice snooze on the sofa",
    "I'll resume the exercises on monday",
    "hold for 30 seconds",
    "stop",
    "Pause please",
    "resume",
    "I'll do them later",
    "don't stop, I'm nearly done",
    "can I change my reminder time",
    "my alarm didn't go off this morning",
    "did 10 at 7pm",
    "remind him to take his tablets at 8",
    "no texts from my son today",
    "no messages from you today?",
    "will you keep my messages stored somewhere?",  # storage, not the reminders
    "do you keep my texts after I stop?",
]


@pytest.mark.parametrize(("text", "action", "slot"), PHRASINGS)
def test_a_reminder_request_is_read(text: str, action: str,
                                    slot: tuple[str, object] | None) -> None:
    found = slots_of(text)
    assert found is not None, text
    assert found.reminder == action, (text, found)
    if slot is not None:
        name, value = slot
        assert getattr(found, name) == value, (text, found)


@pytest.mark.parametrize("text", LOOKALIKES)
def test_a_lookalike_is_not_a_reminder_request(text: str) -> None:
    assert slots_of(text) is None, text
    assert interpret(text).top.kind != "reminder"


@pytest.mark.parametrize("text", ["remind me at 8 tomorrow", "stop reminding me", "snooze"])
def test_a_reminder_request_ranks_first(text: str) -> None:
    assert interpret(text).top.kind == "reminder"


def test_a_red_flag_still_wins() -> None:
    found = interpret("stop reminding me, my leg has gone numb and I cant feel my bum")
    assert found.is_red_flag and found.top.kind == "redflag"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_never_raises(text: str) -> None:
    reminder_slots(text)
    reminder_slots(prepare(text))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(
    ["remind", "me", "at", "8", "7pm", "tomorrow", "stop", "pause", "for", "3", "days",
     "reminders", "don't", "snooze", "later", "half", "past", "?", "the", "back", "on"]),
    max_size=12))
def test_never_raises_on_reminder_words(words: list[str]) -> None:
    found = reminder_slots(" ".join(words))
    if found is not None and found.at is not None:
        hours, minutes = found.at.split(":")
        assert 0 <= int(hours) <= 23 and 0 <= int(minutes) <= 59
