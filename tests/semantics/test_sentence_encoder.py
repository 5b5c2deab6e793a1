"""The sentence model run in NumPy (``bot.semantics.sentence_encoder``): it loads from the
installed wheel, gives unit vectors, and places askings of one question nearer each other
than askings of different questions. With CI=true a missing model fails, not skips."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from bot.semantics import sentence_encoder
from bot.semantics.sentence_encoder import SentenceEncoder, load_encoder, read_safetensors


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    loaded = load_encoder()
    if loaded is None:
        if os.environ.get("CI") == "true":
            pytest.fail("the sentence model (requirements-model.txt) is not installed")
        pytest.skip("the sentence model is not installed: make test installs it")
    return loaded


def test_vectors_are_unit_length_and_repeatable(encoder: SentenceEncoder) -> None:
    first = encoder.encode("can I drive after my new hip?")
    again = encoder.encode("can I drive after my new hip?")
    assert first.shape == (384,) and first.dtype == np.float32
    assert abs(float(np.linalg.norm(first)) - 1.0) < 1e-5
    assert np.array_equal(first, again)


def test_the_same_question_in_other_words_is_closer_than_another_question(
        encoder: SentenceEncoder) -> None:
    ice = encoder.encode("should I put ice or heat on my sore hip")
    peas = encoder.encode("frozen peas or a warm wheat bag, which one is better")
    driving = encoder.encode("when am I allowed behind the wheel again after the operation")
    car = encoder.encode("how soon can I drive my car")
    assert float(ice @ peas) > float(ice @ driving) + 0.15
    assert float(driving @ car) > float(driving @ peas) + 0.15


def test_odd_input_still_gives_a_vector(encoder: SentenceEncoder) -> None:
    for text in ("", "🙂🙂🙂", "\u0000", "word " * 2000, "ÿ" * 300):
        vector = encoder.encode(text)
        assert vector.shape == (384,) and np.isfinite(vector).all()


def test_encode_all_stacks_rows(encoder: SentenceEncoder) -> None:
    rows = encoder.encode_all(["stairs", "sleeping on my side"])
    assert rows.shape == (2, 384)
    assert np.array_equal(rows[1], encoder.encode("sleeping on my side"))
    assert encoder.encode_all([]).shape == (0, 384)


def _safetensors(path: Path, header: dict[str, object], data: bytes) -> Path:
    raw = json.dumps(header).encode()
    path.write_bytes(len(raw).to_bytes(8, "little") + raw + data)
    return path


def test_the_weights_file_is_read_mapped_and_checked(tmp_path: Path) -> None:
    values = np.arange(6, dtype="<f4")
    good = _safetensors(tmp_path / "good.safetensors", {
        "__metadata__": {"format": "pt"},
        "w": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]},
        "ids": {"dtype": "I64", "shape": [1], "data_offsets": [24, 32]},
    }, values.tobytes() + bytes(8))
    tensors = read_safetensors(good)
    assert set(tensors) == {"w"}
    assert tensors["w"].tolist() == [[0, 1, 2], [3, 4, 5]]
    bad = _safetensors(tmp_path / "bad.safetensors", {
        "w": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 20]},
    }, values.tobytes())
    with pytest.raises(ValueError, match="wrong size"):
        read_safetensors(bad)


def test_a_damaged_install_means_words_only(tmp_path: Path,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """Unreadable model files are logged and the FAQ falls back to words, not a crash
    on every question."""
    (tmp_path / "tokenizer.json").write_text("{}")
    _safetensors(tmp_path / "model.safetensors", {
        "w": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 20]}}, bytes(24))
    monkeypatch.setattr(sentence_encoder, "model_dir", lambda: tmp_path)
    monkeypatch.setattr(sentence_encoder, "_LOADED", [])
    assert sentence_encoder.load_encoder() is None
