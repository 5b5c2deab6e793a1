"""Red-flag detection: every flag from several phrasings, negations left alone."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.understanding.red_flags import (
    MAX_SCAN_CHARS,
    RED_FLAGS,
    SAFETY_LINE_FOR,
    detect_red_flags,
    flag_by_id,
    safety_lines,
)

PHRASINGS: dict[str, list[str]] = {
    "fall": [
        "I fell over in the kitchen",
        "had a bad fall yesterday",
        "tripped on the rug and landed on my hip",
        "slipped on ice this morning",
        "fel over at work",
        "I was in a car accident last week",
    ],
    "sudden_severe_pain": [
        "sudden severe pain in the hip",
        "sharp pain when I turned",
        "the pain is excruciating",
        "excrutiating pain",
        "I'm in agony",
        "it suddenly got much worse",
    ],
    "cannot_bear_weight": [
        "can't walk on it",
        "cant put weight on my leg",
        "I cannot bear weight on the right side",
        "unable to stand on my left leg",
        "my leg won't take my weight",
        "I can't walk.",
    ],
    "hot_swollen_fever": [
        "my hip is hot and swollen",
        "I have a fever",
        "feel feverish today",
        "the joint looks swolen",
        "running a temperature since yesterday",
        "it's warm to the touch and puffy",
    ],
    "numbness": [
        "my leg went numb",
        "numbnes down my thigh",
        "numbness in my foot",
        "I can't feel my toes",
        "my leg feels dead",
        "n\u200bumb leg",
    ],
    "tingling": [
        "tingly foot",
        "pins and needles in my leg",
        "tingling down the outside of my thigh",
        "tinglng in my toes",
        "pins n needles",
        "shooting pain down my leg",
    ],
    "weakness": [
        "my leg feels weak",
        "weakness in my right leg",
        "my knee keeps giving way",
        "my leg buckled on the stairs",
        "I can't lift my leg",
        "weak legs today",
    ],
    "night_pain": [
        "the pain wakes me up at night",
        "it hurts at night",
        "aching all night",
        "night pain is the worst",
        "it keeps me awake",
        "I can't sleep because of the pain",
    ],
    "weight_loss": [
        "I've lost a lot of weight without trying",
        "losing weight and I don't know why",
        "unexplained weight loss",
        "I've dropped 6 kg",
    ],
    "cancer_steroids": [
        "I had breast cancer",
        "I'm on steroids for my lungs",
        "took prednisolone for years",
        "I'm having chemo",
        "history of canser",
    ],
    "bladder_bowel": [
        "I wet myself",
        "I've lost control of my bladder",
        "can't control my bowels",
        "I'm incontinent since this morning",
        "numb between my legs",
    ],
    "leg_shortened": [
        "my leg looks shorter after I fell",
        "my foot is turned outwards",
        "one leg is shorter than the other now",
        "my leg is twisted out at a weird angle",
    ],
}

NOT_FLAGGED = [
    "no numbness",
    "not numb",
    "no numbness or tingling",
    "no numbness, tingling or weakness",
    "without any tingling",
    "I didn't fall",
    "I didn't fall over",
    "I haven't fallen",
    "no fever",
    "no fever or swelling",
    "no sharp pain",
    "not swollen and not hot",
    "never had cancer",
    "not on steroids",
    "no weight loss",
    "it doesn't wake me at night",
    "no problems with bladder control",
    "my leg is not weak",
    "I can put weight on it",
    "I fell asleep after my stretches",
    "something for weak glutes",
    "I can't walk far without it aching",
    "my knee hurt this week",
    "sorry for my spelling",
    "please cancel my reminders",
    "the routine is shorter today",
    "it turned out fine",
    "my alarm woke me up at 6",
    "I did my exercises last night, no pain",
    "",
]


@pytest.mark.parametrize(
    ("flag_id", "text"),
    [(flag_id, text) for flag_id, texts in PHRASINGS.items() for text in texts],
)
def test_every_flag_is_detected(flag_id: str, text: str) -> None:
    assert flag_id in {flag.id for flag in detect_red_flags(text)}


def test_every_flag_has_phrasings() -> None:
    assert {flag.id for flag in RED_FLAGS} == set(PHRASINGS)
    assert all(len(texts) >= 4 for texts in PHRASINGS.values())


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_negations_and_lookalikes_are_not_flagged(text: str) -> None:
    assert detect_red_flags(text) == ()


def test_several_flags_in_one_message() -> None:
    ids = {flag.id for flag in detect_red_flags("sharp pain and numbness after a fall")}
    assert {"numbness", "fall", "sudden_severe_pain"} <= ids


def test_negation_stays_inside_its_clause() -> None:
    assert [f.id for f in detect_red_flags("I didn't fall, but my leg is numb")] == ["numbness"]
    assert [f.id for f in detect_red_flags("No fever. My hip is swollen")] == [
        "hot_swollen_fever"
    ]
    assert [f.id for f in detect_red_flags("no pain today my leg is numb")] == ["numbness"]


def test_a_no_that_answers_a_question_does_not_negate() -> None:
    assert [f.id for f in detect_red_flags("No, it's numb")] == ["numbness"]
    assert [f.id for f in detect_red_flags("no, numb")] == ["numbness"]


def test_hedges_are_not_negations() -> None:
    assert [f.id for f in detect_red_flags("not sure if it's numbness")] == ["numbness"]


def test_only_the_two_emergencies_are_marked() -> None:
    assert {flag.id for flag in RED_FLAGS if flag.emergency} == {"bladder_bowel", "leg_shortened"}


def test_ids_are_unique_and_flags_are_returned_in_order() -> None:
    ids = [flag.id for flag in RED_FLAGS]
    assert len(ids) == len(set(ids))
    found = detect_red_flags("I wet myself after I fell and my leg went numb")
    assert list(found) == sorted(found, key=RED_FLAGS.index)
    assert flag_by_id("fall") is RED_FLAGS[0]


def test_every_flag_has_a_safety_line() -> None:
    lines = safety_lines()
    for flag in RED_FLAGS:
        assert SAFETY_LINE_FOR[flag.id] in lines
    assert len(lines) == len(set(lines))
    assert all(line.strip() and len(line) < 120 for line in lines)


def test_emergency_lines_say_call_emergency_services() -> None:
    for flag in RED_FLAGS:
        if flag.emergency:
            assert "emergency" in SAFETY_LINE_FOR[flag.id].lower()


def test_the_whole_telegram_message_is_scanned() -> None:
    text = ("all good today. " * 300)[: MAX_SCAN_CHARS - 20] + " my leg is numb"
    assert len(text) <= MAX_SCAN_CHARS
    assert [f.id for f in detect_red_flags(text)] == ["numbness"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=MAX_SCAN_CHARS))
def test_detector_never_raises_and_is_stable(text: str) -> None:
    first = detect_red_flags(text)
    assert first == detect_red_flags(text)
    assert all(flag in RED_FLAGS for flag in first)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from([t for texts in PHRASINGS.values() for t in texts]),
    st.sampled_from(["", "ok ", "hi. ", "Done. ", "🙂 ", "\u200b", "Today: "]),
    st.sampled_from(["", ".", "!!", " 😢", " today", "\n"]),
)
def test_flags_survive_harmless_additions(phrase: str, before: str, after: str) -> None:
    assert detect_red_flags(before + phrase + after)
