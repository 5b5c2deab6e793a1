"""``python -m bot`` in webhook mode against the fake Bot API, and Telegram's side of it.

The fake records the bot's ``setWebhook``; the test then plays Telegram: it posts
updates to the bot's webhook over real HTTP with the secret header, and treats an
update as delivered only when the bot answered it with 200.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import sys
import time
from pathlib import Path
from typing import IO, Any

import aiohttp

from bot.chat.fake_telegram import FakeTelegram

ROOT = Path(__file__).resolve().parents[2]
SECRET = "webhook_Secret-for-tests_42"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def text_update(update_id: int, uid: int, text: str, first_name: str = "Web",
                username: str | None = None) -> dict[str, Any]:
    """A private text message as Telegram posts it to a webhook."""
    user: dict[str, Any] = {"id": uid, "is_bot": False, "first_name": first_name}
    if username:
        user["username"] = username
    message: dict[str, Any] = {
        "message_id": update_id, "date": int(time.time()), "text": text,
        "chat": {"id": uid, "type": "private", "first_name": first_name}, "from": user,
    }
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0,
                                "length": len(text.split()[0])}]
    return {"update_id": update_id, "message": message}


class WebhookBot:
    """The bot process in webhook mode; its log (stdout and stderr) in a file."""

    def __init__(self, tg: FakeTelegram, data_dir: Path, log_path: Path, *,
                 token: str | None = None, secret: str = SECRET, **env: str) -> None:
        self.tg = tg
        self.data_dir = data_dir
        self.log_path = log_path
        self.token = token or tg.token
        self.secret = secret
        self.port = free_port()
        self.env = env
        self.proc: asyncio.subprocess.Process | None = None
        self._log: IO[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/telegram"

    async def spawn(self) -> asyncio.subprocess.Process:
        """Start the process without waiting for anything."""
        env = {k: v for k, v in os.environ.items()
               if not k.startswith(("TELEGRAM_", "BOT_", "WEBHOOK_", "LOG_"))}
        env.update({
            "TELEGRAM_BOT_TOKEN": self.token, "TELEGRAM_BASE_URL": self.tg.base_url,
            "BOT_DATA_DIR": str(self.data_dir), "LOG_LEVEL": "INFO",
            "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1",
            # Telegram wants an https URL; the server behind the TLS proxy is plain http.
            "WEBHOOK_URL": f"https://127.0.0.1:{self.port}/telegram",
            "WEBHOOK_LISTEN": "127.0.0.1", "WEBHOOK_PORT": str(self.port),
            "WEBHOOK_SECRET": self.secret, **self.env,
        })
        self._log = self.log_path.open("ab")
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", cwd=self.data_dir.parent, env=env,
            stdout=self._log, stderr=self._log,
        )
        return self.proc

    async def start(self, timeout: float = 60) -> None:
        """Start and wait until the webhook is registered and the server listens."""
        registered = len(self.tg.calls_to("setWebhook"))
        proc = await self.spawn()
        await self.tg.wait_for(
            lambda: len(self.tg.calls_to("setWebhook")) > registered
            or proc.returncode is not None,
            timeout=timeout, what="the bot to register its webhook")
        deadline = time.monotonic() + 30
        while True:
            assert proc.returncode is None, self.log()[-3000:]
            try:
                _, writer = await asyncio.open_connection("127.0.0.1", self.port)
                writer.close()
                return
            except OSError:
                assert time.monotonic() < deadline, "the webhook server never listened"
                await asyncio.sleep(0.05)

    async def kill(self) -> None:
        """SIGKILL: no clean-up of any kind runs."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        await self.proc.wait()
        self._close()

    async def stop(self) -> int:
        """SIGTERM and wait: the clean shutdown path."""
        assert self.proc is not None
        if self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(self.proc.wait(), 30)
        self._close()
        return code

    async def post(self, session: aiohttp.ClientSession, body: dict[str, Any]) -> int | None:
        """Post one update as Telegram does: its status, or None if the connection broke."""
        headers = {"X-Telegram-Bot-Api-Secret-Token": self.secret}
        try:
            async with session.post(self.url, json=body, headers=headers) as response:
                await response.read()
                return response.status
        except (TimeoutError, aiohttp.ClientError, OSError):
            return None

    def _close(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
