"""The FAQ examples' vectors, kept on disk so a restart does not encode them again.

Encoding the titles and askings of ``content/faq_askings.yaml`` (about a thousand) takes
several seconds; a restart with the same content and model takes a file read instead.
Only content is cached (titles and askings written by the clinic), never a patient's
message: ``encode`` passes straight through. The file is replaced atomically, so a kill
mid-write leaves the old cache or the new one; a cache that cannot be read is rebuilt.
"""

from __future__ import annotations

import logging
import os
import tempfile
import weakref
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from bot.semantics.sentence_encoder import SentenceEncoder

log = logging.getLogger(__name__)

#: Bump when the model or the way it is run changes, so old vectors are not reused.
MODEL_VERSION = "all-MiniLM-L6-v2, 64 pieces"
#: Every content text's vector this process has worked out or read, per model, shared by
#: the cached encoders of one model (a content reload, a second application in the same
#: process).
_MEMORY: weakref.WeakKeyDictionary[object, dict[str, NDArray[np.float32]]] = (
    weakref.WeakKeyDictionary())


class CachedEncoder:
    """A sentence encoder whose ``encode_all`` remembers content texts' vectors (in
    memory, and in ``path`` when given)."""

    def __init__(self, encoder: SentenceEncoder, path: Path | None = None) -> None:
        self._inner = encoder
        self._path = path
        self._known = _MEMORY.setdefault(encoder, {})
        self._read = path is None
        self._on_disk: set[str] = set()  # the texts the file holds

    def encode(self, text: str) -> NDArray[np.float32]:
        """A message's vector: never cached."""
        return self._inner.encode(text)

    def encode_all(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """Content texts' vectors, from the cache where it has them."""
        if not self._read:
            self._read = True
            on_disk = self._load()
            self._on_disk = set(on_disk)
            self._known.update(on_disk)
        missing = [t for t in dict.fromkeys(texts) if t not in self._known]
        if missing:
            self._known.update(zip(missing, self._inner.encode_all(missing), strict=True))
        if self._path is not None and not self._on_disk.issuperset(texts):
            self._save(texts)
            self._on_disk = set(texts)
        if not texts:
            return np.zeros((0, self._inner.width), np.float32)
        return np.stack([self._known[t] for t in texts])

    def _load(self) -> dict[str, NDArray[np.float32]]:
        if self._path is None or not self._path.is_file():
            return {}
        try:
            with np.load(self._path, allow_pickle=False) as saved:
                if str(saved["model"]) != MODEL_VERSION:
                    return {}
                return dict(zip(saved["texts"].tolist(), saved["vectors"], strict=True))
        except (OSError, ValueError, KeyError) as error:
            log.warning("sentence vector cache unreadable, rebuilt: %s", error)
            return {}

    def _save(self, texts: Sequence[str]) -> None:
        """The current content's vectors only (askings since removed are dropped)."""
        assert self._path is not None
        keep = list(dict.fromkeys(texts))
        tmp: str | None = None
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self._path.parent, suffix=".tmp")
            with os.fdopen(fd, "wb") as f:
                np.savez(f, model=np.array(MODEL_VERSION), texts=np.array(keep),
                         vectors=np.stack([self._known[t] for t in keep]))
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self._path)
        except OSError as error:  # a read-only disk: the vectors are still in memory
            log.warning("sentence vector cache not written: %s", error)
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)
