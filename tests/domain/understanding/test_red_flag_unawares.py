"""Red flags of the third everyday batch (tune6): leaking without knowing, blood brought
up in lay words, pain off the scale that came from nowhere, a leg only the good side
stands on, a night that no position eases. Our own phrasings, not the batch's rows;
each with look-alikes (the same words about a laugh, a cold, a film) that stay quiet."""

from __future__ import annotations

import pytest

from bot.domain.understanding.interpret import interpret
from bot.domain.understanding.red_flags import scan_red_flags

LIVE: list[tuple[str, str]] = [
    ("cauda_equina", "I've been leaking wee all morning and not noticed until I stood up"),
    ("cauda_equina", "mum leaked some poo in her chair, she says she never felt it"),
    ("cauda_equina", "soiled the bed last night and didn't even know till morning"),
    ("pe", "coughing up pink stuff since the op, a bit short of breath"),
    ("pe", "I keep bringing up bloody phlegm"),
    ("pe", "there's rusty spit when I cough"),
    ("sudden_severe_pain", "hip pain came from nowhere an hour ago, worst pain ever, "
                           "ten out of ten"),
    ("sudden_severe_pain", "out of the blue my hip pain went through the roof"),
    ("sudden_severe_pain", "the pain started suddenly and it's savage, I can't move"),
    ("cannot_bear_weight", "walking on it is impossible since this morning"),
    ("cannot_bear_weight", "he hasn't been able to stand on it since the weekend"),
    ("cannot_bear_weight", "she only stands on her good leg now, won't use the bad one"),
    ("cannot_bear_weight", "my leg would give way if I put weight on it"),
    ("night_pain_sweats", "the hip pain wakes me four times a night, every night"),
    ("night_pain_sweats", "at night it doesn't matter if I lie on it or not, the ache "
                          "keeps me up"),
]

QUIET: list[str] = [
    "leaked a bit when I laughed at the telly",
    "the kettle's been leaking all morning",
    "coughing up green gunk with this cold",
    "my prices went through the roof this year at the shop",
    "out of the blue my sister rang, lovely surprise",
    "standing on it is fine now, walking too",
    "the baby wakes me three times a night, I'm shattered",
    "I only stand on my good leg for the balance exercise, as the card says",
    # what to put on a sore hip is a question, not a hot joint (found by the benchmark)
    "is it better to put something warm or something cold on my sore hip?",
    "should i put something warm on my sore hip",
    "frozen peas or a hot water bottle on the hip, which?",
]


@pytest.mark.parametrize(("category", "text"), LIVE)
def test_the_sign_is_caught_with_its_category(category: str, text: str) -> None:
    hits = [hit for hit in scan_red_flags(text) if hit.live]
    assert category in {hit.category for hit in hits}, scan_red_flags(text)
    assert interpret(text).is_red_flag or interpret(text).ask_about is not None


@pytest.mark.parametrize("text", QUIET)
def test_the_same_words_elsewhere_raise_no_alarm(text: str) -> None:
    assert not interpret(text).is_red_flag, scan_red_flags(text)
