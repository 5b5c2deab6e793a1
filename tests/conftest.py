"""Shared fixtures: a fake Bot API server and the real bot running against it."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.chat.fake_telegram import FakeTelegram
from tests.harness import BotUnderTest
from tests.postgres_server import PostgresServer, PostgresUnavailable


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


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL server for the whole run (started on first use).

    Without PostgreSQL's binaries the tests that need it skip, except under ``CI=true``,
    where that is a failure (``make test`` installs Debian's ``postgresql``).
    """
    try:
        server = PostgresServer().start()
    except PostgresUnavailable as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is needed in CI: {exc}")
        pytest.skip(str(exc))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def database_url(postgres_server: PostgresServer) -> str:
    """A fresh, empty database on the test server, for one test."""
    return postgres_server.create_database()
