"""/forget in the store: a durable "forgetting" marker first, then every file, marker last.

A marker left by a crash names the forget to finish at the next start; until it is
finished, nothing can be written for that patient.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.domain.profiles import new_profile
from bot.storage import Forgotten, Store
from tests.storage.test_storage import rec

NOW = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)


def patient(store: Store, uid: int) -> None:
    with store.user(uid) as txn:
        txn.set("profile", new_profile(uid, "Zed", None, NOW, "UTC"))
        txn.add_record(rec(1, "2026-01-01"))
        txn.add_record(rec(2, "2026-11-27"))
    store.archive_old_records(uid, NOW.date())
    assert store.archive_files(uid)


def mentions(root: Path, uid: int) -> list[str]:
    found = []
    for path in root.rglob("*"):
        if str(uid) in path.name or (path.is_file() and str(uid).encode() in path.read_bytes()):
            found.append(str(path.relative_to(root)))
    return found


def test_a_marker_survives_a_crash_and_blocks_writes_until_finished(tmp_path: Path):
    store = Store(tmp_path)
    patient(store, 735913)
    assert store.journal.begin(735913)
    # crash here: a new process finds the forget to finish
    again = Store(tmp_path)
    assert sorted(again.journal.pending) == [735913]
    with pytest.raises(Forgotten), again.user(735913) as txn:
        txn.add_record(rec(3, "2026-11-28"))
    again.forget(735913)
    again.journal.end(735913)
    assert sorted(again.journal.pending) == []
    assert sorted(Store(tmp_path).journal.pending) == []
    assert mentions(tmp_path, 735913) == []


def test_forget_removes_quarantined_files_and_the_heads_snapshot_entry(tmp_path: Path):
    store = Store(tmp_path)
    patient(store, 735913)
    patient(store, 77)
    list(store.iter_heads())
    store.save_heads_snapshot()  # a clean stop wrote every head...
    aside = store.quarantine_dir / "735913"
    aside.mkdir(parents=True)
    (aside / "2026-01.json.gz").write_bytes(b"damaged, Zed's")
    store.forget(735913)  # ...and this process still holds it
    assert mentions(tmp_path, 735913) == []
    assert dict(Store(tmp_path).iter_profiles())[77]["first_name"] == "Zed"
