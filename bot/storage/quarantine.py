"""Damaged files are moved aside, never deleted and never fatal: one patient's problem.

A hot file or a monthly archive that cannot be read (cut short by a full disk or a
bad copy, hand-edited, bit rot) would otherwise raise on every read of that patient,
or, from the housekeeping after a reply, end the process for everyone. Here it is
moved to ``quarantine/<user>/`` (kept for the clinic's team to look at), the log says
what kind of file it was without saying whose, and the store reads on without it.
"""

from __future__ import annotations

import contextlib
import gzip
import logging
import os
import zlib
from datetime import UTC, datetime
from pathlib import Path

from bot.storage.atomic import StorageError, ensure_dir, fsync_dir

log = logging.getLogger(__name__)

#: What reading a damaged file raises: a torn gzip stream, bad JSON, the wrong shape,
#: a file that cannot be read at all. (A file that is simply gone is not damaged.)
DAMAGE: tuple[type[BaseException], ...] = (
    EOFError, gzip.BadGzipFile, zlib.error, ValueError, TypeError, KeyError,
    AttributeError, OSError,
)


def is_damage(exc: BaseException) -> bool:
    """True for what a damaged file raises; False for a file that is simply gone."""
    return isinstance(exc, DAMAGE) and not isinstance(exc, FileNotFoundError)


def move_aside(path: Path, folder: Path, kind: str, exc: BaseException) -> Path | None:
    """Move a damaged file into ``folder``; the new path, or None if it could not move.

    Logged as an ERROR with the kind of file and the kind of damage only: the folder
    and the file name carry the user id, so neither is logged.
    """
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = folder / f"{stamp}-{path.name}"
    try:
        ensure_dir(folder)
        os.replace(path, target)
        fsync_dir(folder)
        with contextlib.suppress(OSError):
            fsync_dir(path.parent)
    except (OSError, StorageError) as move_exc:
        log.error("A damaged %s could not be read (%s) nor moved to the quarantine folder "
                  "(%s); it is skipped", kind, type(exc).__name__, type(move_exc).__name__)
        return None
    log.error("A damaged %s could not be read (%s); moved to the quarantine folder, kept "
              "for inspection; the patient will be told", kind, type(exc).__name__)
    return target


class Quarantine:
    """The quarantine folder, and the patients not yet told that a file was set aside."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._untold: dict[int, str] = {}

    def move(self, user_id: int, path: Path, kind: str, exc: BaseException) -> None:
        move_aside(path, self.folder / str(int(user_id)), kind, exc)
        self._untold.setdefault(user_id, kind)

    def take_notice(self, user_id: int) -> str | None:
        return self._untold.pop(user_id, None)
