"""The strict in-session reply parser: done, skip, too painful, pain scores."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.routine.replies import parse_done, parse_pain_score, parse_skip, parse_too_painful

DONE = [
    ("done", None),
    ("Done!", None),
    ("DONE.", None),
    ("did it", None),
    ("finished", None),
    ("ok done", None),
    ("all done", None),
    ("I'm done", None),
    ("✅", None),
    ("👍", None),
    ("dn", None),
    ("donee", None),
    ("doen", None),
    ("completed", None),
    ("yes", None),
    ("done 10", 10),
    ("Done, 12 reps", 12),
    ("did 8", 8),
    ("10 done", 10),
    ("done x10", 10),
    ("done with set 2", None),
    ("done 0", None),
    ("done 100000", None),
]
NOT_DONE = [
    "not done",
    "haven't done it yet",
    "I haven’t done it",
    "not yet",
    "almost done",
    "didn't finish",
    "can't do it",
    "don't know",
    "how do I do the bridge?",
    "did I do that right?",
    "yes but what about the other leg",
    "ok",
    "",
    "   ",
    "done " + "and more " * 10,
]


@pytest.mark.parametrize(("text", "reps"), DONE)
def test_done_forms(text: str, reps: int | None):
    assert parse_done(text) == (True, reps)


@pytest.mark.parametrize("text", NOT_DONE)
def test_not_done(text: str):
    assert parse_done(text) == (False, None)


@pytest.mark.parametrize(
    ("text", "score"),
    [
        ("7", 7),
        ("7/10", 7),
        ("7 / 10", 7),
        ("7 out of 10", 7),
        ("pain 7", 7),
        ("about a 7", 7),
        ("seven", 7),
        ("Seven out of ten", 7),
        ("it's a 4 today", 4),
        ("0", 0),
        ("10", 10),
        ("10/10", 10),
        ("no pain", 0),
        ("none", 0),
        ("3-4", 4),
        ("5 or 6", 6),
        ("between 2 and 3", 3),
        ("6.5", 7),
        ("7!", 7),
    ],
)
def test_pain_scores(text: str, score: int):
    assert parse_pain_score(text) == score


@pytest.mark.parametrize(
    "text",
    ["11", "-3", "pain -1", "11/10", "100", "done", "", "pain", "7 at rest, 9 walking",
     "10 reps", "5 minutes", "7:30", "1 2 3", "seven " + "words " * 10],
)  # fmt: skip
def test_not_pain_scores(text: str):
    assert parse_pain_score(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("skip", True),
        ("Skip it", True),
        ("skip this one please", True),
        ("next", True),
        ("Next!", True),
        ("pass", True),
        ("don't skip", False),
        ("what's next after this?", False),
        ("done", False),
        ("", False),
    ],
)
def test_skip(text: str, expected: bool):
    assert parse_skip(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("too painful", True),
        ("it hurts", True),
        ("Ouch!", True),
        ("too much pain", True),
        ("painful", True),
        ("it doesn't hurt", False),
        ("not painful", False),
        ("no pain", False),
        ("done", False),
    ],
)
def test_too_painful(text: str, expected: bool):
    assert parse_too_painful(text) is expected


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=80))
def test_free_text_never_raises_and_stays_in_range(text: str):
    done, reps = parse_done(text)
    assert isinstance(done, bool)
    assert reps is None or (done and 1 <= reps <= 500)
    score = parse_pain_score(text)
    assert score is None or 0 <= score <= 10
    assert isinstance(parse_skip(text), bool)
    assert isinstance(parse_too_painful(text), bool)


@settings(max_examples=200, deadline=None)
@given(st.integers(-50, 50), st.sampled_from(["{}", "{}/10", "pain {}", "about a {}", " {} "]))
def test_every_number_form_maps_to_itself_or_none(n: int, form: str):
    expected = n if 0 <= n <= 10 else None
    assert parse_pain_score(form.format(n)) == expected


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([t for t, _ in DONE]), st.sampled_from(["not ", "haven't ", "not yet "]))
def test_negated_done_is_never_done(text: str, negation: str):
    assert parse_done(negation + text)[0] is False


@pytest.mark.parametrize("text", [
    "too hard, can i do an easier one", "is there a gentler one", "the next one please",
    "can i skip this one", "which one is next",
])
def test_one_as_a_pronoun_is_no_pain_score(text: str) -> None:
    """Found in the terminal chat: "can I do an easier one" at a step was taken as pain 1."""
    assert parse_pain_score(text) is None


@pytest.mark.parametrize(("text", "score"), [("one", 1), ("about a one", 1), ("pain one", 1),
                                              ("one out of ten", 1), ("maybe one or two", 2)])
def test_one_as_a_number_still_is(text: str, score: int) -> None:
    assert parse_pain_score(text) == score
