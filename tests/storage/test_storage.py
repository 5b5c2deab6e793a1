"""Storage: atomic writes, dedupe, archives, forgetting, and a SIGKILL loop."""

from __future__ import annotations

import json
import os
import random
import signal
import stat
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest

import bot.storage as storage_mod
import bot.storage.atomic as atomic_mod  # where os.replace is called
import bot.storage.journal as journal_mod  # where the journal's syscalls are made
import bot.storage.tinydb_storage as tinydb_storage_mod
from bot.storage import StorageError, Store, current_update_id

ROOT = Path(__file__).resolve().parents[2]


def consented(store: Store, *uids: int) -> None:
    """A profile with consent: without one the store writes nothing (the consent gate)."""
    for uid in uids:
        with store.user(uid) as txn:
            txn.update("profile", consent=True)


def rec(n: int, day: str = "2026-11-28") -> dict:
    return {"id": f"r{n}", "kind": "done", "date": day, "ts": f"{day}T07:00:{n % 60:02d}Z",
            "source": "text"}


def test_unit_of_work_writes_once_and_reads_back(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with store.user(1) as txn:
        txn.set("profile", {"consent": True, "tz": "Europe/London"})
        assert txn.add_record(rec(1))
        assert not txn.add_record(rec(1)), "same id twice is stored once"
    fresh = Store(tmp_path)  # a new process would see the same
    assert fresh.profile(1) == {"consent": True, "tz": "Europe/London"}
    assert [r["id"] for r in fresh.records(1)] == ["r1"]


def test_files_are_private(tmp_path: Path) -> None:
    store = Store(tmp_path / "data")
    with store.user(7) as txn:
        txn.set("profile", {"x": 1, "consent": True})
    assert stat.S_IMODE(os.stat(store.user_path(7)).st_mode) == 0o600
    assert stat.S_IMODE(os.stat(tmp_path / "data").st_mode) == 0o700
    assert stat.S_IMODE(os.stat(store.users_dir).st_mode) == 0o700


def test_update_id_is_stored_with_the_write(tmp_path: Path) -> None:
    store = Store(tmp_path)
    consented(store, 3)
    token = current_update_id.set(555)
    try:
        with store.user(3) as txn:
            txn.add_record(rec(1))
    finally:
        current_update_id.reset(token)
    assert Store(tmp_path).has_seen(3, 555)
    assert not Store(tmp_path).has_seen(3, 556)


def test_seen_ids_are_bounded(tmp_path: Path) -> None:
    store = Store(tmp_path)
    for n in range(storage_mod.SEEN_LIMIT + 50):
        token = current_update_id.set(n)
        with store.user(3) as txn:
            txn.update("profile", n=n, consent=True)
        current_update_id.reset(token)
    ids = (Store(tmp_path)._full_tables(3) or {})["seen"]["1"]["ids"]  # from disk
    assert len(ids) == storage_mod.SEEN_LIMIT
    assert ids[-1] == storage_mod.SEEN_LIMIT + 49


@pytest.mark.parametrize("broken", ["replace", "pwrite", "fdatasync"])
def test_failed_write_keeps_old_file_and_raises(tmp_path: Path, monkeypatch,
                                                broken: str) -> None:
    """A full disk at the hot file's rename (a fold) or at the journal's append."""
    store = Store(tmp_path)
    with store.user(1) as txn:
        txn.set("profile", {"v": 1, "consent": True})
    with store.user(1) as txn:
        txn.update("state", n=1)  # a journal line: the next append is not its first

    def no_space(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    if broken == "replace":
        monkeypatch.setattr(tinydb_storage_mod, "FOLD_BYTES", 0)  # every write a fold
        monkeypatch.setattr(atomic_mod.os, "replace", no_space)
    else:
        monkeypatch.setattr(journal_mod.os, broken, no_space)
    with pytest.raises(StorageError, match="No space left"), store.user(1) as txn:
        txn.set("profile", {"v": 2, "consent": True})
    monkeypatch.undo()
    assert store.profile(1) == {"v": 1, "consent": True}, "the cache must not keep the change"
    assert not list(store.users_dir.glob(".*.tmp")), "temp file cleaned up"
    with store.user(1) as txn:
        txn.update("state", n=2)
    again = Store(tmp_path)
    assert again.profile(1) == {"v": 1, "consent": True}
    assert again.user(1).get("state") == {"n": 2}, "a later write lands after the failed one"


def test_exception_in_unit_discards_changes(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with store.user(1) as txn:
        txn.set("profile", {"v": 1, "consent": True})
    def buggy_handler() -> None:
        with store.user(1) as txn:
            txn.set("profile", {"v": 2, "consent": True})
            raise RuntimeError("handler bug")

    with pytest.raises(RuntimeError):
        buggy_handler()
    assert store.profile(1) == {"v": 1, "consent": True}


def test_schema_version_and_migration_hook(tmp_path: Path) -> None:
    calls: list[int] = []
    store = Store(tmp_path, migrations={1: lambda s: calls.append(1)})
    assert store.schema_version == storage_mod.SCHEMA_VERSION
    assert calls == [1]
    Store(tmp_path, migrations={1: lambda s: calls.append(2)})
    assert calls == [1], "a migration runs once"
    (tmp_path / "meta.json").write_text('{"schema_version": 99}')
    with pytest.raises(StorageError, match="newer version"):
        Store(tmp_path)


def test_archive_moves_old_records_and_records_merges(tmp_path: Path) -> None:
    store = Store(tmp_path)
    consented(store, 1)
    with store.user(1) as txn:
        txn.add_record(rec(1, "2026-09-01"))
        txn.add_record(rec(2, "2026-10-15"))
        txn.add_record(rec(3, "2026-11-27"))
    moved = store.archive_old_records(1, date(2026, 11, 28))
    assert moved == 2
    assert [r["id"] for r in store.user(1).recent_records()] == ["r3"]
    assert [r["id"] for r in store.records(1)] == ["r1", "r2", "r3"]
    assert [r["id"] for r in store.records(1, since=date(2026, 10, 1))] == ["r2", "r3"]
    assert store.archive_old_records(1, date(2026, 11, 28)) == 0


def test_forget_leaves_nothing(tmp_path: Path) -> None:
    store = Store(tmp_path)
    with store.user(4242) as txn:
        txn.set("profile", {"first_name": "Zed", "consent": True})
        txn.add_record(rec(1, "2026-01-01"))
    store.archive_old_records(4242, date(2026, 11, 28))
    (store.user_cache_dir(4242) / "chart.png").write_bytes(b"x")
    store.forget(4242)
    for path in tmp_path.rglob("*"):
        assert "4242" not in path.name
        if path.is_file():
            assert b"4242" not in path.read_bytes()
            assert b"Zed" not in path.read_bytes()


def _kill_cycle(data_dir: Path, start: int, rng: random.Random) -> list[int]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.storage.storage_writer", str(data_dir), str(start),
         "100000"],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()
    assert first.startswith("ack"), first
    time.sleep(rng.uniform(0.0, 0.15))
    proc.send_signal(signal.SIGKILL)
    rest = proc.stdout.read()
    proc.wait()
    return [int(line.split()[1]) for line in (first + rest).splitlines() if line.startswith("ack")]


@pytest.mark.timeout(300)
def test_sigkill_at_random_points_never_loses_an_acknowledged_write(tmp_path: Path) -> None:
    """Kill a writer again and again: the data parses, and every ack is on disk."""
    rng = random.Random(20261128)
    data_dir = tmp_path / "data"
    acked: list[int] = []
    cycles = 0
    minimum = 2000 if os.environ.get("FULL") else 500
    while len(acked) < minimum or cycles < 10:
        start = max(acked, default=-1) + 1
        # writes after the last ack may have landed too: never reuse their ids
        store = Store(data_dir)
        on_disk = {r["id"] for uid in store.user_ids() for r in store.records(uid)}
        while f"r{start}" in on_disk:
            start += 1
        acked += _kill_cycle(data_dir, start, rng)
        cycles += 1
        store = Store(data_dir)  # must open every time
        for uid in store.user_ids():
            json.loads(store.user_path(uid).read_bytes())
        on_disk = {r["id"] for uid in store.user_ids() for r in store.records(uid)}
        missing = [n for n in acked if f"r{n}" not in on_disk]
        assert not missing, f"cycle {cycles}: acknowledged but lost: {missing[:5]}"
    print(f"\nkill test: {cycles} SIGKILLs, {len(acked)} acknowledged writes, none lost")


def test_hot_file_overflow_is_archived_after_the_reply(tmp_path: Path) -> None:
    """Past HOT_MAX_RECORDS the older records move out, but only in archive_due()."""
    store = Store(tmp_path)
    days = [f"2026-10-{d:02d}" for d in range(1, 31)]
    consented(store, 5)
    with store.user(5) as txn:
        for n in range(storage_mod.HOT_MAX_RECORDS + 6):
            txn.add_record(rec(n, days[n % 30]))
    assert len(store.user(5).recent_records()) == storage_mod.HOT_MAX_RECORDS + 6
    moved = store.archive_due()
    assert moved > 0
    hot = store.user(5).recent_records()
    assert len(hot) == storage_mod.HOT_MAX_RECORDS + 6 - moved
    assert min(r["date"] for r in hot) >= "2026-10-28"
    assert len(store.records(5)) == storage_mod.HOT_MAX_RECORDS + 6, "nothing lost"
    assert store.archive_due() == 0, "nothing left to do"


def test_hot_file_past_hard_max_is_archived_at_once(tmp_path: Path) -> None:
    store = Store(tmp_path)
    total = storage_mod.HOT_HARD_MAX + 1
    consented(store, 6)
    with store.user(6) as txn:
        for n in range(total):
            txn.add_record(rec(n, f"2026-09-{n % 28 + 1:02d}"))
    with store.user(6) as txn:  # the next write finds it over the hard limit
        txn.add_record(rec(total, "2026-09-28"))
    assert len(store.user(6).recent_records()) < storage_mod.HOT_HARD_MAX
    assert len(store.records(6)) == total + 1


def test_temp_files_left_by_a_crash_are_removed_at_start_up(tmp_path: Path) -> None:
    """Archive writes keep their temp files in tmp/, so start-up looks in a few folders only."""
    store = Store(tmp_path)
    with store.user(7) as txn:
        txn.set("profile", {"v": 1, "consent": True})
    for n in range(storage_mod.HOT_MAX_RECORDS + 20):
        token = current_update_id.set(7_000 + n)
        try:
            with store.user(7) as txn:
                day = f"2026-01-{1 + n % 28:02d}"
                txn.add_record({"id": f"r{n}", "kind": "done", "date": day})
        finally:
            current_update_id.reset(token)
    assert store.archive_due() > 0
    assert list((tmp_path / "archive" / "7").iterdir()), "an archive was written"
    assert not list((tmp_path / "tmp").iterdir()), "its temp file was renamed into place"

    pid = 999_999
    torn = [tmp_path / "users" / f".7.json.{pid}.tmp",
            tmp_path / "tmp" / f".7-2026-01.json.gz.{pid}.tmp"]
    for path in torn:
        path.write_bytes(b'{"half')
    Store(tmp_path)
    assert not [p for p in torn if p.exists()]
    assert store.records(7), "the real files are untouched"


def _three_users(store: Store) -> None:
    for uid in (1, 2, 3):
        with store.user(uid) as txn:
            txn.set("profile", {"name": f"P{uid}", "tz": "Europe/London", "consent": True})
            txn.set("state", {"n": uid})


def test_clean_stop_snapshot_makes_the_next_start_read_one_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = Store(tmp_path)
    _three_users(store)
    assert not store.save_heads_snapshot(), "no snapshot before every head is known"
    expected = list(store.iter_heads())
    assert store.save_heads_snapshot()

    def no_file_reads(self: Store, user_id: int) -> None:
        raise AssertionError("a head was read from its file")

    monkeypatch.setattr(Store, "_read_head", no_file_reads)
    again = Store(tmp_path)
    assert list(again.iter_heads()) == expected
    assert not (tmp_path / "heads.snapshot").exists(), "used once, then deleted"


def test_a_write_after_the_snapshot_makes_it_ignored(tmp_path: Path) -> None:
    store = Store(tmp_path)
    _three_users(store)
    list(store.iter_heads())
    assert store.save_heads_snapshot()
    time.sleep(0.01)
    with store.user(2) as txn:  # e.g. a crash after this: the snapshot is stale
        txn.set("profile", {"name": "Changed", "consent": True})
    with store.user(4) as txn:
        txn.set("profile", {"name": "New", "consent": True})
    again = Store(tmp_path)
    profiles = dict(again.iter_profiles())
    assert profiles[2]["name"] == "Changed" and profiles[4]["name"] == "New"


def test_a_damaged_snapshot_is_ignored(tmp_path: Path) -> None:
    store = Store(tmp_path)
    _three_users(store)
    (tmp_path / "heads.snapshot").write_bytes(b'{"users_mtime_ns": 1, "heads": {"1": 5')
    assert [uid for uid, _ in Store(tmp_path).iter_profiles()] == [1, 2, 3]


def test_a_file_changed_in_place_after_the_snapshot_is_read_again(tmp_path: Path) -> None:
    """A restored backup or a hand edit does not rename into users/: caught by mtime/size."""
    store = Store(tmp_path)
    _three_users(store)
    list(store.iter_heads())
    assert store.save_heads_snapshot()
    path = tmp_path / "users" / "3.json"
    data = json.loads(path.read_bytes())
    data["profile"]["1"]["name"] = "Edited by hand"
    time.sleep(0.01)
    path.write_text(json.dumps(data))  # in place: the folder's entries do not change
    profiles = dict(Store(tmp_path).iter_profiles())
    assert profiles[3]["name"] == "Edited by hand"
    assert profiles[1]["name"] == "P1"
