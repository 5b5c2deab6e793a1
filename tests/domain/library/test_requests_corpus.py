"""The labelled ways of asking for each exercise: the held-out fifth stays fixed, and the
finder puts the right exercise first on both parts (figures in the closing note of the
programmes issue; ``python -m tests.domain.library.requests_corpus report``)."""

from __future__ import annotations

from collections import Counter

from bot.content import DEFAULT_CONTENT_DIR, load_content
from tests.domain.library.requests_corpus import (
    EXTRA_FILE,
    PROBE_FILE,
    SPLIT_FILE,
    _first,
    load,
    parts,
)
from tests.held_out import check_split

CONTENT = load_content(DEFAULT_CONTENT_DIR)
#: Measured floors (right exercise first): a drop below them is a regression. The
#: issue's target is 97 % on both parts; measured for issue #18: tune 99.4 %, probe
#: 98.2 %, extra 99.1 %, held-out 97.6 % (83/85, run once after tuning).
TUNE_FLOOR = 0.98
HELD_OUT_FLOOR = 0.95
PROBE_FLOOR = 0.97
EXTRA_FLOOR = 0.97


def test_at_least_15_ways_for_every_exercise() -> None:
    counts = Counter(row.expect for row in load())
    assert set(counts) == set(CONTENT.exercises)
    assert min(counts.values()) >= 15


def _plain(text: str) -> str:
    return " ".join(text.casefold().split()).strip("?!. ")


def test_the_extra_tuning_set_is_new_and_even() -> None:
    """extra_tune.yaml: at least 150 ways of asking not already in the tuning rows, every
    exercise about as often (issue #18; tuning data, never evidence)."""
    extra = load(EXTRA_FILE)
    counts = Counter(row.expect for row in extra)
    assert set(counts) == set(CONTENT.exercises)
    assert min(counts.values()) >= 8 and max(counts.values()) <= 2 * min(counts.values())
    assert len({row.id for row in extra}) == len(extra)
    known = {_plain(row.text) for row in parts(load())[0] + load(PROBE_FILE)}
    assert sum(_plain(row.text) not in known for row in extra) >= 150


def test_the_held_out_fifth_is_the_one_fixed_before_tuning() -> None:
    check_split(SPLIT_FILE, load())


def _rate(rows: list) -> float:
    return sum(_first(CONTENT, r.text) == r.expect for r in rows) / len(rows)


def test_the_right_exercise_comes_first() -> None:
    tune, heldout = parts(load())
    assert _rate(tune) >= TUNE_FLOOR
    assert _rate(load(PROBE_FILE)) >= PROBE_FLOOR
    assert _rate(load(EXTRA_FILE)) >= EXTRA_FLOOR
    assert _rate(heldout) >= HELD_OUT_FLOOR
