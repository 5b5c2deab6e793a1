"""Telegram refuses the token: the real process says so in one line, exits non-zero, and
the token appears nowhere in what it printed (PTB puts it in ``InvalidToken``'s text)."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest

from bot.chat.fake_telegram import FakeTelegram
from tests.e2e.webhook_bot import WebhookBot

ROOT = Path(__file__).resolve().parents[2]
ACCEPTED = "1111111111:" + "AAaccepted_token_of_the_fake_server_xyz"  # fake; split for scanners
# Token-shaped (the pattern redactor knows it), and odd-shaped (only the exact secret does).
REJECTED = {
    "token-shaped": "5550001234:" + "AAErejected_Token-Value_that_must_never_leak",
    "odd-shaped": "77:" + "odd-Rejected_token_value_QX7",
}
MESSAGE = "Telegram refused the bot token (check TELEGRAM_BOT_TOKEN)"


def assert_not_leaked(output: str, token: str) -> None:
    secret = token.split(":", 1)[1]
    for part in (token, secret, secret[:12]):
        assert part not in output, f"the token is in the output:\n{output[-1500:]}"


@pytest.mark.parametrize("token", list(REJECTED.values()), ids=list(REJECTED))
async def test_polling_process_refused_token_one_line_no_token(tmp_path: Path, token: str):
    data_dir = tmp_path / "data"
    async with FakeTelegram(token=ACCEPTED) as tg:
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("TELEGRAM_", "BOT_", "WEBHOOK_", "LOG_"))}
        env.update({
            "TELEGRAM_BOT_TOKEN": token, "TELEGRAM_BASE_URL": tg.base_url,
            "BOT_DATA_DIR": str(data_dir), "LOG_LEVEL": "DEBUG", "PYTHONPATH": str(ROOT),
            "PYTHONUNBUFFERED": "1",
        })
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", cwd=tmp_path, env=env,
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
        )
        out, err = await asyncio.wait_for(proc.communicate(), 60)
        assert tg.calls_to("getMe"), "the bot really asked Telegram"
        assert all(c.status == 401 for c in tg.calls_to("getMe"))
    stdout, stderr = out.decode(), err.decode()
    assert_not_leaked(stdout + stderr, token)
    assert proc.returncode not in (0, None), stderr[-3000:]
    assert MESSAGE in stderr, stderr[-3000:]
    assert "Traceback" not in stderr, stderr[-3000:]
    assert not tg.calls_to("getUpdates"), "it stopped rather than polling on"


async def test_webhook_process_refused_token_one_line_no_token(tmp_path: Path):
    token = REJECTED["odd-shaped"]
    async with FakeTelegram(token=ACCEPTED) as tg:
        bot = WebhookBot(tg, tmp_path / "data", tmp_path / "bot.log", token=token,
                         LOG_LEVEL="DEBUG")
        proc = await bot.spawn()
        code = await asyncio.wait_for(proc.wait(), 60)
        await bot.stop()
        assert tg.calls_to("getMe")
        assert not tg.calls_to("setWebhook")
    output = bot.log()
    assert_not_leaked(output, token)
    assert code != 0, output[-3000:]
    assert MESSAGE in output, output[-3000:]
    assert "Traceback" not in output, output[-3000:]
