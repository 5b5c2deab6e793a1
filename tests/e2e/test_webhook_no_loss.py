"""Webhook mode, SIGKILL under load: every update the bot answered with 200 is on disk.

Telegram forgets an update once the webhook answered 200 and sends it again otherwise.
So 200 may only come after the update was handled and its record written. The test
plays Telegram: it posts 40 "pain N" messages from four patients at once, kills the
process with SIGKILL after some were answered, checks that every answered one is stored,
then restarts the bot and posts again what was not answered (as Telegram would), twice.
A third kill lands while a reply is on its way (the fake holds ``sendMessage``): that
update is stored but unanswered, so Telegram sends it again and the bot must not store
it twice. Finally each update's record must be on disk exactly once.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

import aiohttp

from bot.chat.fake_telegram import FakeTelegram
from bot.domain.profiles import new_profile
from tests.e2e.chaos import open_store, raw_events
from tests.e2e.webhook_bot import WebhookBot, text_update

USERS = (7101, 7102, 7103, 7104)
UPDATES = 40
FIRST_ID = 880_000


def seed(data_dir: Path) -> None:
    """Onboarded, consenting patients (no routine running): "pain N" stores one record."""
    store = open_store(data_dir)
    now = datetime.now(UTC)
    for uid in USERS:
        profile = new_profile(uid, "Pat", None, now, "UTC")
        profile.update(stage="done", tz="UTC")
        with store.user(uid) as txn:
            txn.set("profile", profile)
    store.close()


def user_of(update_id: int) -> int:
    return USERS[(update_id - FIRST_ID) % len(USERS)]


def pain_of(update_id: int) -> int:
    return (update_id - FIRST_ID) % 6  # 0-5: noted, no red-flag questions


def stored(data_dir: Path) -> Counter[str]:
    """How many times each record id is in the patients' hot files."""
    return Counter(e["id"] for uid in USERS for e in raw_events(data_dir, uid)
                   if e["kind"] == "pain")


def assert_acked_are_stored(data_dir: Path, acked: set[int]) -> None:
    on_disk = stored(data_dir)
    missing = sorted(uid for uid in acked if on_disk[f"u{uid}"] == 0)
    assert not missing, f"{len(missing)} of {len(acked)} answered updates not stored: {missing}"
    assert all(n == 1 for n in on_disk.values()), {k: n for k, n in on_disk.items() if n > 1}


async def deliver(bot: WebhookBot, session: aiohttp.ClientSession, ids: list[int],
                  acked: set[int], kill_after: int | None) -> None:
    """Post ``ids`` all at once; SIGKILL the bot once ``kill_after`` more were answered."""
    enough = asyncio.Event()
    before = len(acked)

    async def one(update_id: int) -> None:
        body = text_update(update_id, user_of(update_id), f"pain {pain_of(update_id)}")
        if await bot.post(session, body) == 200:
            acked.add(update_id)
            if kill_after is not None and len(acked) - before >= kill_after:
                enough.set()

    async def post_all() -> None:
        await asyncio.gather(*(one(i) for i in ids))

    async def wait_enough() -> None:
        await enough.wait()

    posts = asyncio.ensure_future(post_all())
    if kill_after is None:
        await asyncio.wait_for(posts, 60)
        return
    waiter = asyncio.ensure_future(wait_enough())
    await asyncio.wait({waiter, posts}, timeout=60, return_when=asyncio.FIRST_COMPLETED)
    waiter.cancel()
    await bot.kill()
    await asyncio.wait_for(posts, 60)


async def test_sigkill_in_webhook_mode_loses_no_answered_update(tmp_path: Path):
    data_dir = tmp_path / "data"
    seed(data_dir)
    ids = list(range(FIRST_ID, FIRST_ID + UPDATES))
    acked: set[int] = set()
    async with FakeTelegram() as tg, aiohttp.ClientSession() as session:
        bot = WebhookBot(tg, data_dir, tmp_path / "bot.log")
        for kill_after in (8, 8):
            await bot.start()
            await deliver(bot, session, [i for i in ids if i not in acked], acked, kill_after)
            assert len(acked) < UPDATES, "the kill came after everything was answered"
            assert_acked_are_stored(data_dir, acked)
        # Killed between the write and the answer: stored, not answered.
        tg.faults.slow("sendMessage", 60)
        await bot.start()
        replies = len(tg.calls_to("sendMessage"))
        answered = set(acked)
        # An update the second kill left stored but unanswered is answered at once when it
        # comes again (already handled, no reply to wait for); no other may be.
        handled_before = {int(k[1:]) for k in stored(data_dir)}
        posts = asyncio.ensure_future(deliver(bot, session, [i for i in ids if i not in acked],
                                              acked, None))
        await tg.wait_for(lambda: len(tg.calls_to("sendMessage")) > replies, timeout=30,
                          what="a reply on its way")
        await bot.kill()
        await posts
        assert acked - answered <= handled_before - answered, "answered while its reply hung"
        unanswered = {int(k[1:]) for k in stored(data_dir)} - acked
        assert unanswered, "an update was stored and not answered"
        assert_acked_are_stored(data_dir, acked)
        tg.faults.slow("sendMessage", 0)
        # Telegram keeps sending what was not answered until it is.
        await bot.start()
        await deliver(bot, session, [i for i in ids if i not in acked], acked, None)
        assert await bot.stop() == 0, bot.log()[-3000:]

    assert acked == set(ids)
    assert_acked_are_stored(data_dir, acked)
    for uid in USERS:
        pains = {e["id"]: e["pain"] for e in raw_events(data_dir, uid) if e["kind"] == "pain"}
        assert pains == {f"u{i}": pain_of(i) for i in ids if user_of(i) == uid}
    log = bot.log()
    assert "Traceback" not in log, log[-3000:]
    for update_id in unanswered:
        assert f"Update {update_id} was already handled; skipped" in log
