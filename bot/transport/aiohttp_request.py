"""PTB's requests to the Bot API sent with aiohttp instead of httpx.

Every reply is one ``sendMessage``. Through httpx (with httpcore, h11 and anyio under it)
a request on a kept-alive connection costs this bot about a quarter of its CPU per
"done"; aiohttp, already here for the webhook and the Mini App, does the same request
for a fraction of it (figures in BENCHMARKS.md). The behaviour PTB relies on is kept:
form-encoded parameters, multipart uploads for pictures and animations, the four
timeouts, a bounded connection pool, and ``TimedOut`` / ``NetworkError`` for failures,
which ``RetryingRateLimiter`` retries.
"""

from __future__ import annotations

from typing import Any

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

#: PTB's own defaults (``HTTPXRequest``), in seconds.
READ_TIMEOUT = 5.0
WRITE_TIMEOUT = 5.0
CONNECT_TIMEOUT = 5.0
POOL_TIMEOUT = 1.0
MEDIA_WRITE_TIMEOUT = 20.0


class AiohttpRequest(BaseRequest):
    """A ``BaseRequest`` on one ``aiohttp.ClientSession`` with a bounded connection pool."""

    def __init__(self, connection_pool_size: int = 256, *,
                 read_timeout: float | None = READ_TIMEOUT,
                 connect_timeout: float | None = CONNECT_TIMEOUT,
                 pool_timeout: float | None = POOL_TIMEOUT) -> None:
        self.pool_size = connection_pool_size
        self._read = read_timeout
        self._connect = connect_timeout
        self._pool = pool_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._read

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self.pool_size, limit_per_host=0,
                                             keepalive_timeout=30)
            self._session = aiohttp.ClientSession(
                connector=connector, headers={"User-Agent": self.USER_AGENT},
                # Telegram answers JSON that PTB decodes; no cookies, no auto-decompression
                # surprises, no environment proxies picked up behind the operator's back.
                cookie_jar=aiohttp.DummyCookieJar(), trust_env=False)

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        session = self._session
        if session is None or session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        files = request_data.multipart_data if request_data else None
        read = self._read if isinstance(read_timeout, DefaultValue) else read_timeout
        connect = self._connect if isinstance(connect_timeout, DefaultValue) else connect_timeout
        pool = self._pool if isinstance(pool_timeout, DefaultValue) else pool_timeout
        write = (WRITE_TIMEOUT if not files else MEDIA_WRITE_TIMEOUT) \
            if isinstance(write_timeout, DefaultValue) else write_timeout
        # aiohttp has no write timeout of its own: a send that stalls is caught by the read
        # timeout (counted from when the request was written) plus the write allowance.
        timeout = aiohttp.ClientTimeout(
            total=None,
            connect=None if pool is None or connect is None else pool + connect,
            sock_connect=connect,
            sock_read=None if read is None else read + ((write or 0.0) if files else 0.0),
        )
        body: Any = None
        if files:
            form = aiohttp.FormData(quote_fields=False)
            for name, value in (request_data.json_parameters if request_data else {}).items():
                form.add_field(name, value)
            for name, part in files.items():
                filename, content, mime = _part(part)
                form.add_field(name, content, filename=filename, content_type=mime)
            body = form
        elif request_data is not None:
            body = request_data.json_parameters
        try:
            async with session.request(method, url, data=body, timeout=timeout) as res:
                return res.status, await res.read()
        except (TimeoutError, aiohttp.ServerTimeoutError) as err:
            raise TimedOut from err
        except aiohttp.ClientError as err:
            # Some aiohttp errors quote the URL, and a Bot API URL holds the token.
            said = str(err).replace(url, "<Bot API URL>")
            raise NetworkError(f"aiohttp.{err.__class__.__name__}: {said}") from err


def _part(part: Any) -> tuple[str | None, Any, str | None]:
    """PTB's multipart value: ``(filename, content, mime type)``, or the content alone."""
    if isinstance(part, tuple):
        filename = part[0] if len(part) > 0 else None
        content = part[1] if len(part) > 1 else b""
        mime = part[2] if len(part) > 2 else None
        return filename, content, mime
    return None, part, None
