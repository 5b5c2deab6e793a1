"""The benchmark code on tiny sizes, so ``python -m bench`` cannot rot between runs.

Generates 20 synthetic patients, reads them back through the real ``Store``, runs a
few timed writes, a short paced fan-out, the real bot process on a handful of "done"
messages, and renders the table. Asserts behaviour, never a time.
"""

from __future__ import annotations

import gzip
import json
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from bench import data, scenarios, understanding
from bench.table import Row, percentile, render
from bot.storage import HOT_MAX_RECORDS, Store


def test_generated_patients_read_back_through_the_store(tmp_path: Path) -> None:
    now = datetime.now(UTC)
    ds = data.generate(tmp_path / "d", 20, now=now, days=60)
    assert len(ds.user_ids) == 20 and ds.files > 20
    assert ds.allocated_bytes >= ds.apparent_bytes > 0

    store = Store(ds.data_dir)
    profiles = dict(store.iter_profiles())
    assert sorted(profiles) == ds.user_ids
    for uid, profile in profiles.items():
        assert profile["consent"] is True and profile["reminder_times"]
        raw = json.loads(store.user_path(uid).read_bytes())  # the whole file, parsed
        assert raw["profile"]["1"] == profile, "the head index agrees with the file"

    uid = ds.user_ids[0]
    records = store.records(uid)
    assert len(records) == len({r["id"] for r in records}) > 100
    assert [r["ts"] for r in records] == sorted(r["ts"] for r in records)
    hot = store.user(uid).recent_records()
    assert 0 < len(hot) <= HOT_MAX_RECORDS
    archives = store.archive_files(uid)
    assert archives and all(p.name.endswith(".json.gz") for p in archives)
    archived = json.loads(gzip.decompress(archives[0].read_bytes()))["records"]
    assert {r["id"] for r in archived} <= {r["id"] for r in records}
    assert store.user(uid).get("state")["last_prompt"]["exercise"]


def test_timed_writes_go_through_the_unit_of_work(tmp_path: Path) -> None:
    ds = data.generate(tmp_path / "d", 20, days=40)
    result = scenarios.run_writes(ds, 12)
    assert result.writes == 12 and result.users == 20
    assert 0 < result.p50_ms <= result.p99_ms
    store = Store(ds.data_dir)
    written = [r for uid in ds.user_ids for r in store.records(uid)
               if str(r["id"]).startswith("bench")]
    assert len(written) == 12, "every timed write is stored, once"
    for uid in ds.user_ids:
        assert len(store.user(uid).recent_records()) <= HOT_MAX_RECORDS + 1


async def test_paced_fanout_loses_and_doubles_nothing() -> None:
    result = await scenarios.run_limiter(scenarios.paced_default(), 8, "paced")
    assert (result.sent, result.lost, result.duplicated, result.rejected_429) == (8, 0, 0, 0)


async def test_bot_process_answers_done_from_generated_patients(tmp_path: Path) -> None:
    # 30 "done" (about 45 ms of CPU): the process's CPU time is read in 10 ms ticks, so a
    # handful of updates could read as none
    ds = data.generate(tmp_path / "d", 33, days=30)
    users = ds.user_ids
    result = await scenarios.run_load("bot", ds, users[3:33], warmup=users[1:3], probe=users[0],
                                      env={"MAX_MESSAGES_PER_SECOND": "0"})
    assert result.replies_recorded == 30, result.log_tail
    assert result.cpu_ms_per_update > 0 and result.peak_rss > 0
    # then an everyday question: the FAQ's sentence model loads, the peak is read again
    assert result.peak_rss_with_model is not None
    assert result.peak_rss_with_model >= result.peak_rss
    assert result.reminder_jobs is not None and result.reminder_jobs >= 20
    assert result.startup_seconds is not None and result.startup_seconds > 0
    store = Store(ds.data_dir)
    today = {r["date"] for uid in users[3:33] for r in store.records(uid)
             if r.get("note") == "outside session"}
    assert today and all(date.fromisoformat(d) for d in today)


async def test_restart_after_a_clean_stop_uses_the_heads_snapshot(tmp_path: Path) -> None:
    ds = data.generate(tmp_path / "d", 20, days=30)
    snapshot = ds.data_dir / "heads.snapshot"
    assert await scenarios.run_startups(ds, ds.user_ids[:1], snapshot=False)
    assert snapshot.exists(), "the clean stop saved every head"
    times = await scenarios.run_startups(ds, ds.user_ids[1:2], snapshot=True)
    assert len(times) == 1 and times[0][0] > 0
    assert times[0][1] is not None, "the rebuild of every job ended and said so in the log"
    assert snapshot.exists(), "used at the start (and deleted), saved again at the stop"
    assert await scenarios.run_startups(ds, ds.user_ids[2:3], snapshot=False)


def test_table_renders_every_row() -> None:
    rows = [Row("CPU per update", "2.00 ms"), Row("Ratio", "1.20x", "<= 1.5x", True),
            Row("Start-up", "4.00 s", "<= 3 s", False)]
    table = render(rows, title="Benchmarks")
    lines = table.splitlines()
    assert lines[0] == "Benchmarks" and len(lines) == 2 + 1 + len(rows)
    assert lines[4].rstrip().endswith("| yes |") and lines[5].rstrip().endswith("| NO  |")
    assert percentile([5.0, 1.0, 3.0, 2.0, 4.0], 50) == 3.0
    assert percentile([float(n) for n in range(1, 101)], 99) == 99.0


def test_the_understanding_bench_runs_and_prints_its_table(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """``python -m bench.understanding``: it reads the corpus and prints its figures."""
    texts = understanding.corpus_texts()
    assert len(texts) >= 2000
    ms = understanding.timed(understanding.interpret.interpret, texts[:20], 1)
    assert len(ms) == 20 and all(m >= 0 for m in ms)
    assert understanding.main(["--passes", "1"]) == 0
    assert "understanding step, median" in capsys.readouterr().out


class _Messages:
    """What ``every_one_answered`` reads of the fake Bot API: the count and each chat."""

    def __init__(self) -> None:
        self.stats = {"sent": 0}
        self.chats: dict[int, list[str]] = {}

    def send(self, chat_id: int, text: str) -> None:
        self.chats.setdefault(chat_id, []).append(text)
        self.stats["sent"] += 1

    def sent(self, chat_id: int) -> list[str]:
        return list(self.chats.get(chat_id, []))


def test_a_load_run_waits_for_every_patient_not_for_a_count() -> None:
    tg = _Messages()
    tg.send(1, "from before")
    answered = scenarios.every_one_answered(tg, [1, 2, 3])  # type: ignore[arg-type]
    assert not answered()
    tg.send(1, "Recorded")
    tg.send(1, "a milestone, too")  # a second message for patient 1...
    tg.send(2, "Recorded")
    assert not answered(), "...does not stand in for patient 3's reply"
    tg.send(3, "Recorded")
    assert answered()
