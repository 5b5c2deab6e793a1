"""The coach: rest push-back rotation, next steps, flare-ups and red-flag replies."""

from __future__ import annotations

import functools
import itertools
import random
import re
import string
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.content.model import REASON_IDS, Content, Dose, Exercise, Reason, Routine, Variant
from bot.domain.coaching import coach as coaching
from bot.domain.coaching.coach import (
    REST_CHOICES,
    choice_reply,
    count_sentences,
    flare_up_plan_text,
    pain_out_of_range_reply,
    red_flag_questions,
    red_flag_reply,
    rest_accepted,
    rest_pushback,
    severe_pain_reply,
    social_reply,
)
from bot.domain.understanding.red_flags import RED_FLAGS

COACH_YAML = Path(__file__).resolve().parents[3] / "content" / "messages" / "coach.yaml"

#: Words that would nudge someone with a red flag to keep exercising.
FORBIDDEN_IN_RED_FLAG_REPLIES = re.compile(
    r"\b(?:try|trying|let'?s move|move|moving|movement|exercis\w*|routine|stretch\w*|walk\w*"
    r"|keep going|carry on|push through|workout|bridge|streak|gentle|active|activity"
    r"|you can do it|rest alone|just a little|sets?|reps?)\b",
    re.IGNORECASE,
)


@functools.cache
def _messages() -> dict[str, tuple[str, ...]]:
    raw = yaml.safe_load(COACH_YAML.read_text(encoding="utf-8"))
    return {
        key: tuple(v.strip() for v in ([value] if isinstance(value, str) else value))
        for key, value in raw.items()
    }


def _exercise(eid: str, name: str) -> Exercise:
    variant = Variant(name=f"{name} (variant)", description="A variant.")
    return Exercise(
        id=eid, name=name, kind="hold", aliases=(), position="Lying.", steps=("Do it.",),
        dose=Dose(sets=2, hold_seconds=30), helps=("flexibility",), why="It helps.",
        cues=("Breathe.",), stop_if="Sharp pain.", easier=variant, harder=variant,
    )


def _reasons(texts_per_reason: int = 3) -> dict[str, Reason]:
    return {
        rid: Reason(
            id=rid,
            title=rid.title(),
            texts=tuple(f"Reason {rid}, phrasing {i}." for i in range(texts_per_reason)),
        )
        for rid in REASON_IDS
    }


def make_content(reasons: dict[str, Reason] | None = None) -> Content:
    return Content(
        exercises={
            "walk": _exercise("walk", "Easy walk"),
            "flexor": _exercise("flexor", "Seated hip flexor stretch"),
            "bridge": _exercise("bridge", "Glute bridge"),
        },
        reasons=_reasons() if reasons is None else reasons,
        routine=Routine(exercises=("flexor", "bridge"), minutes=10,
                        mobility_only=("walk", "flexor")),
        messages=_messages(),
    )


# --- the message file ------------------------------------------------------------------


def test_message_keys_are_prefixed_and_formattable() -> None:
    for key, options in _messages().items():
        assert key.startswith(("coach_", "safety_")), key
        for text in options:
            fields = {f for _, f, _, _ in string.Formatter().parse(text) if f}
            assert fields <= {"exercises", "label"}, (key, fields)


def test_opener_and_closer_are_one_sentence_each() -> None:
    messages = _messages()
    for key in ("coach_rest_opener", "coach_rest_closer"):
        for text in messages[key]:
            assert count_sentences(text) == 1, text


def test_count_sentences() -> None:
    assert count_sentences("") == 0
    assert count_sentences("One. Two! Three?") == 3
    assert count_sentences("One, then more") == 1
    assert count_sentences("Wait... what?") == 2


# --- rest push-back --------------------------------------------------------------------


def test_rotation_never_repeats_the_previous_key_across_200_calls() -> None:
    content = make_content()
    rng = random.Random(7)
    key: str | None = None
    seen_reasons: list[str] = []
    for _ in range(200):
        text, new_key = rest_pushback(content, key, rng)
        assert new_key != key
        rid, index = new_key.split(":")
        assert content.reasons[rid].texts[int(index)] in text
        seen_reasons.append(rid)
        key = new_key
    assert set(seen_reasons) == set(REASON_IDS)
    assert all(a != b for a, b in itertools.pairwise(seen_reasons))


def test_rotation_with_a_single_reason_changes_the_phrasing() -> None:
    content = make_content({"mood": _reasons()["mood"]})
    rng = random.Random(3)
    key: str | None = None
    for _ in range(50):
        _, new_key = rest_pushback(content, key, rng)
        assert new_key != key
        key = new_key


def test_a_stale_or_odd_last_key_is_tolerated() -> None:
    content = make_content()
    for last in ("gone:1", "mood", "mood:x", "", None):
        _, key = rest_pushback(content, last, random.Random(1))
        assert key.split(":")[0] in REASON_IDS


@pytest.mark.parametrize("sentences_in_reason", [1, 2, 3])
def test_pushback_is_two_or_three_sentences(sentences_in_reason: int) -> None:
    text_of_reason = " ".join(["The hip likes to move."] * sentences_in_reason)
    reasons = {rid: Reason(rid, rid, (text_of_reason, text_of_reason)) for rid in REASON_IDS}
    content = make_content(reasons)
    rng = random.Random(11)
    key = None
    for _ in range(30):
        text, key = rest_pushback(content, key, rng)
        assert 2 <= count_sentences(text) <= 3, text
        assert text_of_reason in text


def test_no_reasons_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="reason"):
        rest_pushback(make_content({}), None, random.Random(1))


# --- next steps ------------------------------------------------------------------------


def test_rest_choices_are_the_four_smallest_steps_with_labels() -> None:
    content = make_content()
    choices = [choice for choice, _ in REST_CHOICES]
    assert choices == ["walk", "one_stretch", "easier_routine", "rest"]
    for choice, label_key in REST_CHOICES:
        label = content.text(label_key)
        assert 0 < len(label) <= 40
        assert choice_reply(content, choice, random.Random(1))
    with pytest.raises(ValueError, match="unknown choice"):
        choice_reply(content, "marathon")


def test_still_resting_is_accepted_without_guilt() -> None:
    content = make_content()
    guilt = re.compile(r"\b(?:should|must|lazy|disappoint\w*|shame|failed|excuse|but)\b", re.I)
    for text in content.messages["coach_rest_accepted"]:
        assert not guilt.search(text), text
    assert rest_accepted(content, random.Random(1)) in content.messages["coach_rest_accepted"]
    assert choice_reply(content, "rest") in content.messages["coach_rest_accepted"]


def test_flare_up_plan_lists_mobility_moves_and_pauses_the_streak() -> None:
    content = make_content()
    text = flare_up_plan_text(content)
    assert "Easy walk" in text and "Seated hip flexor stretch" in text
    assert "Glute bridge" not in text
    assert "paused" in text and "not broken" in text


def test_flare_up_plan_without_mobility_exercises_still_reads_well() -> None:
    base = make_content()
    content = Content(base.exercises, base.reasons, Routine(("flexor",), 10, ()), base.messages)
    assert "{" not in flare_up_plan_text(content)


# --- red flags -------------------------------------------------------------------------


def test_no_safety_text_encourages_exercise() -> None:
    for key, options in _messages().items():
        if key.startswith("safety_"):
            for text in options:
                assert not FORBIDDEN_IN_RED_FLAG_REPLIES.search(text), (key, text)
    for flag in RED_FLAGS:
        assert not FORBIDDEN_IN_RED_FLAG_REPLIES.search(flag.label), flag


def test_the_forbidden_list_would_catch_encouragement() -> None:
    for nudge in ("Try a gentle stretch", "Let's move a little", "Keep going!",
                  "Do your routine later", "A short walk may help"):
        assert FORBIDDEN_IN_RED_FLAG_REPLIES.search(nudge)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(RED_FLAGS), min_size=1, max_size=len(RED_FLAGS), unique=True))
def test_red_flag_reply_never_encourages_exercise(flags: list) -> None:
    content = make_content()
    text = red_flag_reply(content, flags)
    assert not FORBIDDEN_IN_RED_FLAG_REPLIES.search(text), text
    if any(flag.emergency for flag in flags):
        # One instruction only: emergency services now, nothing gentler beside it.
        assert "emergency" in text
        assert "/resume" not in text and "clinician or doctor today" not in text
    else:
        assert "/resume" in text
        assert "clinician" in text or "doctor" in text
    for flag in flags:
        assert flag.label in text
    emergency = any(flag.emergency for flag in flags)
    assert ("emergency number" in text) == emergency


def test_red_flag_questions_ask_about_the_key_flags() -> None:
    text = red_flag_questions(make_content()).lower()
    for word in ("fall", "weight", "numbness", "tingling", "fever", "swollen", "night", "bladder"):
        assert word in text


# --- everything else -------------------------------------------------------------------


def test_social_reply_tells_thanks_from_greetings() -> None:
    content = make_content()
    rng = random.Random(5)
    assert social_reply(content, rng, "thanks!") in content.messages["coach_social_thanks"]
    assert social_reply(content, rng, "hello") in content.messages["coach_social_greeting"]
    assert social_reply(content, rng) in content.messages["coach_social_greeting"]


def test_other_replies_come_from_the_message_file() -> None:
    content = make_content()
    assert pain_out_of_range_reply(content, random.Random(1)) in (
        content.messages["coach_pain_out_of_range"]
    )
    assert "clinician" in severe_pain_reply(content)


@pytest.mark.parametrize(
    "reason",
    ["it's raining, staying on the sofa", "weather's awful, staying in", "too cold out",
     "icy pavements", "RAIN"],
)
def test_an_indoor_reason_puts_the_walk_last_and_indoors(reason: str) -> None:
    choices = [choice for choice, _ in coaching.rest_choices(reason)]
    assert choices[0] != "walk" and choices[-2:] == ["walk", "rest"]
    assert dict(coaching.rest_choices(reason))["walk"] == "coach_choice_walk_indoors"


@pytest.mark.parametrize("reason", [None, "tired after work", "on holiday", "busy day"])
def test_other_reasons_offer_the_walk_first(reason: str | None) -> None:
    assert coaching.rest_choices(reason)[0][0] == "walk"
