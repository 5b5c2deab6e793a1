"""/plan and the Mini App's plan name the doses the routine asks for, for generated
patients: the programme phase's week, every exercise's dose at the patient's version
(easier, normal, harder) with the clinician's changes, the walking goal, and the sentence
that tells the patient a clinician changed a dose.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest

from bot.content.model import Dose
from bot.domain.plans.describe import plan_text
from bot.domain.plans.doses import plan_levels
from bot.domain.plans.prescription import prescription_of
from bot.domain.plans.today import day_plan
from bot.domain.profiles import Profile
from bot.web.views import plan_json
from tests.domain.figures.patients import CONTENT, SEEDS, TODAY, patient
from tests.domain.figures.read import dose_in, expected_dose, fill, fills, has

COVERS = frozenset({"plan_head", "plan_line", "plan_walk_goal", "plan_change_dose"})


def _typed_numbers(dose: Dose) -> list[int]:
    """The numbers a clinician types for ``dose``, in the order they type them."""
    if dose.minutes:
        return [dose.sets, dose.minutes] if dose.sets > 1 else [dose.minutes]
    amount = dose.reps if dose.reps else dose.hold_seconds
    top = [dose.hold_seconds] if dose.reps and dose.hold_seconds else []
    return [dose.sets, amount or 0, *top]


@pytest.mark.parametrize("seed", SEEDS)
def test_plan_names_the_doses_in_use(seed: int) -> None:
    p = patient(seed)
    plan = day_plan(CONTENT, p.prescription, TODAY, p.joined)
    levels = plan_levels(Profile(p.profile, "UTC"), plan.routine.exercises)
    assert levels == {e: p.level(e) for e in plan.routine.exercises}
    text = plan_text(CONTENT, plan, prescription_of(p.profile), TODAY, levels)
    phase = p.phase_on(TODAY)
    begins = (p.prescription.start or p.joined) + timedelta(weeks=phase.from_week - 1)
    week = (TODAY - begins).days // 7 + 1
    assert int(fill("plan_head", text)["week"]) == week
    lines = fills("plan_line", text)
    assert len(lines) == len(plan.routine.exercises)
    app = plan_json(CONTENT, plan, p.prescription, TODAY, levels)
    assert app["week"] == week
    for exercise_id, line, shown in zip(plan.routine.exercises, lines, app["exercises"],
                                        strict=True):
        exercise = CONTENT.exercises[exercise_id]
        level = p.level(exercise_id)
        want = expected_dose(p, exercise_id, level, TODAY, plan.routine.exercises)
        assert dose_in(line["dose"]) == want, (exercise_id, level)
        assert dose_in(shown["dose"]) == want
        variant = {"easier": exercise.easier, "harder": exercise.harder}.get(level)
        assert line["exercise"].startswith(exercise.name)
        if variant is not None:
            assert variant.name in line["exercise"], "the version done is named"
        assert shown["name"] == line["exercise"]
    if phase.walk_goal_minutes:
        assert int(fill("plan_walk_goal", text)["minutes"]) == phase.walk_goal_minutes
    else:
        assert not has("plan_walk_goal", text)


@pytest.mark.parametrize("seed", SEEDS)
def test_the_change_sentence_names_the_dose_typed(seed: int) -> None:
    for exercise_id, (typed, dose, sentence) in patient(seed).typed_doses.items():
        name = CONTENT.exercises[exercise_id].name
        told = dose_in(fill("plan_change_dose", sentence, exercise=name)["dose"])
        assert told == dose
        assert [int(n) for n in re.findall(r"\d+", typed)] == _typed_numbers(told), typed
        assert told.per_side == ("each side" in typed)
