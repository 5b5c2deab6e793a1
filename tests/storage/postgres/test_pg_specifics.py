"""What only the PostgreSQL backend has: migrations, several instances on one database."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from bot.storage import StorageError
from bot.storage.postgres import PgStore
from bot.storage.postgres.migrations import LATEST, MIGRATIONS


def test_the_schema_is_created_once_and_versioned(database_url: str, tmp_path: Path) -> None:
    first = PgStore(database_url, tmp_path / "a")
    second = PgStore(database_url, tmp_path / "b")  # a second instance: nothing to do
    assert first.schema == second.schema == LATEST
    with psycopg.connect(database_url) as conn:
        versions = [r[0] for r in conn.execute("SELECT version FROM schema_migrations")]
    assert versions == [n for n, _ in MIGRATIONS]
    first.close()
    second.close()


def test_a_failing_migration_leaves_the_previous_schema(database_url: str,
                                                         tmp_path: Path) -> None:
    PgStore(database_url, tmp_path / "a").close()
    broken = (*MIGRATIONS, (LATEST + 1, "ALTER TABLE patients ADD COLUMN extra int; "
                                        "SELECT no_such_function();"))
    with pytest.raises(StorageError):
        PgStore(database_url, tmp_path / "b", migrations=broken)
    with psycopg.connect(database_url) as conn:
        assert conn.execute("SELECT max(version) FROM schema_migrations").fetchone() == (LATEST,)
        columns = {r[0] for r in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name='patients'")}
    assert "extra" not in columns


def test_a_newer_schema_is_refused(database_url: str, tmp_path: Path) -> None:
    PgStore(database_url, tmp_path / "a").close()
    with psycopg.connect(database_url) as conn:
        conn.execute("INSERT INTO schema_migrations (version) VALUES (%s)", (LATEST + 7,))
    with pytest.raises(StorageError, match="newer version"):
        PgStore(database_url, tmp_path / "b")


def test_a_write_based_on_a_stale_read_is_refused_not_lost(database_url: str,
                                                           tmp_path: Path) -> None:
    one = PgStore(database_url, tmp_path / "a")
    two = PgStore(database_url, tmp_path / "b")
    with one.user(1) as txn:
        txn.set("profile", {"consent": True})
    def interleaved() -> None:
        with one.user(1) as slow:
            slow.update("state", by="one")
            with two.user(1) as fast:  # another instance writes meanwhile
                fast.update("state", by="two")

    with pytest.raises(StorageError):
        interleaved()
    assert two.user(1).get("state") == {"by": "two"}
    one.close()
    two.close()


def test_a_database_that_is_down_is_a_storage_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="cannot start"):
        PgStore("postgresql://postgres@127.0.0.1:1/none", tmp_path / "a")


def test_only_start_ups_second_look_at_every_head_reuses_the_first(database_url: str,
                                                                   tmp_path: Path) -> None:
    store = PgStore(database_url, tmp_path / "a")
    with store.user(1) as txn:
        txn.set("profile", {"consent": True, "n": 1})
    assert [p["n"] for _, p in store.iter_profiles()] == [1]  # start-up: reminders
    assert [p["n"] for _, p in store.iter_profiles()] == [1]  # start-up: weekly summaries
    for n in (2, 3, 4):  # afterwards every look is fresh (a clinician's /patient, /stats)
        with store.user(1) as txn:
            txn.update("profile", n=n)
        assert [p["n"] for _, p in store.iter_profiles()] == [n]
    store.close()
