"""Loss-free storage on TinyDB: one small file per user, atomic writes, update dedupe.

Why this shape:
- TinyDB's ``JSONStorage`` rewrites its file in place and a crash mid-write leaves a
  file TinyDB cannot open. ``AtomicStorage`` writes a temp file, fsyncs, and
  ``os.replace``s it, then fsyncs the folder: a kill at any moment leaves the old or
  the new file, never a torn one.
- One file holding every user would be rewritten in full on every reply. Here each
  user has a small "hot" file (profile, state, session, recent update ids and the last
  days of records); older records move to one gzip-compressed archive per month,
  written rarely. The cost of a reply does not grow with the number of users, and it
  does not grow with a user's history either: once a hot file holds more than
  ``HOT_MAX_RECORDS`` records, the older ones move out (``archive_due``, which the
  runner calls after each update, so no reply waits for it).
- A unit of work (``store.user(uid)``) reads the user's file once, applies every
  change in memory and writes once, together with the id of the Telegram update
  being handled. So "recorded" and "this update was handled" land in the same
  atomic write: a redelivered update is recognised and handled once.
- The hot file is written with its ``profile`` and ``state`` tables first. Start-up
  (rebuilding every reminder) and the bot-wide lists need only those two, so they
  read a few hundred bytes per user instead of parsing every file in full; the
  bytes are kept in memory (the "heads" index) and refreshed on every commit.
- Everything runs on the event-loop thread; a unit of work has no ``await`` inside,
  so it is never interleaved with another one.

This is the only module that imports TinyDB.
"""

from __future__ import annotations

import contextlib
import gzip
import json
import logging
import os
import shutil
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextvars import ContextVar
from datetime import date, timedelta
from pathlib import Path
from types import TracebackType
from typing import Any, cast

import orjson
from tinydb import Query, TinyDB
from tinydb.storages import Storage
from tinydb.table import Document

from bot.domain.records import Record

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
SEEN_LIMIT = 200  # update ids kept per user for dedupe
HOT_DAYS = 2  # records this many days younger than the newest one stay in the hot file
HOT_MAX_RECORDS = 96  # past this many hot records, the older ones move to the archives
HOT_HARD_MAX = 4 * HOT_MAX_RECORDS  # ...at once, if nothing ran ``archive_due`` meanwhile
SINGLE_DOC_TABLES = ("profile", "session", "state")
HEAD_TABLES = ("profile", "state")  # written first; all start-up needs
HEAD_READ = 2048  # bytes read to find the head of a hot file (more if it is longer)
ARCHIVE_SUFFIX = ".json.gz"
_HEAD_START = '{"profile":'
_STATE_KEY = ',"state":'

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


def atomic_write_bytes(path: Path, data: bytes, *, tmp_dir: Path | None = None) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file.

    The temp file sits beside ``path``, or in ``tmp_dir`` (same file system): the
    archives are 10,000 folders, and a start-up that looked for temp files left by a
    crash in each of them took a second; with theirs in one folder it looks in one.
    """
    if tmp_dir is None:
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    else:
        tmp = tmp_dir / f".{path.parent.name}-{path.name}.{os.getpid()}.tmp"
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
    """Compact UTF-8 JSON. orjson: a reply re-serialises the whole hot file, and the
    standard library took about ten times as long for it."""
    return orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS)


def encode_user_file(data: Mapping[str, Any]) -> tuple[bytes, bytes]:
    """A hot file's bytes, and its head: the prefix holding the profile and state tables.

    Both head tables are always written, first and in this order (empty when the user
    has none), so a file that starts otherwise was written before heads existed.
    """
    head = (b'{"profile":' + _dumps(data.get("profile") or {})
            + b',"state":' + _dumps(data.get("state") or {}))
    rest = {k: v for k, v in data.items() if k not in HEAD_TABLES}
    if not rest:
        return head + b"}", head
    return head + b"," + _dumps(rest)[1:], head


def parse_head(raw: bytes) -> tuple[dict[str, Any], int] | None:
    """The head tables at the start of a hot file, and the byte where they end.

    ``raw`` may be only the first bytes of the file. None when it does not start
    with a complete head (too short, or a file written before heads existed).
    """
    text = raw.decode("utf-8", errors="replace")
    if not text.startswith(_HEAD_START):
        return None
    decoder = json.JSONDecoder()
    try:
        profile, pos = decoder.raw_decode(text, len(_HEAD_START))
        if not text.startswith(_STATE_KEY, pos):
            return None
        state, pos = decoder.raw_decode(text, pos + len(_STATE_KEY))
    except ValueError:
        return None
    if pos >= len(text) or not isinstance(profile, dict) or not isinstance(state, dict):
        return None  # at the end of a prefix we cannot tell whether the value ended
    return {"profile": profile, "state": state}, len(text[:pos].encode("utf-8"))


def encode_archive(records: Iterable[Mapping[str, Any]]) -> bytes:
    """One month of records, as stored: gzip-compressed JSON (repetitive, so ~15x smaller)."""
    return gzip.compress(_dumps({"records": list(records)}), compresslevel=6, mtime=0)


def read_archive(path: Path) -> list[dict[str, Any]]:
    """The records of one archive file (gzip, or the plain JSON of older versions)."""
    raw = path.read_bytes()
    if path.name.endswith(".gz"):
        raw = gzip.decompress(raw)
    records: list[dict[str, Any]] = orjson.loads(raw).get("records", [])
    return records


def _archive_month(path: Path) -> str:
    return path.name.split(".", 1)[0]


def _single_doc(tables: Mapping[str, Any], name: str) -> dict[str, Any]:
    doc = (tables.get(name) or {}).get("1")
    return dict(doc) if isinstance(doc, dict) else {}


class AtomicStorage(Storage):
    """A TinyDB storage that reads a file once and writes it atomically on ``flush``.

    TinyDB calls ``write`` after every operation; inside a unit of work those writes
    stay in memory until ``flush`` so that several changes land as one.
    """

    def __init__(self, path: Path, *, cache: dict[str, Any] | None = None,
                 on_load: Callable[[dict[str, Any]], None] | None = None) -> None:
        self.path = path
        self._data: dict[str, Any] | None = cache
        self._on_load = on_load
        self.dirty = False
        self.head = b""

    @property
    def loaded(self) -> bool:
        return self._data is not None

    def read(self) -> dict[str, Any] | None:
        if self._data is None:
            try:
                raw = self.path.read_bytes()
            except FileNotFoundError:
                return None
            self._data = orjson.loads(raw) if raw.strip() else {}
            if self._on_load is not None:
                self._on_load(self._data)
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        self.dirty = True

    def flush(self) -> None:
        if self.dirty and self._data is not None:
            raw, self.head = encode_user_file(self._data)
            atomic_write_bytes(self.path, raw)
            self.dirty = False

    def close(self) -> None:
        self.flush()


class UserTxn:
    """One unit of work on one user's file: read once, change in memory, write once.

    The file is parsed on first use, not on creation; reading only ``profile`` or
    ``state`` of a user whose file is not loaded uses the in-memory heads index.
    """

    def __init__(self, store: Store, user_id: int) -> None:
        self.store = store
        self.user_id = user_id
        self.path = store.user_path(user_id)
        self._storage = AtomicStorage(
            self.path, cache=store._cache_get(user_id),
            on_load=lambda data: store._cache_put(user_id, data),
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
                return _single_doc(self._head, table)
        return _single_doc(self._tables(), table)

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
        """Write every change of this unit at once (with the current update id)."""
        update_id = current_update_id.get()
        if self._storage.dirty and update_id is not None:
            self._mark_seen(update_id)
        if not self._storage.dirty:
            return
        self.store._ensure_dir(self.path.parent)
        try:
            self.store._archive_overflow(self)
            self._storage.flush()
        except StorageError:
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
        self.tmp_dir = data_dir / "tmp"  # temp files of archive writes
        self._cache: OrderedDict[int, dict[str, Any]] = OrderedDict()
        self._cache_size = cache_size
        # Every known user's head bytes (profile and state, as on disk): a few hundred
        # bytes each, so the bot-wide lists never parse whole files.
        self._heads: dict[int, bytes] = {}
        self._paths: dict[int, Path] = {}
        self.archive_runs = 0  # times records moved to the archives (benchmarks, logs)
        self._archive_due: set[int] = set()
        self._scanned = False
        self._transient_seen: OrderedDict[tuple[int, int], None] = OrderedDict()
        for folder in (data_dir, self.users_dir, self.archive_dir, self.cache_dir, self.tmp_dir):
            self._ensure_dir(folder)
        with contextlib.suppress(OSError):  # health data: other accounts may not even list it
            if data_dir.stat().st_mode & 0o077:
                log.warning("The data folder was open to other accounts; now 0700")
                data_dir.chmod(0o700)
        self._remove_stale_temp_files()
        self._migrate(migrations or {})
        self._load_heads_snapshot()

    # heads snapshot ----------------------------------------------------------
    @property
    def _snapshot_path(self) -> Path:
        return self.data_dir / "heads.snapshot"

    def save_heads_snapshot(self) -> bool:
        """At a clean stop: every user's head in one file, so the next start reads one file.

        Each head is stamped with its file's size and modification time; the next start
        uses a head only if its file still matches, and reads the file otherwise (a
        write after this snapshot, a restored backup, a hand edit). Never raises.
        """
        if not self._scanned:
            return False
        heads: dict[str, list[Any]] = {}
        try:
            for uid, head in self._heads.items():
                try:
                    st = os.stat(self.user_path(uid))
                except FileNotFoundError:
                    continue
                heads[str(uid)] = [st.st_mtime_ns, st.st_size, head.decode("utf-8")]
            atomic_write_bytes(self._snapshot_path, _dumps({"version": 1, "heads": heads}))
        except (OSError, StorageError, UnicodeDecodeError) as exc:
            log.warning("Could not save the heads snapshot (%s); the next start reads "
                        "every file", exc)
            return False
        return True

    def _load_heads_snapshot(self) -> None:
        """Use (and delete) a snapshot left by a clean stop: each head whose file is unchanged."""
        path = self._snapshot_path
        try:
            raw = path.read_bytes()
        except OSError:
            return
        with contextlib.suppress(OSError):
            path.unlink()  # used once: from now on the heads index is kept in memory
        try:
            saved = orjson.loads(raw)["heads"]
            used = 0
            with os.scandir(self.users_dir) as entries:
                for entry in entries:
                    stem, dot, ext = entry.name.partition(".")
                    if dot != "." or ext != "json" or not stem.isdigit():
                        continue
                    item = saved.get(stem)
                    if item is None:
                        continue
                    st = entry.stat()
                    if item[0] == st.st_mtime_ns and item[1] == st.st_size:
                        self._heads[int(stem)] = item[2].encode("utf-8")
                        used += 1
        except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
            log.warning("Heads snapshot unreadable; reading every file")
            return
        log.info("Heads snapshot: %d of %d users unchanged since the last clean stop",
                 used, len(saved))

    def _remove_stale_temp_files(self) -> None:
        """Temp files of writes that a crash cut short: never complete, never read."""
        own = f".{os.getpid()}.tmp"
        # Only the folders temp files are written to: not the 10,000 archive folders,
        # whose writes keep their temp files in tmp/ (see ``atomic_write_bytes``).
        for folder in (self.data_dir, self.users_dir, self.cache_dir,
                       self.cache_dir / "illustrations", self.tmp_dir):
            with contextlib.suppress(OSError), os.scandir(folder) as entries:
                for entry in entries:
                    name = entry.name
                    if name.startswith(".") and name.endswith(".tmp") and not name.endswith(own):
                        with contextlib.suppress(OSError):
                            os.unlink(entry.path)

    # paths -----------------------------------------------------------------
    @staticmethod
    def _ensure_dir(folder: Path) -> None:
        if not folder.is_dir():
            if not folder.parent.is_dir():  # parents=True would make them 0755 (umask)
                Store._ensure_dir(folder.parent)
            try:
                folder.mkdir(mode=0o700, exist_ok=True)
            except OSError as exc:
                raise StorageError(f"could not create {folder.name}: {exc.strerror}") from exc

    def user_path(self, user_id: int) -> Path:
        path = self._paths.get(user_id)
        if path is None:  # pathlib is slow enough to show up on every reply
            path = self._paths[user_id] = self.users_dir / f"{int(user_id)}.json"
        return path

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

    # heads -----------------------------------------------------------------
    def _read_head(self, user_id: int) -> tuple[bytes, dict[str, Any]] | None:
        """The head of a user's file on disk, as bytes and parsed (None: no file or head)."""
        path = self.user_path(user_id)
        try:
            with path.open("rb") as fh:
                raw = fh.read(HEAD_READ)
                parsed = parse_head(raw)
                if parsed is None and len(raw) == HEAD_READ:
                    raw += fh.read()
                    parsed = parse_head(raw)
        except FileNotFoundError:
            return None
        if parsed is None:
            return None
        return raw[: parsed[1]], parsed[0]

    def _head_tables(self, user_id: int) -> dict[str, Any] | None:
        """Profile and state tables without parsing the whole file (None: no such user)."""
        head = self._heads.get(user_id)
        if head is None:
            found = self._read_head(user_id)
            if found is not None:
                self._heads[user_id] = found[0]
                return found[1]
            # No file, or one written before heads existed.
            data = self._full_tables(user_id)
            if data is None:
                return None
            head = self._heads[user_id] = encode_user_file(data)[1]
        try:  # a stored head plus "}" is a whole JSON object: parse it in C
            tables = orjson.loads(head + b"}")
        except ValueError:
            return None
        return tables if isinstance(tables, dict) else None

    # units of work -----------------------------------------------------------
    def user(self, user_id: int) -> UserTxn:
        """A unit of work on one user: ``with store.user(uid) as u: ...``."""
        return UserTxn(self, user_id)

    def exists(self, user_id: int) -> bool:
        return (user_id in self._cache or user_id in self._heads
                or self.user_path(user_id).exists())

    def profile(self, user_id: int) -> dict[str, Any]:
        """A read-only look at a user's profile (empty if unknown)."""
        cached = self._cache_get(user_id)
        if cached is not None:
            return _single_doc(cached, "profile")
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
        """Every user with a hot file (os.listdir: pathlib's glob is slow at 10,000)."""
        ids = []
        for name in os.listdir(self.users_dir):
            stem, dot, ext = name.partition(".")
            if dot and ext == "json" and stem.isdigit():
                ids.append(int(stem))
        return sorted(ids)

    def iter_profiles(self) -> Iterator[tuple[int, dict[str, Any]]]:
        """Every stored user's profile (start-up, reports), without parsing whole files.

        The first call reads the head of every file; later calls use the heads index,
        which every commit keeps current.
        """
        for user_id, profile, _state in self.iter_heads():
            yield user_id, profile

    def iter_heads(self) -> Iterator[tuple[int, dict[str, Any], dict[str, Any]]]:
        """Every stored user's profile and state, from one parse of each head (start-up)."""
        user_ids = sorted(self._heads) if self._scanned else self.user_ids()
        for user_id in user_ids:
            tables = self._head_tables(user_id)
            if tables is not None:
                yield user_id, _single_doc(tables, "profile"), _single_doc(tables, "state")
        self._scanned = True

    def _full_tables(self, user_id: int) -> dict[str, Any] | None:
        """A whole file, parsed (a file written before heads existed, or a damaged one)."""
        try:
            data: dict[str, Any] = orjson.loads(self.user_path(user_id).read_bytes())
        except FileNotFoundError:
            return None
        except (OSError, ValueError):
            log.exception("Unreadable user file for one user; skipped")
            return None
        return data

    # records ---------------------------------------------------------------
    def _archive_overflow(self, txn: UserTxn) -> None:
        """Before a commit: a hot file past HOT_MAX_RECORDS is noted for ``archive_due``,
        which runs after the reply has gone; only past HOT_HARD_MAX is it archived now."""
        events = txn._tables().get("events") or {}
        if len(events) <= HOT_MAX_RECORDS:
            return
        if len(events) <= HOT_HARD_MAX:
            self._archive_due.add(txn.user_id)
            return
        self._archive_hot(txn)

    def _archive_hot(self, txn: UserTxn) -> int:
        """Move records older than HOT_DAYS before the newest one to the archives."""
        events = txn._tables().get("events") or {}
        newest = max((str(doc.get("date", "")) for doc in events.values()), default="")
        try:
            keep_from = date.fromisoformat(newest) - timedelta(days=HOT_DAYS)
        except ValueError:
            return 0
        return self._archive_before(txn, keep_from.isoformat())

    def archive_due(self) -> int:
        """Housekeeping after a reply: archive the hot files that grew past HOT_MAX_RECORDS.

        The runner calls this after each update, so no reply waits for the archive
        merge. Never raises: archiving only keeps hot files small; a failure is logged
        and tried again after the user's next write. Returns how many records moved.
        """
        due, self._archive_due = self._archive_due, set()
        moved = 0
        for user_id in sorted(due):
            try:
                with self.user(user_id) as txn:
                    if len(txn._tables().get("events") or {}) > HOT_MAX_RECORDS:
                        moved += self._archive_hot(txn)
            except StorageError as exc:
                log.warning("Archiving old records failed (%s); will try again later", exc)
        return moved

    def _archive_before(self, txn: UserTxn, cutoff: str) -> int:
        """Move records dated before ``cutoff`` from the hot file to the monthly archives.

        The archive is written (merged by id) before the hot file drops the records,
        so a crash in between leaves a duplicate that ``records`` merges away.
        """
        events = txn.db.table("events")
        old = [dict(d) for d in events.all() if str(d.get("date", "")) < cutoff]
        if not old:
            return 0
        by_month: dict[str, list[dict[str, Any]]] = {}
        for rec in old:
            by_month.setdefault(str(rec.get("date", ""))[:7] or "unknown", []).append(rec)
        folder = self.user_archive_dir(txn.user_id)
        self._ensure_dir(folder)
        for month, recs in by_month.items():
            path = folder / f"{month}{ARCHIVE_SUFFIX}"
            legacy = folder / f"{month}.json"
            merged: dict[str, dict[str, Any]] = {}
            for existing in (legacy, path):
                if existing.exists():
                    for rec in read_archive(existing):
                        merged[str(rec["id"])] = rec
            for rec in recs:
                merged[str(rec["id"])] = rec
            atomic_write_bytes(path, encode_archive(merged.values()), tmp_dir=self.tmp_dir)
            if legacy.exists():
                legacy.unlink()
        ids = {str(r["id"]) for r in old}
        events.remove(Query().id.one_of(ids))
        self.archive_runs += 1
        return len(old)

    def archive_old_records(self, user_id: int, today: date) -> int:
        """Move records older than HOT_DAYS to monthly archives; returns how many moved."""
        cutoff = (today - timedelta(days=HOT_DAYS)).isoformat()
        with self.user(user_id) as txn:
            return self._archive_before(txn, cutoff)

    def archive_files(self, user_id: int) -> list[Path]:
        """A user's archive files, oldest month first."""
        folder = self.user_archive_dir(user_id)
        if not folder.is_dir():
            return []
        files = [p for p in folder.iterdir()
                 if p.name.endswith((ARCHIVE_SUFFIX, ".json")) and not p.name.startswith(".")]
        return sorted(files, key=lambda p: (_archive_month(p), p.name))

    def records(self, user_id: int, since: date | None = None) -> list[Record]:
        """All of a user's records (archives and hot file), oldest first, once each."""
        merged: dict[str, Record] = {}
        for path in self.archive_files(user_id):
            if since is not None and _archive_month(path) < since.isoformat()[:7]:
                continue
            for stored in read_archive(path):
                merged[str(stored["id"])] = cast(Record, stored)
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
        self._heads.pop(user_id, None)
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
