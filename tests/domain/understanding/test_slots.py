"""The slot readers, one by one, on phrases written for these tests (not corpus rows)."""

from __future__ import annotations

import pytest

from bot.domain.understanding.done_reading import done_slots
from bot.domain.understanding.exercise_names import EXERCISE_IDS, mentions
from bot.domain.understanding.interpret import interpret, prepare
from bot.domain.understanding.pain_reading import pain_when, pick_score, trend
from bot.domain.understanding.questions import question_topic
from bot.domain.understanding.reading import Slots
from bot.domain.understanding.rest_reading import rest_reason, rest_span
from bot.domain.understanding.spelling import correct_word
from bot.domain.understanding.text_norm import normalise


def _done(text: str) -> Slots:
    return done_slots(normalise(text), prepare(text))


@pytest.mark.parametrize(
    ("text", "sets", "reps", "planned"),
    [
        ("managed 7 instead of 10", None, 7, 10),
        ("did 6 out of the 8 heel raises", None, 6, 8),
        ("two sets of twelve clams", 2, 12, None),
        ("squats 4x6", 4, 6, None),
        ("15 reps x 2 on the step ups", 2, 15, None),
        ("did 3 of my 4 sets", 3, None, None),
        ("only the first set today", 1, None, None),
        ("did fourteen, normally 10", None, 14, 10),
        ("20 heel raises done", None, 20, None),
        ("did 9 each side", None, 9, None),
        ("walked for 25 minutes", None, None, None),
        ("held the balance for 40 seconds", None, None, None),
        ("all 4 done", None, None, None),
        ("figure 4 stretch done", None, None, None),
    ],
)
def test_counts(text: str, sets: int | None, reps: int | None, planned: int | None) -> None:
    slots = _done(text)
    assert (slots.sets, slots.reps, slots.planned_reps) == (sets, reps, planned)


@pytest.mark.parametrize(
    ("text", "sides"),
    [
        ("did both sides of the piriformis", "both"),
        ("8 a side", "both"),
        ("each leg done", "both"),
        ("left leg only today", "left"),
        ("did the right side, left tomorrow", "right"),
        ("Right, that's them done", None),
        ("done", None),
    ],
)
def test_sides(text: str, sides: str | None) -> None:
    assert _done(text).sides == sides


@pytest.mark.parametrize(
    ("text", "whole"),
    [
        ("did the lot", True),
        ("every one of them done this morning", True),
        ("full routine finished", True),
        ("got through everything", True),
        ("did the bridges", False),
        ("did all 3 sets of the clams", False),
        ("bridges, clams and step ups all done", False),
    ],
)
def test_the_whole_routine(text: str, whole: bool) -> None:
    assert _done(text).all is whole


@pytest.mark.parametrize(
    ("text", "ids"),
    [
        ("glute bridges done", ("glute_bridge",)),
        ("did my bottom lifts", ("glute_bridge",)),
        ("the one where you lie on your side and open your knees", ("clamshell",)),
        ("clamshels", ("clamshell",)),
        ("sit-to-stands and tiptoe raises", ("sit_to_stand", "heel_raise")),
        ("side lying leg raises", ("side_lying_abduction",)),
        ("standing side leg lifts", ("hip_abduction",)),
        ("pirifomis stretch", ("supine_piriformis_stretch",)),
        ("fig 4 stretch", ("hip_rotator_stretch",)),
        ("hammy stretch then knee hugs", ("hamstring_stretch", "knee_to_chest")),
        ("walked to the shop with my zimmer", ("assisted_walk",)),
        ("a stroll by the river", ("walk",)),
        ("the flamingo one", ("single_leg_balance",)),
        ("pumping my ankles", ("ankle_pumps",)),
        ("lovely day for it", ()),
    ],
)
def test_exercise_names(text: str, ids: tuple[str, ...]) -> None:
    assert tuple(m.exercise for m in mentions(prepare(text))) == ids
    assert set(ids) <= set(EXERCISE_IDS)


def test_a_negated_exercise_is_not_in_the_done() -> None:
    assert _done("no walk today but did the bridges").exercises == ("glute_bridge",)


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("skipping today", "today"),
        ("I'll catch up tomorrow", "today"),
        ("need a few days off", "days"),
        ("can I have the weekend off", "days"),
        ("away all next week", "week"),
        ("pausing till the 20th", "until"),
        ("back on it when the cast comes off", "until"),
        ("skip", "unspecified"),
    ],
)
def test_rest_span(text: str, span: str) -> None:
    assert rest_span(prepare(text)) == span


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("too icy out to walk", "weather"),
        ("absolutely knackered", "tired"),
        ("we're on holiday in Wales", "holiday"),
        ("hip's too sore", "pain"),
        ("got the flu", "illness"),
        ("work is crazy", "work"),
        ("just want a rest", None),
    ],
)
def test_rest_reason(text: str, reason: str | None) -> None:
    assert rest_reason(prepare(text)) == reason


@pytest.mark.parametrize(
    ("text", "score", "when", "direction"),
    [
        ("about a 6 after the clams", 6, "after", None),
        ("4 while doing the squats", 4, "during", None),
        ("was 3 before I started", 3, "before", None),
        ("5 when I walk up hill", 5, "walking", None),
        ("sitting at my desk it's a 4", 4, "sitting", None),
        ("wakes me at night, 6", 6, "night", None),
        ("first thing it's a 5", 5, "morning", None),
        ("a 2 right now", 2, "now", None),
        ("went from 6 down to 3", 3, "unspecified", "better"),
        ("it was 2 yesterday, 5 today", 5, "now", "worse"),
        ("same as ever, 4", 4, "unspecified", "same"),
        ("getting better", None, "unspecified", "better"),
        ("pain is to today", 2, "now", None),
        ("coming round at 3", None, "unspecified", None),
    ],
)
def test_pain(text: str, score: int | None, when: str, direction: str | None) -> None:
    clean = prepare(text)
    found, every = pick_score(clean)
    assert (found.value if found else None) == score
    assert pain_when(clean, found) == when
    assert trend(clean, found, every) == direction


def test_a_pain_free_message_is_a_zero_and_out_of_range_is_none() -> None:
    assert interpret("no pain whatsoever").top.slots.score == 0
    assert interpret("15/10").top.slots.score is None
    assert interpret("15/10").top.kind == "pain"


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("how long do I hold the stretch for", "hold time"),
        ("can the reminders come at 9 instead", "reminder time"),
        ("what's next on the list", "next exercise"),
        ("is there an easier way to do these", "easier"),
        ("why move when it hurts", "why move"),
        ("should I put ice on it afterwards", "ice or heat"),
        ("can I take ibuprofen first", "painkillers"),
        ("am I allowed to cross my legs", "cross legs"),
        ("anything for stiff hips", "exercise suggestion"),
        ("what's the meaning of life", None),
    ],
)
def test_question_topic(text: str, topic: str | None) -> None:
    assert question_topic(prepare(text)) == topic


def test_spelling_fixes_key_words_only() -> None:
    assert correct_word("excercises") == "exercises"
    assert correct_word("finnished") == "finished"
    assert correct_word("tierd") == "tired"
    assert correct_word("cancer") == "cancer"  # never "cancel"
    assert correct_word("fridge") == "fridge"
