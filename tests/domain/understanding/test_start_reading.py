"""A typed request to start the routine now, on phrases written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.understanding.interpret import interpret
from bot.domain.understanding.meaning import prepare
from bot.domain.understanding.start_reading import MAX_START_CHARS, asks_to_start

STARTS = [
    "▶ Start today's routine",  # the button's words, pasted or typed
    "start todays routine",
    "Start ▶",
    "start",
    "Begin!",
    "ok lets start",
    "Let's go 💪",
    "lets do this",
    "right, let's get going",
    "I'm ready",
    "im ready to start",
    "ready when you are",
    "start my exercises please",
    "can we do the exercises now",
    "shall we do today's session",
    "begin the stretches",
    "ok let's do my physio",
    "time to do my exercises",
]

NOT_STARTS = [
    "not ready yet",
    "started the routine but stopped halfway",
    "can i start again next week",
    "start at 8",
    "when should I start the step ups?",
    "I'll start tomorrow",
    "can I do my exercises with a cold?",
    "lets go tomorrow instead",
    "don't start the routine",
    "did the routine start to finish",
    "ready for bed",
    "go away",
]


@pytest.mark.parametrize("text", STARTS)
def test_a_request_to_start_is_read_first(text: str) -> None:
    assert asks_to_start(prepare(text)), text
    assert interpret(text).top.kind == "start", text


@pytest.mark.parametrize("text", NOT_STARTS)
def test_what_says_more_or_else_is_no_start(text: str) -> None:
    assert interpret(text).top.kind != "start", text


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=200), st.sampled_from(STARTS))
def test_a_long_message_is_never_only_a_start(more: str, start: str) -> None:
    """Longer messages say more than "start": the other readings decide."""
    text = f"{prepare(start)} {more}"
    if len(text) > MAX_START_CHARS:
        assert not asks_to_start(text)
