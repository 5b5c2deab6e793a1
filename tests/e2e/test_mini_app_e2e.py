"""End to end: the Mini App runs inside the bot process and opens from the chat.

Polling mode starts the Mini App's own server on WEB_PORT; the API answers a request
signed for a patient of this bot with the figures /progress gives; /progress and, for
clinicians, /dashboard carry a button that opens the pages when WEBAPP_URL is set, and
say how to set it up when it is not. The terminal chat's ``:web`` prints a signed
address that the server accepts.
"""

from __future__ import annotations

import socket
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, unquote

import aiohttp

from bot.chat.fake_telegram import FakeTelegram
from bot.web.auth import sign_init_data
from tests.e2e.helpers import next_matching, onboard
from tests.harness import BotUnderTest

UID = 4712
ADMIN = 900


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def signed(tg: FakeTelegram, uid: int, name: str = "Rita") -> str:
    user = {"id": uid, "first_name": name}
    return sign_init_data(tg.token, user, int(datetime.now(UTC).timestamp()))


async def test_the_bot_serves_the_mini_app_and_links_to_it(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    port = free_port()
    bot = BotUnderTest(tg, tmp_path / "data", admin_user_ids=(ADMIN,), web_port=port,
                       webapp_url="https://bot.example-clinic.org")
    await bot.start()
    try:
        await onboard(tg, UID, "Rita")
        tg.user_sends(UID, "/progress")
        await tg.next_message(UID)
        chart = await next_matching(tg, UID, lambda m: m.method == "sendPhoto")
        keyboard = (chart.reply_markup or {}).get("inline_keyboard", [])
        assert keyboard[0][0]["web_app"]["url"] == "https://bot.example-clinic.org/app/patient"

        tg.user_sends(ADMIN, "/dashboard")
        dash = await tg.next_message(ADMIN)
        assert dash.reply_markup is not None
        assert dash.reply_markup["inline_keyboard"][0][0]["web_app"]["url"].endswith("/app/clinic")
        tg.user_sends(UID, "/dashboard")  # not for patients
        assert "I don't know that command" in ((await tg.next_message(UID)).text or "")

        async with aiohttp.ClientSession() as http:
            base = f"http://127.0.0.1:{port}"
            headers = {"Authorization": f"tma {signed(tg, UID)}"}
            async with http.get(f"{base}/api/me/progress", headers=headers) as reply:
                assert reply.status == 200
                assert reply.headers["Cache-Control"] == "no-store"
                body = await reply.json()
            assert body["name"] == "Rita" and body["streak"] == 0
            assert body["plan"]["exercises"][0]["id"] == "hip_flexor_stretch"
            async with http.get(f"{base}/api/me/progress") as reply:
                assert reply.status == 401
            async with http.get(f"{base}/app/patient") as reply:
                assert reply.status == 200
                assert "script-src 'self'" in reply.headers["Content-Security-Policy"]
    finally:
        await bot.stop()


async def test_without_webapp_url_there_are_no_buttons(tg: FakeTelegram, bot: BotUnderTest):
    await onboard(tg, UID, "Rita")
    tg.user_sends(UID, "/progress")
    await tg.next_message(UID)
    chart = await next_matching(tg, UID, lambda m: m.method == "sendPhoto")
    assert not (chart.reply_markup or {}).get("inline_keyboard")
    tg.user_sends(ADMIN, "/dashboard")
    reply = await tg.next_message(ADMIN)
    assert reply.text is not None and "WEBAPP_URL" in reply.text and not reply.reply_markup


async def test_a_busy_port_leaves_the_bot_running(tg: FakeTelegram, tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        bot = BotUnderTest(tg, tmp_path / "data", web_port=port)
        await bot.start()
        try:
            await onboard(tg, UID, "Rita")  # the bot answers all the same
        finally:
            await bot.stop()


async def test_the_terminal_chat_prints_a_signed_address(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    from bot.chat.session import USER_ID, TerminalChat

    port = free_port()
    bot = BotUnderTest(tg, tmp_path / "data", web_port=port)
    await bot.start()
    try:
        await onboard(tg, USER_ID, "You")
        assert bot.app is not None
        chat = TerminalChat(tg, bot.app, bot.clock, tmp_path, open(  # noqa: SIM115
            tmp_path / "out.txt", "w", encoding="utf-8"), interactive=False)
        address = chat.web_address().split("\n")[-1]
        assert address.startswith(f"http://127.0.0.1:{port}/app/patient#tgWebAppData=")
        init_data = unquote(address.split("tgWebAppData=", 1)[1])
        async with aiohttp.ClientSession() as http:
            headers = {"Authorization": f"tma {init_data}"}
            async with http.get(f"http://127.0.0.1:{port}/api/me/progress",
                                headers=headers) as reply:
                assert reply.status == 200, await reply.text()
        assert quote(init_data) in address
    finally:
        await bot.stop()
