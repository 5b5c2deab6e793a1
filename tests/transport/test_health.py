"""``GET /healthz``: 200 when the database answers and the scheduler runs, 503 otherwise;
no secret header needed; nothing personal, no token, no secret in the answer.

On the webhook's server against stand-ins (each way it can be unhealthy), and on the
Mini App's own server of the real bot in polling mode (real scheduler, real store).
"""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import AsyncIterator
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from bot.chat.fake_telegram import FakeTelegram
from bot.transport import health
from bot.transport.context import STARTUP_KEY
from bot.transport.webhook import make_web_app
from tests.e2e.webhook_bot import free_port
from tests.harness import BotUnderTest

SECRET = "s3cret_for-health_tests"


class Store:
    def __init__(self, answer: dict[str, Any] | None = None, *, hang: bool = False,
                 error: Exception | None = None) -> None:
        self.answer = answer if answer is not None else {"ok": True, "backend": "embedded"}
        self.release = threading.Event()
        self.hang = hang
        self.error = error
        self.calls = 0

    def health(self) -> dict[str, Any]:
        self.calls += 1
        if self.hang:
            self.release.wait(10)
        if self.error is not None:
            raise self.error
        return self.answer


class StandIn:
    """What /healthz reads of a PTB Application: ``bot_data`` and ``job_queue``."""

    def __init__(self, store: Store | None, running: bool | None = True) -> None:
        self.bot = None
        self.bot_data: dict[str, Any] = {}
        if store is not None:
            self.bot_data["deps"] = SimpleNamespace(store=store)
        self.job_queue = None if running is None else SimpleNamespace(
            scheduler=SimpleNamespace(running=running, get_jobs=lambda: [1, 2, 3]))


@pytest.fixture
async def serve() -> AsyncIterator[Any]:
    servers: list[TestServer] = []
    async with aiohttp.ClientSession() as session:

        async def get(app: StandIn, method: str = "GET") -> tuple[int, Any, str]:
            web_app = make_web_app(app, "telegram", SECRET)  # type: ignore[arg-type]
            server = TestServer(web_app)
            servers.append(server)
            await server.start_server()
            async with session.request(method, str(server.make_url("/healthz"))) as resp:
                text = await resp.text()
                return resp.status, (json.loads(text) if text else None), \
                    resp.headers.get("Cache-Control", "")

        yield get
    for server in servers:
        await server.close()


async def test_healthy_is_200_with_every_part(serve) -> None:
    status, body, cache = await serve(StandIn(Store({"ok": True, "backend": "postgresql",
                                                     "schema": 3})))
    assert status == 200
    assert cache == "no-store"
    assert body["ok"] is True
    assert body["database"] == {"ok": True, "backend": "postgresql", "schema": 3}
    assert body["scheduler"] == {"ok": True, "running": True, "jobs": 3,
                                 "rebuilding": False}
    assert body["updates"] == {"handled": 0, "in_progress": 0, "seconds_since_last": None}
    assert body["uptime_seconds"] >= 0
    assert SECRET not in json.dumps(body)


async def test_a_start_up_rebuild_under_way_is_reported_not_a_fault(serve) -> None:
    """The instance serves while it rebuilds its jobs: 200, and it says so."""
    app = StandIn(Store())
    app.bot_data[STARTUP_KEY] = asyncio.Event()
    status, body, _ = await serve(app)
    assert status == 200 and body["scheduler"]["rebuilding"] is True
    app.bot_data[STARTUP_KEY].set()
    status, body, _ = await serve(app)
    assert status == 200 and body["scheduler"]["rebuilding"] is False


async def test_head_answers_too(serve) -> None:
    status, _, _ = await serve(StandIn(Store()), "HEAD")
    assert status == 200


@pytest.mark.parametrize(("app", "part"), [
    (lambda: StandIn(Store({"ok": False, "backend": "postgresql"})), "database"),
    (lambda: StandIn(Store(error=RuntimeError("host db.internal user bob"))), "database"),
    (lambda: StandIn(None), "database"),
    (lambda: StandIn(Store(), running=False), "scheduler"),
    (lambda: StandIn(Store(), running=None), "scheduler"),
])
async def test_unhealthy_is_503_and_says_which_part(serve, app, part) -> None:
    status, body, _ = await serve(app())
    assert status == 503
    assert body["ok"] is False
    assert body[part]["ok"] is False
    assert "bob" not in json.dumps(body)  # an error's words are not repeated


async def test_a_hung_database_is_503_in_time_and_checks_do_not_pile_up(
        serve, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(health, "DATABASE_TIMEOUT", 0.3)
    store = Store(hang=True)
    app = StandIn(store)
    try:
        answers = await asyncio.gather(serve(app), serve(app), serve(app))
        assert [a[0] for a in answers] == [503] * 3
        assert answers[0][1]["database"]["error"] == "timeout"
        assert store.calls == 1  # one check in a thread, shared
    finally:
        store.release.set()
        await asyncio.sleep(0.05)
    status, _, _ = await serve(app)
    assert status == 200


async def test_updates_handled_and_under_way_are_counted(serve) -> None:
    app = StandIn(Store())
    with health.handling(app):  # type: ignore[arg-type]
        _, body, _ = await serve(app)
        assert body["updates"]["in_progress"] == 1
        assert body["updates"]["handled"] == 0
    with pytest.raises(RuntimeError), health.handling(app):  # type: ignore[arg-type]
        raise RuntimeError("dispatch failed")  # not handled
    _, body, _ = await serve(app)
    assert body["updates"]["handled"] == 1
    assert body["updates"]["in_progress"] == 0
    assert 0 <= body["updates"]["seconds_since_last"] < 5


async def test_polling_mode_serves_it_beside_the_mini_app(tmp_path: Path) -> None:
    port = free_port()
    async with FakeTelegram() as tg, aiohttp.ClientSession() as session:
        bot = BotUnderTest(tg, tmp_path / "data", web_port=port)
        await bot.start()
        try:
            url = f"http://127.0.0.1:{port}/healthz"
            async with session.get(url) as resp:
                assert resp.status == 200
                first = await resp.json()
            assert first["database"] == {"ok": True, "backend": "embedded"}
            assert first["scheduler"]["running"] is True
            assert first["updates"]["handled"] == 0
            tg.user_sends(4242, "/start")
            await tg.next_message(4242)
            await asyncio.sleep(0.1)
            async with session.get(url) as resp:
                second = await resp.json()
            assert second["updates"]["handled"] >= 1
            assert second["updates"]["seconds_since_last"] is not None
            assert tg.token not in json.dumps(second)
        finally:
            await bot.stop()
