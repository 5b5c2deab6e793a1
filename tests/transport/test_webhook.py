"""The webhook's answer to Telegram, over real HTTP against a stand-in application.

200 only once the update was handled; 403 without the secret; 400 for what is not an
update; 500 (Telegram sends it again) when dispatch failed; one update at a time, in
the order they arrived.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from bot.transport.webhook import HANDLER, SECRET_HEADER, make_web_app
from tests.e2e.webhook_bot import text_update

SECRET = "s3cret_for-unit_tests"


class StandIn:
    """What the webhook uses of a PTB Application: ``bot``, ``bot_data``, ``process_update``."""

    def __init__(self) -> None:
        self.bot = None
        self.bot_data: dict[str, Any] = {}
        self.handled: list[int] = []
        self.running = 0
        self.most_at_once = 0
        self.step: Callable[[int], Awaitable[None]] | None = None

    async def process_update(self, update: Any) -> None:
        self.running += 1
        self.most_at_once = max(self.most_at_once, self.running)
        try:
            if self.step is not None:
                await self.step(update.update_id)
            await asyncio.sleep(0)
            self.handled.append(update.update_id)
        finally:
            self.running -= 1


@pytest.fixture
async def served() -> AsyncIterator[tuple[StandIn, str, aiohttp.ClientSession]]:
    app = StandIn()
    web_app = make_web_app(app, "hook/path", SECRET)  # type: ignore[arg-type]
    app.bot_data["web_app"] = web_app
    server = TestServer(web_app)
    await server.start_server()
    async with aiohttp.ClientSession() as session:
        yield app, str(server.make_url("/hook/path")), session
    await server.close()


async def post(session: aiohttp.ClientSession, url: str, body: Any, *,
               secret: str | None = SECRET, raw: bytes | None = None) -> int:
    headers = {} if secret is None else {SECRET_HEADER: secret}
    if raw is not None:
        headers["Content-Type"] = "application/json"
        async with session.post(url, data=raw, headers=headers) as response:
            return response.status
    async with session.post(url, json=body, headers=headers) as response:
        return response.status


async def test_answers_only_after_the_update_was_handled(served) -> None:
    app, url, session = served
    release = asyncio.Event()

    async def slow(update_id: int) -> None:
        await release.wait()

    app.step = slow
    answer = asyncio.ensure_future(post(session, url, text_update(11, 5, "pain 3")))
    await asyncio.sleep(0.3)
    assert not answer.done(), "answered before the update was handled"
    assert app.handled == []
    release.set()
    assert await asyncio.wait_for(answer, 5) == 200
    assert app.handled == [11]


async def test_without_the_secret_403_and_nothing_handled(served) -> None:
    app, url, session = served
    assert await post(session, url, text_update(1, 5, "hi"), secret=None) == 403
    assert await post(session, url, text_update(2, 5, "hi"), secret="wrong") == 403
    assert await post(session, url, text_update(3, 5, "hi"), secret="") == 403
    assert app.handled == []


@pytest.mark.parametrize("raw", [b"{not json", b"[1, 2]", b'{"message": {}}', b"\xff\xfe",
                                 b'{"update_id": "7"}', b'{"update_id": true}'])
async def test_what_is_not_an_update_gets_400(served, raw: bytes) -> None:
    app, url, session = served
    assert await post(session, url, None, raw=raw) == 400
    assert app.handled == []


async def test_a_dispatch_failure_is_500_and_the_retry_is_handled(served) -> None:
    app, url, session = served
    failures = [RuntimeError("dispatch broke")]

    async def flaky(update_id: int) -> None:
        if failures:
            raise failures.pop()

    app.step = flaky
    body = text_update(21, 5, "pain 2")
    assert await post(session, url, body) == 500
    assert app.handled == []
    assert await post(session, url, body) == 200  # Telegram's retry
    assert app.handled == [21]


async def test_an_unreadable_update_is_skipped_without_logging_it(
    served, caplog: pytest.LogCaptureFixture
) -> None:
    app, url, session = served
    body = {"update_id": 31, "message": {"text": "my private words", "chat": "broken"}}
    with caplog.at_level(logging.DEBUG):
        assert await post(session, url, body) == 200  # as polling skips it: no endless retry
    assert app.handled == []
    assert "Update 31 could not be read" in caplog.text
    assert "my private words" not in caplog.text


async def test_concurrent_posts_are_handled_one_at_a_time_in_arrival_order(served) -> None:
    app, url, session = served
    handler = app.bot_data["web_app"][HANDLER]
    release = asyncio.Event()

    async def held(update_id: int) -> None:
        await release.wait()

    app.step = held
    answers = []
    for n, update_id in enumerate(range(100, 120)):
        answers.append(asyncio.ensure_future(post(session, url, text_update(update_id, 5, "x"))))
        while handler.under_way < n + 1:  # this one has arrived before the next is sent
            await asyncio.sleep(0.001)
    release.set()
    assert await asyncio.wait_for(asyncio.gather(*answers), 10) == [200] * 20
    assert app.most_at_once == 1
    assert app.handled == list(range(100, 120))
