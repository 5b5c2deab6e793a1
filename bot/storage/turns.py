"""One patient's work at a time: an update or a reminder for a patient waits for the one
before it. In this process an asyncio lock per patient does it; with PostgreSQL, a
database lock (``shared``) makes it hold across every instance of the bot too.

Locks of patients nobody is waiting for are dropped, so 10,000 patients leave no
10,000 locks behind.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager

SharedLock = Callable[[int], AbstractAsyncContextManager[None]]


class PatientTurns:
    """``async with turns.turn(uid)``: this patient's turn, here and (``shared``) fleet-wide."""

    def __init__(self, shared: SharedLock | None = None) -> None:
        self._shared = shared
        self._locks: dict[int, asyncio.Lock] = {}
        self._users: dict[int, int] = {}  # holders and waiters per patient

    @contextlib.asynccontextmanager
    async def turn(self, user_id: int) -> AsyncIterator[None]:
        lock = self._locks.get(user_id)
        if lock is None:
            lock = self._locks[user_id] = asyncio.Lock()
        self._users[user_id] = self._users.get(user_id, 0) + 1
        try:
            async with lock:
                if self._shared is None:
                    yield
                else:
                    async with self._shared(user_id):
                        yield
        finally:
            left = self._users[user_id] - 1
            if left:
                self._users[user_id] = left
            else:
                del self._users[user_id]
                del self._locks[user_id]

    def busy(self) -> int:
        """Patients with work under way or waiting (health checks, tests)."""
        return len(self._users)
