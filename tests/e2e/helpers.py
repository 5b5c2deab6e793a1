"""Shared steps for end-to-end tests: onboard a user, fix the clock, write history fast."""

from __future__ import annotations

import gzip
import itertools
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.chat.fake_telegram import FakeTelegram, SentMessage
from bot.domain.records import Record
from tests.harness import BotUnderTest

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_ids = itertools.count(1)


def data_of(msg: SentMessage) -> list[str]:
    """The callback_data of every inline button of a message."""
    return [data for _, data in msg.buttons]


async def next_matching(
    tg: FakeTelegram, chat_id: int, wanted: Callable[[SentMessage], bool], limit: int = 12
) -> SentMessage:
    """Skip messages until one matches (AssertionError after ``limit`` or a timeout)."""
    seen: list[str] = []
    for _ in range(limit):
        msg = await tg.next_message(chat_id)
        if wanted(msg):
            return msg
        seen.append((msg.text or msg.method)[:60])
    raise AssertionError(f"no matching message in chat {chat_id}; saw {seen}")


def has_button(prefix: str) -> Callable[[SentMessage], bool]:
    return lambda msg: any(data.startswith(prefix) for data in data_of(msg))


async def onboard(
    tg: FakeTelegram,
    uid: int,
    first_name: str = "Pat",
    username: str | None = None,
    reminder: str = "none",
    tz: str = "Europe/London",
) -> None:
    """Consent, a reminder time (or none) and a zone by buttons; every reply is read."""
    tg.user_sends(uid, "/start", first_name=first_name, username=username)
    await next_matching(tg, uid, has_button("ob:consent:yes"))
    tg.user_taps(uid, "ob:consent:yes")
    await next_matching(tg, uid, has_button("ob:time:"))
    tg.user_taps(uid, f"ob:time:{reminder}")
    await next_matching(tg, uid, has_button("ob:tz:"))
    tg.user_taps(uid, f"ob:tz:{tz}")
    await next_matching(tg, uid, has_button("sess:start"))


def set_clock(bot: BotUnderTest, weekday: int, at: time, tz: str = "Europe/London") -> datetime:
    """Move the bot's clock to the next local ``weekday`` (Monday=0) at ``at``, in the future.

    Keeping the fake "now" ahead of real time keeps every scheduled job in the future,
    so APScheduler never fires one on its own during a test.
    """
    zone = ZoneInfo(tz)
    real = datetime.now(UTC)
    day = real.astimezone(zone).date() + timedelta(days=1)
    while day.weekday() != weekday:
        day += timedelta(days=1)
    target = datetime.combine(day, at, tzinfo=zone).astimezone(UTC)
    bot.clock.offset = target - real
    return target


def local_today(bot: BotUnderTest, tz: str = "Europe/London") -> date:
    return bot.clock.now().astimezone(ZoneInfo(tz)).date()


def rec(day: date, kind: str, **fields: object) -> Record:
    """One stored record on a local date (ts at noon UTC, unique id)."""
    record = {
        "id": f"t{next(_ids)}",
        "kind": kind,
        "date": day.isoformat(),
        "ts": f"{day.isoformat()}T12:{next(_ids) % 60:02d}:00Z",
        "source": "button",
        **fields,
    }
    return record  # type: ignore[return-value]


def routine_day(day: date, pain: int | None = 3, sets: int = 3) -> list[Record]:
    """A day with ``sets`` sets done, the routine finished and a pain score."""
    out = [
        rec(day, "done", exercise="glute_bridge", set=n, reps=10, session=f"s{day}")
        for n in range(1, sets + 1)
    ]
    out.append(rec(day, "routine_complete", session=f"s{day}"))
    if pain is not None:
        out.append(rec(day, "pain", pain=pain, context="after", session=f"s{day}"))
    return out


def store_records(bot: BotUnderTest, uid: int, records: list[Record]) -> None:
    with bot.deps.store.user(uid) as txn:
        for record in records:
            txn.add_record(record)


def files_mentioning(root: Path, *needles: bytes) -> list[str]:
    """Every file or folder under root whose name or bytes (gzip opened) contain a needle."""
    found = []
    for path in root.rglob("*"):
        name = str(path.relative_to(root)).encode()
        content = path.read_bytes() if path.is_file() else b""
        if path.suffix == ".gz" and content:
            content = gzip.decompress(content)
        if any(n in name or n in content for n in needles):
            found.append(name.decode())
    return found
