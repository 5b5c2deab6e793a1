"""A damaged archive or hot file is quarantined: moved aside, kept, reported, never fatal.

``Store.archive_due`` runs after every reply (the runner's housekeeping); one patient's
damaged data must neither raise out of it nor stop the others' archiving.
"""

from __future__ import annotations

import gzip
import logging
from datetime import UTC, datetime
from pathlib import Path

import pytest

import bot.storage.store as store_mod
from bot.domain.profiles import new_profile
from bot.storage import HOT_MAX_RECORDS, Store, encode_archive
from tests.storage.test_storage import rec

NOW = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)


def patient(store: Store, uid: int, records: int = 0, day: str = "2026-10-01") -> None:
    with store.user(uid) as txn:
        txn.set("profile", new_profile(uid, "Pat", None, NOW, "UTC"))
        for n in range(records):
            txn.add_record(rec(uid * 1000 + n, day))


def damaged_archive(store: Store, uid: int, month: str = "2026-10") -> tuple[Path, bytes]:
    path = store.user_archive_dir(uid) / f"{month}.json.gz"
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    raw = encode_archive([rec(uid * 1000 + 999, f"{month}-02")])
    path.write_bytes(raw[: len(raw) // 2])
    return path, path.read_bytes()


def quarantined(store: Store) -> list[bytes]:
    return [p.read_bytes() for p in sorted(store.quarantine_dir.rglob("*")) if p.is_file()]


def test_archive_due_quarantines_a_damaged_archive_and_serves_the_others(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
):
    store = Store(tmp_path)
    patient(store, 5, HOT_MAX_RECORDS)
    patient(store, 6, HOT_MAX_RECORDS)
    archive, damaged = damaged_archive(store, 5)
    for uid in (5, 6):  # the next write takes each past the threshold
        with store.user(uid) as txn:
            txn.add_record(rec(uid * 1000 + 500, "2026-10-30"))
    with caplog.at_level(logging.WARNING):
        moved = store.archive_due()  # before: gzip's EOFError escaped from here
    assert moved == 2 * HOT_MAX_RECORDS
    assert quarantined(store) == [damaged]
    assert len(gzip.decompress(archive.read_bytes())) > 0  # a fresh archive of what moved
    assert len(store.records(5)) == HOT_MAX_RECORDS + 1  # everything still readable
    assert len(store.records(6)) == HOT_MAX_RECORDS + 1
    assert store.quarantine.take_notice(5) is not None
    assert store.quarantine.take_notice(5) is None  # told once
    assert store.quarantine.take_notice(6) is None
    assert "quarantine" in caplog.text.lower()
    assert "5" not in "".join(r.getMessage() for r in caplog.records
                              if "quarantine" in r.getMessage().lower())


def test_archive_due_never_raises_whatever_goes_wrong_for_one_patient(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    store = Store(tmp_path)
    for uid in (5, 6):
        patient(store, uid, HOT_MAX_RECORDS)
        with store.user(uid) as txn:
            txn.add_record(rec(uid * 1000 + 500, "2026-10-30"))
    real = store_mod.write_month_archives

    def broken_for_5(folder: Path, *args: object, **kwargs: object) -> None:
        if folder.name == "5":
            raise RuntimeError("a bug, not a disk error")
        real(folder, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store_mod, "write_month_archives", broken_for_5)
    assert store.archive_due() > 0  # 6 archived, 5 logged and left for later
    assert len(store.user(6).recent_records()) < HOT_MAX_RECORDS
    assert len(store.user(5).recent_records()) == HOT_MAX_RECORDS + 1


def test_records_quarantines_a_damaged_archive_and_returns_the_rest(tmp_path: Path):
    store = Store(tmp_path)
    patient(store, 5, 3, day="2026-11-27")
    _, damaged = damaged_archive(store, 5)
    assert len(store.records(5)) == 3  # before: EOFError
    assert quarantined(store) == [damaged]
    assert store.archive_files(5) == []
    assert store.quarantine.take_notice(5) is not None


def test_a_damaged_hot_file_is_quarantined_not_served_as_half_a_patient(tmp_path: Path):
    store = Store(tmp_path)
    patient(store, 5, 3)
    patient(store, 6, 3)
    path = store.user_path(5)
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) - 20])  # the head is intact, the rest is not
    fresh = Store(tmp_path)
    assert fresh.user(5).recent_records() == []  # before: orjson's JSONDecodeError
    assert quarantined(fresh) == [raw[: len(raw) - 20]]
    assert not path.exists()
    assert fresh.profile(5) == {}  # no half-read consent: set-up starts over
    assert fresh.quarantine.take_notice(5) is not None
    assert len(fresh.records(6)) == 3
