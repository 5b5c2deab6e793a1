"""The repository the bot talks to: per-user units of work, archives, bot-wide values.

``Store`` owns the data folder and the in-memory indexes (an LRU cache of parsed hot
files, every user's head bytes, the updates handled without a write) and hands out
units of work (``store.user(uid)``); the file formats, the atomic writes, the archives
and the heads snapshot each live in a module of their own.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from datetime import date, timedelta
from pathlib import Path
from typing import Any, cast

import orjson
from tinydb import Query

from bot.domain.records import Record
from bot.storage.archives import (
    HOT_DAYS,
    HOT_HARD_MAX,
    HOT_MAX_RECORDS,
    archive_month,
    hot_cutoff,
    list_archive_files,
    write_month_archives,
)
from bot.storage.atomic import (
    StorageError,
    ensure_dir,
    remove_stale_temp_files,
)
from bot.storage.bot_wide import BotWide
from bot.storage.codec import encode_head, read_archive, read_head, single_doc
from bot.storage.consent import Forgotten, NoConsent
from bot.storage.file_cache import CachedFiles
from bot.storage.forgetting import ForgetJournal, delete_files
from bot.storage.journal import Journal
from bot.storage.portable import PortableData
from bot.storage.quarantine import Quarantine, is_damage
from bot.storage.schema import migrate, read_schema_version
from bot.storage.snapshot import load_heads_snapshot, save_heads_snapshot
from bot.storage.transaction import UserTxn

log = logging.getLogger(__name__)

Migration = Callable[["Store"], None]


class Store(CachedFiles, PortableData):
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
        self.quarantine_dir = data_dir / "quarantine"  # damaged files, moved aside and kept
        self._cache: OrderedDict[int, dict[str, Any]] = OrderedDict()
        self._journals: dict[int, Journal] = {}  # what is known of each cached user's journal
        self._cache_size = cache_size
        # Every known user's head bytes (profile and state, as on disk): a few hundred
        # bytes each, so the bot-wide lists never parse whole files.
        self._heads: dict[int, bytes] = {}
        self._paths: dict[int, Path] = {}
        self.archive_runs = 0  # times records moved to the archives (benchmarks, logs)
        self._archive_due: set[int] = set()
        self._scanned = False
        self._transient_seen: OrderedDict[tuple[int, int], None] = OrderedDict()
        self.quarantine = Quarantine(self.quarantine_dir)
        self._bot = BotWide(data_dir / "bot.json", self.quarantine_dir)
        self.journal = ForgetJournal(data_dir)  # /forgets a crash cut short (their markers)
        for folder in (data_dir, self.users_dir, self.archive_dir, self.cache_dir, self.tmp_dir):
            ensure_dir(folder)
        with contextlib.suppress(OSError):  # health data: other accounts may not even list it
            if data_dir.stat().st_mode & 0o077:
                log.warning("The data folder was open to other accounts; now 0700")
                data_dir.chmod(0o700)
        self._remove_stale_temp_files()
        migrate(self.data_dir / "meta.json", migrations or {}, self)
        load_heads_snapshot(self._snapshot_path, self.users_dir, self._heads)
        # Journals not folded at the last stop (a crash): their heads come from a full read.
        self._journaled: set[int] = self._journal_files()
        for user_id in sorted(self._journaled):
            self._heads.pop(user_id, None)
            if not self.user_path(user_id).exists():
                self._orphan_journal(user_id)

    # heads snapshot ----------------------------------------------------------
    @property
    def _snapshot_path(self) -> Path:
        return self.data_dir / "heads.snapshot"

    def save_heads_snapshot(self) -> bool:
        """At a clean stop: every user's head in one file, so the next start reads one file.

        Each head is stamped with its file's size and modification time; the next start
        uses a head only if its file still matches, and reads the file otherwise (a
        write after this snapshot, a restored backup, a hand edit). Every live journal
        is folded into its hot file first. Never raises.
        """
        self.fold_journals()
        if not self._scanned:
            return False
        return save_heads_snapshot(self._snapshot_path, self._heads, self.user_path)

    def _remove_stale_temp_files(self) -> None:
        """Temp files of writes that a crash cut short: never complete, never read."""
        # Only the folders temp files are written to: not the 10,000 archive folders,
        # whose writes keep their temp files in tmp/ (see ``atomic_write_bytes``).
        remove_stale_temp_files((self.data_dir, self.users_dir, self.cache_dir,
                                 self.cache_dir / "illustrations", self.tmp_dir))

    # paths -----------------------------------------------------------------
    def user_path(self, user_id: int) -> Path:
        path = self._paths.get(user_id)
        if path is None:  # pathlib is slow enough to show up on every reply
            path = self._paths[user_id] = self.users_dir / f"{int(user_id)}.json"
        return path

    def user_archive_dir(self, user_id: int) -> Path:
        return self.archive_dir / str(int(user_id))

    @property
    def schema_version(self) -> int:
        return read_schema_version(self.data_dir / "meta.json")

    # heads -----------------------------------------------------------------
    def _read_head(self, user_id: int) -> tuple[bytes, dict[str, Any]] | None:
        """The head of a user's file on disk, as bytes and parsed (None: no file or head)."""
        return read_head(self.user_path(user_id))

    def _head_tables(self, user_id: int) -> dict[str, Any] | None:
        """Profile and state tables without parsing the whole file (None: no such user)."""
        head = self._heads.get(user_id)
        if head is None and user_id in self._journaled:
            data = self._full_tables(user_id)  # the journal may have changed the head
            if data is None:
                return None
            head = self._heads[user_id] = encode_head(data)
        if head is None:
            found = self._read_head(user_id)
            if found is not None:
                self._heads[user_id] = found[0]
                return found[1]
            # No file, or one written before heads existed.
            data = self._full_tables(user_id)
            if data is None:
                return None
            head = self._heads[user_id] = encode_head(data)
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
            return single_doc(cached, "profile")
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
        if persist and self.exists(user_id) and self.may_store(user_id):
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
                yield user_id, single_doc(tables, "profile"), single_doc(tables, "state")
        self._scanned = True

    def _full_tables(self, user_id: int) -> dict[str, Any] | None:
        """A whole file, parsed, its journal applied (None: no such user, or damaged)."""
        try:
            return self.user(user_id)._storage.read()
        except OSError as exc:
            self._damaged_hot_file(user_id, exc)
            return None

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
        cutoff = hot_cutoff((txn._tables().get("events") or {}).values())
        return 0 if cutoff is None else self._archive_before(txn, cutoff)

    def archive_due(self) -> int:
        """Housekeeping after a reply: archive the hot files that grew past HOT_MAX_RECORDS.

        The runner calls this after each update, so no reply waits for the archive
        merge. Never raises: archiving only keeps hot files small; a failure is logged
        and tried again after the user's next write. Returns how many records moved.
        """
        due, self._archive_due = self._archive_due, set()
        moved = 0
        for user_id in sorted(due):  # one patient's trouble is theirs: the others go on
            try:
                with self.user(user_id) as txn:
                    if len(txn._tables().get("events") or {}) > HOT_MAX_RECORDS:
                        moved += self._archive_hot(txn)
            except StorageError as exc:
                log.warning("Archiving old records failed (%s); will try again later", exc)
            except Exception:
                log.exception("Archiving one patient's old records failed; will try again "
                              "after their next write")
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
        uid = txn.user_id
        write_month_archives(self.user_archive_dir(uid), old, self.tmp_dir,
                             read=lambda path: self._read_archive(uid, path))
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
        return list_archive_files(self.user_archive_dir(user_id))

    def records(self, user_id: int, since: date | None = None) -> list[Record]:
        """All of a user's records (archives and hot file), oldest first, once each."""
        merged: dict[str, Record] = {}
        for path in self.archive_files(user_id):
            if since is not None and archive_month(path) < since.isoformat()[:7]:
                continue
            for stored in self._read_archive(user_id, path):
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
        return self._bot.read().get(key)

    def _bot_read(self) -> dict[str, Any]:
        return self._bot.read()

    def bot_set(self, key: str, value: Any) -> None:
        self._bot.update({key: value})

    def bot_update(self, values: Mapping[str, Any]) -> None:
        """Several bot-wide values in one atomic write."""
        self._bot.update(values)

    # the consent gate ---------------------------------------------------------
    def may_store(self, user_id: int) -> bool:
        """Whether anything may be written for this patient (consent, not forgotten)."""
        return (user_id not in self.journal.pending
                and bool(self.profile(user_id).get("consent")))

    def _check_write(self, txn: UserTxn) -> None:
        """Before every commit: the profile being written must carry consent."""
        if txn.user_id in self.journal.pending:
            raise Forgotten("not written: this patient's data is being deleted")
        if not single_doc(txn._tables(), "profile").get("consent"):
            if txn.user_id in self.journal.forgotten:
                raise Forgotten("not written: this patient's data was deleted")
            raise NoConsent("not written: no consent to storage")

    # damaged files -------------------------------------------------------------
    def _read_archive(self, user_id: int, path: Path) -> list[dict[str, Any]]:
        """An archive's records; a damaged archive is moved aside and reads as empty."""
        try:
            return read_archive(path)
        except Exception as exc:
            if not is_damage(exc):
                raise
            self.quarantine.move(user_id, path, "archive", exc)
            return []

    # data rights (the journal: ``self.journal.begin``, ``.end``, ``.pending``) --------
    def forget(self, user_id: int) -> None:
        """Delete every file held about a user: hot file, archives, quarantined and cached
        files, their heads (in memory and in a heads snapshot). No bot-wide file is
        needed for it, so it works on a full disk; raises StorageError if a file stayed."""
        self.journal.forgotten.add(user_id)
        self._cache_drop(user_id)
        self._heads.pop(user_id, None)
        self._archive_due.discard(user_id)
        self._journaled.discard(user_id)
        for key in [k for k in self._transient_seen if k[0] == user_id]:
            del self._transient_seen[key]
        uid = str(int(user_id))
        failed = delete_files(
            [self.user_path(user_id), self.journal_path(user_id),
             self._snapshot_path],  # a snapshot is only a cache
            [self.user_archive_dir(user_id), self.quarantine_dir / uid,
             self.cache_dir / "users" / uid],
        )
        if failed:
            raise StorageError(f"could not delete {failed} of the files to forget")

    def user_cache_dir(self, user_id: int) -> Path:
        """Where per-user generated files (charts, exports) may be cached."""
        folder = self.cache_dir / "users" / str(int(user_id))
        ensure_dir(folder)
        return folder
