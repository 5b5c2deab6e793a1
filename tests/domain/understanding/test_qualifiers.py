"""Qualifiers: whether any phrase of a message is the patient's own report now."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.understanding.qualifiers import qualifier_at
from bot.domain.understanding.text_norm import normalise


def qualifier_of(text: str, phrase: str, occurrence: int = 0) -> str | None:
    clean = normalise(text)
    start = -1
    for _ in range(occurrence + 1):
        start = clean.index(phrase, start + 1)
    return qualifier_at(clean, start, start + len(phrase))


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("my calf is swollen", "calf"),
        ("I did my bridges", "did my bridges"),
        ("Mum can't feel her legs since this morning", "can't feel"),
        ("writing for my dad, he fell", "fell"),
        ("my husband did his bridges", "did his bridges"),
        ("my husband can't put weight on his leg since he fell", "can't put weight"),
        ("Dad had bowel cancer years back, now his hip pain is new", "hip pain"),
        ("not sure if it's numb", "numb"),
        ("no pain, but my leg is numb", "numb"),
        ("I used to walk for miles but now my leg gives way", "gives way"),
        ("is it normal that I can't put weight on it?", "can't put weight"),
        ("if I try to stand my leg buckles", "buckles"),
        ("my back is killing me", "killing me"),
        ("fell last night and the leg looks shorter", "fell"),
    ],
)
def test_live_reports(text: str, phrase: str) -> None:
    assert qualifier_of(text, phrase) is None


@pytest.mark.parametrize(
    ("text", "phrase", "qualifier"),
    [
        ("no fever, no numbness, just stiff", "numbness", "negated"),
        ("nothing wrong with my bowels", "bowels", "negated"),
        ("haven't had any tingling", "tingling", "negated"),
        ("numbness? none", "numbness", "negated"),
        ("I used to have numbness but it's gone now", "numbness", "past"),
        ("had a DVT in 2015", "dvt", "past"),
        ("fell last year, fine since", "fell", "past"),
        ("the swelling went away after a week", "swelling", "past"),
        ("what should I do if my leg swells?", "leg swells", "hypothetical"),
        ("what if I fall", "fall", "hypothetical"),
        ("how would I know if my hip had dislocated?", "dislocated", "hypothetical"),
        ("what are the signs of a clot", "clot", "hypothetical"),
        ("my friend had a fall last week", "fall", "other_person"),
        ("my mum had a fall last year", "fall", "other_person"),
        ("sorry I meant my MUM fell, not me", "fell", "other_person"),
        ("the neighbour's husband had a blood clot", "blood clot", "other_person"),
        ("my wife has a fever so I'm skipping today", "fever", "other_person"),
        ("my husband did his bridges, I'll do mine later", "did his bridges", "other_person"),
        ("this weather is killing me", "killing me", "figurative"),
        ("I nearly died laughing", "died", "figurative"),
        ("breathless with excitement", "breathless", "figurative"),
    ],
)
def test_qualified_phrases(text: str, phrase: str, qualifier: str) -> None:
    assert qualifier_of(text, phrase) == qualifier


def test_negation_stays_in_its_clause() -> None:
    assert qualifier_of("no fever. my calf is hot", "hot") is None
    assert qualifier_of("I didn't fall, but my leg is numb", "numb") is None


def test_a_new_report_after_an_old_one_is_live() -> None:
    text = "I had numbness years ago and now my foot is numb again"
    assert qualifier_of(text, "numb") == "past"
    assert qualifier_of(text, "numb", occurrence=1) is None


def test_since_ignores_the_words_before_it() -> None:
    clean = "no feeling down there"
    start = clean.index("down there")
    assert qualifier_at(clean, start, len(clean)) == "negated"
    assert qualifier_at(clean, start, len(clean), since=start) is None


def test_history_keeps_a_past_phrase_live() -> None:
    clean = "had breast cancer years ago"
    start = clean.index("cancer")
    assert qualifier_at(clean, start, start + 6) == "past"
    assert qualifier_at(clean, start, start + 6, history=True) is None


def test_a_span_outside_the_text_is_an_error() -> None:
    with pytest.raises(ValueError, match="outside"):
        qualifier_at("short", 2, 10)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=500), st.data())
def test_never_raises_on_any_span(text: str, data: st.DataObject) -> None:
    clean = normalise(text)
    start = data.draw(st.integers(0, len(clean)))
    end = data.draw(st.integers(start, len(clean)))
    assert qualifier_at(clean, start, end) in (
        None, "negated", "past", "hypothetical", "other_person", "figurative",
    )
