"""A request layer below ``Bot`` that answers from the fake Bot API in-process.

The fast level of the test harness, like python-telegram-bot's own
``tests/auxil/networking.py``: the real ``Bot`` builds real requests (same parameters,
same multipart files), but they are answered by ``bot.chat.fake_telegram``'s API core
without sockets or a server, so handler tests run in milliseconds.
"""

from __future__ import annotations

import json
from typing import Any

from telegram import Update
from telegram._utils.defaultvalue import DEFAULT_NONE
from telegram.request import BaseRequest, RequestData

from bot.chat.fake_telegram import FakeTelegram
from bot.chat.fake_telegram.checks import normalize
from bot.chat.fake_telegram.models import ApiError, Upload


class InProcessRequest(BaseRequest):
    """Answers every Bot API call from ``tg`` directly; records nothing extra."""

    def __init__(self, tg: FakeTelegram) -> None:
        self.tg = tg

    @property
    def read_timeout(self) -> float:
        return 1.0

    async def initialize(self) -> None:
        return None

    async def shutdown(self) -> None:
        return None

    async def do_request(  # type: ignore[override]
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = DEFAULT_NONE,
        write_timeout: Any = DEFAULT_NONE,
        connect_timeout: Any = DEFAULT_NONE,
        pool_timeout: Any = DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        name = url.rsplit("/", 1)[-1].lower()
        raw: dict[str, Any] = dict(request_data.json_parameters) if request_data else {}
        uploads: dict[str, Upload] = {}
        if request_data is not None and request_data.multipart_data:
            for field, part in request_data.multipart_data.items():
                filename, data = part[0], part[1]
                content = data if isinstance(data, bytes) else data.read()
                uploads[field] = Upload(filename, content, part[2] if len(part) > 2 else None)
        try:
            result = await self.tg._dispatch(name, normalize(raw), uploads)
        except ApiError as err:
            return err.status, json.dumps(err.payload()).encode()
        return 200, json.dumps({"ok": True, "result": result}).encode()


def update_from(tg: FakeTelegram, update_id: int) -> dict[str, Any]:
    """The raw update the fake queued under ``update_id`` (to feed process_update)."""
    for update in tg.pending_updates():
        if update["update_id"] == update_id:
            return update
    raise LookupError(update_id)


def as_update(app: Any, data: dict[str, Any]) -> Update:
    return Update.de_json(data, app.bot)
