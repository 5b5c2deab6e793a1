"""Typed answers to a yes/no question (consent, /resume's check): short yeses and noes."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.understanding.yes_no import screening_answer, yes_or_no


@pytest.mark.parametrize("text", ["yes", "Yes please!", "yeah fine", "ok", "go ahead",
                                  "y", "sure", "yes store them", "Okay thanks",
                                  "yes ok store it", "ok you can", "yes that's ok",
                                  # shorthand (in make chat, "yes pls" mid-routine was
                                  # read as the routine's "done" and consent never given)
                                  "yes pls", "yeah go on", "ok ta", "yes plz cheers",
                                  # to /resume's "has a clinician checked you?"
                                  "yes I have", "Yes, I've been checked", "yep been seen"])
def test_yes(text: str) -> None:
    assert yes_or_no(text) is True


@pytest.mark.parametrize("text", ["no", "No thanks", "nope", "nah", "rather not",
                                  "please don't", "no thank you", "not yet", "No, not yet",
                                  "no i haven't", "no ta", "nah cheers", "no thx"])
def test_no(text: str) -> None:
    assert yes_or_no(text) is False


@pytest.mark.parametrize("text", ["not sure", "yes but what do you store", "no pain",
                                  "what do you do with it", "", "🙂",
                                  "yes no", "ok so my hip hurts when i walk up stairs"])
def test_neither(text: str) -> None:
    assert yes_or_no(text) is None


@given(st.text(max_size=300))
def test_any_text_gets_an_answer_or_none(text: str) -> None:
    assert yes_or_no(text) in (True, False, None)


# --- the red-flag screen after high pain: "is any of these true for you?" ----------------


@pytest.mark.parametrize("text", ["no", "No, none of these", "none", "nothing like that",
                                  "nope none of them", "no to all", "Nah all fine",
                                  "no, just sore", "None of the above thanks", "n",
                                  "nah nun of them"])
def test_screen_no(text: str) -> None:
    assert screening_answer(text) == "no"


@pytest.mark.parametrize("text", ["yes", "Yes the numbness", "yeah one of them",
                                  "I think so", "at least one", "yep, the fall", "y",
                                  "yes but not sure it matters"])
def test_screen_yes_is_read_generously(text: str) -> None:
    assert screening_answer(text) == "yes"


@pytest.mark.parametrize("text", ["not sure", "dunno", "maybe", "no idea", "I don't know"])
def test_screen_unsure(text: str) -> None:
    assert screening_answer(text) == "unsure"


@pytest.mark.parametrize("text", ["dunnit", "done", "no but my hip is killing me", "hello",
                                  "no" + " really" * 20, ""])
def test_screen_neither(text: str) -> None:
    assert screening_answer(text) is None


@given(st.text(max_size=300))
def test_any_text_is_an_answer_to_the_screen_or_none(text: str) -> None:
    assert screening_answer(text) in ("yes", "no", "unsure", None)
