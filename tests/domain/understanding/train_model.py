"""Train the ranking model from the tuning part of the corpus and the probe rows (never the
held-out fifth).

``python -m tests.domain.understanding.train_model`` writes
``bot/domain/understanding/model_weights.json``, then the red-flag second opinion's
``red_flag_weights.json`` (``train_red_flag_model``: both go stale when the rows change).
Training is deterministic: a seeded
shuffle and integer arithmetic only, so the same corpus always gives the same file
(``test_interpret_model.py`` checks the digest of its inputs recorded in the file, and
with ``FULL=1`` retrains and compares it byte for byte). Red-flag rows are
left out: a red flag is not a reading, the flags report it.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import yaml

from bot.domain.understanding.meaning import prepare
from bot.domain.understanding.model import MODEL_KINDS, WEIGHTS_FILE, features, weighted
from tests.domain.understanding import train_red_flag_model
from tests.domain.understanding.code_digest import code_of
from tests.domain.understanding.corpus import Row, load_rows
from tests.domain.understanding.split import SPLIT_FILE, corpus, parts, row_key

EPOCHS = 6
#: One perceptron per seed, their weights summed: the same linear model, less variance.
SEEDS = (11, 23, 37, 41, 53, 61, 71, 83, 97, 101)
#: Averaged weights are stored in hundredths; smaller ones are dropped.
SCALE = 100
#: A feature is learnt only when at least this many training rows have it: one seen once
#: can only memorise its row (dropping them halved the file, 2.45 -> 1.46 MB, and read
#: five fresh batches as well as before, 85 intents wrong of 959 against 87).
MIN_ROWS = 2


PROBE_DIR = Path(__file__).resolve().parents[2] / "data" / "understanding_probe"
#: In this order, after the tuning rows: the first probe, then the second (its red flags
#: left out like the first's).
PROBE_FILES = (
    "intents_probe.yaml",
    "redflags_probe.yaml",
    "intents_probe2.yaml",
    "redflags_probe2.yaml",
)


def probe_rows() -> list[Row]:
    """The independent probe rows (``tests/data/understanding_probe``) and the tune4 to
    tune6, tune8, tune9 and tune13 on batches (``tests/data/understanding_tune*``; see
    ``train_red_flag_model.BATCHES``), red flags left out.

    A probe row whose text is also a held-out corpus row (by row key) is left out too, so
    the model never sees a held-out text.
    """
    held = set(yaml.safe_load(SPLIT_FILE.read_text(encoding="utf-8"))["heldout_ids"])
    rows = load_rows([*(PROBE_DIR / name for name in PROBE_FILES),
                      *train_red_flag_model.TUNE4_FILES,
                      *train_red_flag_model.BATCH_FILES])
    return [row for row in rows if row.intent != "redflag" and row_key(row.text) not in held]


def tune_rows() -> list[Row]:
    """The tuning part of the corpus, red flags left out."""
    tune, _ = parts(corpus())
    return [row for row in tune if row.intent != "redflag"]


def training_rows() -> list[Row]:
    """The rows the model learns from: the tuning part, then the probe rows, each text once
    (red flags left out: a red flag is not a reading)."""
    seen: set[str] = set()
    rows: list[Row] = []
    for row in [*tune_rows(), *probe_rows()]:
        key = row_key(row.text)
        if key not in seen:
            seen.add(key)
            rows.append(row)
    return rows


def row_features(text: str) -> list[str]:
    return weighted(features(prepare(text)))


def train(
    examples: Sequence[tuple[list[str], int]], seeds: Sequence[int] = SEEDS
) -> dict[str, list[int]]:
    """Averaged perceptrons, one per seed, summed (see ``perceptron``)."""
    summed: dict[str, list[int]] = {}
    for seed in seeds:
        for feat, values in perceptron(examples, seed=seed).items():
            row = summed.setdefault(feat, [0] * len(MODEL_KINDS))
            for k, value in enumerate(values):
                row[k] += value
    return {feat: summed[feat] for feat in sorted(summed) if any(summed[feat])}


def perceptron(
    examples: Sequence[tuple[list[str], int]], epochs: int = EPOCHS, seed: int = SEEDS[0]
) -> dict[str, list[int]]:
    """An averaged perceptron over (features, kind index) pairs, integers only."""
    kinds = len(MODEL_KINDS)
    weights: dict[str, list[int]] = {}
    totals: dict[str, list[int]] = {}
    stamps: dict[str, list[int]] = {}
    order = list(range(len(examples)))
    rng = random.Random(seed)
    clock = 1
    for _ in range(epochs):
        rng.shuffle(order)
        for index in order:
            feats, gold = examples[index]
            score = [0] * kinds
            for feat in feats:
                row = weights.get(feat)
                if row is not None:
                    for k in range(kinds):
                        score[k] += row[k]
            guess = max(range(kinds), key=lambda k: (score[k], -k))
            rival = max((k for k in range(kinds) if k != gold), key=lambda k: (score[k], -k))
            if guess == gold and score[gold] > score[rival]:
                clock += 1
                continue
            for feat in feats:
                row = weights.setdefault(feat, [0] * kinds)
                total = totals.setdefault(feat, [0] * kinds)
                stamp = stamps.setdefault(feat, [0] * kinds)
                for k, change in ((gold, 1), (rival, -1)):
                    total[k] += (clock - stamp[k]) * row[k]
                    stamp[k] = clock
                    row[k] += change
            clock += 1
    averaged: dict[str, list[int]] = {}
    for feat in sorted(weights):
        row, total, stamp = weights[feat], totals[feat], stamps[feat]
        values = []
        for k in range(kinds):
            numerator = (total[k] + (clock - stamp[k]) * row[k]) * SCALE
            values.append((2 * numerator + clock) // (2 * clock))
        if any(values):
            averaged[feat] = values
    return averaged


def examples_of(rows: Sequence[Row]) -> list[tuple[list[str], int]]:
    feats = [row_features(row.text) for row in rows]
    seen_in: Counter[str] = Counter()
    for one in feats:
        seen_in.update(set(one))
    return [([f for f in one if seen_in[f] >= MIN_ROWS], MODEL_KINDS.index(row.intent))
            for one, row in zip(feats, rows, strict=True)]


def trained_on(rows: Sequence[Row]) -> dict[str, object]:
    """What the model saw: how many rows and a digest of their ids (row keys)."""
    keys = sorted(row_key(row.text) for row in rows)
    digest = hashlib.sha256("\n".join(keys).encode("utf-8")).hexdigest()
    return {"rows": len(rows), "row_keys_sha256": digest}


def inputs_digest(rows: Sequence[Row], examples: Sequence[tuple[list[str], int]]) -> str:
    """A SHA-256 of everything training reads: the rows' keys, their features and labels,
    the kinds and this module's code (``code_of``: comments and docstrings left out).
    Training is deterministic, so the same digest means the same weights:
    ``test_interpret_model.py`` checks the digest on every run and retrains in full with
    ``FULL=1``."""
    digest = hashlib.sha256(code_of(Path(__file__)).encode("utf-8"))
    for part in (list(MODEL_KINDS), [row_key(row.text) for row in rows], list(examples)):
        digest.update(json.dumps(part, ensure_ascii=False).encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def build() -> str:
    """The weights file's text for the current corpus and code."""
    rows = training_rows()
    examples = examples_of(rows)
    data = {
        "about": "Written by python -m tests.domain.understanding.train_model; do not edit.",
        "kinds": list(MODEL_KINDS),
        "scale": SCALE,
        "trained_on": trained_on(rows),
        "inputs_sha256": inputs_digest(rows, examples),
        "weights": train(examples),
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def main() -> int:
    text = build()
    WEIGHTS_FILE.write_text(text, encoding="utf-8")
    print(f"{WEIGHTS_FILE.name}: {len(text.encode('utf-8')) / 1024:.0f} KiB")
    return train_red_flag_model.main()


if __name__ == "__main__":
    sys.exit(main())
