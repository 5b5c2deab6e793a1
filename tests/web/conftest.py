"""The Mini App against a real Store in a temporary folder, over real HTTP on localhost.

``mini`` serves ``make_mini_app`` with aiohttp's TestServer; patients are written
straight into the store (a profile and records), and ``auth`` signs initData for any
user as Telegram would, with the bot's token.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiohttp.test_utils import TestClient, TestServer
from pydantic import SecretStr

from bot.clock import Clock
from bot.config import Settings
from bot.content import DEFAULT_CONTENT_DIR, load_content
from bot.content.model import Content
from bot.deps import Deps
from bot.domain.profiles import new_profile
from bot.domain.records import Record
from bot.storage import Store
from bot.web.auth import sign_init_data
from bot.web.server import make_mini_app

TOKEN = "123456:TESTtestTESTtestTESTtest_web"
CLINICIAN = 900


@pytest.fixture(scope="session")
def content() -> Content:
    return load_content(DEFAULT_CONTENT_DIR)


@dataclass
class Told:
    """The ``notify`` the bot would pass: records what would be sent."""

    sent: list[tuple[int, str]] = field(default_factory=list)
    deliver: bool = True

    async def __call__(self, user_id: int, text: str) -> bool:
        self.sent.append((user_id, text))
        return self.deliver


@dataclass
class Mini:
    """A running Mini App, its deps and an HTTP client."""

    deps: Deps
    client: TestClient
    told: Told

    @property
    def store(self) -> Store:
        return self.deps.store

    def auth(self, user_id: int, first_name: str = "Pat", age: int = 0,
             **user: Any) -> dict[str, str]:
        """``Authorization: tma <initData>`` signed for this user ``age`` seconds ago."""
        stamp = int(self.deps.clock.now().timestamp()) - age
        data = sign_init_data(TOKEN, {"id": user_id, "first_name": first_name, **user}, stamp,
                              {"query_id": "AAHdF6IQAAAAAN0XohDhrOrc"})
        return {"Authorization": f"tma {data}"}

    def seed(self, user_id: int, records: Iterable[Record] = (), *, first_name: str = "Pat",
             username: str | None = None, days_ago: int = 60,
             tz: str = "Europe/London") -> dict[str, Any]:
        """A patient who joined ``days_ago`` days ago, with these records."""
        now = self.deps.clock.now()
        profile = new_profile(user_id, first_name, username, now - timedelta(days=days_ago), tz)
        profile.update(stage="done")
        with self.store.user(user_id) as txn:
            txn.set("profile", profile)
            for record in records:
                txn.add_record(record)
        return profile


def make_deps(content: Content, data_dir: Path, clock: Clock | None = None) -> Deps:
    settings = Settings(_env_file=None, telegram_bot_token=SecretStr(TOKEN),  # type: ignore[call-arg]
                        bot_data_dir=data_dir, admin_user_ids=(CLINICIAN,),
                        default_timezone="Europe/London", web_port=0)
    return Deps(settings=settings, content=content, store=Store(data_dir),
                clock=clock or Clock())


@pytest.fixture
async def mini(content: Content, tmp_path: Path) -> AsyncIterator[Mini]:
    deps = make_deps(content, tmp_path / "data")
    told = Told()
    client = TestClient(TestServer(make_mini_app(deps, TOKEN, told)))
    await client.start_server()
    try:
        yield Mini(deps, client, told)
    finally:
        await client.close()


def utc_now() -> datetime:
    return datetime.now(UTC)
