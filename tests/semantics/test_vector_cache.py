"""The FAQ examples' vectors kept on disk (``bot.semantics.vector_cache``): a restart
encodes nothing it already has, a damaged or outdated file is rebuilt, and a patient's
message is never written."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from bot.semantics.vector_cache import CachedEncoder


class CountingEncoder:
    """Stands in for the model: a vector from the text's length, and a count of calls."""

    width = 4

    def __init__(self) -> None:
        self.encoded: list[str] = []

    def encode(self, text: str) -> NDArray[np.float32]:
        self.encoded.append(text)
        return np.array([len(text), 1, 0, 0], np.float32)

    def encode_all(self, texts: Sequence[str]) -> NDArray[np.float32]:
        return np.stack([self.encode(t) for t in texts])


def cached(path: Path) -> tuple[CachedEncoder, CountingEncoder]:
    inner = CountingEncoder()
    return CachedEncoder(inner, path), inner  # type: ignore[arg-type]


def test_a_restart_reads_the_vectors_instead_of_encoding(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "faq-vectors.npz"
    first, inner = cached(path)
    rows = first.encode_all(["ice or heat", "stairs", "ice or heat"])
    assert inner.encoded == ["ice or heat", "stairs"] and rows.shape == (3, 4)
    again, inner = cached(path)
    assert np.array_equal(again.encode_all(["stairs", "ice or heat"]), rows[[1, 0]])
    assert inner.encoded == []
    again.encode_all(["stairs", "driving"])  # content changed: only the new one encoded
    assert inner.encoded == ["driving"]
    assert not list(path.parent.glob("*.tmp"))


def test_a_damaged_or_outdated_cache_is_rebuilt(tmp_path: Path) -> None:
    path = tmp_path / "faq-vectors.npz"
    path.write_bytes(b"not a numpy file")
    encoder, inner = cached(path)
    encoder.encode_all(["stairs"])
    assert inner.encoded == ["stairs"]
    np.savez(path, model=np.array("another model"), texts=np.array(["stairs"]),
             vectors=np.zeros((1, 4), np.float32))
    encoder, inner = cached(path)
    assert encoder.encode_all(["stairs"])[0, 0] == 6 and inner.encoded == ["stairs"]


def test_a_message_is_never_written(tmp_path: Path) -> None:
    path = tmp_path / "faq-vectors.npz"
    encoder, _ = cached(path)
    encoder.encode_all(["stairs"])
    encoder.encode("my private worry about my hip")
    with np.load(path) as saved:
        assert saved["texts"].tolist() == ["stairs"]


def test_an_unwritable_folder_keeps_the_vectors_in_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    encoder, inner = cached(blocker / "faq-vectors.npz")
    encoder.encode_all(["stairs"])
    encoder.encode_all(["stairs"])
    assert inner.encoded == ["stairs"]
