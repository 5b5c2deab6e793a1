"""The routine's answers to what patients type mid-routine: all done, pain, easier, both sides.

These are the state machine's half of the understanding issue: a high score before
the routine never starts the exercises, pain during it changes what comes next, and
"done" typed at the pain question records the routine instead of being refused.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest

from bot.content import DEFAULT_CONTENT_DIR, load_content
from bot.domain.routine import (
    Done,
    DoneAll,
    Easier,
    PainDuring,
    PainScore,
    Session,
    apply,
    start_session,
    validate,
)
from bot.domain.routine.events import Event, Transition

CONTENT = load_content(DEFAULT_CONTENT_DIR)
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def new() -> Session:
    return start_session(CONTENT, "s1", NOW.date(), NOW)[0]


def go(session: Session, event: Event) -> Transition:
    t = apply(CONTENT, session, event, NOW, NOW.date())
    validate(t.session)
    json.dumps(t.session.to_dict())
    return t


def kinds(t: Transition) -> list[str]:
    return [type(o).__name__ for o in t.outputs]


def started() -> Session:
    s = new()
    return go(s, PainScore(2, s.token)).session


@pytest.mark.parametrize("score", [6, 7, 8, 9, 10])
def test_a_high_score_before_the_routine_never_starts_the_exercises(score: int) -> None:
    s = new()
    t = go(s, PainScore(score, s.token))
    assert kinds(t) == ["StoppedForPain"]
    assert t.outputs[0].before is True and t.outputs[0].score == score
    assert t.session.phase == "cancelled"
    assert [r["kind"] for r in t.records] == ["pain"]
    assert t.records[0]["context"] == "before"


@pytest.mark.parametrize("score", [0, 3, 5])
def test_a_score_up_to_five_starts_the_routine(score: int) -> None:
    s = new()
    t = go(s, PainScore(score, s.token))
    assert "StepPrompt" in kinds(t)
    assert t.session.phase == "step"


@pytest.mark.parametrize("event", [Done("text"), DoneAll("text")])
def test_done_typed_at_the_pain_question_records_the_whole_routine(event: Event) -> None:
    s = new()
    t = go(s, event)
    done = [r for r in t.records if r["kind"] == "done"]
    assert len(done) == len(s.steps)
    assert t.session.phase == "pain_after"
    assert kinds(t)[-1] == "AskPain"
    finished = go(t.session, PainScore(2, t.session.token))
    assert "routine_complete" in [r["kind"] for r in finished.records]


def test_all_done_mid_routine_records_the_rest_once() -> None:
    s = started()
    first = go(s, Done("button", s.token))
    t = go(first.session, DoneAll())
    ids = [r["id"] for r in first.records + t.records if r["kind"] == "done"]
    assert len(ids) == len(set(ids)) == len(s.steps)
    assert t.session.phase == "pain_after"
    assert [r["kind"] for r in t.records].count("routine_complete") == 1


def test_pain_in_the_safe_range_carries_on_with_the_same_step() -> None:
    s = started()
    t = go(s, PainDuring(2))
    assert kinds(t) == ["PainNoted", "StepPrompt"]
    assert t.session.index == s.index and t.session.phase == "step"
    assert t.records[0]["context"] == "during" and t.records[0]["pain"] == 2


def test_acceptable_pain_makes_the_current_exercise_easier() -> None:
    s = started()
    t = go(s, PainDuring(5))
    assert kinds(t)[:2] == ["PainNoted", "SwitchedEasier"]
    assert t.session.steps[t.session.index].eased is not None
    assert t.session.phase == "step"


@pytest.mark.parametrize("score", [6, 8, 10])
def test_too_much_pain_during_the_routine_stops_it(score: int) -> None:
    s = started()
    t = go(s, PainDuring(score))
    assert kinds(t) == ["StoppedForPain"]
    assert t.outputs[0].before is False
    assert t.session.phase == "cancelled"
    assert t.records[0]["pain"] == score


def test_easier_please_eases_the_step_on_screen() -> None:
    s = started()
    before = s.steps[s.index]
    t = go(s, Easier())
    after = t.session.steps[t.session.index]
    assert after.exercise_id == before.exercise_id and after.eased is not None
    assert t.session.seq > s.seq and "StepPrompt" in kinds(t)


def test_both_sides_records_two_steps() -> None:
    s = started()
    while s.steps[s.index].side != "left":
        s = go(s, Done("button", s.token)).session
    t = go(s, Done("text", None, None, both_sides=True))
    sides = [r["side"] for r in t.records]
    assert sides == ["left", "right"]
    assert t.session.index == s.index + 2


def test_both_sides_on_a_step_without_sides_records_one() -> None:
    s = started()
    while s.steps[s.index].side is not None:
        s = go(s, Done("button", s.token)).session
    t = go(s, Done("text", None, None, both_sides=True))
    assert len(t.records) == 1


def test_done_with_fewer_reps_keeps_the_number_said() -> None:
    s = started()
    while s.steps[s.index].kind != "reps":
        s = go(s, Done("button", s.token)).session
    t = go(s, Done("text", None, 8))
    assert t.records[0]["reps"] == 8
