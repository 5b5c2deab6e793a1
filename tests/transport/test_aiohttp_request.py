"""The aiohttp transport for Bot API requests, over real HTTP against a small local server.

What PTB needs from a ``BaseRequest``: form parameters as Telegram reads them, multipart
uploads with file name and type, its timeouts, and ``TimedOut`` / ``NetworkError`` (which
the retrying limiter retries) instead of aiohttp's own errors, without the token in them.
The e2e tests run every other request of the bot through it.
"""

from __future__ import annotations

import asyncio
import json
import socket
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestServer
from telegram import Bot, InputFile
from telegram.error import NetworkError, TimedOut
from telegram.request import RequestData
from telegram.request._requestparameter import RequestParameter

from bot.transport.aiohttp_request import AiohttpRequest

TOKEN = "123456:SECRET-token_for_the_transport_test"


class Seen:
    def __init__(self) -> None:
        self.forms: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self.peers: set[Any] = set()


@pytest.fixture
async def server() -> AsyncIterator[tuple[TestServer, Seen]]:
    seen = Seen()

    async def api(request: web.Request) -> web.Response:
        method = request.match_info["method"]
        seen.headers.append(dict(request.headers))
        seen.peers.add(request.transport.get_extra_info("peername") if request.transport else None)
        form: dict[str, Any] = {}
        if request.content_type.startswith("multipart/"):
            reader = await request.multipart()
            async for part in reader:
                body = await part.read()  # type: ignore[union-attr]
                form[part.name or ""] = (part.filename, part.headers.get("Content-Type"),  # type: ignore[union-attr]
                                         bytes(body))
        else:
            form = dict(await request.post())
        seen.forms.append(form)
        if method == "slow":
            await asyncio.sleep(2)
        if method == "getMe":
            result: Any = {"id": 1, "is_bot": True, "first_name": "B", "username": "b_bot"}
        elif method == "sendMessage":
            result = {"message_id": 7, "date": 0, "chat": {"id": int(form["chat_id"]),
                      "type": "private"}, "text": form["text"]}
        else:
            result = True
        return web.json_response({"ok": True, "result": result})

    app = web.Application()
    app.router.add_post("/bot{token}/{method}", api)
    srv = TestServer(app)
    await srv.start_server()
    try:
        yield srv, seen
    finally:
        await srv.close()


@pytest.fixture
async def req() -> AsyncIterator[AiohttpRequest]:
    """A started request object, shut down after the test."""
    request = AiohttpRequest()
    await request.initialize()
    try:
        yield request
    finally:
        await request.shutdown()


def url(srv: TestServer, method: str) -> str:
    return f"http://127.0.0.1:{srv.port}/bot{TOKEN}/{method}"


async def test_parameters_arrive_as_telegram_reads_them(
    server: tuple[TestServer, Seen], req: AiohttpRequest
) -> None:
    srv, seen = server
    data = RequestData([
        RequestParameter.from_input("chat_id", 42),
        RequestParameter.from_input("text", "Set 1 of 2 – left side 💪"),
        RequestParameter.from_input("reply_markup", {"inline_keyboard": [[
            {"text": "Done", "callback_data": "d:1"}]]}),
    ])
    status, body = await req.do_request(url(srv, "sendMessage"), "POST", data)
    assert status == 200
    assert json.loads(body)["result"]["text"] == "Set 1 of 2 – left side 💪"
    form = seen.forms[0]
    assert form["chat_id"] == "42"
    assert json.loads(form["reply_markup"])["inline_keyboard"][0][0]["callback_data"] == "d:1"
    assert "python-telegram-bot" in seen.headers[0]["User-Agent"]


async def test_files_are_sent_as_multipart(
    server: tuple[TestServer, Seen], req: AiohttpRequest
) -> None:
    srv, seen = server
    data = RequestData([
        RequestParameter.from_input("chat_id", 5),
        RequestParameter.from_input("caption", "Glute bridge"),
        RequestParameter.from_input("photo", InputFile(b"\x89PNG fake", filename="b.png")),
    ])
    status, _ = await req.do_request(url(srv, "sendPhoto"), "POST", data)
    assert status == 200
    form = seen.forms[0]
    assert form["chat_id"][2] == b"5" and form["caption"][2] == b"Glute bridge"
    photo = form["photo"]
    assert photo[0] == "b.png" and photo[1] == "image/png" and photo[2] == b"\x89PNG fake"


async def test_a_real_bot_on_it(server: tuple[TestServer, Seen]) -> None:
    srv, _ = server
    bot = Bot(TOKEN, base_url=f"http://127.0.0.1:{srv.port}/bot",
              request=AiohttpRequest(), get_updates_request=AiohttpRequest(1))
    async with bot:
        assert bot.username == "b_bot"
        sent = await bot.send_message(9, "hello")
    assert sent.message_id == 7 and sent.chat.id == 9 and sent.text == "hello"


async def test_a_slow_answer_is_timed_out(
    server: tuple[TestServer, Seen], req: AiohttpRequest
) -> None:
    srv, _ = server
    with pytest.raises(TimedOut):
        await req.do_request(url(srv, "slow"), "POST", RequestData([]), read_timeout=0.2)


async def test_no_server_is_a_network_error_without_the_token(req: AiohttpRequest) -> None:
    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(NetworkError) as err:
        await req.do_request(f"http://127.0.0.1:{port}/bot{TOKEN}/getMe", "POST")
    assert not isinstance(err.value, TimedOut)
    assert TOKEN not in str(err.value) and "SECRET" not in str(err.value)


async def test_used_before_initialize_or_after_shutdown() -> None:
    req = AiohttpRequest()
    with pytest.raises(RuntimeError):
        await req.do_request("http://127.0.0.1:9/x", "POST")
    await req.initialize()
    await req.shutdown()
    await req.shutdown()  # twice is harmless
    with pytest.raises(RuntimeError):
        await req.do_request("http://127.0.0.1:9/x", "POST")
    await req.initialize()  # and it can start again (PTB may initialize twice)
    await req.shutdown()


async def test_the_pool_is_bounded(server: tuple[TestServer, Seen]) -> None:
    srv, seen = server
    req = AiohttpRequest(2)
    await req.initialize()
    try:
        results = await asyncio.gather(*(
            req.do_request(url(srv, "getMe"), "POST") for _ in range(12)))
        assert all(status == 200 for status, _ in results)
        assert len(seen.peers) <= 2  # at most two connections, each reused
    finally:
        await req.shutdown()
