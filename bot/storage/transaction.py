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
from bot.storage.codec import HEAD_TABLES, single_doc
from bot.storage.tinydb_storage import AtomicStorage

SEEN_LIMIT = 200  # update ids kept per user for dedupe

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

    def _cache_get(self, user_id: int) -> dict[str, Any] | None: ...

    def _cache_put(self, user_id: int, data: dict[str, Any]) -> None: ...

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
        self._storage = AtomicStorage(
            self.path, cache=store._cache_get(user_id),
            on_load=lambda data: store._cache_put(user_id, data),
            on_damaged=lambda exc: store._damaged_hot_file(user_id, exc),
        )
        self._head: dict[str, Any] | None = None
        self._db: TinyDB | None = None

    @property
    def db(self) -> TinyDB:
        """The TinyDB over this user's file (every change goes through it)."""
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
        self.db.table(table).upsert(Document(dict(doc), doc_id=1))

    def update(self, table: str, **fields: Any) -> dict[str, Any]:
        """Merge fields into a single-document table; returns the new document."""
        doc = self.get(table)
        doc.update(fields)
        self.set(table, doc)
        return doc

    def clear(self, table: str) -> None:
        self.db.drop_table(table)

    # records ---------------------------------------------------------------
    def _events(self) -> Iterable[dict[str, Any]]:
        events: dict[str, dict[str, Any]] = self._tables().get("events") or {}
        return events.values()

    def add_record(self, record: Record) -> bool:
        """Store a record once; False when a record with its id is already stored."""
        if self.has_record(record["id"]):
            return False
        self.db.table("events").insert(dict(record))
        return True

    def remove_record(self, record_id: str) -> Record | None:
        """Take back a record still in the hot file (an undo); the removed record, or None."""
        table = self.db.table("events")
        for doc in table.all():
            if doc.get("id") == record_id:
                table.remove(doc_ids=[doc.doc_id])
                return Record(**doc)
        return None

    def has_record(self, record_id: str) -> bool:
        return any(doc.get("id") == record_id for doc in self._events())

    def recent_records(self) -> list[Record]:
        """Records still in the hot file (the last days)."""
        return [Record(**doc) for doc in self._events()]  # type: ignore[typeddict-item]

    # dedupe ----------------------------------------------------------------
    def seen(self, update_id: int) -> bool:
        return update_id in self.get("seen").get("ids", [])

    def _mark_seen(self, update_id: int) -> None:
        ids: list[int] = self.get("seen").get("ids", [])
        if update_id in ids:
            return
        ids.append(update_id)
        self.set("seen", {"ids": ids[-SEEN_LIMIT:]})

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
            self._storage.flush()
        except Exception:  # refused, a failed write, or a bug: nothing in memory moves on
            self.store._cache_drop(self.user_id)
            raise
        data = self._storage.read()
        if data is not None:
            self.store._cache_put(self.user_id, data)
            self.store._heads[self.user_id] = self._storage.head

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
