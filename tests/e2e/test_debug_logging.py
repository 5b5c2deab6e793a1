"""LOG_LEVEL=DEBUG in the real process: our own debug lines, but no personal data.

python-telegram-bot logs every update it processes and every Bot API call with its
parameters and answer at DEBUG: names, usernames, ids and what people wrote. Those
loggers stay at INFO unless LOG_THIRD_PARTY_DEBUG=1 asks for them.
"""

from __future__ import annotations

import re

import aiohttp

from bot.chat.fake_telegram import FakeTelegram
from tests.e2e.chaos import BotProcess
from tests.e2e.flows import onboard
from tests.e2e.webhook_bot import WebhookBot, text_update

NAME = "Zebulonia"
HANDLE = "zebulonia_private_handle"
TEXT = "Quokkaberry gardening made my hip ache"
UID = 73_510_042


def assert_no_personal_data(log: str) -> None:
    for private in (NAME, HANDLE, "Quokkaberry"):
        assert private not in log, f"{private!r} is in the DEBUG log"
    assert re.search(r" DEBUG bot\.transport\.", log), "the log really was at DEBUG"


async def test_debug_log_of_polling_bot_has_no_names_or_text(tmp_path):
    async with FakeTelegram() as tg:
        bot = BotProcess(tg, tmp_path / "data", tmp_path / "bot.log", LOG_LEVEL="DEBUG")
        await bot.start()
        try:
            await onboard(tg, UID, name=NAME)
            tg.user_sends(UID, TEXT, first_name=NAME, username=HANDLE)
            reply = await tg.next_message(UID, timeout=15)
            assert reply.text
        finally:
            code = await bot.stop()
    assert code == 0, bot.log()[-3000:]
    assert_no_personal_data(bot.log())


async def test_debug_log_of_webhook_bot_has_no_names_or_text(tmp_path):
    async with FakeTelegram() as tg, aiohttp.ClientSession() as session:
        bot = WebhookBot(tg, tmp_path / "data", tmp_path / "bot.log", LOG_LEVEL="DEBUG")
        await bot.start()
        try:
            for n, text in enumerate(("/start", TEXT)):
                body = text_update(9100 + n, UID, text, first_name=NAME, username=HANDLE)
                assert await bot.post(session, body) == 200
                assert (await tg.next_message(UID, timeout=15)).text
        finally:
            code = await bot.stop()
    assert code == 0, bot.log()[-3000:]
    assert_no_personal_data(bot.log())
