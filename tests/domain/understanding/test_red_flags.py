"""Red-flag detection: every category from several phrasings, explained and qualified."""

from __future__ import annotations

import re
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.domain.understanding.reading import FlagHit
from bot.domain.understanding.red_flag_phrases import prepare
from bot.domain.understanding.red_flags import (
    MAX_SCAN_CHARS,
    OLD_IDS,
    RED_FLAGS,
    SAFETY_SIGN_FOR,
    ambiguous_red_flag,
    detect_red_flags,
    flag_by_id,
    safety_groups,
    scan_red_flags,
)

CATEGORIES = (
    "fracture_after_fall", "cannot_bear_weight", "infection", "cauda_equina", "neuro_deficit",
    "cancer_weight_loss", "night_pain_sweats", "dvt", "pe", "dislocation", "wound",
    "sudden_severe_pain",
)
EMERGENCIES = {
    "dvt", "pe", "dislocation", "fracture_after_fall", "cauda_equina", "sudden_severe_pain",
    "cannot_bear_weight",
}

PHRASINGS: dict[str, list[str]] = {
    "fracture_after_fall": [
        "I fell over in the kitchen",
        "had a bad fall yesterday and my hip is agony",
        "tripped on the rug and landed on my hip",
        "slipped on ice this morning and now I can't get up",
        "fel over at work",
        "fell off the bus step, my leg looks shorter and turned out",
    ],
    "cannot_bear_weight": [
        "can't walk on it",
        "cant put weight on my leg",
        "I cannot bear weight on the right side",
        "unable to stand on my left leg",
        "my leg won't take my weight",
        "I can't walk.",
    ],
    "infection": [
        "I have a fever",
        "feel feverish today and the hip is hot",
        "running a temperature since yesterday",
        "hip is red, hot and swollen",
        "temp of 38.6",
        "shivering and the groin feels hot",
    ],
    "cauda_equina": [
        "I wet myself",
        "I've lost control of my bladder",
        "can't control my bowels",
        "I'm incontinent since this morning",
        "numb between my legs",
        "can't feel the toilet paper when I wipe",
    ],
    "neuro_deficit": [
        "my leg went numb",
        "numbnes down my thigh",
        "I can't feel my toes",
        "pins and needles in my leg",
        "my foot keeps slapping when I walk",
        "n\u200bumb leg",
    ],
    "cancer_weight_loss": [
        "I've lost a lot of weight without trying",
        "losing weight and I don't know why",
        "unexplained weight loss",
        "had breast cancer and now the hip aches all the time",
    ],
    "night_pain_sweats": [
        "the pain wakes me up every night",
        "night sweats for a fortnight",
        "pain all night no matter how I lie",
        "waking up drenched in sweat",
    ],
    "dvt": [
        "my calf is hot and swollen",
        "swollen tender calf since the op",
        "I think I've got a clot in my leg",
        "one leg is much fatter than the other and it aches",
    ],
    "pe": [
        "I can't catch my breath",
        "chest pain when I breathe in",
        "coughing up blood",
        "short of breath sitting still",
    ],
    "dislocation": [
        "my hip popped out",
        "heard a clunk and now my leg is turned in and I can't move it",
        "I think my new hip has dislocated",
        "it's come out of the socket",
    ],
    "wound": [
        "my wound is weeping",
        "pus coming out of the scar",
        "the incision has opened up",
        "stitches smell bad",
    ],
    "sudden_severe_pain": [
        "sudden severe pain in the hip",
        "out of nowhere the pain is 10/10",
        "excruciating pain all of a sudden",
        "worst pain of my life, didn't do anything",
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
    assert flag_id in {flag.id for flag in detect_red_flags(text)}, scan_red_flags(text)


def test_the_categories_are_the_corpus_ones() -> None:
    assert tuple(flag.id for flag in RED_FLAGS) == CATEGORIES
    assert set(PHRASINGS) == set(CATEGORIES)
    assert all(len(texts) >= 4 for texts in PHRASINGS.values())


def test_labels_fit_a_relative_writing_as_well_as_the_patient() -> None:
    """The alarm lists what was told back; "your leg" would be wrong for a daughter."""
    for flag in RED_FLAGS:
        assert not re.search(r"\byou(r)?\b", flag.label), flag.label


def test_default_urgencies() -> None:
    assert {flag.id for flag in RED_FLAGS if flag.emergency} == EMERGENCIES
    assert all(flag.emergency == (flag.urgency == "emergency") for flag in RED_FLAGS)


@pytest.mark.parametrize("text", NOT_FLAGGED)
def test_negations_and_lookalikes_are_not_flagged(text: str) -> None:
    assert detect_red_flags(text) == ()


def test_several_flags_in_one_message() -> None:
    ids = {flag.id for flag in detect_red_flags("fell over, calf hot and swollen, can't breathe")}
    assert {"fracture_after_fall", "dvt", "pe"} <= ids


def test_negation_stays_inside_its_clause() -> None:
    assert [f.id for f in detect_red_flags("I didn't fall, but my leg is numb")] == [
        "neuro_deficit"
    ]
    assert [f.id for f in detect_red_flags("No fever. I've got a temperature now")] == [
        "infection"
    ]
    assert [f.id for f in detect_red_flags("no pain today my leg is numb")] == ["neuro_deficit"]


def test_a_no_that_answers_a_question_does_not_negate() -> None:
    assert [f.id for f in detect_red_flags("No, it's numb")] == ["neuro_deficit"]
    assert [f.id for f in detect_red_flags("no, numb")] == ["neuro_deficit"]


def test_hedges_are_not_negations() -> None:
    assert [f.id for f in detect_red_flags("not sure if it's numbness")] == ["neuro_deficit"]


def test_flags_are_returned_in_order_once_each() -> None:
    ids = [flag.id for flag in RED_FLAGS]
    assert len(ids) == len(set(ids))
    found = detect_red_flags("I wet myself after I fell and my calf is hot and swollen")
    assert [f.id for f in found] == ["fracture_after_fall", "cauda_equina", "dvt"]


# --- hits: explained and qualified ------------------------------------------------------


def test_a_hit_quotes_the_patients_own_words() -> None:
    text = "Morning!  My CALF is  swolen and HOT today"
    [hit] = [h for h in scan_red_flags(text) if h.category == "dvt"]
    assert hit.live
    assert hit.phrase == text[hit.start : hit.start + len(hit.phrase)]
    assert hit.phrase.startswith("CALF") and "swolen" in hit.phrase


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("no fever, no numbness, just stiff", "negated"),
        ("I used to get numbness in my foot but it's gone now", "past"),
        ("had a DVT in 2015, fine since", "past"),
        ("what should I do if my calf swells up?", "hypothetical"),
        ("my friend had a fall and broke her hip", "other_person"),
        ("sorry I meant my MUM fell, not me", "other_person"),
        ("this weather gives me cabin fever", "figurative"),
    ],
)
def test_every_qualifier(text: str, qualifier: str) -> None:
    hits = scan_red_flags(text)
    assert hits and not any(hit.live for hit in hits), hits
    assert qualifier in {hit.qualifier for hit in hits}
    assert detect_red_flags(text) == ()


def test_a_relative_writing_for_the_patient_is_live() -> None:
    for text in ("Mum can't feel her legs since this morning", "writing for my dad, he fell",
                 "my husband's calf is red and swollen since his hip op"):
        assert detect_red_flags(text), text


def test_urgency_rises_with_what_is_said() -> None:
    [slow] = detect_red_flags("my foot has been dragging more and more over the last month")
    [sudden] = detect_red_flags("my foot suddenly started dragging this morning")
    assert (slow.id, slow.urgency) == ("neuro_deficit", "same_day")
    assert (sudden.id, sudden.urgency) == ("neuro_deficit", "emergency")
    [mild] = detect_red_flags("I've got a temperature and the hip is red")
    [severe] = detect_red_flags("temperature, shaking, really unwell and confused, hip red")
    assert (mild.urgency, severe.urgency) == ("same_day", "emergency")
    assert severe.emergency and not mild.emergency


def test_a_vague_report_asks_one_question() -> None:
    vague = ambiguous_red_flag("my leg feels weird since the op")
    assert isinstance(vague, FlagHit) and vague.live and vague.category == "neuro_deficit"
    assert ambiguous_red_flag("something's not right with the wound maybe?") is not None
    assert ambiguous_red_flag("my leg went numb") is None  # a red flag, not a question
    assert ambiguous_red_flag("did my bridges, all good") is None


# --- ids, lines ----------------------------------------------------------------------


@pytest.mark.parametrize(("old", "new"), sorted(OLD_IDS.items()))
def test_old_ids_of_stored_records_still_resolve(old: str, new: str) -> None:
    assert flag_by_id(old) is flag_by_id(new)
    assert flag_by_id(old).id == new


def test_old_ids_map_to_the_closest_category() -> None:
    assert flag_by_id("fall").id == "fracture_after_fall"
    assert flag_by_id("bladder_bowel").id == "cauda_equina"
    assert flag_by_id("numbness").id == "neuro_deficit"
    assert flag_by_id("hot_swollen_fever").id == "infection"
    assert set(OLD_IDS) == {
        "fall", "hot_swollen_fever", "numbness", "tingling", "weakness", "night_pain",
        "weight_loss", "cancer_steroids", "bladder_bowel", "leg_shortened",
    }
    with pytest.raises(KeyError):
        flag_by_id("no_such_flag")


def test_every_flag_has_one_safety_sign_under_the_right_heading() -> None:
    emergency, same_day = safety_groups()
    for flag in RED_FLAGS:
        assert SAFETY_SIGN_FOR[flag.id] in (emergency if flag.emergency else same_day)
    signs = emergency + same_day
    assert len(signs) == len(set(signs)) == len(RED_FLAGS)
    assert all(sign.strip() and len(sign) < 100 for sign in signs)


def test_safety_signs_read_as_symptoms_and_repeat_no_instruction() -> None:
    for sign in sum(safety_groups(), ()):
        assert not sign.lower().startswith(("you had", "you have had", "you've had")), sign
        assert "call emergency services" not in sign.lower(), sign


def test_labels_fit_after_you_mentioned() -> None:
    for flag in RED_FLAGS:
        assert flag.label[0].islower() and not flag.label.endswith("."), flag.label


# --- robustness ------------------------------------------------------------------------


def test_the_whole_telegram_message_is_scanned() -> None:
    text = ("all good today. " * 300)[: MAX_SCAN_CHARS - 20] + " my leg is numb"
    assert len(text) <= MAX_SCAN_CHARS
    assert [f.id for f in detect_red_flags(text)] == ["neuro_deficit"]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=MAX_SCAN_CHARS))
def test_scan_never_raises_and_is_stable(text: str) -> None:
    hits = scan_red_flags(text)
    assert hits == scan_red_flags(text)
    assert all(hit.category in CATEGORIES for hit in hits)
    assert all(0 <= hit.start <= len(text) for hit in hits)
    assert {f.id for f in detect_red_flags(text)} == {h.category for h in hits if h.live}
    assert ambiguous_red_flag(text) is None or not detect_red_flags(text)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=600))
def test_prepare_keeps_the_origin_of_every_character(text: str) -> None:
    prepared = prepare(text)
    if text.isascii():
        assert prepared.origin is not None
    if prepared.origin is not None:
        assert len(prepared.origin) == len(prepared.text)
        assert list(prepared.origin) == sorted(prepared.origin)
        assert all(0 <= i < len(text) for i in prepared.origin)
        quoted, start = prepared.quote(0, len(prepared.text))
        assert text[start : start + len(quoted)] == quoted


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(
    ["my", "calf", "leg", "numb", "fell", "no", "not", "if", "mum", "chest", "pain", "fever",
     "years", "ago", "wound", "weeping", "can't", "walk", "breathe", ",", ".", "?", "😢",
     "swollen", "hot", "used", "to", "what", "friend", "suddenly", "agony", "bladder", "her",
     "wakes", "me", "night", "wee", "and", "the"]),
    min_size=50, max_size=1000).map(" ".join))
def test_scan_stays_fast_on_long_messages(text: str) -> None:
    text = text[:MAX_SCAN_CHARS - 2] + " x"
    begin = time.perf_counter()
    scan_red_flags(text)
    ambiguous_red_flag(text)
    assert time.perf_counter() - begin < 0.5


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from([t for texts in PHRASINGS.values() for t in texts]),
    st.sampled_from(["", "ok ", "hi. ", "Done. ", "🙂 ", "\u200b", "Today: "]),
    st.sampled_from(["", ".", "!!", " 😢", " today", "\n"]),
)
def test_flags_survive_harmless_additions(phrase: str, before: str, after: str) -> None:
    assert detect_red_flags(before + phrase + after)
