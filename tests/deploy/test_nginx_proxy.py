"""deploy/nginx.conf in front of two bot instances, with Debian's nginx, end to end.

Two ``python -m bot`` processes in webhook mode on one PostgreSQL database (the
deployment of deploy/compose.yaml), the local fake Bot API as Telegram's side, and
nginx running deploy/nginx.conf (only addresses, ports, certificate and log paths
changed: tests/deploy/nginx.py) with TLS on loopback and a self-signed certificate.
The test plays Telegram, posting updates over HTTPS with the secret header:

1. both instances up: every update is answered 200, replied to, and the two share them;
   ``/healthz`` through nginx is 200 with JSON; the Mini App's page and API pass through;
   a wrong secret is 403, a GET on the webhook 403, other paths 404, plain HTTP 301;
2. an instance is SIGKILLed while it is handling an update (stored, reply on its way):
   nginx sends the same POST to the other instance, which finds it handled, and
   Telegram gets its 200 at once;
3. with that instance down, every update is still answered and replied to.

Needs /usr/sbin/nginx and openssl (``make test`` installs nginx): without them the test
is skipped, except when ``CI=true``, where that is a failure.
"""

from __future__ import annotations

import asyncio
import json
import os
import ssl
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.chat.fake_telegram import FakeTelegram
from bot.domain.profiles import new_profile
from bot.storage import Repository, open_repository
from tests.deploy.nginx import NGINX, OPENSSL, Nginx, make_certificate, render
from tests.e2e.webhook_bot import SECRET, WebhookBot, free_port, text_update

USERS = (7301, 7302, 7303)
FIRST_ID = 990_000


@pytest.fixture(scope="module", autouse=True)
def _nginx_available() -> None:
    missing = [what for what, ok in (("/usr/sbin/nginx", NGINX.exists()),
                                     ("openssl", OPENSSL is not None)) if not ok]
    if missing:
        why = f"the proxy test needs {', '.join(missing)} (apt-get install -y nginx openssl)"
        if os.environ.get("CI") == "true":
            pytest.fail(why, pytrace=False)
        pytest.skip(why)


def seed(store: Repository) -> None:
    """Onboarded, consenting patients: "pain N" stores one record and gets a reply."""
    for uid in USERS:
        profile = new_profile(uid, "Pat", None, datetime.now(UTC), "UTC")
        profile.update(stage="done", tz="UTC")
        with store.user(uid) as txn:
            txn.set("profile", profile)


class Telegram:
    """Telegram's side of the webhook: HTTPS to nginx, trusting the test's certificate."""

    def __init__(self, session: aiohttp.ClientSession, base: str, cafile: Path) -> None:
        self.session = session
        self.base = base
        self.ssl = ssl.create_default_context(cafile=str(cafile))
        self.next_id = FIRST_ID

    async def post(self, uid: int, text: str, update_id: int | None = None,
                   secret: str | None = SECRET) -> tuple[int, int]:
        """Post one update; (its update id, the HTTP status)."""
        if update_id is None:
            update_id, self.next_id = self.next_id, self.next_id + 1
        headers = {} if secret is None else {"X-Telegram-Bot-Api-Secret-Token": secret}
        async with self.session.post(self.base + "/telegram", json=text_update(
                update_id, uid, text), headers=headers, ssl=self.ssl) as response:
            await response.read()
            return update_id, response.status

    async def get(self, path: str) -> tuple[int, str]:
        async with self.session.get(self.base + path, ssl=self.ssl,
                                    allow_redirects=False) as response:
            return response.status, await response.text()


async def instance_health(session: aiohttp.ClientSession, bot: WebhookBot) -> dict[str, Any]:
    """An instance's own /healthz, straight to its port (not through nginx)."""
    async with session.get(f"http://127.0.0.1:{bot.port}/healthz") as response:
        body: dict[str, Any] = await response.json()
        return body


def replies(tg: FakeTelegram) -> int:
    return sum(len(tg.sent(uid)) for uid in USERS)


async def until(what: str, check: Any, timeout: float = 15) -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = await check()
        if value:
            return value
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await asyncio.sleep(0.05)


async def test_two_instances_behind_nginx_survive_one_going_down(
        tmp_path: Path, database_url: str) -> None:
    timings: dict[str, float] = {}
    started = time.monotonic()

    def lap(name: str) -> None:
        timings[name] = round(time.monotonic() - started, 2)

    store = open_repository(tmp_path / "seed", database_url)
    seed(store)
    https_port, http_port = free_port(), free_port()
    cafile = make_certificate(tmp_path / "certs")
    async with FakeTelegram() as tg, aiohttp.ClientSession() as session:
        env = {"DATABASE_URL": database_url, "WEB_PORT": "8080",
               "WEBHOOK_URL": f"https://127.0.0.1:{https_port}/telegram"}
        bots = [WebhookBot(tg, tmp_path / name, tmp_path / f"{name}.log", **env)
                for name in ("bot1", "bot2")]
        for bot in bots:
            bot.data_dir.mkdir()
        (tmp_path / "nginx").mkdir()
        nginx = Nginx.prepare(tmp_path / "nginx", render(
            upstreams=(bots[0].port, bots[1].port), https_port=https_port,
            http_port=http_port, certs=tmp_path / "certs", prefix=tmp_path / "nginx"),
            https_port)
        checked = nginx.check()
        assert checked.returncode == 0, checked.stderr
        assert "test is successful" in checked.stderr
        try:
            await asyncio.gather(nginx.start(), *(bot.start() for bot in bots))
            lap("nginx and two instances up")
            telegram = Telegram(session, f"https://127.0.0.1:{https_port}", cafile)

            # 1. Both up: six updates, each answered 200 and replied to; shared by both.
            for n in range(6):
                _, status = await telegram.post(USERS[n % 3], f"pain {n % 4}")
                assert status == 200
            await tg.wait_for(lambda: replies(tg) >= 6, timeout=15, what="six replies")
            handled = [(await instance_health(session, bot))["updates"]["handled"]
                       for bot in bots]
            assert sum(handled) == 6 and min(handled) >= 1, handled
            status, text = await telegram.get("/healthz")
            assert status == 200, text
            body = json.loads(text)
            assert body["ok"] is True
            assert body["database"]["backend"] == "postgresql"
            assert body["scheduler"]["running"] is True
            assert tg.token not in text and SECRET not in text
            assert (await telegram.post(USERS[0], "pain 1", secret="wrong"))[1] == 403
            assert (await telegram.get("/telegram"))[0] == 403  # POST only
            assert (await telegram.get("/elsewhere"))[0] == 404
            status, page = await telegram.get("/app/patient")  # the Mini App, same upstream
            assert status == 200 and "<html" in page.lower()
            assert (await telegram.get("/api/me/progress"))[0] == 401  # unsigned: refused
            async with session.get(f"http://127.0.0.1:{http_port}/healthz",
                                   allow_redirects=False) as response:
                assert response.status == 301
                assert response.headers["Location"].startswith("https://")
            lap("both up: 6 updates handled, /healthz 200")

            # 2. An instance dies while it handles an update: stored, reply on its way.
            tg.faults.slow("sendMessage", 30)
            uid = USERS[0]
            update_id = telegram.next_id
            posting = asyncio.ensure_future(telegram.post(uid, "pain 2"))

            async def busy() -> WebhookBot | None:
                if not any(r["id"] == f"u{update_id}" for r in store.records(uid)):
                    return None
                for bot in bots:
                    if (await instance_health(session, bot))["updates"]["in_progress"]:
                        return bot
                return None

            first = await until("the update stored, its reply held", busy)
            other = bots[1 - bots.index(first)]
            await first.kill()
            tg.faults.slow("sendMessage", 0)
            assert await asyncio.wait_for(posting, 30) == (update_id, 200)
            assert f"Update {update_id} was already handled; skipped" in other.log()

            async def retried() -> str | None:  # nginx logs a moment after it answered
                return next((ln for ln in nginx.access_log() if '"POST /telegram" 200' in ln
                             and f"127.0.0.1:{first.port}, 127.0.0.1:{other.port}" in ln), None)

            line = await until("the retried POST in nginx's log", retried, timeout=5)
            assert "upstream_status=502, 200" in line, line
            assert [r["id"] for r in store.records(uid)].count(f"u{update_id}") == 1
            lap("one killed mid-update: the same POST answered by the other")

            # 3. That instance down: every update still answered and replied to.
            before_replies = replies(tg)
            before = (await instance_health(session, other))["updates"]["handled"]
            for n in range(4):
                _, status = await telegram.post(USERS[n % 3], f"pain {n}")
                assert status == 200
            await tg.wait_for(lambda: replies(tg) >= before_replies + 4, timeout=15,
                              what="four replies from the instance left")
            assert (await instance_health(session, other))["updates"]["handled"] == before + 4
            status, text = await telegram.get("/healthz")
            assert status == 200, text
            lap("one down: 4 more updates handled, /healthz 200")
            assert await other.stop() == 0, other.log()[-3000:]
        finally:
            for bot in bots:
                if bot.proc is not None and bot.proc.returncode is None:
                    await bot.kill()
            await nginx.stop()
            store.close()
    for bot in bots:
        assert "Traceback" not in bot.log(), bot.log()[-3000:]
    lap("done")
    print("timings (s):", timings)
