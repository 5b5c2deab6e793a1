"""A unit of work on one user: read the hot file once, change it in memory, write once.

The write carries the id of the Telegram update being handled, so "recorded" and
"this update was handled" land in the same atomic write: a redelivered update is
recognised and handled once. Everything runs on the event-loop thread; a unit of work
has no ``await`` inside, so it is never interleaved with another one.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

from tinydb import TinyDB
from tinydb.table import Document

from bot.domain.records import Record
from bot.storage.atomic import ensure_dir
from bot.storage.codec import HEAD_TABLES, dumps, encode_head, single_doc
from bot.storage.journal import RECORDS, SEEN, SEEN_LIMIT, Journal, note_seen
from bot.storage.tinydb_storage import AtomicStorage

__all__ = ["SEEN_LIMIT", "TxnStore", "UserTxn", "current_update_id", "outside_update"]

#: The Telegram update being handled, set by the dispatcher before handlers run.
current_update_id: ContextVar[int | None] = ContextVar("current_update_id", default=None)


@contextmanager
def outside_update() -> Iterator[None]:
    """Writes in here are bookkeeping, not the handling of the current update: they do
    not mark it handled, so a crash before the update's own write still lets Telegram's
    redelivery through."""
    token = current_update_id.set(None)
    try:
        yield
    finally:
        current_update_id.reset(token)


class TxnStore(Protocol):
    """What a unit of work needs from the store that opened it (``Store`` has it all)."""

    _heads: dict[int, bytes]

    def user_path(self, user_id: int) -> Path: ...

    def exists(self, user_id: int) -> bool: ...

    def _open_user(self, user_id: int) -> tuple[dict[str, Any] | None, Journal]: ...

    def _cache_put(self, user_id: int, data: dict[str, Any], journal: Journal) -> None: ...

    def _journal_written(self, user_id: int, live: bool) -> None: ...

    def _orphan_journal(self, user_id: int) -> None: ...

    def _cache_drop(self, user_id: int) -> None: ...

    def _head_tables(self, user_id: int) -> dict[str, Any] | None: ...

    def _archive_overflow(self, txn: UserTxn) -> None: ...

    def _check_write(self, txn: UserTxn) -> None: ...

    def _damaged_hot_file(self, user_id: int, exc: Exception) -> None: ...


class UserTxn:
    """One unit of work on one user's file: read once, change in memory, write once.

    The file is parsed on first use, not on creation; reading only ``profile`` or
    ``state`` of a user whose file is not loaded uses the in-memory heads index.
    """

    def __init__(self, store: TxnStore, user_id: int) -> None:
        self.store = store
        self.user_id = user_id
        self.path = store.user_path(user_id)
        cached, journal = store._open_user(user_id)
        self._storage = AtomicStorage(
            self.path, journal, cache=cached,
            on_load=lambda data: store._cache_put(user_id, data, journal),
            on_damaged=lambda exc: store._damaged_hot_file(user_id, exc),
            on_orphan=lambda: store._orphan_journal(user_id),
        )
        self._head: dict[str, Any] | None = None
        self._db: TinyDB | None = None
        # What this unit changed, for its journal line: single-document tables touched,
        # records added and removed (document ids), the update id marked as handled.
        self._touched: set[str] = set()
        self._added: list[int] = []
        self._removed: list[int] = []
        self._seen_update: int | None = None
        self._rewrite = False  # changed through ``db`` directly: write the whole file

    @property
    def db(self) -> TinyDB:
        """The TinyDB over this user's file, for changes that no journal line describes
        (a restore, the archive move): the commit then writes the whole hot file."""
        self._rewrite = True
        return self._tinydb()

    def _tinydb(self) -> TinyDB:
        if self._db is None:
            storage = self._storage
            self._db = TinyDB(self.path, storage=lambda _path: storage)
        return self._db

    @property
    def exists(self) -> bool:
        """True when this user has a stored file (or a loaded one)."""
        return self._storage.loaded or self.store.exists(self.user_id)

    def _tables(self) -> dict[str, Any]:
        return self._storage.read() or {}

    # single-document tables -------------------------------------------------
    def get(self, table: str) -> dict[str, Any]:
        """The one document of a single-document table (empty dict if none).

        Read straight from the parsed file (as TinyDB's own ``get(doc_id=1)`` does);
        only ``profile`` or ``state`` of a file not loaded yet come from the heads index.
        """
        if table in HEAD_TABLES and not self._storage.loaded:
            if self._head is None:
                self._head = self.store._head_tables(self.user_id)
            if self._head is not None:
                return single_doc(self._head, table)
        return single_doc(self._tables(), table)

    def set(self, table: str, doc: Mapping[str, Any]) -> None:
        """Replace the one document of a single-document table."""
        self._touch(table)
        self._tinydb().table(table).upsert(Document(dict(doc), doc_id=1))

    def _touch(self, table: str) -> None:
        if table == RECORDS:
            self._rewrite = True
        else:
            self._touched.add(table)

    def update(self, table: str, **fields: Any) -> dict[str, Any]:
        """Merge fields into a single-document table; returns the new document."""
        doc = self.get(table)
        doc.update(fields)
        self.set(table, doc)
        return doc

    def clear(self, table: str) -> None:
        self._touch(table)
        self._tinydb().drop_table(table)

    # records ---------------------------------------------------------------
    def _events(self) -> Iterable[dict[str, Any]]:
        events: dict[str, dict[str, Any]] = self._tables().get("events") or {}
        return events.values()

    def add_record(self, record: Record) -> bool:
        """Store a record once; False when a record with its id is already stored."""
        if self.has_record(record["id"]):
            return False
        # Straight into the table, as TinyDB's insert would (the next document id), but
        # without its copy of the whole table both ways: a reply adds one record.
        data = self._storage.read()
        if data is None:
            data = {}
        records = data.setdefault(RECORDS, {})
        doc_id = max(map(int, records), default=0) + 1
        records[str(doc_id)] = dict(record)
        self._storage.write(data)
        self._added.append(doc_id)
        return True

    def remove_record(self, record_id: str) -> Record | None:
        """Take back a record still in the hot file (an undo); the removed record, or None."""
        data = self._storage.read() or {}
        records = data.get(RECORDS) or {}
        for doc_id, doc in records.items():
            if doc.get("id") == record_id:
                del records[doc_id]
                self._storage.write(data)
                self._removed.append(int(doc_id))
                return Record(**doc)
        return None

    def has_record(self, record_id: str) -> bool:
        return any(doc.get("id") == record_id for doc in self._events())

    def recent_records(self) -> list[Record]:
        """Records still in the hot file (the last days)."""
        return [Record(**doc) for doc in self._events()]  # type: ignore[typeddict-item]

    def recent_of(self, kind: str, day: str) -> list[Record]:
        """The hot records of one kind on one day, copied only when they match."""
        return [Record(**doc) for doc in self._events()  # type: ignore[typeddict-item]
                if doc.get("kind") == kind and doc.get("date") == day]

    # dedupe ----------------------------------------------------------------
    def seen(self, update_id: int) -> bool:
        return update_id in self.get("seen").get("ids", [])

    def _mark_seen(self, update_id: int) -> None:
        ids: list[int] = self.get(SEEN).get("ids", [])
        if update_id in ids:
            return
        data = self._storage.read()
        if data is None:
            data = {}
        note_seen(data, update_id)  # as the journal line replays it
        self._storage.write(data)
        self._seen_update = update_id

    def _entry(self) -> bytes | None:
        """This unit's journal line (None: write the whole hot file instead)."""
        data = self._storage.read()
        if self._rewrite or data is None:
            return None
        entry: dict[str, Any] = {}
        if self._touched:
            entry["t"] = {name: (data.get(name) or {}).get("1") for name in self._touched}
        if self._removed:
            entry["d"] = self._removed
        if self._added:
            records = data.get(RECORDS) or {}
            entry["a"] = {str(i): records[str(i)] for i in self._added if str(i) in records}
        if self._seen_update is not None:
            entry["u"] = self._seen_update
        return dumps(entry)

    # commit ----------------------------------------------------------------
    def commit(self) -> None:
        """Write every change of this unit at once (with the current update id).

        The consent gate first: without the patient's consent (or once /forget
        deleted their data) nothing is written, and ``NoConsent`` (``Forgotten``)
        says so; the changes made in memory are dropped, as for a failed write.
        """
        update_id = current_update_id.get()
        if self._storage.dirty and update_id is not None:
            self._mark_seen(update_id)
        if not self._storage.dirty:
            return
        try:
            self.store._check_write(self)
            ensure_dir(self.path.parent)
            self.store._archive_overflow(self)
            self._storage.flush(self._entry())
        except Exception:  # refused, a failed write, or a bug: nothing in memory moves on
            self.store._cache_drop(self.user_id)
            raise
        data = self._storage.read()
        if data is not None:
            storage = self._storage
            self.store._cache_put(self.user_id, data, storage.journal)
            self.store._journal_written(self.user_id, storage.journal.live)
            if storage.folded:
                self.store._heads[self.user_id] = storage.head
            elif (self.user_id not in self.store._heads
                  or not self._touched.isdisjoint(HEAD_TABLES)):
                self.store._heads[self.user_id] = encode_head(data)

    def fold(self) -> None:
        """Write the whole hot file now, with the journal folded in (a clean stop, an
        export); nothing happens for a patient with no live journal."""
        if self._storage.read() is not None and self._storage.journal.live:
            self._rewrite = True
            self._storage.dirty = True

    def __enter__(self) -> UserTxn:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.commit()
        else:
            # Changes were made in memory only; forget them.
            self.store._cache_drop(self.user_id)
