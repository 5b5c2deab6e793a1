"""Run the real Application against the fake Bot API, in this process.

The bot is built by the same ``build_application`` as production and served by the
same ``bot.transport.runner.serve`` loop (real getUpdates over real HTTP); only the base URL
points at ``bot.chat.fake_telegram``.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from bot.app import build_application
from bot.chat.fake_telegram import FakeTelegram
from bot.clock import Clock
from bot.config import Settings
from bot.deps import Deps
from bot.transport.context import App, deps_of
from bot.transport.runner import serve
from handlers.base.hooks import startup_finished


def make_settings(tg: FakeTelegram, data_dir: Path, **extra: Any) -> Settings:
    values: dict[str, Any] = {
        "telegram_bot_token": tg.token,
        "telegram_base_url": tg.base_url,
        "bot_data_dir": data_dir,
        "default_timezone": "Europe/London",
        "log_level": "DEBUG",
        "web_port": 0,  # the Mini App's server only where a test asks for it
    }
    values.update(extra)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


class BotUnderTest:
    """The real bot, started and stopped (and restarted) inside the test's event loop."""

    def __init__(self, tg: FakeTelegram, data_dir: Path, **settings: Any) -> None:
        self.tg = tg
        self.data_dir = data_dir
        self.settings_extra = settings
        self.clock = Clock()
        self.app: App | None = None
        self._stop: asyncio.Event | None = None
        self._task: asyncio.Task[None] | None = None

    @property
    def deps(self) -> Deps:
        assert self.app is not None
        deps = deps_of(self.app)
        assert isinstance(deps, Deps)
        return deps

    async def start(self) -> None:
        settings = make_settings(self.tg, self.data_dir, **self.settings_extra)
        self.app = build_application(settings, clock=self.clock)
        self._stop = asyncio.Event()
        started = asyncio.Event()
        self._task = asyncio.create_task(
            serve(self.app, self._stop, poll_timeout=1, on_started=started.set)
        )
        done, _ = await asyncio.wait(
            {self._task, asyncio.ensure_future(started.wait())},
            timeout=15,
            return_when=asyncio.FIRST_COMPLETED,
        )
        if self._task in done:
            self._task.result()  # raises what went wrong
        assert started.is_set(), "bot did not start"
        # Jobs are rebuilt while the bot already answers; tests look at them at once.
        await asyncio.wait_for(startup_finished(self.app), 15)

    async def stop(self) -> None:
        if self._stop is not None and self._task is not None:
            self._stop.set()
            await asyncio.wait_for(self._task, 15)
        self._task = None

    async def restart(self) -> None:
        """A clean process restart, as far as the bot can tell: new app, same data dir."""
        await self.stop()
        await self.start()

    async def run_job(self, name: str, timeout: float = 5.0) -> None:
        """Fire a scheduled job now instead of at its time: as if it fell due."""
        assert self.app is not None and self.app.job_queue is not None
        queue = self.app.job_queue
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not queue.get_jobs_by_name(name):
            assert loop.time() < deadline, (
                f"no job named {name!r}; have {[j.name for j in queue.jobs()]}"
            )
            await asyncio.sleep(0.02)
        job = queue.get_jobs_by_name(name)[0]
        job.schedule_removal()  # it fires now, not again at its time
        await job.run(self.app)

    def job_names(self) -> list[str]:
        assert self.app is not None and self.app.job_queue is not None
        return sorted(j.name or "" for j in self.app.job_queue.jobs())
