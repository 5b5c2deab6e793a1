"""The TinyDB storage under a unit of work: one hot file, read once, written atomically.

TinyDB writes after every operation; this storage keeps those writes in memory until
``flush``, so every change of a unit of work lands on disk in one atomic write.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import orjson
from tinydb.storages import Storage

from bot.storage.atomic import atomic_write_bytes
from bot.storage.codec import encode_user_file


class AtomicStorage(Storage):
    """A TinyDB storage that reads a file once and writes it atomically on ``flush``.

    TinyDB calls ``write`` after every operation; inside a unit of work those writes
    stay in memory until ``flush`` so that several changes land as one.
    """

    def __init__(self, path: Path, *, cache: dict[str, Any] | None = None,
                 on_load: Callable[[dict[str, Any]], None] | None = None,
                 on_damaged: Callable[[Exception], None] | None = None) -> None:
        self.path = path
        self._data: dict[str, Any] | None = cache
        self._on_load = on_load
        self._on_damaged = on_damaged
        self.dirty = False
        self.head = b""

    @property
    def loaded(self) -> bool:
        return self._data is not None

    def read(self) -> dict[str, Any] | None:
        if self._data is None:
            try:
                raw = self.path.read_bytes()
            except FileNotFoundError:
                return None
            try:
                data = orjson.loads(raw) if raw.strip() else {}
                if not isinstance(data, dict):
                    raise ValueError("not a user file")
            except ValueError as exc:
                # Damaged: ``on_damaged`` moves it aside, and the user reads as new.
                if self._on_damaged is None:
                    raise
                self._on_damaged(exc)
                return None
            self._data = data
            if self._on_load is not None:
                self._on_load(self._data)
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        self._data = data
        self.dirty = True

    def flush(self) -> None:
        if self.dirty and self._data is not None:
            raw, self.head = encode_user_file(self._data)
            atomic_write_bytes(self.path, raw)
            self.dirty = False

    def close(self) -> None:
        self.flush()
