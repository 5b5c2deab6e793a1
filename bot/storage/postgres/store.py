"""``PgStore``: the repository on PostgreSQL, the same interface as the embedded store.

A connection pool (psycopg_pool) serves the units of work and the reads. The calls are
synchronous, like the embedded store's: a unit of work has no ``await`` inside, so it
runs to its end on the event loop without interleaving; on a database on the same
network a query costs a fraction of a millisecond (``bench/`` measures it).
"""

from __future__ import annotations

import contextlib
import logging
import shutil
import time
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from contextlib import AbstractAsyncContextManager
from datetime import date, datetime
from pathlib import Path
from typing import Any

import orjson
import psycopg
from psycopg.types.json import Jsonb, set_json_loads
from psycopg_pool import ConnectionPool, PoolTimeout

from bot.domain.records import Record
from bot.storage.atomic import StorageError, ensure_dir
from bot.storage.postgres.coordination import PgCoordination
from bot.storage.postgres.errors import database_errors
from bot.storage.postgres.migrations import LATEST, migrate
from bot.storage.postgres.txn import PgTxn
from bot.storage.turns import PatientTurns

log = logging.getLogger(__name__)

#: Seconds a list of every patient's head is reused (start-up reads it twice).
HEADS_REUSE = 10.0
HEADS_BATCH = 1000  # patients per query while start-up walks every head
#: orjson parses JSONB several times faster than the standard json (start-up parses
#: every patient's profile and state).
set_json_loads(orjson.loads)

#: Any fixed number: the advisory lock of the one instance that polls Telegram.
POLLER_LOCK = 7_231_002


class PgForgetLog:
    """/forget's durable marker: a row in ``forgetting``, removed once all is gone."""

    def __init__(self, pool: ConnectionPool) -> None:
        self.pool = pool
        self.forgotten: set[int] = set()  # finished in this process (old buttons)

    @property
    def pending(self) -> set[int]:
        with database_errors("reading deletions"), self.pool.connection() as conn:
            return {int(r[0]) for r in conn.execute("SELECT user_id FROM forgetting")}

    def begin(self, user_id: int) -> bool:
        try:
            with self.pool.connection() as conn:
                conn.execute("INSERT INTO forgetting (user_id) VALUES (%s) "
                             "ON CONFLICT DO NOTHING", (user_id,))
        except (psycopg.Error, PoolTimeout) as exc:
            log.error("Could not record the start of a deletion (%s)", type(exc).__name__)
            return False
        return True

    def end(self, user_id: int) -> bool:
        self.forgotten.add(user_id)
        try:
            with self.pool.connection() as conn:
                conn.execute("DELETE FROM forgetting WHERE user_id = %s", (user_id,))
        except (psycopg.Error, PoolTimeout) as exc:
            log.error("Could not record the end of a deletion (%s)", type(exc).__name__)
            return False
        return True


class NoDamage:
    """The database has no damaged files to move aside."""

    def take_notice(self, user_id: int) -> str | None:
        return None


class PgStore:
    """Patients, records, dedupe and bot-wide values in PostgreSQL."""

    def __init__(self, url: str, cache_dir: Path, *, pool_size: int = 8,
                 migrations: tuple[tuple[int, str], ...] | None = None) -> None:
        self.url = url
        self.cache_dir = cache_dir  # this machine's generated pictures; nothing personal
        ensure_dir(cache_dir)
        self.archive_runs = 0
        self._transient_seen: OrderedDict[tuple[int, int], None] = OrderedDict()
        try:
            with psycopg.connect(url, autocommit=True, connect_timeout=10) as conn:
                self.schema = (migrate(conn) if migrations is None
                               else migrate(conn, migrations))
            self.pool = ConnectionPool(url, min_size=1, max_size=pool_size, open=True,
                                       timeout=10, kwargs={"connect_timeout": 10},
                                       name="bot")
        except psycopg.Error as exc:
            raise StorageError(f"database: cannot start ({type(exc).__name__}: "
                               f"{str(exc).splitlines()[0] if str(exc) else ''})") from exc
        self.coordination = PgCoordination(url)
        self._turns = PatientTurns(self.coordination.patient_lock)
        self.journal = PgForgetLog(self.pool)
        self._heads: tuple[float, list[Any]] | None = None
        self._heads_reads = 0
        self._poller_conn: psycopg.Connection | None = None
        self.quarantine = NoDamage()

    def _forgotten_here(self, user_id: int) -> bool:
        return user_id in self.journal.forgotten

    def _one(self, what: str, sql: str, params: Any = None) -> Any:
        with database_errors(what), self.pool.connection() as conn:
            row = conn.execute(sql, params).fetchone()
        return None if row is None else row[0]

    # units of work ---------------------------------------------------------------
    def user(self, user_id: int) -> PgTxn:
        return PgTxn(self, user_id)

    def exists(self, user_id: int) -> bool:
        return self._one("reading a patient",
                         "SELECT 1 FROM patients WHERE user_id = %s", (user_id,)) is not None

    def profile(self, user_id: int) -> dict[str, Any]:
        doc = self._one("reading a profile",
                        "SELECT doc->'profile' FROM patients WHERE user_id = %s", (user_id,))
        return dict(doc) if isinstance(doc, dict) else {}

    def has_seen(self, user_id: int, update_id: int) -> bool:
        if (user_id, update_id) in self._transient_seen:
            return True
        return self._one("reading handled updates",
                         "SELECT 1 FROM handled_updates WHERE user_id = %s AND update_id = %s",
                         (user_id, update_id)) is not None

    def mark_seen(self, user_id: int, update_id: int, *, persist: bool) -> None:
        self._transient_seen[(user_id, update_id)] = None
        while len(self._transient_seen) > 10_000:
            self._transient_seen.popitem(last=False)
        if persist and self.may_store(user_id):
            with self.user(user_id) as txn:
                txn._mark_seen(update_id)

    def user_ids(self) -> list[int]:
        with database_errors("listing patients"), self.pool.connection() as conn:
            return [int(r[0]) for r in conn.execute(
                "SELECT user_id FROM patients ORDER BY user_id")]

    def iter_profiles(self) -> Iterator[tuple[int, dict[str, Any]]]:
        for user_id, profile, _state in self.iter_heads():
            yield user_id, profile

    def iter_heads(self) -> Iterator[tuple[int, dict[str, Any], dict[str, Any]]]:
        """Every patient's profile and state, read in batches of ``HEADS_BATCH`` (start-up
        walks them while the bot already answers: no one query holds the event loop for
        100,000 rows). Start-up asks twice in a row (reminders, weekly summaries): the
        process's second call, within ``HEADS_REUSE`` of the first, gets the first's rows,
        the way the embedded store keeps its heads in memory (writes made meanwhile by
        another instance reach the jobs through ``changed_since``). Every later call
        reads afresh."""
        cached, self._heads = self._heads, None
        if cached is not None and time.monotonic() - cached[0] <= HEADS_REUSE:
            self._heads_reads += 1
            for user_id, profile, state in cached[1]:
                yield int(user_id), dict(profile or {}), dict(state or {})
            return
        keep = self._heads_reads == 0  # only the first: start-up's second call reuses it
        self._heads_reads += 1
        rows: list[Any] = []
        after = -(2**63)
        while True:
            with database_errors("listing patients"), self.pool.connection() as conn:
                batch = conn.execute(
                    "SELECT user_id, coalesce(doc->'profile', '{}'), "
                    "coalesce(doc->'state', '{}') FROM patients WHERE user_id > %s "
                    "ORDER BY user_id LIMIT %s", (after, HEADS_BATCH)).fetchall()
            if keep:
                rows.extend(batch)
            for user_id, profile, state in batch:
                yield int(user_id), dict(profile or {}), dict(state or {})
            if len(batch) < HEADS_BATCH:
                break
            after = int(batch[-1][0])
        if keep:
            self._heads = (time.monotonic(), rows)

    def records(self, user_id: int, since: date | None = None) -> list[Record]:
        with database_errors("reading records"), self.pool.connection() as conn:
            rows = conn.execute(
                "SELECT doc FROM records WHERE user_id = %s AND day >= %s ORDER BY ts, seq",
                (user_id, since.isoformat() if since else "")).fetchall()
        return [Record(**row[0]) for row in rows]

    def has_data(self, user_id: int) -> bool:
        return self._one(
            "reading a patient",
            "SELECT EXISTS (SELECT 1 FROM patients WHERE user_id = %(u)s) OR EXISTS "
            "(SELECT 1 FROM records WHERE user_id = %(u)s)", {"u": user_id}) is True

    def change_stamp(self, user_id: int) -> object:
        return self._one("reading a patient",
                         "SELECT version FROM patients WHERE user_id = %s", (user_id,))

    # bot-wide values ------------------------------------------------------------------
    def bot_get(self, key: str) -> Any:
        return self._one("reading a bot-wide value",
                         "SELECT value FROM bot_values WHERE key = %s", (key,))

    def bot_set(self, key: str, value: Any) -> None:
        self.bot_update({key: value})

    def bot_update(self, values: Mapping[str, Any]) -> None:
        with database_errors("writing bot-wide values"), self.pool.connection() as conn:
            for key, value in values.items():
                conn.execute("INSERT INTO bot_values (key, value) VALUES (%s, %s) "
                             "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                             (key, Jsonb(value)))

    def bot_values(self) -> dict[str, Any]:
        with database_errors("reading bot-wide values"), self.pool.connection() as conn:
            return {str(k): v for k, v in conn.execute("SELECT key, value FROM bot_values")}

    # consent and deletion ----------------------------------------------------------------
    def may_store(self, user_id: int) -> bool:
        return self._one(
            "reading a profile",
            "SELECT (doc->'profile'->>'consent')::boolean IS TRUE AND NOT EXISTS "
            "(SELECT 1 FROM forgetting WHERE user_id = %(u)s) FROM patients "
            "WHERE user_id = %(u)s", {"u": user_id}) is True

    def forget(self, user_id: int) -> None:
        """Every row about the patient, in one transaction, and this machine's files."""
        self.journal.forgotten.add(user_id)
        for key in [k for k in self._transient_seen if k[0] == user_id]:
            del self._transient_seen[key]
        with database_errors("deleting a patient"), self.pool.connection() as conn:
            for table in ("records", "handled_updates", "patients"):
                conn.execute(f"DELETE FROM {table} WHERE user_id = %s",  # noqa: S608
                             (user_id,))
        folder = self.cache_dir / "users" / str(int(user_id))
        if folder.exists():
            shutil.rmtree(folder, ignore_errors=True)
            if folder.exists():
                raise StorageError("could not delete a patient's cached files")

    # transfer -----------------------------------------------------------------------------
    def dump_patient(self, user_id: int) -> dict[str, Any]:
        with database_errors("reading a patient"), self.pool.connection() as conn:
            row = conn.execute("SELECT doc FROM patients WHERE user_id = %s",
                               (user_id,)).fetchone()
            seen = [int(r[0]) for r in conn.execute(
                "SELECT update_id FROM handled_updates WHERE user_id = %s ORDER BY update_id",
                (user_id,))]
        tables = dict(row[0]) if row else {}
        return {"tables": {k: tables[k] for k in sorted(tables) if tables[k]},
                "records": [dict(r) for r in self.records(user_id)], "seen": seen}

    def load_patient(self, user_id: int, dump: Mapping[str, Any]) -> None:
        with database_errors("writing a patient"), self.pool.connection() as conn, \
                conn.transaction():
            for table in ("records", "handled_updates", "patients"):
                conn.execute(f"DELETE FROM {table} WHERE user_id = %s",  # noqa: S608
                             (user_id,))
            conn.execute("INSERT INTO patients (user_id, doc) VALUES (%s, %s)",
                         (user_id, Jsonb(dict(dump.get("tables") or {}))))
            with conn.cursor() as cur:
                cur.executemany(
                    "INSERT INTO records (user_id, record_id, day, ts, doc) VALUES "
                    "(%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                    [(user_id, str(r["id"]), str(r.get("date", "")), str(r.get("ts", "")),
                      Jsonb(dict(r))) for r in dump.get("records") or []])
                cur.executemany(
                    "INSERT INTO handled_updates (user_id, update_id) VALUES (%s, %s) "
                    "ON CONFLICT DO NOTHING", [(user_id, int(u)) for u in dump.get("seen") or []])

    # housekeeping -------------------------------------------------------------------------
    def user_cache_dir(self, user_id: int) -> Path:
        folder = self.cache_dir / "users" / str(int(user_id))
        ensure_dir(folder)
        return folder

    def archive_due(self) -> int:
        return 0  # one table holds every record: nothing to move

    def save_heads_snapshot(self) -> bool:
        return False  # start-up reads the heads in one query

    def compact(self, user_id: int) -> bool:
        """Rows are updated in place: no journal to fold."""
        return False

    # several instances ------------------------------------------------------------------
    @property
    def shared(self) -> bool:
        return True

    def patient_turn(self, user_id: int) -> AbstractAsyncContextManager[None]:
        return self._turns.turn(user_id)

    def take_send_slot(self, limit: int) -> tuple[float, int | None]:
        return self.coordination.take_send_slot(limit)

    def release_send_slot(self, slot: int, *, sent: bool = True) -> None:
        self.coordination.release_send_slot(slot, sent=sent)

    def changed_since(self, since: datetime | None
                      ) -> tuple[datetime, list[tuple[int, dict[str, Any], dict[str, Any]]]]:
        return self.coordination.changed_since(since)

    def claim_poller(self) -> bool:
        """A session advisory lock on a connection of its own, held until exit: a
        second instance polling the same database is refused (a crash frees it)."""
        try:
            conn = psycopg.connect(self.url, autocommit=True, connect_timeout=10)
            row = conn.execute("SELECT pg_try_advisory_lock(%s)", (POLLER_LOCK,)).fetchone()
        except psycopg.Error as exc:
            raise StorageError(f"database: cannot take the poller lock "
                               f"({type(exc).__name__})") from exc
        if not (row and row[0]):
            conn.close()
            return False
        self._poller_conn = conn
        return True

    def health(self) -> dict[str, Any]:
        try:
            version = self._one("checking the database",
                                "SELECT max(version) FROM schema_migrations")
        except StorageError:
            return {"ok": False, "backend": "postgresql"}
        return {"ok": version == LATEST, "backend": "postgresql", "schema": version}

    def close(self) -> None:
        self.coordination.close()
        with contextlib.suppress(Exception):
            self.pool.close()
        if self._poller_conn is not None:
            with contextlib.suppress(Exception):
                self._poller_conn.close()
            self._poller_conn = None
