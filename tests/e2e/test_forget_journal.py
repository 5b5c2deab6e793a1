"""End to end: /forget as a journal of intent, finished even after a crash or on a full disk.

"Everything" is: the hot file, the archives, cached files, the heads index, the
patient's entries in the clinicians' reply map (bot.json), their jobs, and the copies
of messages about them in the clinicians' chats that Telegram still lets the bot delete
(under 48 hours old); the patient is told plainly what could not be deleted.
"""

from __future__ import annotations

import asyncio
import errno
import shutil
from collections.abc import AsyncIterator
from datetime import time, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.chat.fake_telegram import FakeTelegram
from tests.e2e.helpers import (
    data_of,
    files_mentioning,
    local_today,
    next_matching,
    onboard,
    routine_day,
    set_clock,
    store_records,
)
from tests.e2e.test_disk_trouble import BrokenDisk
from tests.harness import BotUnderTest

UID, NAME = 735912, "Zephyrine"
OTHER = 736001
ADMIN = 900


class Crash(BaseException):
    """The process dying mid-step: no ``except Exception`` anywhere catches it."""


def traces(data_dir: Path) -> list[str]:
    return files_mentioning(data_dir, str(UID).encode(), NAME.encode())


def jobs_of(bot: BotUnderTest, uid: int) -> list[str]:
    return [j for j in bot.job_names() if j.split(":")[1:2] == [str(uid)]]


async def with_history(tg: FakeTelegram, bot: BotUnderTest) -> None:
    """A patient with archives, a cached file, a reminder and a question to the clinic;
    and another patient who stays."""
    set_clock(bot, 2, time(12, 0))  # Wednesday noon: no midnight mid-test
    await onboard(tg, UID, NAME, reminder="07:30")
    await onboard(tg, OTHER, "Other")
    today = local_today(bot)
    store_records(bot, UID, [*routine_day(today - timedelta(days=15)), *routine_day(today)])
    assert bot.deps.store.archive_old_records(UID, today) > 0
    (bot.deps.store.user_cache_dir(UID) / "chart.png").write_bytes(b"png of " + NAME.encode())
    tg.user_sends(UID, "/ask Is swimming fine?")  # the clinicians' reply map: bot.json
    await tg.next_message(UID)
    await tg.next_message(ADMIN)
    found = traces(bot.data_dir)
    assert any("users" in f for f in found) and any("archive" in f for f in found)
    assert "bot.json" in found
    assert f"reminder:{UID}:0730" in jobs_of(bot, UID)


async def ask_to_forget(tg: FakeTelegram) -> tuple[str, int]:
    tg.user_sends(UID, "/forget")
    ask = await next_matching(tg, UID, lambda m: any(d.startswith("fg:yes") for d in data_of(m)))
    return next(d for d in data_of(ask) if d.startswith("fg:yes")), ask.message_id


@pytest.fixture
async def clinic_bot(tg: FakeTelegram, tmp_path: Path) -> AsyncIterator[BotUnderTest]:
    bot = BotUnderTest(tg, tmp_path / "data", admin_user_ids=(ADMIN,))
    await bot.start()
    try:
        yield bot
    finally:
        await bot.stop()


@pytest.mark.embedded_only
async def test_a_forget_cut_short_after_its_marker_is_finished_at_start_up(
    tg: FakeTelegram, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    data_dir = tmp_path / "data"
    first = BotUnderTest(tg, data_dir, admin_user_ids=(ADMIN,))
    await first.start()
    await with_history(tg, first)
    yes, ask_id = await ask_to_forget(tg)

    archives = first.deps.store.user_archive_dir(UID)
    real_rmtree = shutil.rmtree

    def dies_at_the_archives(path: Any, *args: Any, **kwargs: Any) -> None:
        if Path(path) == archives:
            raise Crash
        real_rmtree(path, *args, **kwargs)

    monkeypatch.setattr(shutil, "rmtree", dies_at_the_archives)
    tg.user_taps(UID, yes, message_id=ask_id)
    assert first._task is not None
    with pytest.raises(Crash):  # the process is gone, the tap unconfirmed
        await asyncio.wait_for(first._task, 15)
    monkeypatch.setattr(shutil, "rmtree", real_rmtree)
    assert archives.is_dir(), "the crash came before the archives were deleted"

    # A new process, an hour later: the redelivered tap is too old to delete anything,
    # so only the journal can finish what the first process began.
    second = BotUnderTest(tg, data_dir, admin_user_ids=(ADMIN,))
    second.clock.offset = first.clock.offset + timedelta(hours=1)
    await second.start()
    try:
        assert traces(data_dir) == []
        assert jobs_of(second, UID) == []
        assert not second.deps.store.exists(UID)
        assert second.deps.store.records(UID) == []
        told = [m.text or "" for m in tg.sent(UID)[-3:]]
        assert any("deleted" in t for t in told), told
        assert second.deps.store.profile(OTHER)["first_name"] == "Other"
        assert f"weekly:{OTHER}" in second.job_names()
        await second.restart()  # and nothing comes back
        assert traces(data_dir) == []
    finally:
        await second.stop()


async def test_forget_deletes_the_clinician_copies_it_still_may_and_says_which_it_could_not(
    tg: FakeTelegram, clinic_bot: BotUnderTest
):
    bot = clinic_bot
    set_clock(bot, 2, time(12, 0))
    await onboard(tg, UID, NAME)
    flag = tg.user_sends(UID, "sharp pain and numbness after a fall")
    await tg.next_message(UID)
    old_alert = await tg.next_message(ADMIN)
    await tg.wait_for(lambda: tg.confirmed_offset > flag, what="the red flag handled")
    assert NAME in (old_alert.text or "")
    bot.clock.advance(timedelta(hours=49))  # Telegram no longer lets a bot delete it
    tg.user_sends(UID, "/ask Can I swim with this?")
    await tg.next_message(UID)
    recent = await tg.next_message(ADMIN)
    assert NAME in (recent.text or "")

    yes, ask_id = await ask_to_forget(tg)
    tap = tg.user_taps(UID, yes, message_id=ask_id)
    done = await tg.next_message(UID)
    await tg.wait_for(lambda: tg.confirmed_offset > tap, what="the tap handled")
    assert done.text is not None and "deleted" in done.text

    assert tg.message(ADMIN, recent.message_id).deleted
    assert not tg.message(ADMIN, old_alert.message_id).deleted
    tried = [c.params.get("message_id") for c in tg.calls_to("deleteMessage")]
    assert tried == [recent.message_id]  # the older copy is not even tried
    told = " ".join(m.text or "" for m in tg.sent(UID)[-2:])
    assert "1 older message" in told and "48 hours" in told, told
    assert traces(bot.data_dir) == []


@pytest.mark.embedded_only
async def test_forget_on_a_full_disk_still_deletes_and_says_what_is_left(
    tg: FakeTelegram, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    data_dir = tmp_path / "data"
    disk = BrokenDisk(data_dir)
    disk.install(monkeypatch)
    bot = BotUnderTest(tg, data_dir, admin_user_ids=(ADMIN,))
    await bot.start()
    try:
        await with_history(tg, bot)
        archives = bot.deps.store.user_archive_dir(UID)
        yes, ask_id = await ask_to_forget(tg)
        with disk.failing(errno.ENOSPC):
            tg.user_taps(UID, yes, message_id=ask_id)
            reply = await tg.next_message(UID)
            assert not bot.deps.store.user_path(UID).exists()
            assert not archives.exists()
            assert bot.deps.store.records(UID) == []
            assert jobs_of(bot, UID) == []
            assert reply.text is not None and "deleted" in reply.text, reply.text
            assert "couldn't" in reply.text  # honest: the reply map is not cleaned yet
            assert "couldn't save" not in reply.text
        # bot.json (the reply map) could not be rewritten; it is once the disk is back.
        await bot.restart()
        assert traces(data_dir) == []
    finally:
        await bot.stop()


@pytest.mark.embedded_only
async def test_no_to_consent_after_consenting_forgets_everything(
    tg: FakeTelegram, clinic_bot: BotUnderTest
):
    bot = clinic_bot
    tg.user_sends(UID, "/start", first_name=NAME)
    consent = await next_matching(
        tg, UID, lambda m: any(d == "ob:consent:yes" for d in data_of(m)))
    tg.user_taps(UID, "ob:consent:yes", message_id=consent.message_id)
    await next_matching(tg, UID, lambda m: any(d.startswith("ob:time:") for d in data_of(m)))
    tg.user_sends(UID, "/ask Is swimming fine?")  # asked before finishing set-up
    await tg.next_message(UID)
    copy = await tg.next_message(ADMIN)
    assert "bot.json" in traces(bot.data_dir)

    tap = tg.user_taps(UID, "ob:consent:no", message_id=consent.message_id)
    reply = await tg.next_message(UID)
    await tg.wait_for(lambda: tg.confirmed_offset > tap, what="the tap handled")
    assert reply.text is not None and "won't store anything" in reply.text
    assert traces(bot.data_dir) == []
    assert tg.message(ADMIN, copy.message_id).deleted
