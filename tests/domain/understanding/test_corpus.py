"""The labelled corpus is well formed, large enough, and its held-out part is fixed."""

from __future__ import annotations

from collections import Counter

import pytest
import yaml

from tests.domain.understanding.corpus import RED_FLAG_CATEGORIES, CorpusError, load_rows
from tests.domain.understanding.split import (
    SPLIT_FILE,
    corpus,
    digest,
    held_out,
    parts,
    row_key,
)

MIN_ROWS = 2000
MIN_RED_FLAGS = 300
MIN_PER_CATEGORY = 15
MIN_LOOKALIKES = 150


@pytest.fixture(scope="module")
def rows():
    return corpus()


def test_the_corpus_is_large_and_covers_every_kind(rows) -> None:
    assert len(rows) >= MIN_ROWS
    intents = Counter(r.intent for r in rows)
    assert intents["redflag"] >= MIN_RED_FLAGS
    categories = Counter(r.slots["category"] for r in rows if r.intent == "redflag")
    assert set(categories) == set(RED_FLAG_CATEGORIES)
    assert min(categories.values()) >= MIN_PER_CATEGORY, categories
    assert sum(1 for r in rows if r.lookalike) >= MIN_LOOKALIKES
    assert all(intents[k] >= 50 for k in ("done", "rest", "pain", "exercise", "question"))


def test_no_text_appears_twice(rows) -> None:
    counts = Counter(r.text.strip().lower() for r in rows)
    assert [t for t, n in counts.items() if n > 1] == []


def test_the_held_out_part_is_the_committed_one(rows) -> None:
    split = yaml.safe_load(SPLIT_FILE.read_text(encoding="utf-8"))
    tune, heldout = parts(rows)
    assert sorted(row_key(r.text) for r in heldout) == split["heldout_ids"]
    assert digest(r.text for r in heldout) == split["heldout_digest"]
    assert len(heldout) + len(tune) == len(rows)
    assert 0.15 <= len(heldout) / len(rows) <= 0.25
    # Both parts hold every kind, red flags included.
    for part in (tune, heldout):
        assert {r.intent for r in part} >= {"redflag", "done", "rest", "pain", "exercise"}


def test_the_rule_is_a_fifth_and_knows_nothing_of_labels() -> None:
    texts = [f"message number {n}" for n in range(5000)]
    share = sum(held_out(t) for t in texts) / len(texts)
    assert 0.18 <= share <= 0.22
    assert held_out("  done ") == held_out("done")


def test_a_malformed_row_is_named(tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text('- {text: "calf is hot", intent: redflag, category: calf}\n')
    with pytest.raises(CorpusError, match=r"bad\.yaml row 1: category"):
        load_rows([bad])
    bad.write_text('- {text: "no fever", intent: redflag, category: infection, '
                   'urgency: same_day, lookalike: negated}\n')
    with pytest.raises(CorpusError, match="lookalike"):
        load_rows([bad])
