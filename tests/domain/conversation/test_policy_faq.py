"""Everyday questions in every state: answered from the FAQ entry the reading carries, the
routine's question asked again after, a red flag always first (issue #22, item 4)."""

from __future__ import annotations

import pytest

from bot.content import DEFAULT_CONTENT_DIR, load_content
from bot.domain import routine as sm
from bot.domain.conversation import actions as act
from bot.domain.conversation.policy import STATES, decide
from bot.domain.understanding.faq_match import faq_index
from bot.domain.understanding.faq_reading import with_faq
from bot.domain.understanding.interpret import interpret

INDEX = faq_index(load_content(DEFAULT_CONTENT_DIR))
ROUTINE_STATES = ("pain_before", "step", "pain_painful", "pain_after")


def actions(text: str, state: str) -> tuple[act.Action, ...]:
    reading = with_faq(interpret(text), text, INDEX)
    return decide(reading, state, sm.interpret_text(text))  # type: ignore[arg-type]


@pytest.mark.parametrize(("text", "entry"), [
    ("am i ok to get in the bath yet", "bathing"),
    ("when can i start driving again after the op", "driving"),
    ("ice or heat after?", "ice_heat"),
    ("should i take paracetamol before doing them", "painkillers"),
])
@pytest.mark.parametrize("state", ["idle", "held"])
def test_a_question_outside_a_routine_is_answered_from_its_entry(
    text: str, entry: str, state: str
) -> None:
    assert actions(text, state) == (act.AnswerQuestion(entry),)


@pytest.mark.parametrize("state", ROUTINE_STATES)
def test_a_question_in_a_routine_is_answered_then_the_question_asked_again(
    state: str
) -> None:
    got = actions("can i go swimming next week", state)
    assert got == (act.AnswerQuestion("swimming"), act.Reprompt())


def test_at_a_step_easier_switches_and_hold_or_next_shows_the_step_again() -> None:
    easier = actions("easier please", "step")
    assert len(easier) == 1 and isinstance(easier[0], act.Routine)
    assert isinstance(easier[0].event, sm.Easier)
    assert actions("how long do I hold it?", "step") == (act.Reprompt(),)
    assert actions("what's next?", "step") == (act.Reprompt(),)


def test_a_question_no_entry_answers_is_offered_to_a_person() -> None:
    got = actions("can my hip replacement set off the airport scanner", "idle")
    assert got == (act.AnswerQuestion(None),)


@pytest.mark.parametrize("state", STATES)
def test_a_red_flag_wins_over_any_question(state: str) -> None:
    text = "my calf is hot and swollen since the op, can i still have a bath?"
    assert [type(a).__name__ for a in actions(text, state)] == ["Safety"]


def test_the_exercise_finder_keeps_exercise_requests() -> None:
    assert actions("how do I do the glute bridge?", "idle") == (
        act.ShowExercise("glute_bridge"),)
    assert actions("something for tight hips?", "idle") == (act.ShowExercise(None),)


def test_a_question_about_a_warning_sign_gets_the_warning_signs_answer() -> None:
    got = actions("what if my calf goes hot and tight, do i go to a&e?", "idle")
    assert got == (act.AnswerQuestion("warning_signs"),)


def test_a_score_put_right_in_a_routine_drives_what_comes_next() -> None:
    """"that 3 was a typo, I meant 7" at a step is a pain of 7 during the routine (it used
    to take the 3 back, then show the step again), and at the pain question it answers it."""
    at_step = actions("that 3 was a typo, I meant 7", "step")
    assert at_step == (act.Routine(sm.PainDuring(7)),)
    asked = actions("sorry that 2 was a typo, I meant 7", "pain_before")
    assert len(asked) == 1 and isinstance(asked[0], act.Routine)
    assert isinstance(asked[0].event, sm.PainScore) and asked[0].event.score == 7
