"""The measurements, one function each; ``bench.__main__`` runs them and builds the table.

Every bot runs as its own process (``python -m bot``, ``python -m bench.echo``) against
``bot.chat.fake_telegram.FakeTelegram`` in this process, so the bot's CPU time and memory
are its own and the fake server's work is not counted.
"""

from __future__ import annotations

import asyncio
import os
import random
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from telegram.error import TelegramError
from telegram.ext import AIORateLimiter, BaseRateLimiter, ExtBot
from telegram.request import HTTPXRequest

from bench.data import Dataset
from bench.procs import BotProcess
from bench.table import median, percentile
from bot.chat.fake_telegram import FakeTelegram
from bot.domain.records import new_record
from bot.storage import Store, current_update_id
from bot.transport.pacing import PacedRateLimiter

TOKEN = "123456789:BENCHbenchBENCHbenchBENCHbench_xyz"
DONE = "done"
#: An everyday question, asked once after the burst: the FAQ's sentence model then loads
#: and encodes the askings, and the peak RSS is read again.
QUESTION = "is it better to put something warm or something cold on my sore hip?"
RECORDED = "Recorded"  # the start of the reply to a "done" that was stored


_first_ids = iter(range(10_000_000, 2_000_000_000, 10_000_000))


def fake_server() -> FakeTelegram:
    """A fake Bot API whose update ids never repeat earlier ones in this run.

    The data directory outlives each fake server; a user's stored dedupe ids must never
    match a new update, or the bot would (rightly) skip it as already handled.
    """
    return FakeTelegram(token=TOKEN, first_update_id=next(_first_ids))


def say(message: str) -> None:
    """Progress on stderr, so a long run shows it is alive; the table goes to stdout."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


async def _wait(tg: FakeTelegram, predicate: Callable[[], Any], timeout: float, what: str,
                bot: BotProcess | None = None) -> None:
    try:
        await tg.wait_for(predicate, timeout=timeout, what=what)
    except AssertionError:
        if bot is not None:
            say(f"timed out waiting for {what}; the bot's log ends with:\n"
                + bot.log_text()[-3000:])
        raise


def every_one_answered(tg: FakeTelegram, users: Sequence[int]) -> Callable[[], bool]:
    """A check that each of ``users`` has had a message since now.

    Counting all messages sent is not enough: a "done" that also earns a second message
    (a milestone, say) would let the count reach its total while another patient's reply
    is still on its way. The count is the cheap test; each patient is looked at only
    once it has been reached.
    """
    base = tg.stats["sent"]
    before = {uid: len(tg.sent(uid)) for uid in users}
    pending = set(before)

    def check() -> bool:
        if tg.stats["sent"] < base + len(before):
            return False
        for uid in list(pending):
            if len(tg.sent(uid)) > before[uid]:
                pending.discard(uid)
        return not pending

    return check


REBUILT = "jobs held in memory"  # the bot's log line once every job is rebuilt


def rebuilt_at(log: str) -> float | None:
    """When (``time.time()``) a bot's log says its start-up rebuild of every job ended; it
    runs while the bot already answers (``handlers/base/hooks.py``)."""
    for line in log.splitlines():
        if REBUILT in line:
            return datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f").timestamp()
    return None


def rebuilt_after(bot: BotProcess) -> float | None:
    """Seconds from the bot's start to the end of that rebuild."""
    at = rebuilt_at(bot.log_text())
    return None if at is None else at - bot.started_wall


async def wait_rebuilt(tg: FakeTelegram, bot: BotProcess) -> float | None:
    """Wait for the rebuild to end (a CPU or latency window must not include it)."""
    await _wait(tg, lambda: REBUILT in bot.log_text(), 120, "the start-up rebuild", bot)
    return rebuilt_after(bot)


def _count_in_log(log: str, pattern: str) -> int | None:
    match = re.search(pattern, log)
    return int(match.group(1)) if match else None


# --- 1, 4, 6: start-up, cost per update, memory ----------------------------------------


@dataclass
class LoadResult:
    """One bot process under a burst of "done" messages from many users."""

    updates: int
    cpu_ms_per_update: float
    updates_per_second: float
    peak_rss: int
    #: Read again after one everyday question (the FAQ's sentence model loaded).
    peak_rss_with_model: int | None = None
    replies_recorded: int = 0
    startup_seconds: float | None = None
    reminder_jobs: int | None = None
    weekly_jobs: int | None = None
    held_jobs: int | None = None
    rebuilt_seconds: float | None = None
    log_tail: str = ""


async def run_load(
    module: str,
    dataset: Dataset,
    users: Sequence[int],
    *,
    warmup: Sequence[int],
    probe: int,
    env: dict[str, str],
) -> LoadResult:
    """Start a bot, time its first answer, then send one "done" from each of ``users``.

    All messages are queued at once and the bot takes them as fast as it can; CPU is
    the process's user + system time over the burst, divided by the number of updates.
    """
    async with fake_server() as tg:
        bot = BotProcess(module, tg, BOT_DATA_DIR=str(dataset.data_dir), **env)
        started = time.monotonic()
        await bot.start()
        tg.user_sends(probe, DONE)  # waits in the queue until the bot polls
        first = await tg.next_message(probe, timeout=180)
        startup = first.time - started
        try:
            # Our bot rebuilds its jobs beside the first updates: not in the CPU window.
            rebuilt = await wait_rebuilt(tg, bot) if module == "bot" else None
            warmed = every_one_answered(tg, warmup)
            for uid in warmup:
                tg.user_sends(uid, DONE)
            await _wait(tg, warmed, 120, "warm-up", bot)
            cpu0, t0 = bot.cpu_seconds(), time.monotonic()
            answered = every_one_answered(tg, users)
            for uid in users:
                tg.user_sends(uid, DONE)
            await _wait(tg, answered, 600, "replies", bot)
            elapsed = time.monotonic() - t0
            cpu = bot.cpu_seconds() - cpu0
            rss = bot.peak_rss()
            rss_model = None
            if module == "bot":  # then one everyday question: the sentence model loads
                asked = every_one_answered(tg, [probe])
                tg.user_sends(probe, QUESTION)
                await _wait(tg, asked, 180, "the everyday question", bot)
                rss_model = bot.peak_rss()
            recorded = sum(1 for uid in users
                           if any((m.text or "").startswith(RECORDED) for m in tg.sent(uid)))
        finally:
            await bot.stop()
        log = bot.log_text()
        bot.cleanup()
    return LoadResult(
        updates=len(users),
        cpu_ms_per_update=cpu / len(users) * 1000,
        updates_per_second=len(users) / elapsed,
        peak_rss=rss,
        peak_rss_with_model=rss_model,
        replies_recorded=recorded,
        startup_seconds=startup,
        rebuilt_seconds=rebuilt,
        reminder_jobs=_count_in_log(log, r"Scheduled (\d+) reminder jobs"),
        weekly_jobs=_count_in_log(log, r"Scheduled (\d+) weekly summary jobs"),
        held_jobs=_count_in_log(log, r"(\d+) jobs held in memory"),
        log_tail=log[-3000:],
    )


async def run_startups(dataset: Dataset, probes: Sequence[int], *, snapshot: bool
                       ) -> list[tuple[float, float | None]]:
    """Start the bot once per probe user and time its first answer, then stop it cleanly.

    ``snapshot=False`` deletes the heads snapshot before each start (a start after a
    crash, or the first one on this data); ``True`` keeps the one the previous clean
    stop saved (a restart after a deploy). The files are in the page cache either way.
    """
    times: list[tuple[float, float | None]] = []
    for probe in probes:
        if not snapshot:
            (dataset.data_dir / "heads.snapshot").unlink(missing_ok=True)
        async with fake_server() as tg:
            bot = BotProcess("bot", tg, BOT_DATA_DIR=str(dataset.data_dir))
            started = time.monotonic()
            await bot.start()
            tg.user_sends(probe, DONE)
            try:
                first = await tg.next_message(probe, timeout=180)
                times.append((first.time - started, await wait_rebuilt(tg, bot)))
            finally:
                await bot.stop()
            bot.cleanup()
    return times


# --- 2: reply latency at Telegram's ceiling ----------------------------------------------


@dataclass
class LatencyResult:
    offered: int
    rate: float
    p50_ms: float
    p99_ms: float
    max_ms: float
    answered: int
    rejected_429: int
    peak_rss: int
    startup_seconds: float
    rebuilt_seconds: float | None = None


async def run_latency(
    dataset: Dataset, users: Sequence[int], *, rate: float, seconds: float, probe: int
) -> LatencyResult:
    """Offer ``rate`` "done" updates a second for ``seconds`` to the normal, paced bot.

    The fake server enforces 30 messages in any 1-second window (429 beyond), as
    Telegram does. Latency is from the moment an update is queued at the fake server to
    the moment the bot's reply arrives there.
    """
    count = int(rate * seconds)
    users = list(users[:count])
    async with fake_server() as tg:
        tg.enforce_rate_limit(per_second=30)
        bot = BotProcess("bot", tg, BOT_DATA_DIR=str(dataset.data_dir))
        started = time.monotonic()
        await bot.start()
        tg.user_sends(probe, DONE)
        first = await tg.next_message(probe, timeout=180)
        startup = first.time - started
        rebuilt = await wait_rebuilt(tg, bot)
        await asyncio.sleep(1.0)
        rejected0 = tg.stats["rejected_429"]
        injected: dict[int, float] = {}
        try:
            loop = asyncio.get_running_loop()
            t0 = loop.time() + 0.1
            for n, uid in enumerate(users):
                delay = t0 + n / rate - loop.time()
                if delay > 0:
                    await asyncio.sleep(delay)
                injected[uid] = time.monotonic()
                tg.user_sends(uid, DONE)
            await _wait(tg, lambda: all(tg.sent(u) for u in users[-50:]), 120, "last replies",
                        bot)
            await _wait(tg, lambda: all(tg.sent(u) for u in users), 60, "all replies", bot)
            rss = bot.peak_rss()
        finally:
            await bot.stop()
        bot.cleanup()
        latencies = [(tg.sent(uid)[0].time - at) * 1000 for uid, at in injected.items()
                     if tg.sent(uid)]
        rejected = tg.stats["rejected_429"] - rejected0
    return LatencyResult(
        offered=len(users), rate=rate, p50_ms=median(latencies),
        p99_ms=percentile(latencies, 99), max_ms=max(latencies, default=0.0),
        answered=len(latencies), rejected_429=rejected, peak_rss=rss, startup_seconds=startup,
        rebuilt_seconds=rebuilt,
    )


# --- 3: write cost vs users, bytes on disk --------------------------------------------------


@dataclass
class WriteResult:
    users: int
    writes: int
    p50_ms: float
    p99_ms: float
    cpu_ms: float
    cold_read_p50_ms: float
    archived_writes: int = 0  # writes after which older records moved to the archives
    archive_p50_ms: float = 0.0  # that archive pass (after the reply, not part of it)
    archive_p99_ms: float = 0.0


def run_writes(dataset: Dataset, writes: int, seed: int = 3, *, fsync: bool = True
               ) -> WriteResult:
    """The write behind one "done" reply: one unit of work adding one record.

    As in the bot, the user's file was already read for this update (the dedupe check),
    so the timed part is the write itself: one journal line appended and synced
    (``fdatasync``), or, when the journal is long, the fold (serialise, write, fsync,
    rename, fsync the folder). A cold read (file not in the cache) and the archive pass
    that follows some writes (after the reply, as the runner does it) are timed
    separately. ``fsync=False`` times the same writes with fsync and fdatasync turned
    into no-ops: what is left is the part that depends on the design (file sizes,
    serialising), not on the disk.
    """
    if not fsync:
        real, real_data = os.fsync, os.fdatasync
        os.fsync = os.fdatasync = lambda fd: None
        try:
            return run_writes(dataset, writes, seed)
        finally:
            os.fsync, os.fdatasync = real, real_data
    store = Store(dataset.data_dir)
    rng = random.Random(seed)
    latencies: list[float] = []
    archiving: list[float] = []
    cpu: list[float] = []
    reads: list[float] = []
    archived = 0
    stamp = datetime.now(UTC)
    for n in range(writes):
        uid = rng.choice(dataset.user_ids)
        t = time.perf_counter()
        store.user(uid).get("seen")
        reads.append(time.perf_counter() - t)
        runs = store.archive_runs
        record = new_record(f"bench{n}", "done", stamp.date(), stamp, "text",
                            exercise="glute_bridge", reps=10, note="outside session")
        token = current_update_id.set(900_000_000 + n)
        try:
            c, t = time.process_time(), time.perf_counter()
            with store.user(uid) as txn:
                txn.add_record(record)
            latencies.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        finally:
            current_update_id.reset(token)
        t = time.perf_counter()
        store.archive_due()  # what the runner does once the reply has gone
        if store.archive_runs != runs:
            archived += 1
            archiving.append(time.perf_counter() - t)
        store._cache_drop(uid)  # the next reply to this user starts cold again
    return WriteResult(
        users=len(dataset.user_ids), writes=writes,
        p50_ms=median(latencies) * 1000, p99_ms=percentile(latencies, 99) * 1000,
        cpu_ms=sum(cpu) / len(cpu) * 1000, cold_read_p50_ms=median(reads) * 1000,
        archived_writes=archived, archive_p50_ms=median(archiving) * 1000,
        archive_p99_ms=percentile(archiving, 99) * 1000,
    )


# --- 5: reminder fan-out ------------------------------------------------------------------


@dataclass
class FanoutResult:
    reminders: int
    sent: int
    per_second: float
    rejected_429: int
    lost: int
    duplicated: int
    seconds: float
    peak_rss: int = 0
    path: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


def _fanout_result(tg: FakeTelegram, users: Sequence[int], path: str) -> FanoutResult:
    per_user = {uid: len(tg.sent(uid)) for uid in users}
    times = sorted(m.time for uid in users for m in tg.sent(uid))
    span = times[-1] - times[0] if len(times) > 1 else 0.0
    return FanoutResult(
        reminders=len(users), sent=len(times),
        per_second=(len(times) - 1) / span if span > 0 else 0.0,
        rejected_429=tg.stats["rejected_429"],
        lost=sum(1 for n in per_user.values() if n == 0),
        duplicated=sum(1 for n in per_user.values() if n > 1),
        seconds=span, path=path,
    )


async def run_limiter(limiter: BaseRateLimiter[Any], count: int, label: str) -> FanoutResult:
    """``count`` reminders sent at once through a rate limiter, straight from a PTB bot."""
    users = list(range(5_000_001, 5_000_001 + count))
    async with fake_server() as tg:
        tg.enforce_rate_limit(per_second=30)
        bot = ExtBot(TOKEN, base_url=tg.base_url, rate_limiter=limiter,
                     request=HTTPXRequest(connection_pool_size=256))
        await bot.initialize()
        try:
            results = await asyncio.gather(
                *(bot.send_message(uid, "Time for your hip routine") for uid in users),
                return_exceptions=True,
            )
        finally:
            await bot.shutdown()
        result = _fanout_result(tg, users, label)
        errors = [r for r in results if isinstance(r, Exception)]
        result.extra["errors"] = len(errors)
        unexpected = [r for r in errors if not isinstance(r, TelegramError)]
        if unexpected:
            raise unexpected[0]
    return result


def aio_defaults() -> BaseRateLimiter[Any]:
    return AIORateLimiter()


def paced_default() -> BaseRateLimiter[Any]:
    return PacedRateLimiter()


async def run_fanout(dataset: Dataset, due: datetime) -> FanoutResult:
    """Every user of ``dataset`` has a reminder due at ``due``: the real bot sends them.

    The fake server enforces 30 messages in any 1-second window and answers 429 with
    retry_after beyond that. Ends when every user has a message, or nothing was sent
    for 30 seconds.
    """
    users = dataset.user_ids
    async with fake_server() as tg:
        tg.enforce_rate_limit(per_second=30)
        bot = BotProcess("bot", tg, BOT_DATA_DIR=str(dataset.data_dir))
        await bot.start()
        rss = 0
        try:
            last_count, last_change = -1, time.monotonic()
            next_note = time.monotonic() + 30
            while True:
                await asyncio.sleep(1.0)
                count = sum(1 for uid in users if tg.sent(uid))
                now = time.monotonic()
                if count != last_count:
                    last_count, last_change = count, now
                if count >= len(users):
                    await asyncio.sleep(3.0)  # any duplicate would arrive now
                    break
                if bot.proc is not None and bot.proc.returncode is not None:
                    break
                stalled = now - last_change > 30 and datetime.now(UTC) > due + timedelta(
                    seconds=60)
                if stalled:
                    break
                if now >= next_note:
                    say(f"fan-out: {count} of {len(users)} reminders sent, "
                        f"{tg.stats['rejected_429']} x 429")
                    next_note = now + 30
            rss = bot.peak_rss()
        finally:
            await bot.stop()
        log = bot.log_text()
        bot.cleanup()
        result = _fanout_result(tg, users, "bot process")
        result.peak_rss = rss
        first = min((m.time for uid in users for m in tg.sent(uid)), default=None)
        if first is not None:  # seconds from the due minute to the first reminder
            lag = time.time() - (time.monotonic() - first) - due.timestamp()
            result.extra["first_after_due_s"] = lag
        result.extra["log_tail"] = log[-2000:]
    return result


def next_minute(after: datetime) -> datetime:
    """The first whole minute at or after ``after``."""
    rounded = after.replace(second=0, microsecond=0)
    return rounded if rounded >= after else rounded + timedelta(minutes=1)


def sample(ids: Sequence[int], k: int, exclude: set[int], rng: random.Random) -> list[int]:
    pool = [u for u in ids if u not in exclude]
    picked = rng.sample(pool, min(k, len(pool)))
    exclude.update(picked)
    return picked


def data_dir_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())
