"""Shared fixtures: a fake Bot API server and the real bot running against it."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.chat.fake_telegram import FakeTelegram
from bot.content import DEFAULT_CONTENT_DIR, load_content
from bot.semantics.sentence_encoder import load_encoder
from bot.semantics.vector_cache import CachedEncoder
from tests.harness import BotUnderTest
from tests.postgres_server import PostgresServer, PostgresUnavailable

#: The FAQ examples' vectors between test runs (the bot keeps them in its data folder,
#: which is new for every test): a clean checkout encodes them once per worker.
FAQ_VECTORS = Path(__file__).resolve().parents[1] / ".pytest_cache" / "faq-vectors.npz"


@pytest.fixture(scope="session", autouse=True)
def _faq_vectors_once() -> None:
    """Encode the content's FAQ askings once per test process (about 8 s without the
    file), so that a bot under test answers its first everyday question at once: every
    application in the process then finds them in the encoder's memory."""
    encoder = load_encoder()
    if encoder is not None:
        content = load_content(DEFAULT_CONTENT_DIR)
        CachedEncoder(encoder, FAQ_VECTORS).encode_all(
            [text for e in content.faq.values() for text in (e.title, *e.askings)])


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
