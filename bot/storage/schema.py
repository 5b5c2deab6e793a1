"""The version of the data on disk, and the migration steps that bring it up to date.

``meta.json`` in the data folder records the schema version; a start-up runs each
missing step in order and refuses data written by a newer version of the bot.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from bot.storage.atomic import StorageError, atomic_write_bytes
from bot.storage.codec import dumps

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1

T = TypeVar("T")


def migrate(meta_path: Path, migrations: Mapping[int, Callable[[T], None]], target: T) -> None:
    """Run the missing steps on ``target`` (each gets it), then record the version."""
    meta: dict[str, Any] = {}
    if meta_path.exists():
        meta = json.loads(meta_path.read_bytes() or b"{}")
    version = int(meta.get("schema_version", 0))
    if version > SCHEMA_VERSION:
        raise StorageError(
            f"data was written by a newer version (schema {version} > {SCHEMA_VERSION})"
        )
    while version < SCHEMA_VERSION:
        step = migrations.get(version + 1)
        if step is not None:
            log.info("Migrating data to schema %d", version + 1)
            step(target)
        version += 1
    if meta.get("schema_version") != version:
        meta["schema_version"] = version
        atomic_write_bytes(meta_path, dumps(meta))


def read_schema_version(meta_path: Path) -> int:
    """The schema version recorded in ``meta.json``."""
    meta = json.loads(meta_path.read_bytes())
    return int(meta["schema_version"])
