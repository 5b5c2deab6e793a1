"""The on-disk cache of drawn pictures: each pose and title is drawn once, then reused.

Drawing takes a noticeable moment, and a card is opened many times, so the PNG is kept
under the cache folder with a file name made from the pose and the title. Files are
written atomically and privately, and anything that is not a PNG is drawn again.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import unicodedata
from pathlib import Path

from bot.content.model import KNOWN_POSES
from bot.media.drawings.poses import POSE_BUILDERS
from bot.media.drawings.render import PNG_SIGNATURE, render_pose

#: Bump when the drawings change, so cached files on disk are redrawn.
STYLE_VERSION = 1


def title_slug(title: str) -> str:
    """A file-name-safe slug for ``title``, plus a short hash so distinct titles never clash.

    The hash also covers :data:`STYLE_VERSION`, so changed drawings get new files.
    """
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40].strip("-")
    digest = hashlib.sha256(f"{STYLE_VERSION}\n{title}".encode()).hexdigest()[:8]
    return f"{words or 'untitled'}-{digest}"


def illustration_file(cache_dir: Path, pose: str, title: str = "") -> Path:
    """The PNG for ``pose`` and ``title`` under ``cache_dir``, drawn only the first time.

    Written atomically (temporary file, fsync, rename) with mode 0600 in a 0700 folder,
    so a crash never leaves half a picture and other users cannot read the cache.
    """
    if pose not in POSE_BUILDERS:
        raise ValueError(f"unknown pose {pose!r}; known poses: {', '.join(KNOWN_POSES)}")
    folder = Path(cache_dir) / "illustrations"
    path = folder / f"{pose}-{title_slug(title)}.png"
    if _is_png(path):
        return path
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    data = render_pose(pose, title)
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
    try:
        with path.open("rb") as handle:
            return handle.read(len(PNG_SIGNATURE)) == PNG_SIGNATURE
    except OSError:
        return False
