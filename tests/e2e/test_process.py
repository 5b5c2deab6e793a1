"""The real process: `python -m bot` against the fake Bot API, logs, signals, restarts."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

from bot.chat.fake_telegram import FakeTelegram
from tests.e2e.flows import onboard

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "987654321:" + "AAsecret_token_that_must_never_be_logged_x"  # fake; split for scanners


async def start_bot(tg: FakeTelegram, data_dir: Path, **extra: str) -> asyncio.subprocess.Process:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    env.update({
        "TELEGRAM_BOT_TOKEN": tg.token, "TELEGRAM_BASE_URL": tg.base_url,
        "BOT_DATA_DIR": str(data_dir), "LOG_LEVEL": "DEBUG", "PYTHONPATH": str(ROOT),
        "PYTHONUNBUFFERED": "1", **extra,
    })
    calls_before = len(tg.calls_to("getUpdates"))
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=data_dir.parent, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    # Start-up (imports, content, storage) can be slow on a busy machine: wait for polling.
    await tg.wait_for(lambda: len(tg.calls_to("getUpdates")) > calls_before, timeout=60,
                      what="the bot process to start polling")
    return proc


async def stop_bot(proc: asyncio.subprocess.Process) -> tuple[int, str]:
    proc.send_signal(signal.SIGTERM)
    _, err = await asyncio.wait_for(proc.communicate(), 30)
    return proc.returncode or 0, err.decode()


async def test_debug_log_of_whole_onboarding_never_contains_token(tmp_path: Path):
    async with FakeTelegram(token=TOKEN) as tg:
        proc = await start_bot(tg, tmp_path / "data")
        try:
            await onboard(tg, 42, time="07:30", zone="Europe/Berlin")
            tg.user_sends(42, "/help")
            await tg.next_message(42, timeout=10)
        finally:
            code, log = await stop_bot(proc)
    assert code == 0, log[-2000:]
    assert "DEBUG" in log and "getUpdates" in log, "the log was really captured at DEBUG"
    assert TOKEN not in log
    assert TOKEN.split(":")[1] not in log
    assert "Stopped cleanly" in log


async def test_user_survives_a_real_process_restart(tmp_path: Path):
    async with FakeTelegram(token=TOKEN) as tg:
        proc = await start_bot(tg, tmp_path / "data")
        try:
            await onboard(tg, 42, time="07:30")
        finally:
            await stop_bot(proc)
        proc = await start_bot(tg, tmp_path / "data")
        try:
            tg.user_sends(42, "/reminders")
            reply = await tg.next_message(42, timeout=15)
            while "Next one" not in (reply.text or ""):  # a caught-up reminder may come first
                reply = await tg.next_message(42, timeout=15)
        finally:
            code, log = await stop_bot(proc)
    assert "07:30" in reply.text
    assert "Scheduled 1 reminder jobs" in log
    assert code == 0
