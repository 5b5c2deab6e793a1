"""Fixtures shared by the end-to-end tests."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator

import pytest


@pytest.fixture
def errors() -> Iterator[list[logging.LogRecord]]:
    """Every ERROR (or worse) any logger writes while the bot runs."""
    records: list[logging.LogRecord] = []

    class Catch(logging.Handler):
        def emit(self, record: logging.LogRecord) -> None:
            records.append(record)

    handler = Catch(logging.ERROR)
    root = logging.getLogger()
    root.addHandler(handler)
    try:
        yield records
    finally:
        root.removeHandler(handler)


#: ``E2E_BACKEND=postgres``: every bot these tests start (in this process or as a child
#: process) keeps its data in a fresh PostgreSQL database instead of the embedded store.
BACKEND = os.environ.get("E2E_BACKEND", "embedded")


@pytest.fixture(autouse=True)
def _backend(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    if BACKEND == "postgres" and request.node.get_closest_marker("embedded_only"):
        pytest.skip("looks at the embedded store's files")
    if BACKEND == "postgres":
        monkeypatch.setenv("DATABASE_URL", request.getfixturevalue("database_url"))
    else:
        monkeypatch.delenv("DATABASE_URL", raising=False)
