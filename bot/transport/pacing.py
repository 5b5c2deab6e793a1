"""Sending at Telegram's ceiling without tripping it.

Telegram accepts about 30 messages a second from a bot and answers 429 with
``retry_after`` beyond that. PTB's ``AIORateLimiter`` counts a message when the request
leaves; Telegram counts it when it arrives, a network delay later, so a burst that the
limiter let through in one second can land in Telegram's next one: with a server that
enforces 30 per 1-second window it drew a 429 every few messages, and each 429 paused
every send for ``retry_after``.

Here a message holds one of ``max_rate`` slots from the moment it is sent until
``period`` seconds after Telegram's answer came back. Telegram counted the message
somewhere between those two moments, so no ``period``-long window on Telegram's clock
can ever hold more than ``max_rate`` of our messages, whatever the network delay; the
cost is the delay itself (about 30 / (1 s + round trip) messages a second). On top of
that, sends draw from a small token bucket (``max_rate`` per ``period``, at most ``burst``
at once): no big bursts, yet a slot missed because the bot was busy writing to disk for a
moment is caught up at once instead of being lost. Waiting is first come, first served.
A 429 that comes anyway (Telegram's limits are not published exactly)
holds every send for its ``retry_after`` and the message is sent again, up to
``max_retries`` times.

A job that prepares a message (reads and writes storage, then sends) can take its slot
first with ``send_slot``: then 10,000 reminders due in the same minute are prepared
at the pace they are sent, instead of all at once at the start.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import AsyncIterator, Callable, Coroutine
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any, Protocol

from telegram.error import RetryAfter
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)

JSONDict = dict[str, Any]
Result = bool | JSONDict | list[JSONDict]

#: Requests that create a message: the ones Telegram's flood limit counts.
PACED_PREFIXES = ("send", "copyMessage", "forwardMessage")
UNPACED = frozenset({"sendChatAction"})


def is_paced(endpoint: str) -> bool:
    return endpoint.startswith(PACED_PREFIXES) and endpoint not in UNPACED


@dataclass
class _Reservation:
    used: bool = False
    fleet: int | None = None  # the fleet budget's slot taken with it


class FleetBudget(Protocol):
    """The messages a second of every instance together (``Repository``'s send slots)."""

    def take_send_slot(self, limit: int) -> tuple[float, int | None]: ...

    def release_send_slot(self, slot: int, *, sent: bool = True) -> None: ...


_reservation: ContextVar[_Reservation | None] = ContextVar("send_reservation", default=None)


class PacedRateLimiter(BaseRateLimiter[int]):
    """At most ``max_rate`` messages per ``period``, counted from Telegram's answers.

    ``max_rate=0`` turns pacing off (429s are still retried): for a local benchmark
    whose fake server does not limit, never for Telegram.
    """

    def __init__(
        self,
        max_rate: float = 30,
        period: float = 1.0,
        *,
        burst: int = 10,
        max_retries: int = 3,
    ) -> None:
        self.max_rate = max_rate
        self.period = period
        self.burst = max(1, burst)
        self.max_retries = max_retries
        self._refill = max_rate / period if max_rate > 0 else 0.0  # tokens a second
        self._tokens = float(self.burst)
        self._refilled_at: float | None = None
        self._free_at: deque[float] = deque()  # when each answered message's slot frees
        self._in_flight = 0
        self._blocked_until = 0.0
        self._token_turn: asyncio.Lock | None = None
        self._window_turn: asyncio.Lock | None = None
        self._changed: asyncio.Event | None = None
        # Several instances on one database: Telegram's limit is the bot's, so a message
        # also holds a slot of the fleet's budget, from before it is sent until a
        # ``period`` after its answer, as the local slots do.
        self.fleet: FleetBudget | None = None
        self.fleet_waits = 0
        self.sent = 0  # messages answered (for logs and benchmarks)
        self.retry_afters = 0  # 429s received

    async def initialize(self) -> None:
        """Nothing to open."""

    async def shutdown(self) -> None:
        """Nothing to close."""

    # slots -------------------------------------------------------------------------
    def _wait_for(self, now: float, *, token: bool, window: bool) -> float:
        """Seconds until a send may start (inf: wait until an answer arrives)."""
        wait = max(self._blocked_until - now, 0.0)
        if self.max_rate <= 0:
            return wait
        if token:
            if self._refilled_at is not None:
                gained = (now - self._refilled_at) * self._refill
                self._tokens = min(float(self.burst), self._tokens + gained)
            self._refilled_at = now
            if self._tokens < 1.0:
                wait = max(wait, (1.0 - self._tokens) / self._refill)
        if not window:
            return wait
        while self._free_at and self._free_at[0] <= now:
            self._free_at.popleft()
        if self._in_flight + len(self._free_at) < self.max_rate:
            return wait
        if self._free_at:
            return max(wait, self._free_at[0] - now)
        return float("inf")

    async def _acquire(self, *, token: bool = True, window: bool = True) -> None:
        """Wait for a token (the pace), then a window slot (the ceiling), first come first.

        Two queues, so a message whose turn was reserved earlier (``reserve``) only waits
        for the window and never behind thousands of reminders still waiting for a turn.
        """
        if self._token_turn is None:
            self._token_turn, self._window_turn = asyncio.Lock(), asyncio.Lock()
            self._changed = asyncio.Event()
        assert self._window_turn is not None
        if token:
            async with self._token_turn:
                await self._wait_until_ready(token=True, window=False)
                if self.max_rate > 0:
                    self._tokens -= 1.0
        if window:
            async with self._window_turn:
                await self._wait_until_ready(token=False, window=True)
                self._in_flight += 1

    async def _wait_until_ready(self, *, token: bool, window: bool) -> None:
        loop = asyncio.get_running_loop()
        assert self._changed is not None
        while True:
            wait = self._wait_for(loop.time(), token=token, window=window)
            if wait <= 0:
                return
            if wait == float("inf"):
                self._changed.clear()
                await self._changed.wait()
            else:
                await asyncio.sleep(wait)

    def _release(self) -> None:
        self._in_flight -= 1
        if self.max_rate > 0:
            self._free_at.append(asyncio.get_running_loop().time() + self.period)
        if self._changed is not None:
            self._changed.set()

    @contextlib.asynccontextmanager
    async def reserve(self) -> AsyncIterator[None]:
        """Take the next send's turn in the pace now; the first message sent inside the
        block uses it (it still waits if Telegram's window happens to be full)."""
        reservation = _Reservation(fleet=await self._fleet_turn())
        await self._acquire(window=False)
        token = _reservation.set(reservation)
        try:
            yield
        finally:
            _reservation.reset(token)
            if not reservation.used:  # nothing was sent: the slot goes back at once
                self._fleet_release(reservation.fleet, sent=False)

    async def _fleet_turn(self) -> int | None:
        """Wait for a slot of the fleet's budget (no fleet: none needed)."""
        if self.fleet is None:
            return None
        limit = max(1, int(self.max_rate))
        while True:
            wait, slot = self.fleet.take_send_slot(limit)
            if slot is not None or wait <= 0:
                return slot
            self.fleet_waits += 1
            await asyncio.sleep(wait)

    def _fleet_release(self, slot: int | None, *, sent: bool = True) -> None:
        if slot is not None and self.fleet is not None:
            try:
                self.fleet.release_send_slot(slot, sent=sent)
            except Exception:  # it frees itself a little later
                log.warning("Could not give back a send slot of the fleet's budget")

    # requests ----------------------------------------------------------------------
    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        paced = self.max_rate > 0 and is_paced(endpoint)
        retries = self.max_retries if rate_limit_args is None else rate_limit_args
        attempt = 0
        while True:
            fleet: int | None = None
            if paced:
                reservation = _reservation.get()
                if reservation is not None and not reservation.used and attempt == 0:
                    reservation.used = True  # its turn in the pace was taken before preparing
                    fleet = reservation.fleet
                    await self._acquire(token=False)
                else:
                    fleet = await self._fleet_turn()
                    await self._acquire()
            else:
                await self._wait_if_blocked()
            try:
                result = await callback(*args, **kwargs)
            except RetryAfter as exc:
                self._on_retry_after(exc)
                if attempt >= retries:
                    log.error("%s: 429 after %d retries; giving up", endpoint, retries)
                    raise
                attempt += 1
                continue
            finally:
                if paced:
                    self._release()
                    self._fleet_release(fleet)
            if paced:
                self.sent += 1
            return result

    def _on_retry_after(self, exc: RetryAfter) -> None:
        # The private field, as PTB's own limiter reads it: the public one warns that
        # its type will change.
        seconds = getattr(exc, "_retry_after", None) or exc.retry_after
        delay = seconds.total_seconds() if hasattr(seconds, "total_seconds") else float(seconds)
        self.retry_afters += 1
        until = asyncio.get_running_loop().time() + delay
        self._blocked_until = max(self._blocked_until, until)
        log.warning("Telegram asked to slow down (429); holding sends for %.1f s", delay)

    async def _wait_if_blocked(self) -> None:
        delay = self._blocked_until - asyncio.get_running_loop().time()
        if delay > 0:
            await asyncio.sleep(delay)


@contextlib.asynccontextmanager
async def send_slot(bot: object) -> AsyncIterator[None]:
    """Wait for a send slot before preparing a message (no-op without a pacing limiter)."""
    limiter = getattr(bot, "rate_limiter", None)
    if isinstance(limiter, PacedRateLimiter) and limiter.max_rate > 0:
        async with limiter.reserve():
            yield
    else:
        yield
