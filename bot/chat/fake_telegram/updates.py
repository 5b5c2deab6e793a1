"""The update queue behind getUpdates: long polling, confirmation by offset, redelivery.

Follows the Bot API: getUpdates returns unconfirmed updates in id order; calling it
with an offset confirms (and forgets) every update below that offset; a second
concurrent getUpdates ends the first with 409 Conflict.
"""

from __future__ import annotations

import asyncio
import bisect
import contextlib
import threading
from collections import Counter
from typing import Any

from .models import ApiError

# Telegram leaves these out unless allowed_updates asks for them.
NOT_BY_DEFAULT = frozenset({"chat_member", "message_reaction", "message_reaction_count"})
CONFLICT = "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"  # noqa: E501


def update_type(update: dict[str, Any]) -> str:
    """The kind of an update: its one key besides update_id."""
    return next((k for k in update if k != "update_id"), "")


class UpdateQueue:
    """Unconfirmed updates, kept sorted by update_id.

    ``add`` and ``redeliver`` may be called from any thread; waiting happens on the
    loop passed to ``bind``.
    """

    def __init__(self, first_id: int) -> None:
        self.next_id = first_id
        self.confirmed_offset = 0
        self.allowed: frozenset[str] | None = None  # None: Telegram's default set
        self.history: dict[int, dict[str, Any]] = {}
        self.deliveries: Counter[int] = Counter()
        self.closing = False
        self._pending: list[dict[str, Any]] = []
        self._ids: list[int] = []  # parallel to _pending, for bisect
        self._fresh: set[int] = set()  # redelivered and not yet handed out
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._event: asyncio.Event | None = None
        self._poll_gen = 0

    def bind(self, loop: asyncio.AbstractEventLoop) -> None:
        """Remember the server's loop so other threads can wake a long poll."""
        self._loop = loop

    def add(self, update: dict[str, Any]) -> int:
        """Queue an update, giving it the next update_id unless it has one."""
        with self._lock:
            if "update_id" not in update:
                update["update_id"] = self.next_id
            uid = int(update["update_id"])
            self.next_id = max(self.next_id, uid + 1)
            self.history[uid] = update
            self._insert(update)
        self.wake()
        return uid

    def redeliver(self, update_id: int) -> None:
        """Put a confirmed update back with its id, as Telegram does after a crash.

        The next getUpdates returns it even if its offset is above the id (a
        restarted bot polls from offset 0); the call after that forgets it again.
        """
        with self._lock:
            update = self.history[update_id]
            if update_id not in self._ids:
                self._insert(update)
            self._fresh.add(update_id)
        self.wake()

    def pending(self) -> list[dict[str, Any]]:
        """Updates not yet confirmed, oldest first."""
        with self._lock:
            return list(self._pending)

    def drop_all(self) -> None:
        """deleteWebhook/setWebhook with drop_pending_updates=True."""
        with self._lock:
            self._pending.clear()
            self._ids.clear()
            self._fresh.clear()

    async def poll(
        self, offset: int, limit: int, timeout: float, allowed: list[str] | None
    ) -> list[dict[str, Any]]:
        """One getUpdates call: confirm below ``offset``, then wait up to ``timeout``."""
        self._poll_gen += 1
        gen = self._poll_gen
        self._notify()  # an older poll still waiting ends with 409
        if allowed is not None:
            self.allowed = frozenset(allowed) if allowed else None
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            event = self._current_event()
            if gen != self._poll_gen:
                raise ApiError(409, CONFLICT)
            with self._lock:
                self._confirm(offset)
                batch = self._take(limit)
            remaining = deadline - loop.time()
            if batch or remaining <= 0 or self.closing:
                return batch
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(event.wait(), remaining)

    def wake(self) -> None:
        """Wake waiting polls, from the loop's thread or any other."""
        loop = self._loop
        if loop is None or self._event is None or loop.is_closed():
            return
        try:
            running = asyncio.get_running_loop()
        except RuntimeError:
            running = None
        if running is loop:
            self._notify()
        else:
            loop.call_soon_threadsafe(self._notify)

    def _current_event(self) -> asyncio.Event:
        if self._event is None:
            self._event = asyncio.Event()
        return self._event

    def _notify(self) -> None:
        event, self._event = self._event, asyncio.Event()
        if event is not None:
            event.set()

    def _insert(self, update: dict[str, Any]) -> None:
        uid = int(update["update_id"])
        if not self._ids or uid > self._ids[-1]:
            self._ids.append(uid)
            self._pending.append(update)
            return
        index = bisect.bisect_left(self._ids, uid)
        if index < len(self._ids) and self._ids[index] == uid:
            self._pending[index] = update
            return
        self._ids.insert(index, uid)
        self._pending.insert(index, update)

    def _confirm(self, offset: int) -> None:
        if offset > 0:
            self.confirmed_offset = max(self.confirmed_offset, offset)
            cut = bisect.bisect_left(self._ids, offset)
            keep = [u for u in self._pending[:cut] if u["update_id"] in self._fresh]
            self._pending[:cut] = keep
            self._ids[:cut] = [u["update_id"] for u in keep]
        elif offset < 0:
            cut = max(0, len(self._ids) + offset)
            del self._pending[:cut]
            del self._ids[:cut]

    def _take(self, limit: int) -> list[dict[str, Any]]:
        batch: list[dict[str, Any]] = []
        dropped: list[int] = []
        for index, update in enumerate(self._pending):
            kind = update_type(update)
            if (kind not in self.allowed) if self.allowed else (kind in NOT_BY_DEFAULT):
                dropped.append(index)  # Telegram never creates updates the bot did not ask for
                continue
            batch.append(update)
            if len(batch) >= limit:
                break
        for index in reversed(dropped):
            del self._pending[index]
            del self._ids[index]
        for update in batch:
            self._fresh.discard(update["update_id"])
            self.deliveries[update["update_id"]] += 1
        return batch
