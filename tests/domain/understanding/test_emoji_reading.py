"""Friendly emoji alone are a greeting or thanks, whatever their tone or order."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.understanding.emoji_reading import FRIENDLY, friendly_emoji_only
from bot.domain.understanding.interpret import interpret

TONES = [chr(c) for c in range(0x1F3FB, 0x1F400)]


@pytest.mark.parametrize("text", ["🙏🏽🙏🏽", "👍🏿", "🌷☀️", "😊 🌻", "👋🏼😀!!", "❤️❤️❤️", "☀️☕"])
def test_friendly_emoji_are_social(text: str) -> None:
    assert interpret(text).top.kind == "social"


@pytest.mark.parametrize("text", ["🍕🚗", "🤷‍♂️", "✅", "👍 done", "🙏 my calf is hot and swollen",
                                  "😊 can I do them twice?"])
def test_anything_else_is_left_to_the_other_readers(text: str) -> None:
    assert not friendly_emoji_only(text)


def test_a_red_flag_beside_a_smile_still_wins() -> None:
    assert interpret("😊👍 but my leg has gone numb and I can't feel my bum").is_red_flag


@given(st.lists(st.sampled_from(sorted(FRIENDLY)), min_size=1, max_size=8),
       st.lists(st.sampled_from(TONES), max_size=3))
def test_any_friendly_run_in_any_tone(chars: list[str], tones: list[str]) -> None:
    text = "".join(c + (tones[i % len(tones)] if tones else "") for i, c in enumerate(chars))
    assert friendly_emoji_only(text)


@given(st.text(min_size=1).filter(lambda t: any(c.isalnum() for c in t)))
def test_words_are_never_emoji_only(text: str) -> None:
    assert not friendly_emoji_only(text)
