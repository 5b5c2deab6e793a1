"""The parsed hot files kept in memory, and what is known of each patient's journal.

A mixin of ``Store``, kept apart so each module stays small: a bounded LRU of parsed
hot files (journal applied), each with the state of its journal, so that a unit of work
on an active patient reads nothing from disk; and the set of patients whose journal is
not folded yet, which a clean stop folds.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections import OrderedDict
from pathlib import Path
from typing import Any, Protocol

from bot.storage.journal import Journal
from bot.storage.quarantine import Quarantine
from bot.storage.transaction import UserTxn, outside_update

log = logging.getLogger(__name__)


class _Owner(Protocol):
    users_dir: Path
    quarantine: Quarantine
    _cache: OrderedDict[int, dict[str, Any]]
    _journals: dict[int, Journal]
    _journaled: set[int]
    _cache_size: int
    _heads: dict[int, bytes]

    def user_path(self, user_id: int) -> Path: ...

    def user(self, user_id: int) -> UserTxn: ...

    def journal_path(self, user_id: int) -> Path: ...

    def _cache_get(self, user_id: int) -> dict[str, Any] | None: ...

    def _cache_drop(self, user_id: int) -> None: ...

    def _orphan_journal(self, user_id: int) -> None: ...

    def compact(self, user_id: int) -> bool: ...


class CachedFiles:
    """What ``Store`` keeps in memory about hot files and journals."""

    def journal_path(self: _Owner, user_id: int) -> Path:
        return self.users_dir / f"{int(user_id)}.journal"

    def _journal_files(self: _Owner) -> set[int]:
        """The patients whose journal holds lines (a fold leaves an empty file)."""
        ids = set()
        with os.scandir(self.users_dir) as entries:
            for entry in entries:
                stem, dot, ext = entry.name.partition(".")
                if dot and ext == "journal" and stem.isdigit():
                    try:
                        if entry.stat().st_size:
                            ids.add(int(stem))
                    except OSError:
                        continue
        return ids

    # cache -----------------------------------------------------------------
    def _cache_get(self: _Owner, user_id: int) -> dict[str, Any] | None:
        data = self._cache.get(user_id)
        if data is not None:
            self._cache.move_to_end(user_id)
        return data

    def _open_user(self: _Owner, user_id: int) -> tuple[dict[str, Any] | None, Journal]:
        """A unit of work's start: the cached tables with their journal's state, or
        nothing cached and a journal to be read with the hot file."""
        data = self._cache_get(user_id)
        journal = self._journals.get(user_id)
        if data is None or journal is None:
            self._cache_drop(user_id)
            return None, Journal(self.journal_path(user_id))
        return data, journal

    def _cache_put(self: _Owner, user_id: int, data: dict[str, Any], journal: Journal) -> None:
        self._cache[user_id] = data
        self._journals[user_id] = journal
        self._cache.move_to_end(user_id)
        while len(self._cache) > self._cache_size:
            evicted, _ = self._cache.popitem(last=False)
            self._journals.pop(evicted, None)

    def _cache_drop(self: _Owner, user_id: int) -> None:
        self._cache.pop(user_id, None)
        self._journals.pop(user_id, None)

    # journals ----------------------------------------------------------------
    def _journal_written(self: _Owner, user_id: int, live: bool) -> None:
        if live:
            self._journaled.add(user_id)
        else:
            self._journaled.discard(user_id)

    def _orphan_journal(self: _Owner, user_id: int) -> None:
        """A journal whose hot file is gone: its lines alone are not a patient (no
        profile, no consent), so it is moved aside and kept, and the patient reads as new.
        An empty one (a fold left it) holds nothing: it is removed, and nobody is told."""
        self._journaled.discard(user_id)
        journal = self.journal_path(user_id)
        try:
            empty = journal.stat().st_size == 0
        except OSError:
            return
        if empty:
            with contextlib.suppress(OSError):
                journal.unlink()
            return
        self.quarantine.move(user_id, journal, "journal",
                             FileNotFoundError("its hot file is missing"))

    def fold_journals(self: _Owner) -> int:
        """At a clean stop: every live journal folded into its hot file, so the next
        start reads one file per patient. Never raises; returns how many were folded."""
        return sum(self.compact(user_id) for user_id in sorted(self._journaled))

    def compact(self: _Owner, user_id: int) -> bool:
        """Fold one patient's journal into their hot file (at /export, at a clean stop).
        Never raises: a journal that could not be folded stays, and is read as before."""
        if user_id not in self._journaled:
            return False
        try:
            with outside_update(), self.user(user_id) as txn:
                txn.fold()
        except Exception as exc:
            log.warning("Could not fold a journal (%s); it stays", type(exc).__name__)
            return False
        return True

    def _damaged_hot_file(self: _Owner, user_id: int, exc: Exception) -> None:
        """A hot file that does not parse: moved aside with its journal; the patient
        reads as new."""
        self._cache_drop(user_id)
        self._heads.pop(user_id, None)
        self.quarantine.move(user_id, self.user_path(user_id), "user file", exc)
        self._journaled.discard(user_id)
        journal = self.journal_path(user_id)
        with contextlib.suppress(OSError):
            if journal.stat().st_size:  # its lines belong to the file: kept with it
                self.quarantine.move(user_id, journal, "journal of that file", exc)
            else:
                journal.unlink()
