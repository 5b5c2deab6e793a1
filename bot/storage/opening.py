"""Which backend holds the data: the embedded store unless ``DATABASE_URL`` names a
PostgreSQL database. psycopg is imported only when it is asked for, so the default
embedded set-up never loads it."""

from __future__ import annotations

from pathlib import Path

from bot.storage.atomic import StorageError
from bot.storage.interface import Repository
from bot.storage.store import Store

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


def is_postgres_url(url: str | None) -> bool:
    return bool(url) and str(url).startswith(POSTGRES_SCHEMES)


def open_repository(data_dir: Path, database_url: str | None = None) -> Repository:
    """The embedded store in ``data_dir``, or PostgreSQL at ``database_url``.

    With PostgreSQL, ``data_dir`` still holds this machine's cache of generated
    pictures (``cache/``), never patient data.
    """
    if not database_url:
        return Store(data_dir)
    if not is_postgres_url(database_url):
        raise StorageError("DATABASE_URL must start with postgresql://")
    from bot.storage.postgres import PgStore  # only a PostgreSQL set-up needs psycopg

    return PgStore(database_url, data_dir / "cache")
