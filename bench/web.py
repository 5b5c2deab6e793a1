"""``python -m bench.web``: the Mini App's API at clinic size, over real HTTP on localhost.

    python -m bench.web            # 10,000 patients, 8 weeks of records each
    python -m bench.web --quick    # 1,000 patients: a smoke run in well under a minute
    python -m bench.web --days 365 # a year of records each (the patient page reads all)

Synthetic patients are written straight into a temporary folder with the Store's own
encoders (``bench.data``). One process serves ``bot.web.server.make_mini_app`` on an
aiohttp site and asks it with an ``aiohttp`` client, one request at a time, so each
number is one request's wall time: client, HTTP and server. Baselines in the same run:
a bare aiohttp handler on the same server and a static file. Not a test: nothing here
asserts a time. Prints one table on stdout; progress goes to stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

import aiohttp
from aiohttp import web
from pydantic import SecretStr

from bench import data
from bench.scenarios import say
from bench.table import Row, median, percentile, render
from bot.clock import Clock
from bot.config import Settings
from bot.content import DEFAULT_CONTENT_DIR, load_content
from bot.deps import Deps
from bot.domain.records import new_record
from bot.storage import Repository, Store
from bot.web.auth import sign_init_data
from bot.web.base import MINI_APP
from bot.web.pages import STATIC_DIR
from bot.web.server import make_mini_app

TOKEN = "123456789:BENCHbenchBENCHbenchBENCHbench_web"
CLINICIAN = 42


async def _nobody(user_id: int, text: str) -> bool:
    return True


async def _ping(request: web.Request) -> web.Response:
    return web.Response(text="ok")


def _auth(user_id: int, name: str) -> dict[str, str]:
    data_ = sign_init_data(TOKEN, {"id": user_id, "first_name": name}, int(time.time()))
    return {"Authorization": f"tma {data_}"}


async def _timed(session: aiohttp.ClientSession, url: str, headers: dict[str, str]) -> float:
    """One request, read to the end; its wall time in ms (a failure stops the run)."""
    started = time.perf_counter()
    async with session.get(url, headers=headers) as response:
        await response.read()
        if response.status != 200:
            raise SystemExit(f"{url}: HTTP {response.status}")
    return (time.perf_counter() - started) * 1000


async def _series(count: int, one: Callable[[int], Awaitable[float]]) -> list[float]:
    return [await one(n) for n in range(count)]


def _cell(times: list[float]) -> str:
    return f"{median(times):.1f} / {percentile(times, 99):.1f} ms"


class _Stalls:
    """The longest the event loop went without running a 1 ms ticker (while rows are
    made on it: how long a reminder or a reply could have waited)."""

    def __init__(self) -> None:
        self.longest = 0.0
        self._task: asyncio.Task[None] | None = None

    async def _tick(self) -> None:
        last = time.perf_counter()
        while True:
            await asyncio.sleep(0.001)
            now = time.perf_counter()
            self.longest = max(self.longest, (now - last) * 1000 - 1)
            last = now

    def __enter__(self) -> _Stalls:
        self._task = asyncio.get_running_loop().create_task(self._tick())
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._task is not None
        self._task.cancel()


def _touch(store: Repository, user_ids: list[int], rng: random.Random, count: int,
           deps: Deps) -> None:
    """A "done" recorded for ``count`` patients, through the real unit of work."""
    now = deps.clock.now()
    for uid in rng.sample(user_ids, count):
        today = deps.today_for(uid)
        with store.user(uid) as txn:
            txn.add_record(new_record(f"b{rng.getrandbits(48):x}", "done", today, now,
                                      "text", exercise="glute_bridge", reps=10))


async def run(users: int, days: int, requests: int, root: Path) -> list[Row]:
    content = load_content(DEFAULT_CONTENT_DIR)
    say(f"generating {users:,} patients with {days} days of records each")
    started = time.monotonic()
    dataset = data.generate(root, users, now=datetime.now(UTC), days=days, content=content)
    say(f"  done in {time.monotonic() - started:.0f} s, {dataset.records_per_user:,.0f} "
        f"records per patient, {dataset.files:,} files")
    settings = Settings(_env_file=None, telegram_bot_token=SecretStr(TOKEN),  # type: ignore[call-arg]
                        bot_data_dir=root, admin_user_ids=(CLINICIAN,), web_port=0)
    deps = Deps(settings=settings, content=content, store=Store(root), clock=Clock())
    app = make_mini_app(deps, TOKEN, _nobody)
    app.router.add_get("/bench/ping", _ping)
    runner = web.AppRunner(app, access_log=None)
    say(f"start-up: the dashboard's {users:,} rows made in the background")
    with _Stalls() as stalls:
        started = time.monotonic()
        await runner.setup()
        warming = app[MINI_APP].warming
        assert warming is not None
        await warming
        warmed = time.monotonic() - started
    rows: list[Row] = [Row(
        f"Dashboard rows made at start-up, in the background ({app[MINI_APP].rows.made:,})",
        f"{warmed:.1f} s, longest event-loop stall {stalls.longest:.0f} ms")]
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]
    base = f"http://127.0.0.1:{port}"
    rng = random.Random(7)
    static = sorted(p.name for p in STATIC_DIR.glob("*.js")) if STATIC_DIR.is_dir() else []
    clinic = _auth(CLINICIAN, "Ada")
    try:
        async with aiohttp.ClientSession() as session:
            for _ in range(20):  # connections and code paths warm
                await _timed(session, f"{base}/bench/ping", {})
            ping = await _series(requests, lambda n: _timed(session, f"{base}/bench/ping", {}))
            rows.append(Row("Baseline: bare aiohttp handler, same server, p50 / p99",
                            _cell(ping)))
            if static:
                url = f"{base}/app/static/{static[0]}"
                files = await _series(requests, lambda n: _timed(session, url, {}))
                rows.append(Row(f"Baseline: GET /app/static/{static[0]}, p50 / p99",
                                _cell(files)))

            list_url = f"{base}/api/clinic/patients"
            say("GET /api/clinic/patients")
            warm = await _series(requests, lambda n: _timed(session, list_url, clinic))
            rows.append(Row(f"GET /api/clinic/patients, {users:,} patients, nothing changed, "
                            "p50 / p99", _cell(warm), "p99 <= 300 ms",
                            percentile(warm, 99) <= 300))

            async def changed(n: int) -> float:
                _touch(deps.store, dataset.user_ids, rng, 10, deps)
                return await _timed(session, list_url, clinic)

            say("GET /api/clinic/patients, 10 patients changed before each request")
            busy = await _series(requests, changed)
            rows.append(Row("  with 10 patients' records changed before each request, "
                            "p50 / p99", _cell(busy), "p99 <= 300 ms",
                            percentile(busy, 99) <= 300))

            say("GET /api/me/progress, a different patient each time")
            picks = rng.sample(dataset.user_ids, min(requests, len(dataset.user_ids)))
            auths = [_auth(uid, "Pat") for uid in picks]
            progress = await _series(len(picks), lambda n: _timed(
                session, f"{base}/api/me/progress", auths[n]))
            rows.append(Row(f"GET /api/me/progress ({days} days of records), p50 / p99",
                            _cell(progress), "p99 <= 100 ms",
                            percentile(progress, 99) <= 100))
    finally:
        await runner.cleanup()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.web",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="1,000 patients")
    parser.add_argument("--users", type=int, help="patients (default 10,000)")
    parser.add_argument("--days", type=int, default=56, help="days of records each")
    parser.add_argument("--requests", type=int, default=300, help="requests per measure")
    parser.add_argument("--keep", action="store_true", help="keep the generated data")
    args = parser.parse_args(argv)
    users = args.users or (1_000 if args.quick else 10_000)
    root = Path(tempfile.mkdtemp(prefix="hip-bench-web-"))
    started = time.monotonic()
    try:
        rows = asyncio.run(run(users, args.days, args.requests, root))
        title = f"Mini App API ({users:,} patients; {(time.monotonic() - started):.0f} s)"
        print(render(rows, title=title), flush=True)
    finally:
        if args.keep:
            say(f"data kept in {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
