"""The contract suite's one fixture: a repository of each backend, fresh per test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.storage import Repository, open_repository


@pytest.fixture(params=["embedded", "postgres"])
def repo(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Repository]:
    url = None
    if request.param == "postgres":
        url = request.getfixturevalue("database_url")
    opened = open_repository(tmp_path / "data", url)
    try:
        yield opened
    finally:
        opened.close()
