"""One unit of work on one patient, in one PostgreSQL transaction.

The patient's single-document tables are one JSONB row (``patients.doc``), read on
first use and written once at the end with its version checked: if another instance
wrote the patient in between, the write is refused (StorageError) rather than lost.
Records are rows of their own, written at once inside the transaction, so a unit of
work reads its own records; everything commits together with the update id, or not
at all. Like the embedded unit of work it has no ``await`` inside.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import TracebackType
from typing import Any, Protocol

import psycopg
from psycopg.types.json import Jsonb
from psycopg_pool import ConnectionPool

from bot.domain.records import Record
from bot.storage.consent import Forgotten, NoConsent
from bot.storage.postgres.errors import database_errors
from bot.storage.transaction import current_update_id

#: How long handled update ids are kept for dedupe (Telegram redelivers for a day).
SEEN_DAYS = 3


class _Owner(Protocol):
    pool: ConnectionPool

    def _forgotten_here(self, user_id: int) -> bool: ...


def recent_records_sql() -> str:
    """Records of the newest two days (and later): what the embedded hot file holds."""
    return ("SELECT doc FROM records WHERE user_id = %(u)s AND day >= (SELECT "
            "to_char(max(day)::date - 2, 'YYYY-MM-DD') FROM records WHERE user_id = %(u)s)"
            " ORDER BY seq")


class PgTxn:
    """``with store.user(uid) as txn``: read once, change, write once (or nothing)."""

    def __init__(self, owner: _Owner, user_id: int) -> None:
        self.owner = owner
        self.user_id = user_id
        self._conn: psycopg.Connection | None = None
        self._doc: dict[str, Any] | None = None
        self._version: int | None = None
        self._dirty = False
        self._entered = False

    # the connection and the row ------------------------------------------------
    def _db(self) -> psycopg.Connection:
        if self._conn is None:
            with database_errors("connecting"):
                self._conn = self.owner.pool.getconn()
        return self._conn

    def _rows(self, what: str, sql: str, params: Any, *, one: bool = False) -> list[Any]:
        """A query's rows: in this unit's transaction, or (a read without ``with``) on a
        connection borrowed for that one query."""
        with database_errors(what):
            if self._entered:
                cur = self._db().execute(sql, params)
                return (cur.fetchmany(1) if one else cur.fetchall()) if cur.description \
                    else [None] * max(cur.rowcount, 0)
            with self.owner.pool.connection() as conn:
                cur = conn.execute(sql, params)
                return (cur.fetchmany(1) if one else cur.fetchall()) if cur.description \
                    else [None] * max(cur.rowcount, 0)

    def _load(self) -> dict[str, Any]:
        if self._doc is None:
            rows = self._rows("reading a patient",
                              "SELECT doc, version FROM patients WHERE user_id = %s",
                              (self.user_id,), one=True)
            self._doc, self._version = ((dict(rows[0][0]), int(rows[0][1])) if rows
                                        else ({}, None))
        return self._doc

    @property
    def exists(self) -> bool:
        return bool(self._load()) or self._version is not None

    # single-document tables ------------------------------------------------------
    def get(self, table: str) -> dict[str, Any]:
        doc = self._load().get(table)
        return dict(doc) if isinstance(doc, dict) else {}

    def set(self, table: str, doc: Mapping[str, Any]) -> None:
        self._load()[table] = dict(doc)
        self._dirty = True

    def update(self, table: str, **fields: Any) -> dict[str, Any]:
        doc = self.get(table)
        doc.update(fields)
        self.set(table, doc)
        return doc

    def clear(self, table: str) -> None:
        if self._load().pop(table, None) is not None:
            self._dirty = True

    # records -----------------------------------------------------------------------
    def add_record(self, record: Record) -> bool:
        self._require_unit("storing a record")
        added = len(self._rows(
            "storing a record",
            "INSERT INTO records (user_id, record_id, day, ts, doc) VALUES "
            "(%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
            (self.user_id, str(record["id"]), str(record.get("date", "")),
             str(record.get("ts", "")), Jsonb(dict(record))))) == 1
        self._dirty = self._dirty or added
        return added

    def remove_record(self, record_id: str) -> Record | None:
        self._require_unit("taking back a record")
        rows = self._rows(
            "taking back a record",
            "DELETE FROM records WHERE user_id = %s AND record_id = %s RETURNING doc",
            (self.user_id, record_id), one=True)
        if not rows:
            return None
        self._dirty = True
        return Record(**rows[0][0])

    def has_record(self, record_id: str) -> bool:
        return bool(self._rows("reading a record",
                               "SELECT 1 FROM records WHERE user_id = %s AND record_id = %s",
                               (self.user_id, record_id), one=True))

    def recent_records(self) -> list[Record]:
        rows = self._rows("reading records", recent_records_sql(), {"u": self.user_id})
        return [Record(**row[0]) for row in rows]

    def recent_of(self, kind: str, day: str) -> list[Record]:
        return [r for r in self.recent_records() if r.get("kind") == kind and r.get("date") == day]

    def _require_unit(self, what: str) -> None:
        if not self._entered:  # a write outside ``with`` would never be committed
            raise RuntimeError(f"{what} needs a unit of work: use `with store.user(uid)`")

    # dedupe ------------------------------------------------------------------------
    def seen(self, update_id: int) -> bool:
        return bool(self._rows(
            "reading handled updates",
            "SELECT 1 FROM handled_updates WHERE user_id = %s AND update_id = %s",
            (self.user_id, update_id), one=True))

    def _mark_seen(self, update_id: int) -> None:
        self._rows("recording a handled update",
                   "WITH old AS (DELETE FROM handled_updates WHERE user_id = %(u)s AND "
                   "handled_at < now() - make_interval(days => %(d)s)) "
                   "INSERT INTO handled_updates (user_id, update_id) VALUES (%(u)s, %(i)s) "
                   "ON CONFLICT DO NOTHING",
                   {"u": self.user_id, "i": update_id, "d": SEEN_DAYS})
        self._dirty = True

    # commit -------------------------------------------------------------------------
    def _check_consent(self, conn: psycopg.Connection) -> None:
        """The consent gate, inside the transaction: nothing without consent."""
        forgetting = conn.execute("SELECT 1 FROM forgetting WHERE user_id = %s",
                                  (self.user_id,)).fetchone()
        if forgetting is not None:
            raise Forgotten("not written: this patient's data is being deleted")
        if not self.get("profile").get("consent"):
            if self.owner._forgotten_here(self.user_id):
                raise Forgotten("not written: this patient's data was deleted")
            raise NoConsent("not written: no consent to storage")

    def _write_doc(self, conn: psycopg.Connection) -> None:
        doc = Jsonb(self._load())
        if self._version is None:
            cur = conn.execute(
                "INSERT INTO patients (user_id, doc) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                (self.user_id, doc))
        else:
            cur = conn.execute(
                "UPDATE patients SET doc = %s, version = version + 1, updated_at = now() "
                "WHERE user_id = %s AND version = %s", (doc, self.user_id, self._version))
        if cur.rowcount != 1:
            raise psycopg.errors.SerializationFailure(
                "the patient was written by someone else meanwhile")

    def commit(self) -> None:
        """Every change at once with the current update id, after the consent gate."""
        if not self._dirty:
            return
        update_id = current_update_id.get()
        if update_id is not None:
            self._mark_seen(update_id)
        conn = self._db()
        self._check_consent(conn)
        with database_errors("writing a patient"):
            self._write_doc(conn)
            conn.commit()
        self._dirty = False

    def _release(self, ok: bool) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            if not ok or conn.info.transaction_status != psycopg.pq.TransactionStatus.IDLE:
                conn.rollback()
        except psycopg.Error:
            pass
        finally:
            self.owner.pool.putconn(conn)

    def __enter__(self) -> PgTxn:
        self._entered = True
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        ok = False
        try:
            if exc_type is None:
                self.commit()
                ok = True
        finally:
            self._entered = False
            self._release(ok)
