"""The embedded store's side of the storage interface beyond units of work: a patient's
data as plain data (``migrate`` copies it between backends), a change stamp for caches,
and a health answer. A mixin of ``Store``, kept apart so each module stays small.
"""

from __future__ import annotations

import fcntl
import os
from collections.abc import Mapping
from contextlib import AbstractAsyncContextManager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, Protocol

from bot.domain.records import Record
from bot.storage.codec import single_doc
from bot.storage.consent import Forgotten, NoConsent
from bot.storage.forgetting import ForgetJournal, delete_files
from bot.storage.transaction import SEEN_LIMIT, UserTxn
from bot.storage.turns import PatientTurns

#: The table that holds a hot file's records (every other table has one document).
RECORDS_TABLE = "events"
SEEN_TABLE = "seen"  # the update ids handled, for dedupe
_held_locks: list[int] = []  # open lock files: the lock lasts as long as the process


class _EmbeddedStore(Protocol):
    data_dir: Path
    journal: ForgetJournal
    _journaled: set[int]

    def user_archive_dir(self, user_id: int) -> Path: ...

    def user(self, user_id: int) -> UserTxn: ...

    def exists(self, user_id: int) -> bool: ...

    def user_path(self, user_id: int) -> Path: ...

    def journal_path(self, user_id: int) -> Path: ...

    def archive_files(self, user_id: int) -> list[Path]: ...

    def records(self, user_id: int, since: date | None = None) -> list[Record]: ...

    def archive_due(self) -> int: ...

    def _full_tables(self, user_id: int) -> dict[str, Any] | None: ...

    def _bot_read(self) -> dict[str, Any]: ...


class PortableData:
    """What ``Store`` adds for the storage interface (see ``bot/storage/interface.py``)."""

    def has_data(self: _EmbeddedStore, user_id: int) -> bool:
        return self.exists(user_id) or bool(self.archive_files(user_id))

    def change_stamp(self: _EmbeddedStore, user_id: int) -> object:
        """The hot file's size and modification time, and the journal's while it holds
        lines: every commit appends to the journal or replaces the hot file (a fold
        empties the journal). An empty journal is not looked at: the dashboard asks this
        of every patient, and a second stat each doubled its cost."""
        try:
            st = os.stat(self.user_path(user_id))
        except OSError:
            return None
        if user_id not in self._journaled:
            return (st.st_mtime_ns, st.st_size, st.st_ino)
        try:
            jt = os.stat(self.journal_path(user_id))
        except OSError:
            return (st.st_mtime_ns, st.st_size, st.st_ino)
        return (st.st_mtime_ns, st.st_size, st.st_ino, jt.st_mtime_ns, jt.st_size, jt.st_ino)

    def dump_patient(self: _EmbeddedStore, user_id: int) -> dict[str, Any]:
        tables = self._full_tables(user_id) or {}
        return {
            "tables": {name: single_doc(tables, name) for name in sorted(tables)
                       if name not in (RECORDS_TABLE, SEEN_TABLE) and single_doc(tables, name)},
            "records": [dict(r) for r in self.records(user_id)],
            "seen": sorted(int(i) for i in single_doc(tables, SEEN_TABLE).get("ids", [])),
        }

    def load_patient(self: _EmbeddedStore, user_id: int, dump: Mapping[str, Any]) -> None:
        """Replaces whatever was held for the patient: one hot file written once, records
        past its size moved to the archives. All records in one insert: ``add_record`` per
        record re-reads the whole table each time (a year of records took seconds)."""
        tables = dict(dump.get("tables") or {})
        if user_id in self.journal.pending:
            raise Forgotten("not written: this patient's data is being deleted")
        if not (tables.get("profile") or {}).get("consent"):
            raise NoConsent("not written: no consent to storage")
        delete_files([], [self.user_archive_dir(user_id)])  # the old months go first
        with self.user(user_id) as txn:
            txn.db.drop_tables()
            for name, doc in tables.items():
                txn.set(name, doc)
            records: dict[str, dict[str, Any]] = {}
            for record in dump.get("records") or []:
                records.setdefault(str(record["id"]), dict(record))
            txn.db.table(RECORDS_TABLE).insert_multiple(records.values())
            seen = [int(i) for i in dump.get("seen") or []]
            if seen:
                txn.set(SEEN_TABLE, {"ids": sorted(seen)[-SEEN_LIMIT:]})
        self.archive_due()

    def bot_values(self: _EmbeddedStore) -> dict[str, Any]:
        return self._bot_read()

    def health(self: _EmbeddedStore) -> dict[str, Any]:
        """The data folder is there and writable."""
        ok = os.access(self.data_dir, os.W_OK)
        return {"ok": ok, "backend": "embedded"}

    @property
    def shared(self) -> bool:
        return False  # one process owns the data folder (``claim_poller``)

    _turns: PatientTurns | None = None  # made on first use, one per store

    def patient_turn(self, user_id: int) -> AbstractAsyncContextManager[None]:
        if self._turns is None:
            self._turns = PatientTurns()
        return self._turns.turn(user_id)

    def take_send_slot(self, limit: int) -> tuple[float, int | None]:
        return 0.0, None

    def release_send_slot(self, slot: int, *, sent: bool = True) -> None:
        """No fleet, no slots."""

    def changed_since(self, since: datetime | None
                      ) -> tuple[datetime, list[tuple[int, dict[str, Any], dict[str, Any]]]]:
        return datetime.now(UTC), []

    def claim_poller(self: _EmbeddedStore) -> bool:
        """An exclusive lock on ``poller.lock`` in the data folder, held until exit."""
        path = self.data_dir / "poller.lock"
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        _held_locks.append(fd)  # released by the kernel when the process ends
        return True

    def close(self) -> None:
        """Nothing is held open between units of work."""
