"""A local fake of the Telegram Bot API over real HTTP, for end-to-end tests and benchmarks.

The real PTB ``Bot``/``Application`` talks to it through ``base_url``. All state
lives in the server object, so the bot may run in another process.

Start it inside the test's event loop; the observation helpers (``next_message``,
``wait_for``) wait on that same loop. Injection methods are synchronous and may be
called from any thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import random
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any, TypeVar

from aiohttp import web

from . import checks
from .api import BotApi
from .faults import Faults, RateLimiter
from .inject import UserActions
from .models import (
    BLOCKED,
    CHAT_METHODS,
    EDIT_METHODS,
    MESSAGE_METHODS,
    NOT_FOUND_METHOD,
    ApiError,
    Call,
    Edit,
    SentMessage,
    Upload,
    bad_request,
    buttons,
)
from .updates import UpdateQueue

T = TypeVar("T")
_NAMES = [
    "getMe", "logOut", "close", "getUpdates", "setWebhook", "deleteWebhook", "getWebhookInfo",
    "sendMessage", "sendPhoto", "sendDocument", "copyMessage", "forwardMessage",
    "editMessageText", "editMessageCaption", "editMessageReplyMarkup", "deleteMessage",
    "answerCallbackQuery", "sendChatAction", "setMyCommands", "getMyCommands",
    "deleteMyCommands", "setChatMenuButton", "getChatMenuButton", "getFile",
]  # fmt: skip
CANONICAL = {name.lower(): name for name in _NAMES}
WEBHOOK_CONFLICT = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)
MAX_BODY = 64 * 1024 * 1024


class FakeTelegram(UserActions):
    """A fake Bot API server: records calls, enforces limits, injects updates and faults.

    ``stats`` counts requests, sent (messages stored), edits, rejected_429, resets
    (connections dropped on purpose) and errors (other non-2xx answers).
    """

    def __init__(
        self,
        token: str = "123456:TEST",  # noqa: S107 (a fake token for a fake server)
        *,
        username: str = "fake_test_bot",
        first_update_id: int | None = None,
    ) -> None:
        self.token = token
        first = random.randint(1000, 9000) if first_update_id is None else first_update_id
        self.updates = UpdateQueue(first)
        self.api = BotApi(token, username, self.updates)
        self.faults = Faults()
        self.calls: list[Call] = []
        self.stats: dict[str, int] = dict.fromkeys(
            ("requests", "sent", "edits", "rejected_429", "resets", "errors"), 0
        )
        self._limiter: RateLimiter | None = None
        self._runner: web.AppRunner | None = None
        self._port = 0
        self._changed: asyncio.Event | None = None

    # ---- lifecycle -------------------------------------------------------------------

    async def start(self) -> FakeTelegram:
        """Listen on 127.0.0.1 on a free port."""
        app = web.Application(client_max_size=MAX_BODY)
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._serve_file)
        # handler_cancellation: a long poll whose client hung up ends at once.
        runner = web.AppRunner(
            app, handler_cancellation=True, access_log=None, shutdown_timeout=0.5
        )
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        self._runner = runner
        self._port = runner.addresses[0][1]
        self.updates.closing = False
        self.updates.bind(asyncio.get_running_loop())
        return self

    async def stop(self) -> None:
        """Answer waiting long polls and shut the server down."""
        if self._runner is None:
            return
        self.updates.closing = True
        self.updates.wake()
        runner, self._runner = self._runner, None
        await runner.cleanup()

    async def __aenter__(self) -> FakeTelegram:
        return await self.start()

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.stop()

    @property
    def base_url(self) -> str:
        """What to pass as PTB's ``base_url`` (token and method are appended)."""
        return f"http://127.0.0.1:{self._port}/bot"

    @property
    def base_file_url(self) -> str:
        """What to pass as PTB's ``base_file_url`` to download files."""
        return f"http://127.0.0.1:{self._port}/file/bot"

    # ---- HTTP ------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        name = request.match_info["method"]
        key = name.lower()
        call = Call(CANONICAL.get(key, name), {}, {}, time.monotonic())
        self.calls.append(call)
        self.stats["requests"] += 1
        try:
            try:
                raw, uploads = await _read(request)
                call.params = raw
                call.files = {field: upload.data for field, upload in uploads.items()}
                if request.match_info["token"] != self.token:
                    raise ApiError(401, "Unauthorized")
                params = call.params = checks.normalize(raw)
                self._notify_changed()  # wait_for() on calls sees the call while it runs
                fault = self.faults.take(key)
                if fault is not None:
                    if fault.delay:
                        await asyncio.sleep(fault.delay)
                    if fault.error is not None:
                        raise fault.error
                    if fault.reset and not fault.after_processing:
                        return self._reset(request)
                result = await self._dispatch(key, params, uploads)
                if fault is not None and fault.reset:
                    return self._reset(request)
            except ApiError as err:
                call.status, call.description = err.status, err.description
                self.stats["rejected_429" if err.status == 429 else "errors"] += 1
                return web.json_response(err.payload(), status=err.status)
            call.status = 200
            return web.json_response({"ok": True, "result": result})
        finally:
            self._notify_changed()

    async def _dispatch(self, key: str, params: dict[str, Any], uploads: dict[str, Upload]) -> Any:
        if key == "getupdates":
            return await self._get_updates(params)
        method = self.api.methods.get(key)
        if method is None:
            raise ApiError(404, NOT_FOUND_METHOD)
        chat_id = params.get("chat_id")
        if key in CHAT_METHODS and chat_id in self.api.blocked:
            raise ApiError(403, BLOCKED)
        limiter = self._limiter if key in MESSAGE_METHODS else None
        now = limiter.check(chat_id) if limiter is not None else 0.0
        result = method(params, uploads)
        if limiter is not None:
            limiter.commit(chat_id, now)
        if key in MESSAGE_METHODS:
            self.stats["sent"] += 1
        elif key in EDIT_METHODS:
            self.stats["edits"] += 1
        return result

    async def _get_updates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        if self.api.webhook.get("url"):
            raise ApiError(409, WEBHOOK_CONFLICT)
        offset = _number(params, "offset", 0)
        limit = min(max(_number(params, "limit", 100), 1), 100)
        timeout = max(float(params.get("timeout") or 0), 0.0)
        allowed = params.get("allowed_updates")
        return await self.updates.poll(
            int(offset), int(limit), timeout, allowed if isinstance(allowed, list) else None
        )

    def _reset(self, request: web.Request) -> web.StreamResponse:
        """Drop the connection: the client sees it closed without an answer."""
        self.stats["resets"] += 1
        if request.transport is not None:
            request.transport.abort()
        return web.Response()

    async def _serve_file(self, request: web.Request) -> web.StreamResponse:
        entry = self.api.file_paths.get(request.match_info["path"])
        if request.match_info["token"] != self.token or entry is None:
            return web.json_response(
                {"ok": False, "error_code": 404, "description": "Not Found"}, status=404
            )
        mime = entry.mime_type or "application/octet-stream"
        return web.Response(body=entry.data, content_type=mime)

    # ---- users, limits ---------------------------------------------------------------

    def block(self, user_id: int) -> None:
        """The user blocked the bot: sends to their chat get 403 (no update is sent;
        use ``my_chat_member`` for that)."""
        self.api.blocked.add(user_id)

    def unblock(self, user_id: int) -> None:
        """The user allows the bot again."""
        self.api.blocked.discard(user_id)

    def enforce_rate_limit(
        self,
        per_second: int | None = 30,
        per_chat_per_second: int | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Answer message sends over the limit with 429 (retry_after 1); off by default.

        Windows slide over 1 s of ``clock``; pass a fake clock for exact tests.
        """
        self._limiter = RateLimiter(per_second, per_chat_per_second, clock)

    def disable_rate_limit(self) -> None:
        """Accept any number of sends again."""
        self._limiter = None

    # ---- observation -----------------------------------------------------------------

    def sent(self, chat_id: int) -> list[SentMessage]:
        """Every message the bot sent to the chat, oldest first (deleted ones included)."""
        log = self.api.chats.get(chat_id)
        return list(log.messages) if log else []

    def message(self, chat_id: int, message_id: int) -> SentMessage:
        """One bot message by id."""
        return self.api.chat(chat_id).by_id[message_id]

    @staticmethod
    def buttons(msg: SentMessage | Edit) -> list[tuple[str, str]]:
        """Inline buttons as (text, callback_data) (url for link buttons)."""
        return buttons(msg)

    def calls_to(self, method: str) -> list[Call]:
        """Recorded calls of one method (case-insensitive)."""
        key = method.lower()
        return [c for c in self.calls if c.method.lower() == key]

    def pending_updates(self) -> list[dict[str, Any]]:
        """Updates not yet confirmed by an offset."""
        return self.updates.pending()

    @property
    def confirmed_offset(self) -> int:
        """The highest offset the bot sent: every update below it is confirmed."""
        return self.updates.confirmed_offset

    def deliveries(self, update_id: int) -> int:
        """How many times getUpdates handed out this update."""
        return self.updates.deliveries[update_id]

    def callback_answer(self, query_id: str) -> dict[str, Any] | None:
        """The answerCallbackQuery parameters for a tap, or None if unanswered."""
        return self.api.callback_answers[query_id]

    def unanswered_callbacks(self) -> list[str]:
        """Callback query ids the bot never answered (the user's spinner keeps turning)."""
        return [qid for qid, answer in self.api.callback_answers.items() if answer is None]

    def bot_commands(
        self, scope: dict[str, Any] | None = None, language_code: str = ""
    ) -> list[dict[str, Any]]:
        """The command list last set for a scope (default scope by default)."""
        params = {"scope": scope, "language_code": language_code}
        result: list[dict[str, Any]] = self.api.methods["getmycommands"](params, {})
        return result

    async def wait_for(
        self, predicate: Callable[[], T], timeout: float = 5.0, what: str = "condition"
    ) -> T:
        """Wait until ``predicate()`` is truthy and return it; AssertionError on timeout."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            if self._changed is None:
                self._changed = asyncio.Event()
            event = self._changed
            result = predicate()
            if result:
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError(
                    f"timed out after {timeout}s waiting for {what}; last calls:\n"
                    + self.recent_calls()
                )
            with contextlib.suppress(TimeoutError):
                # The cap re-checks predicates on state changed outside a request.
                await asyncio.wait_for(event.wait(), min(remaining, 0.25))

    async def next_message(self, chat_id: int, timeout: float = 5.0) -> SentMessage:
        """The next message to the chat that no earlier next_message call returned."""
        log = self.api.chat(chat_id)
        await self.wait_for(
            lambda: log.cursor < len(log.messages), timeout, f"a new message to chat {chat_id}"
        )
        log.cursor += 1
        return log.messages[log.cursor - 1]

    async def next_edit(self, chat_id: int, message_id: int, timeout: float = 5.0) -> Edit:
        """The next edit of a bot message that no earlier next_edit call returned."""
        log = self.api.chat(chat_id)

        def ready() -> bool:
            msg = log.by_id.get(message_id)
            return msg is not None and msg.edit_cursor < len(msg.edits)

        await self.wait_for(ready, timeout, f"an edit of message {message_id} in chat {chat_id}")
        msg = log.by_id[message_id]
        msg.edit_cursor += 1
        return msg.edits[msg.edit_cursor - 1]

    def recent_calls(self, n: int = 8) -> str:
        """The last ``n`` calls, one line each, for failure messages."""
        lines = []
        for call in self.calls[-n:]:
            detail = {k: v for k, v in call.params.items() if k in ("chat_id", "text", "offset")}
            lines.append(f"  {call.method} -> {call.status} {call.description or ''} {detail}")
        return "\n".join(lines) or "  (none)"

    def _notify_changed(self) -> None:
        event, self._changed = self._changed, None
        if event is not None:
            event.set()


async def _read(request: web.Request) -> tuple[dict[str, Any], dict[str, Upload]]:
    """Parameters from the query string and a JSON, urlencoded or multipart body."""
    raw: dict[str, Any] = dict(request.query)
    uploads: dict[str, Upload] = {}
    if not request.body_exists:
        return raw, uploads
    if request.content_type == "application/json":
        try:
            body = await request.json()
        except ValueError:
            raise bad_request("can't parse JSON") from None
        if isinstance(body, dict):
            raw.update(body)
        return raw, uploads
    form = await request.post()
    for field, value in form.items():
        if isinstance(value, web.FileField):
            uploads[field] = Upload(value.filename, value.file.read(), value.content_type)
        else:
            raw[field] = value
    return raw, uploads


def _number(params: dict[str, Any], key: str, default: int) -> int:
    value = params.get(key, default)
    if isinstance(value, int | float):
        return int(value)
    raise bad_request(f"invalid {key} specified")
