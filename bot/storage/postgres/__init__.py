"""PostgreSQL as the shared database of several bot instances (``DATABASE_URL``).

- ``migrations``: the versioned schema, created and brought up to date at start-up;
- ``errors``: psycopg's errors as the store's ``StorageError``;
- ``txn``: ``PgTxn``, one unit of work on one patient in one database transaction;
- ``store``: ``PgStore``, the repository (the same interface as the embedded store).

Only this package imports psycopg.
"""

from bot.storage.postgres.store import PgStore

__all__ = ["PgStore"]
