"""The journal per patient: lines framed and checked, replay equal to what was written,
torn lines and folds a crash cut short, and a SIGKILL at every step of an append and a
fold (``journal_writer.py``)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import bot.storage.journal as journal_mod
import bot.storage.tinydb_storage as tinydb_storage_mod
from bot.storage import Store, current_update_id, outside_update
from bot.storage.journal import frame, unframe

FULL = os.environ.get("FULL") == "1"
ROOT = Path(__file__).resolve().parents[2]


def consented(store: Store, uid: int) -> None:
    with store.user(uid) as txn:
        txn.set("profile", {"consent": True})


def on_disk(data_dir: Path, uid: int) -> dict[str, Any]:
    """A patient's tables as a new process would read them (hot file plus journal)."""
    return Store(data_dir)._full_tables(uid) or {}


def tables(data: dict[str, Any]) -> dict[str, Any]:
    """The tables that hold something (a hot file always carries profile and state)."""
    return {name: docs for name, docs in data.items() if docs}


# framing ---------------------------------------------------------------------------

bodies_st = st.lists(st.binary(min_size=0, max_size=60).map(lambda b: b.replace(b"\n", b"")),
                     max_size=8)


@given(bodies=bodies_st, cut=st.integers(min_value=0, max_value=2000))
def test_a_cut_keeps_exactly_the_whole_lines_before_it(bodies: list[bytes], cut: int) -> None:
    raw = b"".join(frame(b) for b in bodies)
    cut = min(cut, len(raw))
    found, end = unframe(raw[:cut])
    ends = [0]
    for body in bodies:
        ends.append(ends[-1] + len(frame(body)))
    whole = max(i for i, e in enumerate(ends) if e <= cut)
    assert found == bodies[:whole]
    assert end == ends[whole]


@given(bodies=bodies_st, garbage=st.binary(max_size=80), flip=st.integers(min_value=0))
def test_garbage_or_a_flipped_byte_never_adds_a_line(bodies: list[bytes], garbage: bytes,
                                                     flip: int) -> None:
    raw = bytearray(b"".join(frame(b) for b in bodies))
    found, _ = unframe(bytes(raw) + garbage)
    assert found[:len(bodies)] == bodies  # garbage after the lines may not take them
    if raw:
        at = flip % len(raw)
        raw[at] ^= 0x41
        damaged, _ = unframe(bytes(raw))
        assert len(damaged) <= len(bodies)
        assert all(b in bodies for b in damaged)


# replay ------------------------------------------------------------------------------

ops_st = st.lists(
    st.one_of(
        st.tuples(st.just("set"), st.sampled_from(["state", "session", "notes"]),
                  st.dictionaries(st.sampled_from("abc"), st.integers(0, 9), max_size=3)),
        st.tuples(st.just("update"), st.sampled_from(["state", "profile"]),
                  st.integers(0, 99)),
        st.tuples(st.just("clear"), st.sampled_from(["session", "notes"]), st.none()),
        st.tuples(st.just("add"), st.integers(0, 30), st.none()),
        st.tuples(st.just("remove"), st.integers(0, 30), st.none()),
    ),
    min_size=1, max_size=5,
)


@settings(max_examples=60 if not FULL else 400, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(units=st.lists(st.tuples(ops_st, st.booleans()), min_size=1, max_size=12),
       fold_bytes=st.sampled_from([0, 300, 2000, 32 * 1024]))
def test_what_a_new_process_reads_is_what_was_written(
        tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch,
        units: list[tuple[list[tuple[str, Any, Any]], bool]], fold_bytes: int) -> None:
    """Any units of work, folded often or never: the hot file plus the journal, read
    by a new process, equals the tables the writing process holds, after every unit."""
    monkeypatch.setattr(tinydb_storage_mod, "FOLD_BYTES", fold_bytes)
    data_dir = tmp_path_factory.mktemp("j")
    store = Store(data_dir)
    consented(store, 1)
    for n, (ops, with_update) in enumerate(units):
        token = current_update_id.set(1000 + n if with_update else None)
        try:
            with store.user(1) as txn:
                for kind, a, b in ops:
                    if kind == "set":
                        txn.set(a, b)
                    elif kind == "update":
                        txn.update(a, v=b)
                    elif kind == "clear":
                        txn.clear(a)
                    elif kind == "add":
                        txn.add_record({"id": f"r{a}", "kind": "done", "date": "2026-12-01",
                                        "ts": f"2026-12-01T07:00:{a:02d}Z"})
                    else:
                        txn.remove_record(f"r{a}")
        finally:
            current_update_id.reset(token)
        held = store._cache_get(1)
        assert held is not None
        assert tables(on_disk(data_dir, 1)) == tables(held)
        assert Store(data_dir).profile(1) == store.profile(1)


# torn lines, stale journals, orphans ----------------------------------------------------

def test_a_torn_last_line_is_dropped_and_the_next_append_cuts_it_off(tmp_path: Path) -> None:
    store = Store(tmp_path)
    consented(store, 1)
    for n in range(3):
        with store.user(1) as txn:
            txn.update("state", n=n)
    path = store.journal_path(1)
    whole = path.read_bytes()
    line = frame(b'{"t":{"state":{"n":99}}}')
    for cut in range(1, len(line)):
        path.write_bytes(whole + line[:cut])
        assert Store(tmp_path).user(1).get("state") == {"n": 2}, f"cut at {cut}"
    again = Store(tmp_path)  # the file still ends in a torn line
    with again.user(1) as txn:
        txn.update("state", n=3)
    assert path.read_bytes().startswith(whole)
    assert Store(tmp_path).user(1).get("state") == {"n": 3}
    assert unframe(path.read_bytes())[1] == path.stat().st_size, "no torn bytes left"


def test_a_fold_cut_short_before_the_journal_went_is_not_applied_twice(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(tmp_path)
    consented(store, 1)
    with store.user(1) as txn:
        txn.add_record({"id": "a", "kind": "done", "date": "2026-12-01", "ts": "1"})
    with store.user(1) as txn:
        txn.remove_record("a")
        txn.update("state", n=1)
    stale = store.journal_path(1).read_bytes()
    with outside_update(), store.user(1) as txn:
        txn.fold()
    assert store.journal_path(1).stat().st_size == 0, "emptied, kept"
    store.journal_path(1).write_bytes(stale)  # as if the process died before the unlink
    again = Store(tmp_path)
    assert again.user(1).recent_records() == []
    assert again.user(1).get("state") == {"n": 1}
    with again.user(1) as txn:  # the stale journal is cut, the new one starts after it
        txn.add_record({"id": "b", "kind": "done", "date": "2026-12-01", "ts": "2"})
    assert [r["id"] for r in Store(tmp_path).user(1).recent_records()] == ["b"]


def test_a_journal_without_its_hot_file_is_moved_aside(tmp_path: Path) -> None:
    store = Store(tmp_path)
    consented(store, 1)
    with store.user(1) as txn:
        txn.update("state", n=1)
    store.user_path(1).unlink()
    again = Store(tmp_path)
    assert again.profile(1) == {}
    assert not again.user(1).exists
    assert not again.journal_path(1).exists()
    assert list((tmp_path / "quarantine" / "1").iterdir()), "kept for inspection"
    assert again.quarantine.take_notice(1) == "journal"


def test_an_empty_journal_without_its_hot_file_is_removed_and_nobody_told(
        tmp_path: Path) -> None:
    store = Store(tmp_path)
    consented(store, 1)
    store.journal_path(1).write_bytes(b"")  # as a fold leaves it
    store.user_path(1).unlink()
    again = Store(tmp_path)  # not found at start-up (it holds no line): found on reading
    assert again.journal_path(1).exists()
    assert again.user(1)._storage.read() is None
    assert not again.journal_path(1).exists()
    assert again.quarantine.take_notice(1) is None
    assert not (tmp_path / "quarantine" / "1").exists()


def test_a_damaged_hot_file_takes_its_journal_aside_with_it(tmp_path: Path) -> None:
    store = Store(tmp_path)
    consented(store, 1)
    with store.user(1) as txn:
        txn.update("state", n=1)
    store.user_path(1).write_bytes(b'{"profile": {"1": ')
    again = Store(tmp_path)
    assert again.profile(1) == {}
    assert not again.journal_path(1).exists()
    assert len(list((tmp_path / "quarantine" / "1").iterdir())) == 2


def test_a_clean_stop_folds_every_journal_and_the_heads_agree(tmp_path: Path) -> None:
    store = Store(tmp_path)
    for uid in range(1, 6):
        consented(store, uid)
        with store.user(uid) as txn:
            txn.update("profile", name=f"p{uid}")
    assert all(store.journal_path(uid).stat().st_size for uid in range(1, 6))
    list(store.iter_heads())
    assert store.save_heads_snapshot()
    assert not any(p.stat().st_size for p in store.users_dir.glob("*.journal"))
    again = Store(tmp_path)
    assert {uid: p["name"] for uid, p in again.iter_profiles()} == {
        uid: f"p{uid}" for uid in range(1, 6)}


def test_after_a_crash_the_heads_include_the_journal(tmp_path: Path) -> None:
    store = Store(tmp_path)
    consented(store, 1)
    list(store.iter_heads())
    store.save_heads_snapshot()
    crashed = Store(tmp_path)  # uses (and deletes) the snapshot
    with crashed.user(1) as txn:
        txn.update("profile", timezone="Europe/Rome")
    # no clean stop: the next start sees the journal, and its head is read in full
    assert dict(Store(tmp_path).iter_profiles())[1]["timezone"] == "Europe/Rome"


def test_forget_leaves_no_journal(tmp_path: Path) -> None:
    store = Store(tmp_path)
    consented(store, 1)
    with store.user(1) as txn:
        txn.update("state", n=1)
    assert store.journal_path(1).stat().st_size
    store.forget(1)
    assert not store.journal_path(1).exists()
    assert not list(store.users_dir.iterdir())
    assert Store(tmp_path).profile(1) == {}


def test_a_redelivered_update_in_the_journal_is_recognised(tmp_path: Path) -> None:
    store = Store(tmp_path)
    consented(store, 1)
    token = current_update_id.set(77)
    with store.user(1) as txn:
        txn.update("state", n=1)
    current_update_id.reset(token)
    assert Store(tmp_path).has_seen(1, 77)
    assert not Store(tmp_path).has_seen(1, 78)


def test_a_reply_appends_one_line_and_syncs_once(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    store = Store(tmp_path)
    consented(store, 1)
    with store.user(1) as txn:
        txn.update("state", n=0)  # the journal exists from here on
    syncs: list[int] = []
    real = os.fdatasync
    monkeypatch.setattr(journal_mod.os, "fdatasync", lambda fd: (syncs.append(fd), real(fd)))
    before = store.user_path(1).stat().st_mtime_ns
    with store.user(1) as txn:
        txn.add_record({"id": "x", "kind": "done", "date": "2026-12-01", "ts": "1"})
        txn.update("state", n=1)
    assert len(syncs) == 1
    assert store.user_path(1).stat().st_mtime_ns == before, "the hot file is not rewritten"


# SIGKILL at every step ------------------------------------------------------------------

STEPS = ["append:open", "append:write", "append:sync", "append:sync-folder",
         "append:done", "fold:write", "fold:written", "fold:truncate"]


def _run_writer(data_dir: Path, start: int, count: int, step: str, nth: int, base: int
                ) -> tuple[list[int], int]:
    proc = subprocess.run(
        [sys.executable, "-m", "tests.storage.journal_writer", str(data_dir), str(start),
         str(count), step, str(nth), str(base)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )
    acked = [int(line.split()[1]) for line in proc.stdout.splitlines()
             if line.startswith("ack")]
    return acked, proc.returncode


def _check(data_dir: Path, acked: list[int], attempted: int, owner: dict[int, int]) -> None:
    store = Store(data_dir)
    on = {uid: store._full_tables(uid) or {} for uid in store.user_ids()}
    ids = {r["id"] for t in on.values() for r in (t.get("events") or {}).values()}
    done = set(acked)
    def undoes(n: int) -> bool:  # unit n removes record n - 5 (when it is the same patient's)
        return n % 7 == 0 and owner.get(n - 5) == owner.get(n)

    for n in acked:
        if undoes(n):
            assert f"r{n - 5}" not in ids, f"undo of r{n - 5} (acked in {n}) came back"
        if undoes(n + 5) and (n + 5 in done or f"r{n + 5}" in ids):
            continue  # undone by a later unit
        assert f"r{n}" in ids, f"acknowledged r{n} lost"
    assert all(int(i[1:]) < attempted for i in ids), "a record nobody wrote"
    for uid, tables in on.items():
        mine = [n for n in acked if owner[n] == uid]
        if mine:
            assert tables["profile"]["1"]["last"] >= max(mine)
            assert set(mine[-50:]) <= set(tables["seen"]["1"]["ids"])


@pytest.mark.timeout(600)
@pytest.mark.parametrize("step", STEPS)
def test_sigkill_at_every_step_of_an_append_and_a_fold(tmp_path: Path, step: str) -> None:
    """Killed the n-th time the storage reaches a step, then started again (and killed
    at the next n): every acknowledged unit is there, once, and a new writer carries on
    (through the cut-off of what the kill left: a torn line, a folded journal)."""
    data_dir = tmp_path / "data"
    acked: list[int] = []
    owner: dict[int, int] = {}
    start = 0

    def run(count: int, kill: str, nth: int, base: int) -> int:
        nonlocal start, acked
        owner.update({n: base + n % 5 for n in range(start, start + count)})
        got, code = _run_writer(data_dir, start, count, kill, nth, base)
        acked += got
        start += count
        _check(data_dir, acked, start, owner)
        return code

    nths = [1, 2, 3, 5] if step == "append:sync-folder" else [1, 2, 3, 5, 8, 13]
    for round_, nth in enumerate(nths if FULL else nths[::3]):
        base = 100 + 10 * round_  # new patients each round: their journals are new files
        assert run(90, step, nth, base) == -signal.SIGKILL, f"{step} #{nth} not reached"
        assert run(10, "none", 0, base) == 0  # carries on after what the kill left
    assert run(5, "stop", 0, 100) == 0
    assert not any(p.stat().st_size for p in (data_dir / "users").glob("*.journal")), \
        "a clean stop folds them all"
