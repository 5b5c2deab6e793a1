"""The heads snapshot: every user's head in one file at a clean stop, read once at start.

Without it a start-up reads the head of every hot file (10,000 small reads). Each head
is stamped with its file's size and modification time, and is used only while the
file still matches: a write after the snapshot, a restored backup or a hand edit makes
the next start read that file instead.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import orjson

from bot.storage.atomic import StorageError, atomic_write_bytes
from bot.storage.codec import dumps

log = logging.getLogger(__name__)


def save_heads_snapshot(
    path: Path, heads: Mapping[int, bytes], user_path: Callable[[int], Path]
) -> bool:
    """Write every user's head, stamped with its file's mtime and size. Never raises."""
    stamped: dict[str, list[Any]] = {}
    try:
        for uid, head in heads.items():
            try:
                st = os.stat(user_path(uid))
            except FileNotFoundError:
                continue
            stamped[str(uid)] = [st.st_mtime_ns, st.st_size, head.decode("utf-8")]
        atomic_write_bytes(path, dumps({"version": 1, "heads": stamped}))
    except (OSError, StorageError, UnicodeDecodeError) as exc:
        log.warning("Could not save the heads snapshot (%s); the next start reads "
                    "every file", exc)
        return False
    return True


def load_heads_snapshot(path: Path, users_dir: Path, into: dict[int, bytes]) -> None:
    """Use (and delete) a snapshot: put each head whose file is unchanged ``into`` the index."""
    try:
        raw = path.read_bytes()
    except OSError:
        return
    with contextlib.suppress(OSError):
        path.unlink()  # used once: from now on the heads index is kept in memory
    try:
        saved = orjson.loads(raw)["heads"]
        used = 0
        with os.scandir(users_dir) as entries:
            for entry in entries:
                stem, dot, ext = entry.name.partition(".")
                if dot != "." or ext != "json" or not stem.isdigit():
                    continue
                item = saved.get(stem)
                if item is None:
                    continue
                st = entry.stat()
                if item[0] == st.st_mtime_ns and item[1] == st.st_size:
                    into[int(stem)] = item[2].encode("utf-8")
                    used += 1
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        log.warning("Heads snapshot unreadable; reading every file")
        return
    log.info("Heads snapshot: %d of %d users unchanged since the last clean stop",
             used, len(saved))
