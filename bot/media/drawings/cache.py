"""The on-disk cache of drawn pictures: each pose and title is drawn once, then reused.

Drawing takes a noticeable moment, and a card is opened many times, so the PNG (and the
MP4 animation) is kept under the cache folder with a file name made from the pose and
the title. Files are written atomically and privately, and anything that does not look
like what it should be (a PNG, an MP4) is drawn again.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path

from bot.content.model import KNOWN_POSES
from bot.media.drawings.animate import render_animation
from bot.media.drawings.poses import POSE_BUILDERS
from bot.media.drawings.render import PNG_SIGNATURE, render_pose

#: Bump when the drawings change, so cached files on disk are redrawn.
STYLE_VERSION = 2
#: Bump when the animations change, so cached videos on disk are redrawn.
ANIMATION_VERSION = 1


def title_slug(title: str) -> str:
    """A file-name-safe slug for ``title``, plus a short hash so distinct titles never clash.

    The hash also covers :data:`STYLE_VERSION`, so changed drawings get new files.
    """
    return _slug(title, f"{STYLE_VERSION}")


def _slug(title: str, version: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40].strip("-")
    digest = hashlib.sha256(f"{version}\n{title}".encode()).hexdigest()[:8]
    return f"{words or 'untitled'}-{digest}"


def illustration_file(cache_dir: Path, pose: str, title: str = "") -> Path:
    """The PNG for ``pose`` and ``title`` under ``cache_dir``, drawn only the first time.

    Written atomically (temporary file, fsync, rename) with mode 0600 in a 0700 folder,
    so a crash never leaves half a picture and other users cannot read the cache.
    """
    _check_pose(pose)
    path = Path(cache_dir) / "illustrations" / f"{pose}-{title_slug(title)}.png"
    return _cached(path, pose, _is_png, lambda: render_pose(pose, title))


def animation_file(cache_dir: Path, pose: str, title: str = "") -> Path:
    """The MP4 animation for ``pose`` and ``title`` under ``cache_dir``, drawn once.

    Written like :func:`illustration_file` (atomic, 0600 in a 0700 folder) under
    ``animations/``; the name's hash covers :data:`ANIMATION_VERSION`, and a file that
    is not an MP4 (no ``ftyp`` box at its start) is drawn again.
    """
    _check_pose(pose)
    slug = _slug(title, f"animation {ANIMATION_VERSION}")
    path = Path(cache_dir) / "animations" / f"{pose}-{slug}.mp4"

    def draw() -> bytes:
        return render_animation(pose, title)

    return _cached(path, pose, _is_mp4, draw)


def _check_pose(pose: str) -> None:
    if pose not in POSE_BUILDERS:
        raise ValueError(f"unknown pose {pose!r}; known poses: {', '.join(KNOWN_POSES)}")


def _cached(path: Path, pose: str, looks_right: Callable[[Path], bool],
            draw: Callable[[], bytes]) -> Path:
    """``path`` if it already holds a good file, else ``draw()`` written there atomically."""
    if looks_right(path):
        return path
    folder = path.parent
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    data = draw()
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{pose}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o600)
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return path


def _is_png(path: Path) -> bool:
    """Whether a cached file exists and starts like a PNG (anything else is redrawn)."""
    return _starts_with(path, 0, PNG_SIGNATURE)


def _is_mp4(path: Path) -> bool:
    """Whether a cached file exists and starts like an MP4: an ``ftyp`` box at bytes 4-8."""
    return _starts_with(path, 4, b"ftyp")


def _starts_with(path: Path, offset: int, magic: bytes) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(offset + len(magic))[offset:] == magic
    except OSError:
        return False
