"""psycopg's errors as ``StorageError``: a handler treats a database that is down like a
full disk (nothing written, the patient told), whatever the backend."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import psycopg

from bot.storage.atomic import StorageError


@contextlib.contextmanager
def database_errors(what: str) -> Iterator[None]:
    """Re-raise a database error as StorageError, naming what failed but no data."""
    try:
        yield
    except psycopg.Error as exc:
        raise StorageError(f"database: {what} failed ({type(exc).__name__})") from exc
