"""Undo inside a routine: the steps a taken-back reply marked done are undone again."""

from __future__ import annotations

from bot.domain.routine import DoneAll, PainScore, Skip, step_indices, take_back
from bot.domain.routine.events import Done
from tests.domain.routine.test_routine import go, new, started


def test_all_done_at_the_pain_question_rewinds_to_the_first_step() -> None:
    s = new()
    t = go(s, DoneAll("text"))
    assert t.session.phase == "pain_after"
    indices = step_indices(t.session, t.records)
    assert indices == set(range(len(s.steps)))
    back = take_back(t.session, indices)
    assert back is not None and back.phase == "step" and back.index == 0
    assert all(step.outcome is None for step in back.steps)
    assert back.seq > t.session.seq  # the old buttons go stale
    assert t.session.phase == "pain_after"  # the given session is left alone


def test_the_last_step_taken_back_goes_back_to_it() -> None:
    s = started()
    first = go(s, Done("button", s.token))
    second = go(first.session, Done("button", first.session.token))
    back = take_back(second.session, step_indices(second.session, second.records))
    assert back is not None and back.index == 1 and back.phase == "step"
    assert back.steps[0].outcome == "done" and back.steps[1].outcome is None


def test_a_step_handled_since_ends_the_routine_instead() -> None:
    s = started()
    first = go(s, Done("button", s.token))
    skipped = go(first.session, Skip("button", first.session.token))
    back = take_back(skipped.session, step_indices(skipped.session, first.records))
    assert back is not None and back.phase == "cancelled"


def test_nothing_of_the_session_or_a_session_over_is_left_alone() -> None:
    s = started()
    t = go(s, Done("button", s.token))
    others = [{**r, "id": "zz" + r["id"]} for r in t.records]
    assert step_indices(t.session, others) == set()
    assert take_back(t.session, set()) is None
    done = go(go(s, DoneAll("text")).session, PainScore(2, None, "text"))
    assert done.session.phase == "finished"
    assert take_back(done.session, {0}) is None


def test_only_done_records_name_steps() -> None:
    s = started()
    t = go(s, Skip("button", s.token))
    assert step_indices(t.session, t.records) == set()
