"""The dashboard's rows at clinic size: each patient's row is made once and kept until
their data or their date changes.

Making a row reads a month of the patient's records (a few milliseconds); 10,000 of
them on every request would take half a minute. So each row is kept with the stamp of
the patient's hot file (inode, size, modification time): every write to a patient goes
through one atomic replace of that file (records, profile, moving old records to the
archives), which gives it a new inode and time, so an unchanged stamp means unchanged
data, and a request costs one directory listing and one ``stat`` per patient. A row is
also made again when the patient's local date moves on. Each row keeps its JSON and its
place in the order; the list's body is put together again only after a change.

Rows are made on the event loop, as every store read is (the store is not for threads),
yielding to other tasks every few milliseconds, so making 10,000 of them (at start-up,
in the background: ``server._warm``) delays no reminder or reply by more than that.
"""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import orjson

from bot.deps import Deps
from bot.domain.clinic.dashboard import (
    ROW_DAYS,
    DashboardRow,
    dashboard_row,
    needs_full_history,
)
from bot.domain.progress.figures import local_since
from bot.domain.reminders.local_time import local_date

log = logging.getLogger(__name__)

#: Longest stretch of row-making before other tasks get the event loop.
SLICE_SECONDS = 0.01

Stamp = tuple[object]  # the store's change stamp of the patient


@dataclass(frozen=True)
class _Entry:
    stamp: Stamp
    tz: str
    today: date
    row: DashboardRow | None  # None: not a consenting patient
    key: tuple[Any, ...] = ()  # the row's place in the list
    json: bytes = b""  # the row as JSON, made once


class RowCache:
    """Every consenting patient's dashboard row, kept up to date on demand."""

    def __init__(self, deps: Deps) -> None:
        self.deps = deps
        self._entries: dict[int, _Entry] = {}
        self._body: bytes | None = None
        self._lock = asyncio.Lock()
        self.made = 0  # rows made (not reused) so far: tests and the benchmark read it

    def _stamp(self, user_id: int) -> Stamp | None:
        stamp = self.deps.store.change_stamp(user_id)
        return None if stamp is None else (stamp,)

    def _make(self, user_id: int, stamp: Stamp, now: datetime) -> _Entry:
        deps = self.deps
        store = deps.store
        profile = store.profile(user_id)
        view = deps.view(profile)
        today = view.today(now)
        if not view.consent:
            return _Entry(stamp, view.tz, today, None)
        since = local_since(profile)
        window = store.records(user_id, since=today - timedelta(days=ROW_DAYS - 1))
        row = dashboard_row(deps.content, user_id, profile, window, today, since)
        if needs_full_history(row, since):
            row = dashboard_row(deps.content, user_id, profile, store.records(user_id),
                                today, since)
        self.made += 1
        return _Entry(stamp, view.tz, today, row, row.sort_key(), orjson.dumps(row.as_json()))

    async def refresh(self) -> bool:
        """Bring every row up to date; True when any row changed, appeared or went."""
        async with self._lock:
            now = self.deps.clock.now()
            todays: dict[str, date] = {}
            seen: set[int] = set()
            changed = False
            started = time.monotonic()
            stamp_of = self._stamp
            for user_id in self.deps.store.user_ids():
                stamp = stamp_of(user_id)
                if stamp is None:
                    continue
                seen.add(user_id)
                entry = self._entries.get(user_id)
                if entry is not None and entry.stamp == stamp:
                    today = todays.get(entry.tz)
                    if today is None:
                        today = todays[entry.tz] = local_date(now, entry.tz)
                    if entry.today == today:
                        continue
                try:
                    self._entries[user_id] = self._make(user_id, stamp, now)
                except Exception as exc:  # one patient's trouble: the others are listed
                    log.warning("Mini App: a dashboard row could not be made (%s)",
                                type(exc).__name__)
                    self._entries.pop(user_id, None)
                changed = True
                if time.monotonic() - started > SLICE_SECONDS:
                    await asyncio.sleep(0)  # let replies and reminders run
                    started = time.monotonic()
            for gone in set(self._entries) - seen:
                del self._entries[gone]
                changed = True
            if changed:
                self._body = None
            return changed

    def _ordered(self) -> list[_Entry]:
        shown = [entry for entry in self._entries.values() if entry.row is not None]
        return sorted(shown, key=lambda entry: entry.key)

    def rows(self) -> list[DashboardRow]:
        """The rows as of the last refresh, in dashboard order."""
        return [entry.row for entry in self._ordered() if entry.row is not None]

    async def body(self) -> bytes:
        """``GET /api/clinic/patients`` as JSON bytes, put together again only after a
        change (from each row's own JSON, made with the row)."""
        await self.refresh()
        if self._body is None:
            rows = b",".join(entry.json for entry in self._ordered())
            self._body = b'{"patients":[' + rows + b"]}"
        return self._body
