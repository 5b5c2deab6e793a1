"""What several bot instances share through PostgreSQL besides the data.

- ``patient_lock``: a session advisory lock per patient, on a connection of its own for
  as long as the update or reminder takes; an instance that dies drops its connection
  and PostgreSQL frees the lock at once. The connections come from an async pool and
  the lock is taken with ``pg_try_advisory_lock`` (the connection goes back to the pool
  between tries), so waiting never blocks the event loop nor hoards connections.
- ``take_send_slot``: Telegram's ~30 messages a second is per bot, not per instance. A
  message holds a row of ``send_slots`` from before it is sent until a second after its
  answer (``release_send_slot``), as the process's own pacing does, so no second on
  Telegram's clock sees more than the limit whatever the delays; a slot whose instance
  died frees itself after ``IN_FLIGHT``. Taking one is a short transaction under an
  advisory lock (count, then insert, with no other instance in between).
- ``changed_since``: the patients written since a moment, so each instance re-plans the
  reminders of patients whose settings another instance changed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator
from datetime import datetime
from typing import Any

import psycopg
from psycopg_pool import AsyncConnectionPool, ConnectionPool

from bot.storage.atomic import StorageError
from bot.storage.postgres.errors import database_errors

log = logging.getLogger(__name__)

#: Patients' advisory-lock keys live above this, clear of the bot's fixed locks.
PATIENT_KEY_BASE = 1 << 60
LOCK_WAIT = 60.0  # seconds before giving up on a patient's lock (the update is retried)
LOCK_POLL = 0.01
BUDGET_LOCK = 7_231_003  # taking a send slot: one instance at a time
IN_FLIGHT = 10.0  # seconds a slot stays taken if its answer never comes (a dead instance)


class PgCoordination:
    def __init__(self, url: str, *, size: int = 4, locks: int = 32) -> None:
        self.url = url
        self.pool = ConnectionPool(url, min_size=1, max_size=size, open=True, timeout=10,
                                   kwargs={"autocommit": True, "connect_timeout": 10},
                                   name="bot-fleet")
        self._locks_size = locks
        self._lock_pool: AsyncConnectionPool | None = None  # opened on the event loop
        self.lock_waits = 0  # tries that found the lock taken (benchmarks, tests)
        self._taken = 0

    async def _locks(self) -> AsyncConnectionPool:
        if self._lock_pool is None:
            pool = AsyncConnectionPool(self.url, min_size=1, max_size=self._locks_size,
                                       open=False, timeout=30, name="bot-locks",
                                       kwargs={"autocommit": True, "connect_timeout": 10})
            await pool.open()
            self._lock_pool = pool
        return self._lock_pool

    async def _try_lock(self, key: int) -> psycopg.AsyncConnection | None:
        """A connection holding the lock, or None (the connection went back)."""
        pool = await self._locks()
        with database_errors("taking a patient's lock"):
            conn = await pool.getconn()
            try:
                cur = await conn.execute("SELECT pg_try_advisory_lock(%s)", (key,))
                row = await cur.fetchone()
            except BaseException:
                await pool.putconn(conn)
                raise
        if row and row[0]:
            return conn
        await pool.putconn(conn)
        return None

    @contextlib.asynccontextmanager
    async def patient_lock(self, user_id: int) -> AsyncIterator[None]:
        key = PATIENT_KEY_BASE + int(user_id)
        deadline = time.monotonic() + LOCK_WAIT
        while (conn := await self._try_lock(key)) is None:
            self.lock_waits += 1
            if time.monotonic() > deadline:
                raise StorageError("database: a patient's lock stayed taken too long")
            await asyncio.sleep(LOCK_POLL)
        try:
            yield
        finally:
            with contextlib.suppress(psycopg.Error):
                await conn.execute("SELECT pg_advisory_unlock(%s)", (key,))
            assert self._lock_pool is not None
            await self._lock_pool.putconn(conn)

    def take_send_slot(self, limit: int) -> tuple[float, int | None]:
        """(0, slot) when this message may go now; else (seconds to wait, None)."""
        with database_errors("taking a send slot"), self.pool.connection() as conn, \
                conn.transaction():
            conn.execute("SELECT pg_advisory_xact_lock(%s)", (BUDGET_LOCK,))
            row = conn.execute(
                "SELECT count(*), extract(epoch FROM min(free_at) - clock_timestamp()) "
                "FROM send_slots WHERE free_at > clock_timestamp()").fetchone()
            busy, soonest = (int(row[0]), row[1]) if row else (0, None)
            if busy >= limit:  # wake up when the first one frees (no busy polling)
                return min(max(float(soonest or 0.0), 0.001), 0.25), None
            slot = conn.execute(
                "INSERT INTO send_slots (free_at) VALUES (clock_timestamp() + "
                "make_interval(secs => %s)) RETURNING id", (IN_FLIGHT,)).fetchone()
            self._taken += 1
            if self._taken % 200 == 0:  # now and then: long-freed slots go
                conn.execute("DELETE FROM send_slots WHERE free_at < clock_timestamp() "
                             "- interval '1 minute'")
        assert slot is not None
        return 0.0, int(slot[0])

    def release_send_slot(self, slot: int, *, sent: bool = True) -> None:
        with database_errors("giving back a send slot"), self.pool.connection() as conn:
            if sent:
                conn.execute("UPDATE send_slots SET free_at = clock_timestamp() + interval "
                             "'1 second' WHERE id = %s", (slot,))
            else:
                conn.execute("DELETE FROM send_slots WHERE id = %s", (slot,))

    def changed_since(self, since: datetime | None
                      ) -> tuple[datetime, list[tuple[int, dict[str, Any], dict[str, Any]]]]:
        """(the database's now, patients written since ``since`` with profile and state);
        ``since=None`` only starts the count (start-up planned everyone already)."""
        with database_errors("reading changes"), self.pool.connection() as conn:
            now_row = conn.execute("SELECT clock_timestamp()").fetchone()
            assert now_row is not None
            if since is None:
                return now_row[0], []
            rows = conn.execute(
                "SELECT user_id, coalesce(doc->'profile', '{}'), coalesce(doc->'state', '{}')"
                " FROM patients WHERE updated_at >= %s",
                (since,)).fetchall()
        return now_row[0], [(int(u), dict(p or {}), dict(s or {})) for u, p, s in rows]

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.pool.close()
        pool, self._lock_pool = self._lock_pool, None
        if pool is not None:
            with contextlib.suppress(Exception):
                loop = asyncio.get_running_loop()
                loop.create_task(pool.close())  # noqa: RUF006  (closing at shutdown)

