"""Outgoing Bot API requests that survive a flaky network: flood limits plus retries.

PTB's ``AIORateLimiter`` retries only ``RetryAfter`` (429). A 500, a 502, a dropped
connection or a timeout reaches the handler as ``NetworkError`` after the user's data
was already stored, and the user never sees the reply. Telegram will not redeliver the
update either: it was handled, so the offset moves past it. So transient failures are
retried here, a few times with a short back-off.

Retrying is at-least-once: when the connection drops *after* Telegram carried out a
send, the retry sends the message again. The Bot API has no idempotency key, so the
choice is between a rare duplicate and a lost acknowledgement (or a lost reminder); for
a patient a duplicate "Set 2 of 3" is harmless, a missing one is not. A retry whose
first attempt did go through is recognised where Telegram says so (a callback already
answered, an edit already applied, a message already deleted) and counted as success.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import BadRequest, NetworkError

from bot.transport.pacing import PacedRateLimiter

log = logging.getLogger(__name__)

JSONDict = dict[str, Any]
Result = bool | JSONDict | list[JSONDict]

#: Errors Telegram gives when a repeated call finds the first one already carried out.
ALREADY_DONE = (
    "query is too old",
    "message is not modified",
    "message to delete not found",
)


class RetryingRateLimiter(PacedRateLimiter):
    """``PacedRateLimiter`` (flood limits, 429 retries) that also retries network failures."""

    def __init__(
        self,
        *,
        max_retries: int = 3,
        network_retries: int = 4,
        backoff: float = 0.2,
        **limits: Any,
    ) -> None:
        super().__init__(max_retries=max_retries, **limits)
        self.network_retries = network_retries
        self.backoff = backoff
        self.retried = 0  # how many requests were sent again (for logs and tests)

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, Result]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> Result:
        attempt = 0
        while True:
            try:
                return await super().process_request(
                    callback, args, kwargs, endpoint, data, rate_limit_args
                )
            except BadRequest as exc:
                if attempt > 0 and any(s in str(exc).lower() for s in ALREADY_DONE):
                    log.info("%s had gone through before the retry", endpoint)
                    return True
                raise
            except NetworkError as exc:  # 5xx, dropped connection, timeout
                if attempt >= self.network_retries:
                    log.error("%s failed %d times, giving up: %s", endpoint, attempt + 1, exc)
                    raise
                delay = self.backoff * 2**attempt
                attempt += 1
                self.retried += 1
                log.warning("%s failed (%s); retry %d in %.1f s", endpoint, exc, attempt, delay)
                await asyncio.sleep(delay)
