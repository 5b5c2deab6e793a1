"""Fault injection and Telegram's flood limits, for reliability tests and benchmarks.

Errors are decided before a request is processed, so a request answered with an
error never creates a message. The one exception is a reset with
``reset_after_processing=True``: the message is stored and then the connection is
dropped, which is how a bot ends up sending the same message twice.
"""

from __future__ import annotations

import random
import time
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from http import HTTPStatus

from .models import MESSAGE_METHODS, ApiError

FAULT_KINDS = ("429", "500", "502", "reset", "slow")


def error_for(
    status: int, retry_after: int | None = None, description: str | None = None
) -> ApiError:
    """An error answer shaped like Telegram's for ``status``."""
    if status == 429:
        wait = 1 if retry_after is None else retry_after
        return ApiError(429, description or f"Too Many Requests: retry after {wait}", wait)
    if description is None:
        try:
            description = HTTPStatus(status).phrase
        except ValueError:
            description = "Error"
    return ApiError(status, description, retry_after)


@dataclass
class Fault:
    """What to do to one request: delay it, fail it, or drop its connection."""

    error: ApiError | None = None
    reset: bool = False
    after_processing: bool = False
    delay: float = 0.0


class Faults:
    """Per-method fault policy. Method names are case-insensitive; "*" matches any method."""

    def __init__(self) -> None:
        self._queued: dict[str, deque[Fault]] = {}
        self._slow: dict[str, float] = {}
        self._random: tuple[float, random.Random, frozenset[str], tuple[str, ...]] | None = None
        self._random_slow = 0.2
        self._random_after_processing = False

    def fail_next(
        self,
        method: str,
        status: int,
        n: int = 1,
        retry_after: int | None = None,
        description: str | None = None,
    ) -> None:
        """Answer the next ``n`` calls of ``method`` with ``status`` (429 gets retry_after 1)."""
        for _ in range(n):
            self._queue(method, Fault(error=error_for(status, retry_after, description)))

    def reset_next(self, method: str, n: int = 1, *, reset_after_processing: bool = False) -> None:
        """Drop the connection of the next ``n`` calls without an answer.

        With ``reset_after_processing=True`` the call is carried out first (a send
        is stored, the message id is used) and only the answer is lost.
        """
        for _ in range(n):
            self._queue(method, Fault(reset=True, after_processing=reset_after_processing))

    def slow(self, method: str, seconds: float) -> None:
        """Delay every call of ``method`` by ``seconds`` before processing; 0 switches it off.

        A client that gives up first hangs up, the call is never processed and is
        recorded with status 0.
        """
        if seconds > 0:
            self._slow[method.lower()] = seconds
        else:
            self._slow.pop(method.lower(), None)

    def random_faults(
        self,
        rate: float,
        seed: int = 0,
        *,
        methods: Iterable[str] | None = None,
        kinds: Iterable[str] = FAULT_KINDS,
        slow_seconds: float = 0.2,
        reset_after_processing: bool = False,
    ) -> None:
        """Give each call of ``methods`` (default: message sends) a fault with probability
        ``rate``, drawn evenly from ``kinds`` ("429", "500", "502", "reset", "slow").

        Seeded, so a benchmark run can be repeated exactly. rate 0 switches it off.
        """
        kinds = tuple(kinds)
        unknown = set(kinds) - set(FAULT_KINDS)
        if unknown:
            raise ValueError(f"unknown fault kinds: {sorted(unknown)}")
        if rate <= 0:
            self._random = None
            return
        names = MESSAGE_METHODS if methods is None else frozenset(m.lower() for m in methods)
        self._random = (rate, random.Random(seed), names, kinds)
        self._random_slow = slow_seconds
        self._random_after_processing = reset_after_processing

    def clear(self) -> None:
        """Forget every queued, slow and random fault."""
        self._queued.clear()
        self._slow.clear()
        self._random = None

    def take(self, method: str) -> Fault | None:
        """The fault for this call of ``method``, if any (consumes a queued one)."""
        key = method.lower()
        delay = self._slow.get(key, self._slow.get("*", 0.0))
        fault: Fault | None = None
        for name in (key, "*"):
            queue = self._queued.get(name)
            if queue:
                fault = queue.popleft()
                break
        if fault is None and self._random is not None:
            fault = self._draw(key)
        if delay:
            fault = fault or Fault()
            fault.delay += delay
        return fault

    def _queue(self, method: str, fault: Fault) -> None:
        self._queued.setdefault(method.lower(), deque()).append(fault)

    def _draw(self, key: str) -> Fault | None:
        assert self._random is not None
        rate, rng, names, kinds = self._random
        if key not in names or rng.random() >= rate:
            return None
        kind = rng.choice(kinds)
        if kind == "reset":
            return Fault(reset=True, after_processing=self._random_after_processing)
        if kind == "slow":
            return Fault(delay=self._random_slow)
        return Fault(error=error_for(int(kind)))


class RateLimiter:
    """Telegram's flood control: sliding 1-second windows, overall and per chat.

    Only accepted messages count; a request over the limit gets 429 with
    retry_after 1 and is not stored.
    """

    def __init__(
        self,
        per_second: int | None = 30,
        per_chat_per_second: int | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.per_second = per_second
        self.per_chat = per_chat_per_second
        self.clock = clock
        self._all: deque[float] = deque()
        self._chats: dict[object, deque[float]] = {}

    def check(self, chat_id: object) -> float:
        """Raise 429 if one more message now would exceed a limit; return "now"."""
        now = self.clock()
        if self.per_second is not None and _count(self._all, now) >= self.per_second:
            raise error_for(429, 1)
        if self.per_chat is not None:
            window = self._chats.get(chat_id)
            if window is not None and _count(window, now) >= self.per_chat:
                raise error_for(429, 1)
        return now

    def commit(self, chat_id: object, now: float) -> None:
        """Count a message that was accepted."""
        self._all.append(now)
        if self.per_chat is not None:
            self._chats.setdefault(chat_id, deque()).append(now)


def _count(window: deque[float], now: float) -> int:
    while window and window[0] <= now - 1.0:
        window.popleft()
    return len(window)
