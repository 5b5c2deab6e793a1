"""``python -m bench`` (``make bench``): every measurement, then one table on stdout.

    python -m bench            # 10,000 patients, the full 10,000-reminder fan-out (~8 min)
    python -m bench --quick    # 1,000 patients, short runs: a smoke run in ~2 minutes

Synthetic data goes to a temporary folder (``--keep`` leaves it there); progress goes
to stderr.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench import data, scenarios
from bench.scenarios import say
from bench.table import Row, median, render

MB = 1024 * 1024


@dataclass
class Plan:
    """How big each measurement is."""

    users: int = 10_000
    load_updates: int = 1_500
    warmup: int = 100
    latency_seconds: float = 60.0
    latency_rate: float = 30.0
    write_sizes: tuple[int, ...] = (100, 1_000, 10_000)
    writes: int = 300
    fanout: int = 10_000
    baseline: int = 300
    days: int = 365

    @classmethod
    def quick(cls) -> Plan:
        return cls(users=1_000, load_updates=300, warmup=30, latency_seconds=10.0,
                   write_sizes=(100, 1_000), writes=150, fanout=300, baseline=150)


def _ms(value: float) -> str:
    return f"{value:.2f} ms" if value < 10 else f"{value:.0f} ms"


async def run(plan: Plan, root: Path, skip_fanout: bool = False) -> list[Row]:
    rng = random.Random(2026)
    rows: list[Row] = []
    now = datetime.now(UTC)

    # --- data ---------------------------------------------------------------------------
    say(f"generating {plan.users:,} patients with {plan.days} days of history each")
    t = time.monotonic()
    main = data.generate(root / "main", plan.users, now=now, days=plan.days)
    say(f"  done in {time.monotonic() - t:.0f} s: {main.records_per_user:,.0f} records "
        f"per patient, {main.allocated_bytes / MB:,.0f} MB on disk, {main.files:,} files")
    sets: dict[int, data.Dataset] = {plan.users: main}
    for size in plan.write_sizes:
        if size not in sets:
            sets[size] = data.generate(root / f"w{size}", size, now=now, days=plan.days)
    # The generator writes ~1 GB without fsync; flush it now, or the write timings below
    # would measure the kernel's writeback of it rather than our writes.
    t = time.monotonic()
    os.sync()
    say(f"  flushed the generated files to disk in {time.monotonic() - t:.0f} s")

    # --- 3: write cost vs users -------------------------------------------------------------
    writes = []
    for size in plan.write_sizes:
        say(f"write cost: {plan.writes} one-record writes at {size:,} users")
        writes.append(scenarios.run_writes(sets[size], plan.writes))
    say(f"the same writes at {plan.write_sizes[-1]:,} users without fsync")
    no_fsync = scenarios.run_writes(sets[plan.write_sizes[-1]], plan.writes, seed=4,
                                    fsync=False)
    sizes = sorted(sets)
    per_year = sets[sizes[len(sizes) // 2]] if len(sizes) > 1 else main

    # --- 4, 1, 6: start-up, cost per update (ours and the echo bot), memory -------------------
    used: set[int] = set()
    probe = scenarios.sample(main.user_ids, 1, used, rng)[0]
    warm = scenarios.sample(main.user_ids, plan.warmup, used, rng)
    load_users = scenarios.sample(main.user_ids, plan.load_updates, used, rng)
    say(f"our bot (pacing off): start-up with {plan.users:,} users, "
        f"then {plan.load_updates:,} 'done' messages")
    ours = await scenarios.run_load("bot", main, load_users, warmup=warm, probe=probe,
                                    env={"MAX_MESSAGES_PER_SECOND": "0"})
    say(f"  {ours.cpu_ms_per_update:.2f} ms CPU per update, "
        f"{ours.updates_per_second:.0f} updates/s, start-up {ours.startup_seconds:.2f} s")
    say("bare PTB echo bot: the same messages")
    echo = await scenarios.run_load("bench.echo", main, load_users, warmup=warm, probe=probe,
                                    env={})
    say(f"  {echo.cpu_ms_per_update:.2f} ms CPU per update, {echo.updates_per_second:.0f}/s")

    # --- 5 (prepared): the fan-out's own patients, due once the runs below are done ------
    fan_set: data.Dataset | None = None
    due = datetime.now(UTC)
    if not skip_fanout:
        # Hot files only (the fan-out never reads archives), in their own folder, with the
        # due minute after the latency run, the baselines and two more start-ups; the
        # rest of the wait for that minute is spent on more start-up samples, not idle.
        lead = timedelta(seconds=plan.latency_seconds + 20)
        due = scenarios.next_minute(datetime.now(UTC) + lead)
        say(f"fan-out: {plan.fanout:,} patients with a reminder due at {due:%H:%M} UTC")
        fan_set = data.generate(root / "fanout", plan.fanout, now=now, days=plan.days,
                                reminder_at=due, archives=False)
        os.sync()

    # --- 2: latency at 30/s (its start follows a clean stop: a restart with the snapshot) -
    count = int(plan.latency_rate * plan.latency_seconds)
    lat_users = scenarios.sample(main.user_ids, count, used, rng)
    probe2 = scenarios.sample(main.user_ids, 1, used, rng)[0]
    say(f"latency: {plan.latency_rate:.0f} 'done'/s for {plan.latency_seconds:.0f} s "
        "through the paced bot (fake enforces 30/s)")
    latency = await scenarios.run_latency(main, lat_users, rate=plan.latency_rate,
                                          seconds=plan.latency_seconds, probe=probe2)
    say(f"  p50 {latency.p50_ms:.0f} ms, p99 {latency.p99_ms:.0f} ms, "
        f"{latency.rejected_429} x 429")

    # --- 4 again: more start-ups, one start varies by half a second -------------------------
    # The load run was a start without the snapshot, the latency run one with it. One
    # more of each, then more while the fan-out's due minute is still far off.
    cold = [ours.startup_seconds or 0.0]
    restarts = [latency.startup_seconds]
    rebuilt = [t for t in (ours.rebuilt_seconds, latency.rebuilt_seconds) if t is not None]
    for n in range(12):
        room = (due - datetime.now(UTC)).total_seconds() - 20  # the fan-out bot starts then
        if fan_set is not None and n >= 2 and room < 8:
            break
        with_snapshot = n % 2 == 0
        pick = scenarios.sample(main.user_ids, 1, used, rng)
        took = await scenarios.run_startups(main, pick, snapshot=with_snapshot)
        (restarts if with_snapshot else cold).extend(first for first, _ in took)
        rebuilt.extend(done for _, done in took if done is not None)
    say(f"  start-up without snapshot {', '.join(f'{t:.2f}' for t in cold)} s; "
        f"with {', '.join(f'{t:.2f}' for t in restarts)} s")

    async def baselines() -> tuple[scenarios.FanoutResult, scenarios.FanoutResult]:
        """Two limiters straight from a PTB bot, each against its own 30/s fake server.

        They run beside the 6-minute fan-out (after its first 20 s): both are paced by
        their fake servers, not by the CPU, and each has its own server and clock.
        """
        if fan_set is not None:
            await asyncio.sleep(max(0.0, (due - datetime.now(UTC)).total_seconds()) + 20)
        say(f"fan-out baseline: {plan.baseline} reminders through AIORateLimiter() (defaults)")
        aio = await scenarios.run_limiter(scenarios.aio_defaults(), plan.baseline,
                                          "AIORateLimiter()")
        say(f"  {aio.per_second:.1f} msg/s, {aio.rejected_429} x 429, {aio.lost} lost")
        say(f"fan-out, same count through the bot's PacedRateLimiter: {plan.baseline}")
        paced = await scenarios.run_limiter(scenarios.paced_default(), plan.baseline,
                                            "PacedRateLimiter()")
        say(f"  {paced.per_second:.1f} msg/s, {paced.rejected_429} x 429, {paced.lost} lost")
        return aio, paced

    fan = None
    if fan_set is not None:
        late = datetime.now(UTC) + timedelta(seconds=5) > due
        say(f"fan-out: {len(fan_set.user_ids):,} reminders due at {due:%H:%M} UTC, through "
            "the real bot process" + (" (started late: sent as missed-while-down reminders)"
                                      if late else ""))
        fan, (aio, paced) = await asyncio.gather(scenarios.run_fanout(fan_set, due),
                                                 baselines())
        say(f"  {fan.per_second:.2f} msg/s, {fan.rejected_429} x 429, {fan.lost} lost, "
            f"{fan.duplicated} duplicated")
    else:
        aio, paced = await baselines()

    # --- the table ---------------------------------------------------------------------
    ratio = ours.cpu_ms_per_update / echo.cpu_ms_per_update
    rows.append(Row(f"CPU per 'done' update, our bot ({plan.users:,} users, a year each)",
                    _ms(ours.cpu_ms_per_update), "", None))
    rows.append(Row("CPU per update, bare PTB echo bot (same load, same fake server)",
                    _ms(echo.cpu_ms_per_update), "", None))
    rows.append(Row("Ratio our bot / echo bot", f"{ratio:.2f}x", "<= 1.5x", ratio <= 1.5))
    rows.append(Row("Throughput, unthrottled (our bot / echo bot)",
                    f"{ours.updates_per_second:.0f} / {echo.updates_per_second:.0f} updates/s"))
    if ours.replies_recorded != ours.updates:
        rows.append(Row("'done' replies that recorded a set",
                        f"{ours.replies_recorded} of {ours.updates}"))
    rows.append(Row(f"Reply latency at {latency.rate:.0f} updates/s for "
                    f"{plan.latency_seconds:.0f} s, p50 / p99",
                    f"{latency.p50_ms:.0f} / {latency.p99_ms:.0f} ms "
                    f"({latency.rejected_429} x 429)",
                    "p99 <= 500 ms", latency.p99_ms <= 500))
    flat = max(w.p99_ms for w in writes) <= 5.0
    for w in writes:
        rows.append(Row(f"Write per reply at {w.users:,} users, p50 / p99 (CPU)",
                        f"{_ms(w.p50_ms)} / {_ms(w.p99_ms)} ({_ms(w.cpu_ms)})",
                        "p99 <= 5 ms, flat", w.p99_ms <= 5.0 and flat))
    last = writes[-1]
    if last.archived_writes:
        rows.append(Row(f"  archive pass after {last.archived_writes} of those {last.writes} "
                        "replies (after the reply), p50 / p99",
                        f"{_ms(last.archive_p50_ms)} / {_ms(last.archive_p99_ms)}"))
    else:
        rows.append(Row(f"  archive pass after the reply: none due in these {last.writes}", ""))
    rows.append(Row(f"  same writes with fsync off ({no_fsync.users:,} users): design cost",
                    f"{_ms(no_fsync.p50_ms)} / {_ms(no_fsync.p99_ms)} "
                    f"({_ms(no_fsync.cpu_ms)} CPU)"))
    kb = per_year.bytes_per_user_year() / 1024
    rows.append(Row("Disk per user-year (allocated; file sizes)",
                    f"{kb:.0f} KB ({per_year.bytes_per_user_year(False) / 1024:.0f} KB)",
                    "<= 100 KB", kb <= 100))
    startup = median(cold)
    rows.append(Row(f"Start-up with {plan.users:,} users to first update handled, median of "
                    f"{len(cold)} "
                    f"({ours.reminder_jobs} reminder + {ours.weekly_jobs} weekly jobs, "
                    f"{ours.held_jobs} of them held)",
                    f"{startup:.2f} s ({min(cold):.2f}-{max(cold):.2f})", "<= 3 s",
                    startup <= 3.0))
    restart = median(restarts)
    rows.append(Row(f"  restart after a clean stop (heads snapshot), median of {len(restarts)}",
                    f"{restart:.2f} s ({min(restarts):.2f}-{max(restarts):.2f})", "<= 2 s",
                    restart <= 2.0))
    if rebuilt:
        rows.append(Row(f"  every job rebuilt (while answering), median of {len(rebuilt)} starts",
                        f"{median(rebuilt):.2f} s ({min(rebuilt):.2f}-{max(rebuilt):.2f})"))
    if fan is not None:
        ok = fan.per_second >= 28.5 and fan.lost == 0 and fan.duplicated == 0 and (
            fan.rejected_429 <= 5)
        rows.append(Row(f"Fan-out {fan.reminders:,} reminders due together (bot process)",
                        f"{fan.per_second:.2f} msg/s, {fan.rejected_429} x 429, {fan.lost} lost, "
                        f"{fan.duplicated} dup", ">= 28.5/s, 0 lost, 0 dup, few 429",
                        ok))
    rows.append(Row(f"  same limiter, {paced.reminders} sent at once (PacedRateLimiter)",
                    f"{paced.per_second:.2f} msg/s, {paced.rejected_429} x 429, "
                    f"{paced.lost} lost, {paced.duplicated} dup"))
    rows.append(Row(f"  baseline: AIORateLimiter() defaults, {aio.reminders} at once",
                    f"{aio.per_second:.2f} msg/s, {aio.rejected_429} x 429, {aio.lost} lost, "
                    f"{aio.duplicated} dup"))
    peak = max([ours.peak_rss, latency.peak_rss] + ([fan.peak_rss] if fan else []))
    rows.append(Row(f"Peak RSS with {plan.users:,} users (load / latency / fan-out runs)",
                    f"{peak / MB:.0f} MB ({ours.peak_rss / MB:.0f} / {latency.peak_rss / MB:.0f}"
                    + (f" / {fan.peak_rss / MB:.0f}" if fan else "") + ")",
                    "<= 250 MB", peak <= 250 * MB))
    if ours.peak_rss_with_model is not None:
        rows.append(Row("  load run, then one everyday question (the FAQ's sentence model "
                        "loaded)", f"{ours.peak_rss_with_model / MB:.0f} MB"))
    rows.append(Row("  bare echo bot, peak RSS", f"{echo.peak_rss / MB:.0f} MB"))
    return rows


def machine() -> str:
    return (f"{os.cpu_count()} cores, Python {platform.python_version()}, "
            f"{platform.system()} {platform.release()}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run")
    parser.add_argument("--users", type=int, help="patients in the main data set")
    parser.add_argument("--skip-fanout", action="store_true",
                        help="leave out the full fan-out through the bot process")
    parser.add_argument("--keep", action="store_true", help="keep the generated data")
    args = parser.parse_args(argv)
    plan = Plan.quick() if args.quick else Plan()
    if args.users:
        plan.users = args.users
        plan.fanout = min(plan.fanout, args.users)
        plan.write_sizes = (*(s for s in plan.write_sizes if s < args.users), args.users)
    root = Path(tempfile.mkdtemp(prefix="hip-bench-"))
    started = time.monotonic()
    rows: list[Row] | None = None
    try:
        rows = asyncio.run(run(plan, root, skip_fanout=args.skip_fanout))
        minutes = (time.monotonic() - started) / 60
        print(render(rows, title=f"Benchmarks ({machine()}; {minutes:.1f} min)"), flush=True)
    finally:
        if args.keep:
            say(f"data kept in {root}")
        elif rows is not None:
            # 140,000 files take the better part of a minute to delete: not worth waiting
            # for once the table is out, so a detached ``rm`` does it.
            subprocess.Popen(["rm", "-rf", str(root)], start_new_session=True,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            say(f"removing the generated data ({root}) in the background")
        else:
            shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
