"""A damaged file is that patient's problem, not everyone's: quarantined, reported, served on.

A truncated monthly archive used to raise gzip's EOFError in the housekeeping after a
reply, which ended the process (and again after every restart). Now the damaged file
is moved aside to ``quarantine/`` (kept, never deleted), the log says so without
personal data, the patient is told once in plain words, and everyone else is served.
"""

from __future__ import annotations

import gzip
from datetime import UTC, datetime, time, timedelta
from pathlib import Path

import pytest

from bot.chat.fake_telegram import FakeTelegram
from bot.domain.profiles import new_profile
from bot.storage import HOT_MAX_RECORDS, Store, encode_archive
from tests.e2e.chaos import BotProcess
from tests.e2e.flows import onboard
from tests.e2e.helpers import local_today, rec, routine_day, set_clock, store_records
from tests.harness import BotUnderTest

pytestmark = pytest.mark.embedded_only  # damaged and full files: the embedded store's

DAMAGED, WELL = 951, 952
NOTICE = "damaged"


async def exchange(tg: FakeTelegram, uid: int, text: str, timeout: float = 15) -> list[str]:
    """Send ``text`` as ``uid``; once the bot has handled it, the texts it sent back."""
    start = len(tg.sent(uid))
    update_id = tg.user_sends(uid, text)
    await tg.wait_for(lambda: tg.confirmed_offset > update_id, timeout, f"update {update_id}")
    return [m.text or m.method for m in tg.sent(uid)[start:]]


def quarantined(data_dir: Path) -> list[Path]:
    folder = data_dir / "quarantine"
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.exists() else []


def damage(path: Path) -> bytes:
    """Cut a file in half, as a full disk or a bad copy would; returns what is left."""
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2])
    return path.read_bytes()


def seed(data_dir: Path) -> tuple[Path, bytes]:
    """DAMAGED: a full hot file of records from ten days ago and a damaged archive of
    their month; WELL: an ordinary patient. Returns the archive and its damaged bytes."""
    store = Store(data_dir)
    now = datetime.now(UTC)
    old = now.date() - timedelta(days=10)
    for uid in (DAMAGED, WELL):
        profile = new_profile(uid, "Pat", None, now, "UTC")
        profile.update(stage="done", tz="UTC")
        with store.user(uid) as txn:
            txn.set("profile", profile)
    with store.user(DAMAGED) as txn:
        for _ in range(HOT_MAX_RECORDS):
            txn.add_record(rec(old, "pain", pain=2, context="check-in"))
    archive = store.user_archive_dir(DAMAGED) / f"{old.isoformat()[:7]}.json.gz"
    archive.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    archive.write_bytes(encode_archive([rec(old - timedelta(days=1), "pain", pain=3)]))
    return archive, damage(archive)


async def test_a_damaged_archive_does_not_stop_the_bot(tmp_path: Path):
    data_dir = tmp_path / "data"
    archive, damaged_bytes = seed(data_dir)
    async with FakeTelegram() as tg:
        bot = BotProcess(tg, data_dir, tmp_path / "bot.log")
        await bot.start()
        try:
            # The patient's next write takes the hot file past the archive threshold;
            # moving the old records out meets the damaged archive after the reply.
            assert await exchange(tg, DAMAGED, "pain 3")
            served = await exchange(tg, WELL, "pain 2")  # everyone else is still served
            assert served and not any(NOTICE in t for t in served), served
            assert bot.proc is not None and bot.proc.returncode is None, bot.log()[-3000:]

            assert [p.read_bytes() for p in quarantined(data_dir)] == [damaged_bytes]
            moved = gzip.decompress(archive.read_bytes())  # a fresh, readable archive
            assert moved.count(b'"pain":2') == HOT_MAX_RECORDS

            told = await exchange(tg, DAMAGED, "pain 2")  # told once, plainly, next time
            assert sum(NOTICE in t for t in told) == 1, told
            again = await exchange(tg, DAMAGED, "pain 1")
            assert again and not any(NOTICE in t for t in again), again
        finally:
            code = await bot.stop()
    assert code == 0, bot.log()[-3000:]
    lines = [line for line in bot.log().splitlines() if "quarantine" in line.lower()]
    assert lines, bot.log()[-3000:]
    assert not [line for line in lines if str(DAMAGED) in line]  # no personal data


async def test_progress_with_a_damaged_archive_still_answers(tg: FakeTelegram, bot: BotUnderTest):
    set_clock(bot, 2, time(12, 0))
    await onboard(tg, DAMAGED)
    today = local_today(bot)
    store_records(bot, DAMAGED, [*routine_day(today - timedelta(days=20)),
                                 *routine_day(today)])
    store = bot.deps.store
    assert store.archive_old_records(DAMAGED, today) > 0
    (archive,) = store.archive_files(DAMAGED)
    damaged_bytes = damage(archive)

    texts = await exchange(tg, DAMAGED, "/progress")
    assert not any("went wrong on my side" in t for t in texts), texts
    assert any(NOTICE in t for t in texts), texts
    assert [p.read_bytes() for p in quarantined(bot.data_dir)] == [damaged_bytes]
    assert [r["date"] for r in store.records(DAMAGED)] == [today.isoformat()] * 5


async def test_a_damaged_hot_file_is_quarantined_and_the_patient_told(
    tg: FakeTelegram, bot: BotUnderTest
):
    await onboard(tg, DAMAGED)
    await onboard(tg, WELL)
    await bot.stop()
    damaged_bytes = damage(bot.deps.store.user_path(DAMAGED))
    await bot.start()

    texts = await exchange(tg, DAMAGED, "pain 3")
    assert sum(NOTICE in t and "/start" in t for t in texts) == 1, texts
    assert not any("went wrong on my side" in t for t in texts), texts
    assert [p.read_bytes() for p in quarantined(bot.data_dir)] == [damaged_bytes]
    assert await exchange(tg, WELL, "pain 2")
    assert bot.deps.store.profile(WELL)["first_name"] == "Pat"


@pytest.mark.embedded_only
async def test_a_journal_without_its_hot_file_is_set_aside_and_the_patient_told(
    tg: FakeTelegram, bot: BotUnderTest
):
    """After a crash the hot file is gone but its journal is there (a restore of part
    of a backup, a hand edit): the lines alone are no patient, so they are set aside and
    the patient is asked to set up again, as for a damaged hot file."""
    await onboard(tg, DAMAGED)
    await onboard(tg, WELL)
    await exchange(tg, DAMAGED, "done")
    journal = bot.deps.store.journal_path(DAMAGED)
    lines = journal.read_bytes()
    assert lines, "the reply was a journal line"
    await bot.stop()  # a clean stop folds it: put back what a crash would have left
    bot.deps.store.user_path(DAMAGED).unlink()
    journal.write_bytes(lines)
    await bot.start()

    texts = await exchange(tg, DAMAGED, "pain 3")
    assert sum(NOTICE in t and "/start" in t for t in texts) == 1, texts
    assert [p.read_bytes() for p in quarantined(bot.data_dir)] == [lines]
    assert not journal.exists()
    assert await exchange(tg, WELL, "pain 2")
    assert bot.deps.store.profile(WELL)["first_name"] == "Pat"
