"""``bot.json``: a few small bot-wide values (picture file ids, the clinicians' reply map).

Read on demand and rewritten atomically; a damaged file is moved to the quarantine
folder and the values start afresh, rather than failing every reader.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from bot.storage.atomic import atomic_write_bytes
from bot.storage.codec import dumps
from bot.storage.quarantine import move_aside


class BotWide:
    def __init__(self, path: Path, quarantine_dir: Path) -> None:
        self.path = path
        self.quarantine_dir = quarantine_dir

    def read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_bytes())
            if not isinstance(data, dict):
                raise ValueError("not an object")
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            move_aside(self.path, self.quarantine_dir / "bot", "bot-wide file", exc)
            return {}
        return data

    def update(self, values: Mapping[str, Any]) -> None:
        """Several values in one atomic write (StorageError if the disk refuses)."""
        data = self.read()
        data.update(values)
        atomic_write_bytes(self.path, dumps(data))
