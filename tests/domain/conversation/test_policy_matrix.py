"""The state matrix: each kind of message, in each conversation state, and what happens.

Messages are read by the real understanding step, then decided by the policy. The
table is the contract of the understanding issue: red flags win everywhere; a pending
question takes the replies that fit it; "done" is never dropped; anything else
recognised is handled and the question asked again.
"""

from __future__ import annotations

import pytest

from bot.domain import routine as sm
from bot.domain.conversation import actions as act
from bot.domain.conversation.policy import STATES, decide, state_of
from bot.domain.understanding.interpret import interpret
from bot.domain.understanding.yes_no import screening_answer

MESSAGES = {
    "redflag": "my calf went hot and swollen two days after the hip op",
    "done": "finished them all just now",
    "rest": "can't be bothered today, maybe tomorrow",
    "pain": "my pain is about a 4 today",
    "exercise": "how do I do the glute bridge?",
    "social": "thank you so much",
    "undo": "sorry, I didn't actually do that one, please undo it",
    "reminder": "remind me at 8 tomorrow",
    "start": "start today's routine",
}

ROUTINE_STATES = ("pain_before", "step", "pain_painful", "red_flag_check", "pain_after")
#: The red-flag screen waits: in a routine, or outside one after high pain.
SCREEN_STATES = ("red_flag_check", "screening")


def actions(kind: str, state: str) -> tuple[act.Action, ...]:
    text = MESSAGES[kind]
    return decide(interpret(text), state, sm.interpret_text(text))  # type: ignore[arg-type]


def names(kind: str, state: str) -> list[str]:
    return [type(a).__name__ for a in actions(kind, state)]


@pytest.mark.parametrize("state", STATES)
def test_a_red_flag_wins_in_every_state(state: str) -> None:
    assert names("redflag", state) == ["Safety"]


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("kind", [k for k in MESSAGES if k != "redflag"])
def test_every_message_gets_an_answer_in_every_state(kind: str, state: str) -> None:
    got = actions(kind, state)
    assert got, f"{kind!r} in {state!r} was dropped"
    assert not any(isinstance(a, act.Safety) for a in got), f"{kind!r} raised an alarm"


@pytest.mark.parametrize("state", [*ROUTINE_STATES, "screening"])
@pytest.mark.parametrize("kind", ["exercise", "social", "undo", "reminder", "start"])
def test_a_side_remark_in_a_routine_asks_the_question_again(kind: str, state: str) -> None:
    assert names(kind, state)[-1] in ("Reprompt", "Routine")


def test_done_in_each_state() -> None:
    assert names("done", "idle") == ["RecordDone"]
    assert names("done", "held") == ["RecordDone", "OnHold"]
    before = actions("done", "pain_before")
    assert isinstance(before[0], act.Routine) and isinstance(before[0].event, sm.DoneAll)
    step = actions("done", "step")
    assert isinstance(step[0], act.Routine)
    assert isinstance(step[0].event, sm.Done | sm.DoneAll)
    for state in SCREEN_STATES:  # recorded, and the screen asked again
        assert names("done", state) == ["RecordDone", "Reprompt"]


def test_rest_in_each_state() -> None:
    assert names("rest", "idle") == ["PushBack"]
    assert names("rest", "held") == ["OnHold"]
    assert names("rest", "pain_before") == ["StopRoutine", "PushBack"]
    assert names("rest", "step") == ["StopRoutine", "PushBack"]


def test_pain_in_each_state() -> None:
    idle = actions("pain", "idle")
    assert isinstance(idle[0], act.ReportPain) and idle[0].score == 4
    before = actions("pain", "pain_before")
    assert isinstance(before[0], act.Routine)
    assert before[0].event == sm.PainScore(4, None, "text")
    during = actions("pain", "step")
    assert isinstance(during[0], act.Routine) and during[0].event == sm.PainDuring(4)
    assert names("pain", "held") == ["OnHold"]


def test_undo_outside_a_routine() -> None:
    assert names("undo", "idle") == ["UndoLast"]


@pytest.mark.parametrize("text", ["qwzx", "🤷", "hmm"])
def test_nothing_understood_offers_buttons_not_a_dead_end(text: str) -> None:
    got = decide(interpret(text), "idle", sm.interpret_text(text))
    assert len(got) == 1 and isinstance(got[0], act.Suggest)
    assert 2 <= len(got[0].kinds) <= 3


@pytest.mark.parametrize("score", range(6, 11))
def test_a_typed_high_score_at_the_pain_question_is_a_score(score: int) -> None:
    text = f"it's a {score} today"
    got = decide(interpret(text), "pain_before", sm.interpret_text(text))
    assert isinstance(got[0], act.Routine) and got[0].event == sm.PainScore(score, None, "text")


@pytest.mark.parametrize("text", ["my mum fell last year",
                                  "I used to have numbness, it's gone now"])
def test_a_warning_sign_that_is_not_the_patients_now_is_acknowledged(text: str) -> None:
    reading = interpret(text)
    assert not reading.is_red_flag and reading.flags
    got = decide(reading, "idle", sm.interpret_text(text))
    assert not any(isinstance(a, act.Safety | act.Greet) for a in got), got


def test_a_reminder_request_in_each_state() -> None:
    idle = actions("reminder", "idle")
    assert len(idle) == 1 and isinstance(idle[0], act.ReminderRequest)
    assert idle[0].slots.reminder == "once" and idle[0].slots.at == "08:00"
    # held after a red flag: nothing may be sent, so the reminders are shown instead
    held = actions("reminder", "held")
    assert isinstance(held[0], act.ReminderRequest) and held[0].slots.reminder == "show"
    for state in ("pain_before", "step", "pain_painful", "pain_after"):
        got = actions("reminder", state)
        assert names("reminder", state) == ["ReminderRequest", "Reprompt"], state
        assert isinstance(got[0], act.ReminderRequest) and got[0].slots.at == "08:00"
    for state in SCREEN_STATES:  # nothing changes before the screen is answered
        assert names("reminder", state) == ["Reprompt"]


@pytest.mark.parametrize("state", SCREEN_STATES)
@pytest.mark.parametrize(("text", "answer"), [
    ("no", "no"), ("No, none of these", "no"), ("nah nothing like that, just sore", "no"),
    ("yes", "yes"), ("yeah one of them", "yes"), ("i think so", "yes"),
    ("not sure", "unsure"), ("dunno tbh", "unsure"),
])
def test_a_typed_answer_to_the_screen_answers_it(state: str, text: str, answer: str) -> None:
    got = decide(interpret(text), state, sm.interpret_text(text),  # type: ignore[arg-type]
                 screening_answer(text))
    assert got == (act.ScreeningAnswer(answer),)  # type: ignore[arg-type]


@pytest.mark.parametrize("state", SCREEN_STATES)
def test_a_yes_to_the_screen_wins_over_a_vaguer_question(state: str) -> None:
    text = "yes but not sure it matters"
    reading = interpret(text)
    assert reading.ask_about is not None and not reading.is_red_flag  # else pick another
    got = decide(reading, state, sm.interpret_text(text), screening_answer(text))  # type: ignore[arg-type]
    assert got == (act.ScreeningAnswer("yes"),)


@pytest.mark.parametrize("state", SCREEN_STATES)
@pytest.mark.parametrize("kind", ["rest", "pain", "start"])
def test_at_the_screen_nothing_goes_ahead_before_its_answer(state: str, kind: str) -> None:
    assert names(kind, state) == ["Reprompt"]


@pytest.mark.parametrize("text", ["no, I can't put any weight on it since I fell",
                                  "nope but I've wet myself and can't feel down below"])
def test_at_the_screen_a_red_flag_in_a_no_still_wins(text: str) -> None:
    got = decide(interpret(text), "screening", sm.interpret_text(text), screening_answer(text))
    assert [type(a).__name__ for a in got] == ["Safety"]


def test_the_screen_outside_a_routine_is_a_state_of_its_own() -> None:
    assert state_of(None, held=False, screening=True) == "screening"
    assert state_of(None, held=True, screening=True) == "held"  # the hold asks more
    assert state_of(None, held=False) == "idle"


@pytest.mark.parametrize(("text", "action"), [
    ("stop reminding me", "stop"), ("pause the reminders for a week", "pause"),
    ("don't stop the reminders", "keep"), ("when is my reminder?", "show"),
])
def test_held_still_stops_pauses_and_shows(text: str, action: str) -> None:
    for state in ("idle", "held"):
        got = decide(interpret(text), state, sm.interpret_text(text))
        assert isinstance(got[0], act.ReminderRequest) and got[0].slots.reminder == action


def test_a_red_flag_beats_a_reminder_request() -> None:
    text = "stop reminding me, my leg has gone numb and I can't feel my bum"
    for state in STATES:
        assert [type(a).__name__ for a in decide(interpret(text), state)] == ["Safety"]


def test_start_in_each_state() -> None:
    """Typed, the Start button's words start the routine; not while held, and in a
    routine they ask its question again (it is already under way)."""
    assert names("start", "idle") == ["StartRoutine"]
    assert names("start", "held") == ["OnHold"]
    for state in ROUTINE_STATES:
        assert names("start", state) == ["Reprompt"], state


def test_a_red_flag_beats_a_start() -> None:
    text = "lets start, oh wait my calf is hot and swollen since the op"
    for state in STATES:
        assert [type(a).__name__ for a in decide(interpret(text), state)] == ["Safety"]
