"""Two (or more) bot instances in webhook mode on one PostgreSQL database, and Telegram's
side of it: posting each patient's updates in order through a front door, again until
answered with 200, as Telegram does.

The front door is whatever the test gives: nginx with the deployment's configuration
(``tests/deploy``), or ``FailoverDoor``, which tries the instances in turn (what
nginx's ``proxy_next_upstream`` does) when nginx is not installed.
"""

from __future__ import annotations

import asyncio
import random
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp

from bot.chat.fake_telegram import FakeTelegram
from bot.domain.profiles import new_profile
from tests.e2e.chaos import open_store
from tests.e2e.webhook_bot import SECRET, WebhookBot, text_update

Post = Callable[[aiohttp.ClientSession, dict[str, object]], Awaitable[int | None]]


def seed_fleet_patients(data_dir: Path, uids: Sequence[int]) -> str:
    """Consenting patients whose reminder fell due 5 minutes ago (caught up at start-up,
    by every instance at once); returns the slot."""
    now = datetime.now(UTC)
    slot = (now - timedelta(minutes=5)).strftime("%H:%M")
    store = open_store(data_dir)
    try:
        for uid in uids:
            profile = new_profile(uid, "Pat", None, now - timedelta(days=3), "UTC")
            profile.update(stage="done", tz="UTC", reminder_times=[slot])
            with store.user(uid) as txn:
                txn.set("profile", profile)
    finally:
        store.close()
    return slot


class FailoverDoor:
    """Post to the instances in turn, moving on when one refuses or is gone."""

    def __init__(self, bots: Sequence[WebhookBot]) -> None:
        self.bots = list(bots)
        self.turn = 0

    async def post(self, session: aiohttp.ClientSession, body: dict[str, object]
                   ) -> int | None:
        for _ in range(len(self.bots)):
            bot = self.bots[self.turn % len(self.bots)]
            self.turn += 1
            status = await bot.post(session, body)
            if status == 200:
                return status
        return None


async def post_url(session: aiohttp.ClientSession, url: str, body: dict[str, object],
                   *, ssl: object = None) -> int | None:
    """One post as Telegram makes it, to ``url`` (nginx's address)."""
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    try:
        async with session.post(url, json=body, headers=headers, ssl=ssl,  # type: ignore[arg-type]
                                timeout=aiohttp.ClientTimeout(total=30)) as response:
            await response.read()
            return response.status
    except (TimeoutError, aiohttp.ClientError, OSError):
        return None


@dataclass
class Load:
    """Each patient's "pain N" messages, sent in order, each until answered."""

    uids: Sequence[int]
    per_patient: int
    first_id: int = 500_000
    sent: dict[int, list[int]] = field(default_factory=dict)  # uid -> update ids in order
    attempts: int = 0

    def update_ids(self, uid_index: int) -> list[int]:
        return [self.first_id + i * len(self.uids) + uid_index for i in range(self.per_patient)]

    async def run(self, session: aiohttp.ClientSession, post: Post,
                  rng: random.Random) -> None:
        async def patient(index: int, uid: int) -> None:
            for update_id in self.update_ids(index):
                body = text_update(update_id, uid, f"pain {1 + update_id % 4}")
                while True:
                    self.attempts += 1
                    if await post(session, body) == 200:
                        break
                    await asyncio.sleep(0.2)  # Telegram tries again a little later
                self.sent.setdefault(uid, []).append(update_id)
                await asyncio.sleep(rng.random() * 0.05)

        await asyncio.gather(*(patient(i, uid) for i, uid in enumerate(self.uids)))


def reminders_received(tg: FakeTelegram, uid: int) -> int:
    """Reminder messages the patient got (the ones with the Snooze buttons)."""
    return sum(1 for msg in tg.sent(uid)
               if any(d.startswith("rem:snooze:") for _, d in msg.buttons))
