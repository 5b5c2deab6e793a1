"""Run a bot as a separate process, as in production, and read its CPU time and memory."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import tempfile
import time
from pathlib import Path

import psutil

from bot.chat.fake_telegram import FakeTelegram

ROOT = Path(__file__).resolve().parents[1]


class BotProcess:
    """``python -m <module>`` against the fake server; stderr goes to a temp log file."""

    def __init__(self, module: str, tg: FakeTelegram, **env: str) -> None:
        self.module = module
        self.tg = tg
        self.env = env
        self.proc: asyncio.subprocess.Process | None = None
        self.ps: psutil.Process | None = None
        self.log_path = Path(tempfile.mkstemp(prefix=f"bench-{module}-", suffix=".log")[1])
        self.started_at = 0.0  # loop.time() just before the process was created
        self.started_wall = 0.0  # time.time() then, to compare with the log's timestamps

    async def start(self) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
        env.update({
            "TELEGRAM_BOT_TOKEN": self.tg.token, "TELEGRAM_BASE_URL": self.tg.base_url,
            "LOG_LEVEL": "INFO", "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1", "WEB_PORT": "0",
            **self.env,
        })
        log = self.log_path.open("wb")
        self.started_at = asyncio.get_running_loop().time()
        self.started_wall = time.time()
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", self.module, cwd=ROOT, env=env,
            stdout=log, stderr=log,
        )
        log.close()
        self.ps = psutil.Process(self.proc.pid)

    def cpu_seconds(self) -> float:
        """User + system CPU time the process has used so far."""
        assert self.ps is not None
        times = self.ps.cpu_times()
        return float(times.user + times.system)

    def peak_rss(self) -> int:
        """The process's peak resident memory so far (VmHWM), in bytes."""
        assert self.proc is not None
        status = Path(f"/proc/{self.proc.pid}/status").read_text()
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
        assert self.ps is not None
        return int(self.ps.memory_info().rss)

    async def stop(self) -> int:
        if self.proc is None:
            return 0
        if self.proc.returncode is not None:
            return self.proc.returncode
        self.proc.send_signal(signal.SIGTERM)
        try:
            await asyncio.wait_for(self.proc.wait(), 60)
        except TimeoutError:
            self.proc.kill()
            await self.proc.wait()
        return self.proc.returncode or 0

    def log_text(self) -> str:
        return self.log_path.read_text(errors="replace")

    def cleanup(self) -> None:
        self.log_path.unlink(missing_ok=True)
