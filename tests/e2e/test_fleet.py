"""A fleet: two instances in webhook mode on one PostgreSQL database, one killed mid-load.

The front door is deploy/nginx.conf run by Debian's nginx (``tests/deploy/nginx.py``);
without nginx (a machine ``make test`` could not install it on) a failover door in
Python stands in, except under ``CI=true``, where that is a failure.

Telegram (the test) posts a mixed load through the front door: every patient's "pain"
messages in order, each again until answered; at the same time every patient's
reminder falls due on both instances at once (a catch-up at start-up). Part-way, one
instance is killed with SIGKILL. Then: every update is stored once, in order; no
reminder is lost or sent twice; and the fleet never sent more than the shared budget of
messages in any second. Reduced by default; ``FULL=1`` runs the bigger load.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import random
import ssl
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from bot.chat.fake_telegram import FakeTelegram
from tests.deploy.nginx import NGINX, OPENSSL, Nginx, make_certificate, render
from tests.e2e.chaos import raw_events
from tests.e2e.fleet import (
    FailoverDoor,
    Load,
    Post,
    post_url,
    reminders_received,
    seed_fleet_patients,
)
from tests.e2e.webhook_bot import WebhookBot, free_port

FULL = os.environ.get("FULL") == "1"
PATIENTS = 120 if FULL else 24
PER_PATIENT = 10 if FULL else 5
BUDGET = 30  # messages a second, for the whole fleet


@contextlib.asynccontextmanager
async def front_door(tmp_path: Path, bots: list[WebhookBot]) -> AsyncIterator[tuple[Post, str]]:
    """(how Telegram posts an update, what the door is): nginx when it is installed."""
    if not (NGINX.exists() and OPENSSL):
        if os.environ.get("CI") == "true":
            pytest.fail("the fleet test needs nginx and openssl (make test installs them)")
        yield FailoverDoor(bots).post, "failover door (no nginx here)"
        return
    https_port, http_port = free_port(), free_port()
    cafile = make_certificate(tmp_path / "certs")
    (tmp_path / "nginx").mkdir()
    nginx = Nginx.prepare(tmp_path / "nginx", render(
        upstreams=(bots[0].port, bots[1].port), https_port=https_port, http_port=http_port,
        certs=tmp_path / "certs", prefix=tmp_path / "nginx"), https_port)
    await nginx.start()
    context = ssl.create_default_context(cafile=str(cafile))
    url = f"https://127.0.0.1:{https_port}/telegram"

    async def post(session: aiohttp.ClientSession, body: dict[str, object]) -> int | None:
        return await post_url(session, url, body, ssl=context)

    try:
        yield post, "nginx"
    finally:
        await nginx.stop()


async def test_two_instances_one_killed_lose_and_double_nothing(
    tmp_path: Path, database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DATABASE_URL", database_url)  # the seeding and the checks too
    uids = [610_000 + i for i in range(PATIENTS)]
    data_dir = tmp_path / "a" / "data"
    data_dir.mkdir(parents=True)
    (tmp_path / "b" / "data").mkdir(parents=True)
    seed_fleet_patients(data_dir, uids)
    env = {"DATABASE_URL": database_url, "MAX_MESSAGES_PER_SECOND": str(BUDGET),
           "WEB_PORT": "0"}
    rng = random.Random(7)
    async with FakeTelegram() as tg, aiohttp.ClientSession() as session:
        one = WebhookBot(tg, data_dir, tmp_path / "a.log", **env)
        two = WebhookBot(tg, tmp_path / "b" / "data", tmp_path / "b.log", **env)
        await asyncio.gather(one.start(), two.start())
        async with front_door(tmp_path, [one, two]) as (post, door):
            load = Load(uids, PER_PATIENT)
            running = asyncio.ensure_future(load.run(session, post, rng))
            await tg.wait_for(lambda: sum(len(v) for v in load.sent.values())
                              >= PATIENTS * PER_PATIENT // 3, timeout=120,
                              what="a third answered")
            await one.kill()
            await asyncio.wait_for(running, 240)
            await tg.wait_for(lambda: all(reminders_received(tg, uid) >= 1 for uid in uids),
                              timeout=120, what="every patient's reminder")
            await asyncio.sleep(1.5)  # a double would come now
            assert await two.stop() == 0, two.log()[-3000:]

    for uid in uids:
        events = [e for e in raw_events(data_dir, uid) if e["kind"] == "pain"]
        ids = [int(e["id"][1:].split(":")[0]) for e in events]
        assert ids == load.sent[uid], f"patient {uid}: stored {ids}, sent {load.sent[uid]}"
    got = Counter(reminders_received(tg, uid) for uid in uids)
    assert got == Counter({1: PATIENTS}), f"reminders per patient: {dict(got)}"
    per_second = Counter(int(c.time) for c in tg.calls
                         if c.method.lower().startswith("send") and c.method != "sendChatAction")
    assert max(per_second.values()) <= BUDGET, per_second.most_common(3)
    for log in (one.log(), two.log()):
        assert "Traceback" not in log, log[-3000:]
    print(f"\nfleet behind {door}: {PATIENTS} patients, {PATIENTS * PER_PATIENT} updates "
          f"({load.attempts} posts), one instance killed; busiest second "
          f"{max(per_second.values())} messages")


pytestmark = pytest.mark.timeout(600)
