"""Loss-free storage on TinyDB: one small file per user, atomic writes, update dedupe.

Why this shape:
- TinyDB's ``JSONStorage`` rewrites its file in place and a crash mid-write leaves a
  file TinyDB cannot open. ``AtomicStorage`` writes a temp file, fsyncs, and
  ``os.replace``s it, then fsyncs the folder: a kill at any moment leaves the old or
  the new file, never a torn one.
- One file holding every user would be rewritten in full on every reply. Here each
  user has a small "hot" file (profile, session, plan, recent update ids and the last
  days of records); older records move to one archive file per month, written
  rarely. The cost of a reply does not grow with the number of users.
- A unit of work (``store.user(uid)``) reads the user's file once, applies every
  change in memory and writes once, together with the id of the Telegram update
  being handled. So "recorded" and "this update was handled" land in the same
  atomic write: a redelivered update is recognised and handled once.
- Everything runs on the event-loop thread; a unit of work has no ``await`` inside,
  so it is never interleaved with another one.

This is the only module that imports TinyDB.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from contextvars import ContextVar
from datetime import date, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any

from tinydb import Query, TinyDB
from tinydb.storages import Storage
from tinydb.table import Document

from bot.records import Record

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
SEEN_LIMIT = 200  # update ids kept per user for dedupe
HOT_DAYS = 10  # records younger than this stay in the hot file
SINGLE_DOC_TABLES = ("profile", "session", "state")

#: The Telegram update being handled, set by the dispatcher before handlers run.
current_update_id: ContextVar[int | None] = ContextVar("current_update_id", default=None)


class StorageError(Exception):
    """The disk refused a write (full, read-only, gone): nothing was acknowledged."""


def _fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StorageError(f"could not write {path.name}: {exc.strerror or exc}") from exc


def _dumps(data: object) -> bytes:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


class AtomicStorage(Storage):
    """A TinyDB storage that reads a file once and writes it atomically on ``flush``.

    TinyDB calls ``write`` after every operation; inside a unit of work those writes
    stay in memory until ``flush`` so that several changes land as one.
    """

    def __init__(self, path: Path, *, cache: dict[str, Any] | None = None) -> None:
        self.path = path
        self._data: dict[str, Any] | None = cache
        self.dirty = False

    def read(self) -> dict[str, Any] | None:
        if self._data is None:
            try:
                raw = self.path.read_bytes()
            except FileNotFoundError:
                return None
            self._data = json.loads(raw) if raw.strip() else {}
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        self.dirty = True

    def flush(self) -> None:
        if self.dirty and self._data is not None:
            atomic_write_bytes(self.path, _dumps(self._data))
            self.dirty = False

    def close(self) -> None:
        self.flush()


class UserTxn:
    """One unit of work on one user's file: read once, change in memory, write once."""

    def __init__(self, store: Store, user_id: int) -> None:
        self.store = store
        self.user_id = user_id
        self.path = store.user_path(user_id)
        cached = store._cache_get(user_id)
        self._storage: AtomicStorage | None = None
        self.db = TinyDB(self.path, storage=self._make_storage(cached))
        self.exists = self.db.storage.read() is not None

    def _make_storage(self, cached: dict[str, Any] | None) -> Callable[..., AtomicStorage]:
        def factory(path: Path) -> AtomicStorage:
            self._storage = AtomicStorage(path, cache=cached)
            return self._storage

        return factory

    # single-document tables -------------------------------------------------
    def get(self, table: str) -> dict[str, Any]:
        """The one document of a single-document table (empty dict if none)."""
        doc = self.db.table(table).get(doc_id=1)
        return dict(doc) if isinstance(doc, Document) else {}

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
    def add_record(self, record: Record) -> bool:
        """Store a record once; False when a record with its id is already stored."""
        events = self.db.table("events")
        if events.contains(Query().id == record["id"]):
            return False
        events.insert(dict(record))
        return True

    def has_record(self, record_id: str) -> bool:
        return self.db.table("events").contains(Query().id == record_id)

    def recent_records(self) -> list[Record]:
        """Records still in the hot file (the last days)."""
        return [Record(**doc) for doc in self.db.table("events").all()]

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
        """Write every change of this unit at once (with the current update id)."""
        assert self._storage is not None
        update_id = current_update_id.get()
        if self._storage.dirty and update_id is not None:
            self._mark_seen(update_id)
        if not self._storage.dirty:
            return
        self.store._ensure_dir(self.path.parent)
        try:
            self._storage.flush()
        except StorageError:
            self.store._cache_drop(self.user_id)
            raise
        data = self._storage.read()
        if data is not None:
            self.store._cache_put(self.user_id, data)

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


Migration = Callable[["Store"], None]


class Store:
    """The repository: per-user units of work, archives, a small bot-wide table."""

    def __init__(
        self,
        data_dir: Path,
        *,
        cache_size: int = 256,
        migrations: Mapping[int, Migration] | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.users_dir = data_dir / "users"
        self.archive_dir = data_dir / "archive"
        self.cache_dir = data_dir / "cache"
        self._cache: OrderedDict[int, dict[str, Any]] = OrderedDict()
        self._cache_size = cache_size
        self._transient_seen: OrderedDict[tuple[int, int], None] = OrderedDict()
        for folder in (data_dir, self.users_dir, self.archive_dir, self.cache_dir):
            self._ensure_dir(folder)
        self._migrate(migrations or {})

    # paths -----------------------------------------------------------------
    @staticmethod
    def _ensure_dir(folder: Path) -> None:
        if not folder.is_dir():
            try:
                folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            except OSError as exc:
                raise StorageError(f"could not create {folder.name}: {exc.strerror}") from exc

    def user_path(self, user_id: int) -> Path:
        return self.users_dir / f"{int(user_id)}.json"

    def user_archive_dir(self, user_id: int) -> Path:
        return self.archive_dir / str(int(user_id))

    # schema ----------------------------------------------------------------
    def _migrate(self, migrations: Mapping[int, Migration]) -> None:
        meta_path = self.data_dir / "meta.json"
        meta: dict[str, Any] = {}
        if meta_path.exists():
            meta = json.loads(meta_path.read_bytes() or b"{}")
        version = int(meta.get("schema_version", 0))
        if version > SCHEMA_VERSION:
            raise StorageError(
                f"data was written by a newer version (schema {version} > {SCHEMA_VERSION})"
            )
        while version < SCHEMA_VERSION:
            step = migrations.get(version + 1)
            if step is not None:
                log.info("Migrating data to schema %d", version + 1)
                step(self)
            version += 1
        if meta.get("schema_version") != version:
            meta["schema_version"] = version
            atomic_write_bytes(meta_path, _dumps(meta))

    @property
    def schema_version(self) -> int:
        meta = json.loads((self.data_dir / "meta.json").read_bytes())
        return int(meta["schema_version"])

    # cache -----------------------------------------------------------------
    def _cache_get(self, user_id: int) -> dict[str, Any] | None:
        data = self._cache.get(user_id)
        if data is not None:
            self._cache.move_to_end(user_id)
        return data

    def _cache_put(self, user_id: int, data: dict[str, Any]) -> None:
        self._cache[user_id] = data
        self._cache.move_to_end(user_id)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def _cache_drop(self, user_id: int) -> None:
        self._cache.pop(user_id, None)

    # units of work -----------------------------------------------------------
    def user(self, user_id: int) -> UserTxn:
        """A unit of work on one user: ``with store.user(uid) as u: ...``."""
        return UserTxn(self, user_id)

    def exists(self, user_id: int) -> bool:
        return user_id in self._cache or self.user_path(user_id).exists()

    def profile(self, user_id: int) -> dict[str, Any]:
        """A read-only look at a user's profile (empty if unknown)."""
        if not self.exists(user_id):
            return {}
        return self.user(user_id).get("profile")

    def has_seen(self, user_id: int, update_id: int) -> bool:
        """True when this update was already handled for this user."""
        if (user_id, update_id) in self._transient_seen:
            return True
        if not self.exists(user_id):
            return False
        return self.user(user_id).seen(update_id)

    def mark_seen(self, user_id: int, update_id: int, *, persist: bool) -> None:
        """Remember a handled update that wrote nothing (on disk when the user is stored)."""
        self._transient_seen[(user_id, update_id)] = None
        while len(self._transient_seen) > 10_000:
            self._transient_seen.popitem(last=False)
        if persist and self.exists(user_id):
            with self.user(user_id) as txn:
                if not txn.seen(update_id):
                    txn._mark_seen(update_id)

    def user_ids(self) -> list[int]:
        ids = []
        for path in self.users_dir.glob("*.json"):
            with contextlib.suppress(ValueError):
                ids.append(int(path.stem))
        return sorted(ids)

    def iter_profiles(self) -> Iterator[tuple[int, dict[str, Any]]]:
        """Every stored user's profile, read straight from disk (start-up, reports)."""
        for user_id in self.user_ids():
            try:
                data = json.loads(self.user_path(user_id).read_bytes())
            except (OSError, ValueError):
                log.exception("Unreadable user file for one user; skipped")
                continue
            profile = data.get("profile", {}).get("1", {})
            yield user_id, profile

    # records ---------------------------------------------------------------
    def archive_old_records(self, user_id: int, today: date) -> int:
        """Move records older than HOT_DAYS to monthly archives; returns how many moved.

        The archive is written (merged by id) before the hot file drops the records,
        so a crash in between leaves a duplicate that the next run merges away.
        """
        cutoff = (today - timedelta(days=HOT_DAYS)).isoformat()
        with self.user(user_id) as txn:
            events = txn.db.table("events")
            old = [dict(d) for d in events.all() if str(d.get("date", "")) < cutoff]
            if not old:
                return 0
            by_month: dict[str, list[dict[str, Any]]] = {}
            for rec in old:
                by_month.setdefault(str(rec.get("date", ""))[:7] or "unknown", []).append(rec)
            folder = self.user_archive_dir(user_id)
            self._ensure_dir(folder)
            for month, recs in by_month.items():
                path = folder / f"{month}.json"
                merged: dict[str, dict[str, Any]] = {}
                if path.exists():
                    for rec in json.loads(path.read_bytes()).get("records", []):
                        merged[str(rec["id"])] = rec
                for rec in recs:
                    merged[str(rec["id"])] = rec
                atomic_write_bytes(path, _dumps({"records": list(merged.values())}))
            ids = {str(r["id"]) for r in old}
            events.remove(Query().id.one_of(ids))
            return len(old)

    def records(self, user_id: int, since: date | None = None) -> list[Record]:
        """All of a user's records (archives and hot file), oldest first, once each."""
        merged: dict[str, Record] = {}
        folder = self.user_archive_dir(user_id)
        if folder.is_dir():
            for path in sorted(folder.glob("*.json")):
                if since is not None and path.stem < since.isoformat()[:7]:
                    continue
                for rec in json.loads(path.read_bytes()).get("records", []):
                    merged[str(rec["id"])] = rec
        if self.exists(user_id):
            for rec in self.user(user_id).recent_records():
                merged[str(rec["id"])] = rec
        # Stable sort by time: records of the same second keep the order they were written.
        out = sorted(merged.values(), key=lambda r: str(r.get("ts", "")))
        if since is not None:
            out = [r for r in out if str(r.get("date", "")) >= since.isoformat()]
        return out

    # bot-wide --------------------------------------------------------------
    def bot_get(self, key: str) -> Any:
        """A small bot-wide value (e.g. Telegram file ids of uploaded pictures)."""
        path = self.data_dir / "bot.json"
        if not path.exists():
            return None
        return json.loads(path.read_bytes()).get(key)

    def bot_set(self, key: str, value: Any) -> None:
        path = self.data_dir / "bot.json"
        data = json.loads(path.read_bytes()) if path.exists() else {}
        data[key] = value
        atomic_write_bytes(path, _dumps(data))

    # data rights -----------------------------------------------------------
    def forget(self, user_id: int) -> None:
        """Delete everything stored about a user: hot file, archives, cached files."""
        self._cache_drop(user_id)
        for key in [k for k in self._transient_seen if k[0] == user_id]:
            del self._transient_seen[key]
        with contextlib.suppress(FileNotFoundError):
            self.user_path(user_id).unlink()
        shutil.rmtree(self.user_archive_dir(user_id), ignore_errors=True)
        shutil.rmtree(self.cache_dir / "users" / str(int(user_id)), ignore_errors=True)
        _fsync_dir(self.users_dir)

    def user_cache_dir(self, user_id: int) -> Path:
        """Where per-user generated files (charts, exports) may be cached."""
        folder = self.cache_dir / "users" / str(int(user_id))
        self._ensure_dir(folder)
        return folder
