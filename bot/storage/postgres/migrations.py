"""The PostgreSQL schema, as numbered migrations the bot applies at start-up.

Each step runs in its own transaction together with the row that records it, so a step
that fails leaves the schema as the previous step left it (PostgreSQL's DDL is
transactional). Instances starting together take an advisory lock, so one of them
migrates and the others wait. A database at a newer version than this code knows is
refused: an old instance must not write into a newer schema.
"""

from __future__ import annotations

import logging

import psycopg

from bot.storage.atomic import StorageError

log = logging.getLogger(__name__)

#: Any fixed number: the lock every starting instance takes while it migrates.
MIGRATION_LOCK = 7_231_001

MIGRATIONS: tuple[tuple[int, str], ...] = (
    (1, """
    CREATE TABLE patients (
        user_id bigint PRIMARY KEY,
        doc jsonb NOT NULL,                 -- the single-document tables: profile, state...
        version bigint NOT NULL DEFAULT 1,  -- +1 on every write: caches key on it
        updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE records (
        user_id bigint NOT NULL,
        record_id text NOT NULL,
        day text NOT NULL,                  -- the record's local date, YYYY-MM-DD
        ts text NOT NULL,
        seq bigserial NOT NULL,             -- write order, for records of the same second
        doc jsonb NOT NULL,
        PRIMARY KEY (user_id, record_id)
    );
    CREATE INDEX records_by_day ON records (user_id, day);
    CREATE TABLE handled_updates (
        user_id bigint NOT NULL,
        update_id bigint NOT NULL,
        handled_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (user_id, update_id)
    );
    CREATE TABLE bot_values (key text PRIMARY KEY, value jsonb NOT NULL);
    CREATE TABLE forgetting (
        user_id bigint PRIMARY KEY,
        since timestamptz NOT NULL DEFAULT now()
    );
    """),
    (2, """
    CREATE TABLE send_slots (           -- the fleet's messages in flight (Telegram's limit)
        id bigserial PRIMARY KEY,
        free_at timestamptz NOT NULL
    );
    CREATE INDEX send_slots_free_at ON send_slots (free_at);
    CREATE INDEX patients_by_write ON patients (updated_at);
    """),
)
LATEST = MIGRATIONS[-1][0]


def current_version(conn: psycopg.Connection) -> int:
    conn.execute("""CREATE TABLE IF NOT EXISTS schema_migrations (
        version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())""")
    row = conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()
    return int(row[0]) if row else 0


def migrate(conn: psycopg.Connection,
            migrations: tuple[tuple[int, str], ...] = MIGRATIONS) -> int:
    """Bring the schema up to date; the version it is at. ``conn`` must be autocommit."""
    conn.execute("SELECT pg_advisory_lock(%s)", (MIGRATION_LOCK,))
    try:
        version = current_version(conn)
        latest = migrations[-1][0] if migrations else 0
        if version > latest:
            raise StorageError(f"the database was written by a newer version of the bot "
                               f"(schema {version} > {latest})")
        for number, sql in migrations:
            if number <= version:
                continue
            log.info("Migrating the database to schema %d", number)
            with conn.transaction():
                conn.execute(sql.encode())
                conn.execute("INSERT INTO schema_migrations (version) VALUES (%s)", (number,))
            version = number
        return version
    finally:
        conn.execute("SELECT pg_advisory_unlock(%s)", (MIGRATION_LOCK,))
