"""A pain score put right in words: the score it should have been, or None."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.understanding.score_fix import corrected_score


@pytest.mark.parametrize(("text", "right"), [
    ("sorry that 8 was a typo, I meant 3", 3),
    ("oops should have been a 2", 2),
    ("fat fingers, it was actually 4", 4),
    ("that 8 I sent earlier shud of been a 3", 3),
    ("3 not 8 sorry", 3),
    ("not 8, 3", 3),
    ("not 9 but more like 5", 5),
    ("I meant to put four", 4),
    ("sorry, meant 2 out of 10", 2),
    ("no, it was more like a 1", 1),
])
def test_the_right_score_is_read(text: str, right: int) -> None:
    assert corrected_score(text) == right


@pytest.mark.parametrize("text", [
    "undo that please", "meant 30", "I didn't mean it", "take off the bridges",
    "should have been yesterday", "my pain is really a 6 today", "it's only a 2 this morning",
])
def test_no_score_no_fix(text: str) -> None:
    assert corrected_score(text) is None


@given(st.text(max_size=400))
def test_any_text_gives_a_score_in_range_or_none(text: str) -> None:
    score = corrected_score(text)
    assert score is None or 0 <= score <= 10
