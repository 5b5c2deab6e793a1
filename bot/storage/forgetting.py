"""/forget as a journal of intent: a durable marker first, then the files, the marker last.

``begin`` writes an empty marker file, ``forgetting.<user id>`` in the data folder (an
empty file in a folder that exists needs no data block, so it can be made even on a
full disk), fsynced with its folder. Whatever
happens next (a crash, a full disk, a file that will not go), the marker says that
this user's data is being deleted: the store refuses every write for them, and the
next start finishes the job. ``finish`` removes the marker once everything is gone.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from bot.storage.atomic import fsync_dir

log = logging.getLogger(__name__)


PREFIX = "forgetting."


def read_markers(folder: Path) -> set[int]:
    """The users whose forget a crash (or a failure) left unfinished."""
    try:
        names = os.listdir(folder)
    except FileNotFoundError:
        return set()
    found = (name.removeprefix(PREFIX) for name in names if name.startswith(PREFIX))
    return {int(uid) for uid in found if uid.isdigit()}


def write_marker(folder: Path, user_id: int) -> bool:
    """Make the marker durable; False (logged) if even that failed (a read-only disk)."""
    path = folder / f"{PREFIX}{int(user_id)}"
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        fsync_dir(folder)
    except OSError as exc:
        log.error("Could not write the marker of a deletion (%s); deleting anyway",
                  type(exc).__name__)
        return False
    return True


def remove_marker(folder: Path, user_id: int) -> bool:
    """The last step of a forget; False (logged) if the marker could not be removed."""
    try:
        with contextlib.suppress(FileNotFoundError):
            (folder / f"{PREFIX}{int(user_id)}").unlink()
        fsync_dir(folder)
    except OSError as exc:
        log.error("Could not remove the marker of a finished deletion (%s); the next "
                  "start will check it again", type(exc).__name__)
        return False
    return True


def _noting(problems: list[str]) -> Callable[[Callable[..., Any], str, Any], None]:
    """An ``onerror`` for ``shutil.rmtree`` that notes each failure and goes on."""

    def note(_func: Callable[..., Any], _path: str, info: Any) -> None:
        problems.append(info[0].__name__)

    return note


def delete_files(files: Iterable[Path], trees: Iterable[Path]) -> int:
    """Delete files and whole folders; how many could not be deleted (each logged).

    Whatever fails, the rest is still deleted: a forget never stops half-way because
    of one stubborn file.
    """
    failed = 0
    for path in files:
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            failed += 1
            log.error("A file of a deletion could not be removed (%s)", type(exc).__name__)
        else:
            with contextlib.suppress(OSError):
                fsync_dir(path.parent)
    for tree in trees:
        if not tree.exists():
            continue
        problems: list[str] = []
        shutil.rmtree(tree, onerror=_noting(problems))
        if problems or tree.exists():
            failed += max(len(problems), 1)
            log.error("A folder of a deletion could not be removed in full (%s)",
                      ", ".join(sorted(set(problems))) or "still there")
        else:
            with contextlib.suppress(OSError):
                fsync_dir(tree.parent)
    return failed


class ForgetJournal:
    """Who is being forgotten (a marker on disk each) and who was, in this process."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder  # the data folder: it always exists
        self.pending: set[int] = read_markers(folder)  # a crash cut these short
        self.forgotten: set[int] = set()  # finished in this process (old buttons)

    def begin(self, user_id: int) -> bool:
        self.pending.add(user_id)
        return write_marker(self.folder, user_id)

    def end(self, user_id: int) -> bool:
        done = remove_marker(self.folder, user_id)
        self.pending.discard(user_id)
        self.forgotten.add(user_id)
        return done
