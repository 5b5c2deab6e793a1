"""A patient driven over days of bot time, for the ten-day end-to-end test.

``Patient`` types and taps as a person would (over real HTTP, through the fake Bot
API), waits until the bot has handled each update, and moves the bot's clock with the
terminal chat's ``ClockMover``, so the reminders, nudges and weekly summary that fall
due on the way run at their own time. Every message either way is kept with the bot's
local time, for a readable transcript and per-day figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.chat.fake_telegram import FakeTelegram, SentMessage
from bot.transport.clock_mover import ClockMover
from tests.harness import BotUnderTest

DEMOS = ("sendAnimation", "sendPhoto")
HANDLE_TIMEOUT = 15.0


@dataclass
class Line:
    """One message of the transcript."""

    at: datetime  # local
    who: str  # "Patient" or "Bot"
    text: str
    message: SentMessage | None = None  # the bot's message


@dataclass
class Patient:
    """One patient's side of the chat, and the clock they live by."""

    tg: FakeTelegram
    bot: BotUnderTest
    uid: int
    tz: str
    monkeypatch: pytest.MonkeyPatch
    lines: list[Line] = field(default_factory=list)
    stamps: dict[int, datetime] = field(default_factory=dict)  # message id -> bot time
    seen: int = 0
    mover: ClockMover | None = None
    #: what the bot sent in answer to each action (or while the clock moved), in order
    batches: list[list[SentMessage]] = field(default_factory=list)

    def __post_init__(self) -> None:
        store = self.tg.api._store

        def stamped(*args: Any, **kwargs: Any) -> SentMessage:
            msg = store(*args, **kwargs)
            self.stamps[msg.message_id] = self.bot.clock.now()
            return msg

        self.monkeypatch.setattr(self.tg.api, "_store", stamped)

    # --- the clock -------------------------------------------------------------------

    def attach(self) -> None:
        """Start following the bot's jobs (before its clock is first moved)."""
        assert self.bot.app is not None
        self.mover = ClockMover(self.bot.app, self.bot.clock)
        self.mover.note_jobs()

    def now(self) -> datetime:
        return self.bot.clock.now().astimezone(ZoneInfo(self.tz))

    async def wait_until(self, day: date, hour: int, minute: int = 0) -> list[SentMessage]:
        """Live until local ``day`` at ``hour:minute``; what the bot sent on the way."""
        assert self.mover is not None
        target = datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(self.tz))
        delta = target - self.now()
        assert delta >= timedelta(0), f"the clock only goes forward ({self.now()} -> {target})"
        self.mover.note_jobs()
        await self.mover.advance(delta)
        return self._collect()

    # --- talking ---------------------------------------------------------------------

    async def says(self, text: str) -> list[SentMessage]:
        """Type ``text``; the bot's whole answer to it."""
        self._say(text)
        return await self._handled(self.tg.user_sends(self.uid, text))

    async def taps(self, message: SentMessage, prefix: str) -> list[SentMessage]:
        """Tap the button whose data starts with ``prefix`` on ``message``."""
        label, data = next(((t, d) for t, d in message.buttons if d.startswith(prefix)),
                           ("", ""))
        assert data, f"no button {prefix!r} on {message.text!r}: {message.buttons}"
        self._say(f"[taps {label}]")
        update = self.tg.user_taps(self.uid, data, message_id=message.message_id)
        return await self._handled(update)

    async def _handled(self, update_id: int) -> list[SentMessage]:
        await self.tg.wait_for(lambda: self.tg.confirmed_offset > update_id, HANDLE_TIMEOUT,
                               f"the bot to handle update {update_id}")
        return self._collect()

    def _say(self, text: str) -> None:
        self._collect()
        self.lines.append(Line(self.now(), "Patient", text))

    def _collect(self) -> list[SentMessage]:
        new = self.tg.sent(self.uid)[self.seen:]
        self.seen += len(new)
        if new:
            self.batches.append(new)
        zone = ZoneInfo(self.tz)
        for msg in new:
            at = self.stamps.get(msg.message_id, self.bot.clock.now()).astimezone(zone)
            self.lines.append(Line(at, "Bot", shown(msg), msg))
        return new

    # --- reading the record ----------------------------------------------------------

    def bot_messages(self, day: date) -> list[SentMessage]:
        return [ln.message for ln in self.lines
                if ln.message is not None and ln.at.date() == day]

    def transcript(self) -> str:
        out: list[str] = []
        current: date | None = None
        for ln in self.lines:
            if ln.at.date() != current:
                current = ln.at.date()
                out.append(f"\n=== {current:%A %d %B %Y} ({self.tz}) ===")
            body = ln.text.replace("\n", "\n" + " " * 16)
            out.append(f"{ln.at:%H:%M}  {ln.who:<7}  {body}")
        return "\n".join(out).lstrip("\n") + "\n"


def shown(msg: SentMessage) -> str:
    """What the person sees of a message: its text (or a picture and its caption) and
    its buttons."""
    body = text_of(msg)
    if msg.method in DEMOS:
        body = f"[{'animation' if msg.method == 'sendAnimation' else 'picture'}] {body}"
    labels = [label for label, _ in msg.buttons]
    if labels:
        body += "\n" + " ".join(f"[{label}]" for label in labels)
    return body


def text_of(msg: SentMessage) -> str:
    return msg.plain or msg.text or ""


def chars(messages: list[SentMessage]) -> int:
    return sum(len(text_of(m)) for m in messages)


def with_button(messages: list[SentMessage], prefix: str) -> SentMessage:
    """The last of ``messages`` with a button starting with ``prefix``."""
    for msg in reversed(messages):
        if any(d.startswith(prefix) for _, d in msg.buttons):
            return msg
    raise AssertionError(f"no button {prefix!r} in {[text_of(m)[:50] for m in messages]}")


def has_button(msg: SentMessage, prefix: str) -> bool:
    return any(d.startswith(prefix) for _, d in msg.buttons)


@dataclass
class Routine:
    """The messages of one routine, from its announcement to its summary."""

    day: date
    kind: str
    messages: list[SentMessage]
    after: list[SentMessage]  # what followed the summary in the same answer


async def do_routine(patient: Patient, replies: list[SentMessage], kind: str,
                     before: int | None = 2, after: int = 2) -> Routine:
    """Carry on a routine the last action started: the pain before (if asked), every
    step done, the pain after."""
    sent = list(replies)
    for _ in range(100):
        step = next((m for m in reversed(sent)
                     if has_button(m, "s:d:") or has_button(m, "s:n0:")), None)
        assert step is not None, f"no routine step in {[text_of(m)[:60] for m in sent]}"
        if has_button(step, "s:n0:"):
            first = not any(has_button(m, "s:d:") for m in sent)
            score = before if first else after
            assert score is not None, "the pain before was already given"
            new = await patient.taps(step, f"s:n{score}:")
            sent += new
            if not first:
                break
        else:
            sent += await patient.taps(step, "s:d:")
    else:
        raise AssertionError("the routine never ended")
    # from the announcement (none when the flare-up plan starts at its first move)
    start = next((i for i, m in enumerate(sent) if "Today's plan:" in text_of(m)), 0)
    end = next(i for i, m in enumerate(sent) if "Sets done:" in text_of(m))
    return Routine(patient.now().date(), kind, sent[start:end + 1], sent[end + 1:])


def per_day(patient: Patient, days: list[date]) -> list[tuple[date, int, int]]:
    """(day, messages the bot sent, their characters) for each day."""
    return [(d, len(patient.bot_messages(d)), chars(patient.bot_messages(d))) for d in days]


def table(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.rjust(w) if c[:1].isdigit() else c.ljust(w)
                               for c, w in zip(r, widths, strict=True)).rstrip()
                     for r in rows)
