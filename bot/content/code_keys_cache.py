"""The code scan's answer, kept on disk between starts, keyed by the code it read.

Reading every module's syntax tree takes about a second; the bot checks its content at
every start, and the code does not change between starts. So the answer is saved under
a fingerprint of the code files (path, size, modification time) and read back while it
matches: an edited module means a new fingerprint and a fresh scan. Anything odd about
the cache (missing, unreadable, not writable) only means scanning again.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from bot.content.keys import KEY_FAMILIES
from bot.content.message_keys import PACKAGES, ROOT, CodeKeys, Use, scan

_FAMILY = {family.template: family for family in KEY_FAMILIES}
VERSION = 1


def fingerprint(root: Path = ROOT, packages: tuple[str, ...] = PACKAGES) -> str:
    """A digest of every Python file the scan reads (and the family table)."""
    digest = hashlib.sha256(f"v{VERSION}".encode())
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            stat = path.stat()
            digest.update(f"{path.relative_to(root)}:{stat.st_size}:{stat.st_mtime_ns}\n"
                          .encode())
    return digest.hexdigest()[:24]


def cache_dir() -> Path:
    """Where the answer is kept: the user's cache folder (XDG), private to them."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "hip-move-bot"


def _encode(keys: CodeKeys) -> dict[str, Any]:
    return {
        "uses": [
            {"key": u.key, "where": u.where,
             "names": None if u.names is None else sorted(u.names),
             "family": u.family.template if u.family else None}
            for u in keys.uses
        ],
        "problems": list(keys.problems),
    }


def _decode(raw: dict[str, Any]) -> CodeKeys:
    uses = tuple(
        Use(u["key"], u["where"], None if u["names"] is None else frozenset(u["names"]),
            _FAMILY[u["family"]] if u["family"] else None)
        for u in raw["uses"]
    )
    return CodeKeys(uses, tuple(raw["problems"]))


def cached_scan(root: Path = ROOT, folder: Path | None = None) -> CodeKeys:
    """The scan of ``root``'s code, from the cache when the code is unchanged."""
    folder = folder or cache_dir()
    path = folder / f"code-keys-{fingerprint(root)}.json"
    try:
        return _decode(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        pass
    keys = scan(root)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=folder, delete=False, suffix=".tmp",
                                         encoding="utf-8") as tmp:
            json.dump(_encode(keys), tmp)
        os.replace(tmp.name, path)
    except OSError:
        pass  # no cache this time: the next start scans again
    return keys
