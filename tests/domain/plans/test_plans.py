"""Personal plans: phases by week, a clinician's changes, typed doses, exclusions."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.content import DEFAULT_CONTENT_DIR, load_content
from bot.content.model import Content, Dose
from bot.domain.plans.changes import (
    PlanError,
    Who,
    add_exercise,
    add_note,
    assign,
    remove_exercise,
    set_dose,
    set_phase_start,
)
from bot.domain.plans.doses import DoseError, parse_dose
from bot.domain.plans.exclusions import exclusion
from bot.domain.plans.prescription import Prescription, prescription_of
from bot.domain.plans.today import day_plan

CONTENT: Content = load_content(DEFAULT_CONTENT_DIR)
DAY = date(2026, 12, 7)
WHO = Who(111, "Dr Ada", "2026-12-07T09:00:00Z")


def _post_op(start: date = DAY) -> Prescription:
    return assign(CONTENT, Prescription(), "post_hip_replacement", start, WHO).prescription


def test_without_a_plan_the_default_programme_is_today_s_routine() -> None:
    plan = day_plan(CONTENT, Prescription(), DAY)
    assert plan.programme.id == "hip_pain"
    assert plan.routine.exercises == CONTENT.routine.exercises
    assert plan.conditions == frozenset()


@pytest.mark.parametrize(
    ("days_in", "phase"),
    [(0, "first_fortnight"), (13, "first_fortnight"), (14, "standing_up"),
     (41, "standing_up"), (42, "getting_stronger"), (400, "getting_stronger")],
)
def test_phases_follow_the_weeks_since_the_start(days_in: int, phase: str) -> None:
    plan = day_plan(CONTENT, _post_op(), DAY + timedelta(days=days_in))
    assert plan.phase.id == phase
    assert "hip_rotator_stretch" not in plan.routine.exercises
    assert "posterior_hip_precautions" in plan.conditions


def test_a_phase_start_set_by_the_clinician_moves_the_later_ones_too() -> None:
    moved = set_phase_start(CONTENT, _post_op(), "standing_up", DAY + timedelta(days=21),
                            DAY, WHO).prescription
    assert day_plan(CONTENT, moved, DAY + timedelta(days=20)).phase.id == "first_fortnight"
    assert day_plan(CONTENT, moved, DAY + timedelta(days=21)).phase.id == "standing_up"
    # the next phase keeps its four-week gap from the moved one
    assert day_plan(CONTENT, moved, DAY + timedelta(days=48)).phase.id == "standing_up"
    assert day_plan(CONTENT, moved, DAY + timedelta(days=49)).phase.id == "getting_stronger"


def test_add_remove_and_dose_change_today_s_routine_and_are_logged() -> None:
    plan = _post_op()
    plan = add_exercise(CONTENT, plan, "standing_march", DAY, WHO).prescription
    plan = remove_exercise(CONTENT, plan, "heel_slides", DAY, WHO).prescription
    change = set_dose(CONTENT, plan, "quad_sets", Dose(sets=2, reps=15, hold_seconds=5),
                      DAY, WHO)
    routine = day_plan(CONTENT, change.prescription, DAY).routine
    assert "standing_march" in routine.exercises
    assert "heel_slides" not in routine.exercises
    assert routine.doses["quad_sets"] == Dose(sets=2, reps=15, hold_seconds=5)
    assert change.summary == "changed Quad sets to 2 × 15 repetitions, hold 5 s at the top"
    history = change.prescription.history
    assert len(history) == 4 and all(entry.by == 111 for entry in history)


def test_an_exercise_the_precautions_exclude_cannot_be_added() -> None:
    with pytest.raises(PlanError) as refused:
        add_exercise(CONTENT, _post_op(), "hip_rotator_stretch", DAY, WHO)
    assert "ruled out" in str(refused.value)
    with pytest.raises(PlanError):
        add_exercise(CONTENT, _post_op(), "step_up", DAY, WHO)  # early weeks: no steps


def test_changes_that_make_no_sense_are_refused() -> None:
    with pytest.raises(PlanError, match="no programme"):
        assign(CONTENT, Prescription(), "yoga", DAY, WHO)
    with pytest.raises(PlanError, match="already"):
        add_exercise(CONTENT, _post_op(), "quad_sets", DAY, WHO)
    with pytest.raises(PlanError, match="isn't in"):
        remove_exercise(CONTENT, _post_op(), "glute_bridge", DAY, WHO)
    with pytest.raises(PlanError, match="no stage"):
        set_phase_start(CONTENT, _post_op(), "week_99", DAY, DAY, WHO)
    with pytest.raises(PlanError, match="empty"):
        add_note(CONTENT, _post_op(), "   ", WHO)


def test_the_last_exercise_cannot_be_removed() -> None:
    plan = Prescription()
    for exercise in CONTENT.routine.exercises[:-1]:
        plan = remove_exercise(CONTENT, plan, exercise, DAY, WHO).prescription
    with pytest.raises(PlanError, match="last exercise"):
        remove_exercise(CONTENT, plan, CONTENT.routine.exercises[-1], DAY, WHO)


def test_the_stored_plan_round_trips_and_damage_reads_as_unset() -> None:
    plan = add_note(CONTENT, _post_op(), "Walk to the gate twice a day.", WHO).prescription
    plan = set_dose(CONTENT, plan, "ankle_pumps", Dose(sets=2, reps=30), DAY, WHO).prescription
    again = prescription_of({"prescription": plan.as_data()})
    assert again == plan
    broken = prescription_of({"prescription": {"programme": 5, "start": "soon",
                                               "doses": {"x": "y"}, "notes": [1]}})
    assert broken.start is None and not broken.doses and not broken.notes
    assert prescription_of({"prescription": "junk"}) == Prescription()


def test_an_excluded_exercise_gets_the_reason_and_an_alternative_from_the_plan() -> None:
    plan = day_plan(CONTENT, _post_op(), DAY)
    ruled_out = exclusion(CONTENT, plan, CONTENT.exercises["hip_rotator_stretch"])
    assert ruled_out is not None
    assert ruled_out.precaution.condition == "posterior_hip_precautions"
    assert ruled_out.instead is not None
    assert ruled_out.instead.excluded_by(plan.conditions) is None
    assert exclusion(CONTENT, plan, CONTENT.exercises["quad_sets"]) is None
    # outside the post-op programme the figure-4 is fine
    default = day_plan(CONTENT, Prescription(), DAY)
    assert exclusion(CONTENT, default, CONTENT.exercises["hip_rotator_stretch"]) is None


@pytest.mark.parametrize(
    ("text", "kind", "dose"),
    [
        ("3x12", "reps", Dose(sets=3, reps=12)),
        ("2 x 10 each side", "reps", Dose(sets=2, reps=10, per_side=True)),
        ("2×30s", "hold", Dose(sets=2, hold_seconds=30)),
        ("3x20 per side", "hold", Dose(sets=3, hold_seconds=20, per_side=True)),
        ("15 min", "walk", Dose(sets=1, minutes=15)),
        ("2x10 hold 5s", "reps", Dose(sets=2, reps=10, hold_seconds=5)),
    ],
)
def test_typed_doses_are_read(text: str, kind: str, dose: Dose) -> None:
    assert parse_dose(text, kind) == dose  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "kind", "why"),
    [("lots", "reps", "can't read"), ("20x10", "reps", "sets must be"),
     ("2x30s", "walk", "minutes"), ("10 min", "reps", "repetitions"),
     ("2x3000s", "hold", "a hold must be")],
)
def test_bad_doses_are_refused_with_a_reason(text: str, kind: str, why: str) -> None:
    with pytest.raises(DoseError, match=why):
        parse_dose(text, kind)  # type: ignore[arg-type]


@given(st.text(max_size=40), st.sampled_from(["reps", "hold", "walk"]))
def test_any_typed_dose_is_read_or_refused_cleanly(text: str, kind: str) -> None:
    try:
        dose = parse_dose(text, kind)  # type: ignore[arg-type]
    except DoseError:
        return
    assert 1 <= dose.sets <= 10
    assert (dose.minutes is not None) == (kind == "walk")
