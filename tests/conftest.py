"""Shared fixtures: a fake Bot API server and the real bot running against it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.chat.fake_telegram import FakeTelegram
from tests.harness import BotUnderTest


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram() as server:
        yield server


@pytest.fixture
async def bot(tg: FakeTelegram, tmp_path: Path) -> AsyncIterator[BotUnderTest]:
    under_test = BotUnderTest(tg, tmp_path / "data", admin_user_ids=(900,))
    await under_test.start()
    try:
        yield under_test
    finally:
        await under_test.stop()
