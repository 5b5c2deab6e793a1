"""The prefilter that skips red-flag rules: it may only ever skip a rule that cannot match."""

from __future__ import annotations

import functools
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.understanding import red_flags
from bot.domain.understanding.red_flags import prepared_message
from bot.domain.understanding.regex_gate import may_match, message_index, passing, word_starts
from tests.domain.understanding.split import corpus


def _keys() -> list[re.Pattern[str]]:
    return [rule.key for rule in (*red_flags._RULES, *red_flags._AMBIGUOUS)]


@functools.cache
def _gates() -> list[tuple[re.Pattern[str], frozenset[str] | None]]:
    return [(key, word_starts(key)) for key in _keys()]


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        (r"\bfell\b", {"fell"}),
        (r"(?<!nearly )\b(?:fell|fallen|fal)\b", {"fell", "fall", "fal"}),
        (r"\b(?:can'?t|cannot)\s+walk", {"can", "cant", "cann"}),
        (r"\b[fs]ever", {"feve", "seve"}),
        (r"\b(?:very\s+)?hot\b", {"very", "hot"}),
        (r"\bi\s+fell", {"i"}),
        (r"^ow+\b", {"ow"}),
    ],
)
def test_the_prefixes_a_match_must_start_with(pattern: str, expected: set[str]) -> None:
    assert word_starts(re.compile(pattern)) == expected


@pytest.mark.parametrize(
    "pattern",
    [
        r"fell",  # may start inside a word ("befell")
        r"\b\w+ fell",  # any word
        r"\bfell|numb",  # one alternative may start anywhere
        r"(?i)\bfell",  # case folded: the prefixes would need folding too
        r"\b(?:\d+|x)",  # digits by class
        r"\b(?=a)\w+",  # only a look-ahead says what comes first
        r"",
    ],
)
def test_a_pattern_it_cannot_read_is_always_searched(pattern: str) -> None:
    assert word_starts(re.compile(pattern)) is None
    assert may_match(word_starts(re.compile(pattern)), message_index("nothing alike"))


def test_the_index_holds_each_words_first_letters() -> None:
    index = message_index("i can't walk, 38.5")
    assert {"i", "can", "ca", "c", "walk", "wal", "38", "5"} <= index
    assert "t" in index  # "can't": the apostrophe ends a word for the regex engine too
    assert "alk" not in index


def test_passing_keeps_exactly_the_items_that_may_match() -> None:
    index = message_index("my calf is hot")
    gated = [("calf", frozenset({"calf"})), ("fell", frozenset({"fell"})), ("any", None)]
    assert list(passing(gated, index)) == ["calf", "any"]
    assert [item for item, starts in gated if may_match(starts, index)] == ["calf", "any"]


def test_most_rules_are_gated() -> None:
    gated = [starts for _key, starts in _gates() if starts is not None]
    assert len(gated) >= 0.9 * len(_gates())


def test_no_corpus_message_loses_a_match_the_gate_skipped() -> None:
    """Every text of the labelled corpus (both parts), against every rule key."""
    for row in corpus():
        text = prepared_message(row.text).text
        index = message_index(text)
        for key, starts in _gates():
            if not may_match(starts, index):
                assert key.search(text) is None, (key.pattern[:80], row.text)


_WORDS = st.sampled_from([
    "i", "my", "mum", "fell", "fall", "over", "cant", "can't", "cannot", "walk", "stand",
    "weight", "leg", "hip", "calf", "hot", "swollen", "numb", "foot", "dragging", "wet",
    "myself", "fever", "chills", "night", "sweats", "chest", "breath", "pop", "out", "wound",
    "weeping", "pus", "sudden", "worst", "pain", "10", "39.5", "kg", "lost", "stone", "not",
    "no", "never", "and", "but", "since", "op",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(_WORDS, st.text(max_size=6)), min_size=1, max_size=14))
def test_random_messages_of_danger_words_never_lose_a_match(words: list[str]) -> None:
    text = prepared_message(" ".join(words)).text
    index = message_index(text)
    for key, starts in _gates():
        if not may_match(starts, index):
            assert key.search(text) is None, (key.pattern[:80], text)
