"""Crash-safe file writes: a kill at any moment leaves the old file or the new one.

TinyDB's ``JSONStorage`` rewrites its file in place, and a crash mid-write leaves a
file TinyDB cannot open. Every write of the store goes through ``atomic_write_bytes``
instead: a temp file, fsynced, ``os.replace``d over the target, then the folder fsynced.
Folders are made private (0700) and the temp files a crash left behind are removed here.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path


class StorageError(Exception):
    """The disk refused a write (full, read-only, gone): nothing was acknowledged."""


def fsync_dir(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write_bytes(path: Path, data: bytes, *, tmp_dir: Path | None = None) -> None:
    """Write ``data`` to ``path`` so that a crash leaves either the old or the new file.

    The temp file sits beside ``path``, or in ``tmp_dir`` (same file system): the
    archives are 10,000 folders, and a start-up that looked for temp files left by a
    crash in each of them took a second; with theirs in one folder it looks in one.
    """
    if tmp_dir is None:
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    else:
        tmp = tmp_dir / f".{path.parent.name}-{path.name}.{os.getpid()}.tmp"
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise StorageError(f"could not write {path.name}: {exc.strerror or exc}") from exc


def ensure_dir(folder: Path) -> None:
    """Create ``folder`` (and missing parents) readable by this account only."""
    if not folder.is_dir():
        if not folder.parent.is_dir():  # parents=True would make them 0755 (umask)
            ensure_dir(folder.parent)
        try:
            folder.mkdir(mode=0o700, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"could not create {folder.name}: {exc.strerror}") from exc


def remove_stale_temp_files(folders: Iterable[Path]) -> None:
    """Temp files of writes that a crash cut short: never complete, never read."""
    own = f".{os.getpid()}.tmp"
    for folder in folders:
        with contextlib.suppress(OSError), os.scandir(folder) as entries:
            for entry in entries:
                name = entry.name
                if name.startswith(".") and name.endswith(".tmp") and not name.endswith(own):
                    with contextlib.suppress(OSError):
                        os.unlink(entry.path)
