"""The storage interface the bot talks to, whichever backend holds the data.

Two backends implement it: the embedded store (``Store``: TinyDB files in
``BOT_DATA_DIR``, the default) and PostgreSQL (``PgStore``, when ``DATABASE_URL`` is
set). Everything outside ``bot/storage/`` is typed against ``Repository`` and
``PatientTxn``; the contract tests (``tests/storage/contract/``) run unchanged on both.

A patient's data is a handful of single-document tables (``profile``, ``state``,
``session``, ``seen``, ...) and a list of records. A unit of work (``repo.user(uid)``)
reads them, changes them in memory and writes every change at once on exit, together
with the id of the update being handled; an exception inside leaves nothing written.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import AbstractAsyncContextManager
from datetime import date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Protocol

from bot.domain.records import Record


class PatientTxn(Protocol):
    """One unit of work on one patient: ``with repo.user(uid) as txn: ...``."""

    user_id: int

    @property
    def exists(self) -> bool:
        """True when anything is stored for this patient."""

    def get(self, table: str) -> dict[str, Any]:
        """The one document of a single-document table (empty dict if none)."""

    def set(self, table: str, doc: Mapping[str, Any]) -> None:
        """Replace the one document of a single-document table."""

    def update(self, table: str, **fields: Any) -> dict[str, Any]:
        """Merge fields into a single-document table; returns the new document."""

    def clear(self, table: str) -> None:
        """Drop a single-document table."""

    def add_record(self, record: Record) -> bool:
        """Store a record once; False when a record with its id is already stored."""

    def remove_record(self, record_id: str) -> Record | None:
        """Take back a recent record (an undo); the removed record, or None."""

    def has_record(self, record_id: str) -> bool: ...

    def recent_records(self) -> list[Record]:
        """The records of the last days (at least every record of the newest two days)."""

    def recent_of(self, kind: str, day: str) -> list[Record]:
        """The recent records of one kind on one day (ISO date): ``recent_records``
        filtered, without copying the others (a reply asks "done today?")."""

    def seen(self, update_id: int) -> bool:
        """True when this update was already handled for this patient."""

    def __enter__(self) -> PatientTxn: ...

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None: ...


class ForgetLog(Protocol):
    """/forget's durable intent: ``begin`` before deleting, ``end`` once all is gone."""

    forgotten: set[int]

    @property
    def pending(self) -> set[int]:
        """Patients whose deletion started and has not finished (every write refused)."""

    def begin(self, user_id: int) -> bool: ...

    def end(self, user_id: int) -> bool: ...


class DamageNotices(Protocol):
    """Damaged data moved aside, to tell the patient once."""

    def take_notice(self, user_id: int) -> str | None: ...


class Repository(Protocol):
    """Everything the bot stores: patients, records, dedupe, bot-wide values."""

    @property
    def cache_dir(self) -> Path:
        """This machine's folder for generated files (pictures, charts)."""

    @property
    def journal(self) -> ForgetLog: ...

    @property
    def quarantine(self) -> DamageNotices: ...

    @property
    def archive_runs(self) -> int:
        """Times records moved to the archives (benchmarks, logs)."""

    def user(self, user_id: int) -> PatientTxn: ...

    def exists(self, user_id: int) -> bool: ...

    def profile(self, user_id: int) -> dict[str, Any]:
        """A read-only look at a patient's profile (empty if unknown)."""

    def has_seen(self, user_id: int, update_id: int) -> bool: ...

    def mark_seen(self, user_id: int, update_id: int, *, persist: bool) -> None:
        """Remember a handled update that wrote nothing (stored when the patient is)."""

    def user_ids(self) -> list[int]: ...

    def iter_profiles(self) -> Iterator[tuple[int, dict[str, Any]]]: ...

    def iter_heads(self) -> Iterator[tuple[int, dict[str, Any], dict[str, Any]]]:
        """Every stored patient's profile and state (start-up, reports)."""

    def records(self, user_id: int, since: date | None = None) -> list[Record]:
        """All of a patient's records, oldest first, once each."""

    def has_data(self, user_id: int) -> bool:
        """True when anything at all is held about this patient (for /forget)."""

    def change_stamp(self, user_id: int) -> object:
        """A value that changes whenever this patient's data changes (caches key on it)."""

    def bot_get(self, key: str) -> Any: ...

    def bot_set(self, key: str, value: Any) -> None: ...

    def bot_update(self, values: Mapping[str, Any]) -> None: ...

    def may_store(self, user_id: int) -> bool:
        """Whether anything may be written for this patient (consent, not forgotten)."""

    def forget(self, user_id: int) -> None:
        """Delete everything held about a patient (StorageError if something stayed)."""

    def user_cache_dir(self, user_id: int) -> Path: ...

    def archive_due(self) -> int:
        """Housekeeping after a reply (the embedded store's archives); never raises."""

    def save_heads_snapshot(self) -> bool:
        """At a clean stop: whatever makes the next start quick (False: nothing to do)."""

    def compact(self, user_id: int) -> bool:
        """Fold a patient's journal into their file (the embedded store, at /export);
        True when something was folded. Never raises."""

    def dump_patient(self, user_id: int) -> dict[str, Any]:
        """Everything held about a patient, as plain data (``migrate`` copies it)."""

    def load_patient(self, user_id: int, dump: Mapping[str, Any]) -> None:
        """Store a ``dump_patient`` answer as this patient's data, replacing any."""

    def bot_values(self) -> dict[str, Any]:
        """Every bot-wide value (``migrate`` copies them)."""

    @property
    def shared(self) -> bool:
        """True when several bot instances may use this data at once (PostgreSQL)."""

    def patient_turn(self, user_id: int) -> AbstractAsyncContextManager[None]:
        """``async with``: this patient's updates and reminders one at a time (across
        every instance when ``shared``)."""

    def take_send_slot(self, limit: int) -> tuple[float, int | None]:
        """One of the fleet's ``limit`` messages a second: (0, slot) to send now, or
        (seconds to wait, None); (0, None) when not ``shared`` (the process's own pacing
        is the budget)."""

    def release_send_slot(self, slot: int, *, sent: bool = True) -> None:
        """The message's answer came: its slot frees a second from now (not sent after
        all: at once)."""

    def changed_since(self, since: datetime | None
                      ) -> tuple[datetime, list[tuple[int, dict[str, Any], dict[str, Any]]]]:
        """(a new ``since``, the patients another instance may have changed since then,
        with profile and state); ``since=None`` only starts the count; nothing when not
        ``shared``."""

    def claim_poller(self) -> bool:
        """Become the one process that polls Telegram for this data (False: another
        process already does; Telegram allows one getUpdates per token)."""

    def health(self) -> dict[str, Any]:
        """{"ok": bool, "backend": str, ...}: no personal data (``/healthz``)."""

    def close(self) -> None:
        """Release connections and files (idempotent)."""
