"""The bot on PostgreSQL, end to end: /forget leaves no row, one poller per database.

These run in every ``make test`` on a throwaway server (``tests/postgres_server.py``);
the rest of tests/e2e runs on PostgreSQL too with ``E2E_BACKEND=postgres``.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import psycopg
import pytest

from bot.chat.fake_telegram import FakeTelegram
from tests.e2e.chaos import ROOT, BotProcess
from tests.e2e.flows import data_of, onboard, until
from tests.harness import BotUnderTest

ADMIN = 900
UID, NAME = 735_911, "Zephyrine"


def rows_mentioning(url: str, *needles: str) -> list[str]:
    """Every table row whose text (JSON included) contains a needle: table names only."""
    found = []
    with psycopg.connect(url) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")]
        for table in tables:
            for (text,) in conn.execute(f"SELECT t::text FROM {table} t"):
                if any(n in text for n in needles):
                    found.append(table)
    return found


async def test_forget_leaves_no_row_behind(tg: FakeTelegram, tmp_path: Path,
                                           database_url: str) -> None:
    bot = BotUnderTest(tg, tmp_path / "data", admin_user_ids=(ADMIN,),
                       database_url=database_url)
    await bot.start()
    try:
        await onboard(tg, UID, time="07:30", name=NAME)
        await onboard(tg, 736_000, name="Stays")
        tg.user_sends(UID, "/ask Is swimming fine?")  # the clinicians' reply map
        await tg.next_message(UID)
        await tg.next_message(ADMIN)
        tg.user_sends(UID, "done")  # a record and a handled update
        await tg.next_message(UID)
        assert set(rows_mentioning(database_url, str(UID), NAME)) >= {
            "patients", "records", "handled_updates", "bot_values"}

        tg.user_sends(UID, "/forget")
        confirm = await until(tg, UID, "fg:yes")
        tg.user_taps(UID, data_of(confirm, "fg:yes"))
        await tg.next_message(UID)
        await asyncio.sleep(0.3)
        assert rows_mentioning(database_url, str(UID), NAME) == []
        assert bot.deps.store.profile(736_000)["first_name"] == "Stays"
        assert not [j for j in bot.job_names() if str(UID) in j]
    finally:
        await bot.stop()


async def run_bot_to_exit(cwd: Path, **env: str) -> tuple[int | None, str]:
    """``python -m bot`` with only ``env`` (and what Python needs): exit status, stderr."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=cwd,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", **env},
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
    _, err = await asyncio.wait_for(proc.communicate(), 60)
    return proc.returncode, err.decode()


async def test_a_second_poller_on_the_same_database_is_refused(
    tg: FakeTelegram, tmp_path: Path, database_url: str
) -> None:
    first = BotProcess(tg, tmp_path / "a", tmp_path / "a.log", DATABASE_URL=database_url)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    await first.start()
    try:
        code, err = await run_bot_to_exit(
            tmp_path, TELEGRAM_BOT_TOKEN=tg.token, TELEGRAM_BASE_URL=tg.base_url,
            BOT_DATA_DIR=str(tmp_path / "b"), WEB_PORT="0", DATABASE_URL=database_url)
        assert code == 2
        assert "another instance already polls" in err
        assert first.proc is not None and first.proc.returncode is None
    finally:
        assert await first.stop() == 0
    # Its lock goes with it: the next instance polls.
    third = BotProcess(tg, tmp_path / "b", tmp_path / "b.log", DATABASE_URL=database_url)
    await third.start()
    assert await third.stop() == 0


@pytest.mark.parametrize("url", ["mysql://x@y/z", "postgresql://postgres@127.0.0.1:1/none"])
async def test_a_bad_database_url_is_a_clear_error(tmp_path: Path, url: str) -> None:
    code, text = await run_bot_to_exit(tmp_path, TELEGRAM_BOT_TOKEN="123:abc",
                                       BOT_DATA_DIR=str(tmp_path / "d"), DATABASE_URL=url)
    assert code == 2
    assert "DATABASE_URL" in text or "database" in text
    assert "Traceback" not in text
