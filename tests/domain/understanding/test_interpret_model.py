"""The committed model weights: reproducible, learnt from tune and probe rows only.

Retraining writes the exact same file, so the weights never drift from the corpus and the
code (after a change to either, run ``python -m tests.domain.understanding.train_model``).
The weights record which rows they saw; none is held out (checked by row key only, so
the held-out texts are never read).
"""

from __future__ import annotations

import json
import os

import pytest
import yaml

from bot.domain.understanding.model import MODEL_KINDS, WEIGHTS_FILE, load
from tests.domain.understanding.corpus import Row
from tests.domain.understanding.split import SPLIT_FILE, held_out, row_key
from tests.domain.understanding.train_model import (
    PROBE_FILES,
    build,
    examples_of,
    inputs_digest,
    probe_rows,
    trained_on,
    training_rows,
)
from tests.domain.understanding.train_red_flag_model import BATCHES

PROBE_IDS = (*(f"{name.removesuffix('.yaml')}:" for name in PROBE_FILES),
             "t4-", "t5-", "t6-", "t8-", "t9-",
             *(f"t{n}-" for n in BATCHES))
#: The weights grow with the tuning rows (1.01 MB with tune16, 1.87 MB with tune54, 2.45 MB
#: with tune86; 1.46 MB with tune86 once features seen in one row only were dropped; read
#: once, on first use, in about 0.2 s here; 2.05 MB with tune161, read in 0.13 s). Raised
#: from 2.5 MB to 3.5 MB with tune161: a read of about 0.2 s once per process is fine.
MAX_BYTES = 3_500_000
#: ``FULL=1`` retrains both models in full and compares byte for byte (5 minutes each).
FULL = os.environ.get("FULL") == "1"


def test_the_committed_weights_were_trained_on_todays_inputs() -> None:
    """Training is deterministic, so the weights are stale exactly when what it reads has
    changed: the rows, their features and labels, or the training code."""
    rows = training_rows()
    committed = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert committed["inputs_sha256"] == inputs_digest(rows, examples_of(rows)), (
        "model_weights.json is stale: run python -m tests.domain.understanding.train_model"
    )


def test_the_inputs_digest_sees_a_changed_feature_or_label() -> None:
    rows = [Row("a", "did my bridges", "done", {}), Row("b", "did my clams", "done", {})]
    examples = examples_of(rows)
    digest = inputs_digest(rows, examples)
    assert inputs_digest(rows, examples_of(rows)) == digest
    feats, label = examples[1]
    assert feats
    relabelled = (feats, (label + 1) % len(MODEL_KINDS))
    assert inputs_digest(rows, [examples[0], relabelled]) != digest
    assert inputs_digest(rows, [examples[0], (feats[:-1], label)]) != digest


@pytest.mark.skipif(not FULL, reason="retrains in full (5 minutes): FULL=1 make test")
@pytest.mark.timeout(900)
def test_retraining_reproduces_the_committed_weights_exactly() -> None:
    committed = WEIGHTS_FILE.read_text(encoding="utf-8")
    assert build() == committed, (
        "model_weights.json is stale: run python -m tests.domain.understanding.train_model"
    )


def test_the_model_saw_tuning_rows_only() -> None:
    rows = training_rows()
    held = set(yaml.safe_load(SPLIT_FILE.read_text(encoding="utf-8"))["heldout_ids"])
    assert rows
    assert not {row_key(row.text) for row in rows} & held
    # Corpus rows come from the tuning part only (probe rows are not corpus rows: their
    # hash may fall in the held-out bucket, but no probe text is a held-out text).
    assert not any(held_out(row.text) for row in rows if not row.id.startswith(PROBE_IDS))
    assert {row_key(row.text) for row in probe_rows()} <= {row_key(row.text) for row in rows}
    assert all(row.intent != "redflag" for row in rows)
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert data["trained_on"] == trained_on(rows)


def test_the_weights_are_small_and_load() -> None:
    assert WEIGHTS_FILE.stat().st_size <= MAX_BYTES
    model = load()
    assert model is not None
    assert model.kinds == MODEL_KINDS
    assert all(len(row) == len(MODEL_KINDS) for row in model.weights.values())
