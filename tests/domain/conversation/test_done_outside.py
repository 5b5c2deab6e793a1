"""A "done" outside a routine is always recorded: the plan of what it records."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.domain.conversation.done_outside import MAX_SETS, plan_done
from bot.domain.understanding.reading import Slots

LIBRARY = ("hip_flexor_stretch", "hip_abduction", "glute_bridge", "hip_rotator_stretch", "walk")
ROUTINE = ("hip_flexor_stretch", "hip_abduction", "glute_bridge", "hip_rotator_stretch")


def test_bare_done_records_the_first_exercise_not_done_today() -> None:
    plan = plan_done(Slots(), LIBRARY, ROUTINE, ["hip_flexor_stretch"])
    assert plan.exercises == ("hip_abduction",) and plan.guessed and plan.sets == 1


def test_bare_done_prefers_the_exercise_last_prompted_today() -> None:
    plan = plan_done(Slots(), LIBRARY, ROUTINE, [], last_prompted="glute_bridge")
    assert plan.exercises == ("glute_bridge",)


def test_all_done_records_the_whole_routine() -> None:
    plan = plan_done(Slots(all=True), LIBRARY, ROUTINE, [])
    assert plan.exercises == ROUTINE and plan.whole_routine and not plan.guessed


def test_named_exercises_with_counts() -> None:
    slots = Slots(exercises=("glute_bridge", "hip_abduction"), sets=2, reps=8)
    plan = plan_done(slots, LIBRARY, ROUTINE, [])
    assert plan.exercises == ("glute_bridge", "hip_abduction")
    assert (plan.sets, plan.reps, plan.guessed) == (2, 8, False)


def test_exercises_not_in_the_library_fall_back_to_the_one_due() -> None:
    plan = plan_done(Slots(exercises=("clamshell",)), LIBRARY, ROUTINE, [])
    assert plan.exercises == ("hip_flexor_stretch",) and plan.guessed


def test_everything_done_today_records_the_first_again() -> None:
    plan = plan_done(Slots(), LIBRARY, ROUTINE, ROUTINE)
    assert plan.exercises == ("hip_flexor_stretch",)


@given(st.integers(min_value=-5, max_value=10_000))
def test_sets_are_bounded(sets: int) -> None:
    plan = plan_done(Slots(sets=sets), LIBRARY, ROUTINE, [])
    assert 1 <= plan.sets <= MAX_SETS
