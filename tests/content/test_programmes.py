"""Programmes from content alone: the real ones load, and every mistake a clinic can make
in a programme file (an exercise its own precautions exclude above all) is refused with
one line naming the file and the field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.content import DEFAULT_CONTENT_DIR, load_content
from bot.content.model import Content
from tests.content.test_content_loader import copy_content, load_error, mutate


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(DEFAULT_CONTENT_DIR)


def test_the_library_and_the_programmes_are_big_enough(content: Content) -> None:
    assert len(content.exercises) >= 20
    assert {"hip_pain", "post_hip_replacement", "strength_and_balance"} <= set(
        content.programmes
    )
    named = {"sit_to_stand", "clamshell", "side_lying_abduction", "mini_squat", "step_up",
             "heel_raise", "standing_hip_extension", "single_leg_balance",
             "supine_piriformis_stretch", "hamstring_stretch", "knee_to_chest",
             "ankle_pumps", "quad_sets", "glute_sets", "heel_slides", "assisted_walk",
             "hip_flexor_stretch", "hip_abduction", "glute_bridge", "hip_rotator_stretch",
             "walk"}
    assert named <= set(content.exercises)


def test_every_card_has_lay_descriptions(content: Content) -> None:
    for exercise in content.exercises.values():
        assert len(exercise.descriptions) >= 3, exercise.id


def test_the_default_programme_is_the_article_routine(content: Content) -> None:
    default = content.default_programme
    assert default is not None and default.id == "hip_pain"
    assert content.routine.exercises == (
        "hip_flexor_stretch", "hip_abduction", "glute_bridge", "hip_rotator_stretch")
    assert content.routine.programme == "hip_pain"


def test_after_a_replacement_the_figure_4_is_excluded_and_phases_go_by_week(
    content: Content,
) -> None:
    post_op = content.programmes["post_hip_replacement"]
    assert "posterior_hip_precautions" in post_op.conditions
    figure_4 = content.exercises["hip_rotator_stretch"]
    assert figure_4.excluded_by(set(post_op.conditions)) is not None
    weeks = [phase.from_week for phase in post_op.phases]
    assert weeks == sorted(weeks) and weeks[0] == 1 and len(weeks) >= 3
    assert all(phase.walk_goal_minutes for phase in post_op.phases)
    assert post_op.rules.reduce_above <= 5


def _set(path: tuple[Any, ...], value: Any) -> Callable[[Any], None]:
    def change(data: Any) -> None:
        target = data
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value

    return change


PROGRAMME_CASES = [
    pytest.param(
        "post_hip_replacement.yaml",
        _set(("programme", "phases", 0, "exercises", 0), "hip_rotator_stretch"),
        "programme.phases[first_fortnight].exercises[0]",
        "'hip_rotator_stretch' is excluded by this programme's precaution "
        "'posterior_hip_precautions'",
        id="excluded-by-the-programme",
    ),
    pytest.param(
        "post_hip_replacement.yaml",
        _set(("programme", "phases", 1, "exercises", 0), "step_up"),
        "programme.phases[standing_up].exercises[0]",
        "'step_up' is excluded by this programme's precaution 'early_post_op'",
        id="excluded-by-the-phase",
    ),
    pytest.param(
        "post_hip_replacement.yaml",
        _set(("programme", "flare_up", 0), "knee_to_chest"),
        "programme.flare_up[0]",
        "'knee_to_chest' is excluded by a phase's precaution",
        id="excluded-flare-up",
    ),
    pytest.param(
        "post_hip_replacement.yaml",
        _set(("programme", "conditions", 0), "pregnancy"),
        "programme.conditions[0]",
        "'pregnancy' is not a condition in precautions.yaml",
        id="unknown-condition",
    ),
    pytest.param(
        "post_hip_replacement.yaml",
        _set(("programme", "id"), "post_op"),
        "programme.id",
        "must match the file name 'post_hip_replacement'",
        id="id-not-the-file-name",
    ),
    pytest.param(
        "post_hip_replacement.yaml",
        _set(("programme", "phases", 2, "from_week"), 2),
        "programme.phases[getting_stronger].from_week",
        "must come after the previous phase's week 3, got 2",
        id="weeks-out-of-order",
    ),
    pytest.param(
        "post_hip_replacement.yaml",
        _set(("programme", "rules", "reduce_above"), 7),
        "programme.rules.reduce_above",
        "is too large: at most 5",
        id="pain-limit-above-the-model",
    ),
    pytest.param(
        "strength_and_balance.yaml",
        _set(("programme", "phases", 1, "exercises", 0, "dose"), {"sets": 3, "minutes": 5}),
        "programme.phases[building].exercises[sit_to_stand].dose",
        "a reps exercise needs reps",
        id="dose-does-not-fit-the-kind",
    ),
    pytest.param(
        "strength_and_balance.yaml",
        _set(("programme", "default"), True),
        "programme.default",
        "exactly one programme must say default: true (found 2",
        id="two-defaults",
    ),
    pytest.param(
        "post_hip_replacement.yaml",
        _set(("programme", "alternatives", "hip_rotator_stretch"), "knee_to_chest"),
        "programme.alternatives.hip_rotator_stretch",
        "'knee_to_chest' is excluded",
        id="excluded-alternative",
    ),
]


@pytest.mark.parametrize(("name", "change", "field", "message"), PROGRAMME_CASES)
def test_programme_mistakes_name_file_and_field(
    tmp_path: Path, name: str, change: Callable[[Any], None], field: str, message: str
) -> None:
    directory = copy_content(tmp_path)
    mutate(directory, f"programmes/{name}", change)
    err = load_error(directory)
    assert err.field == field, str(err)
    assert message in err.message, str(err)
    assert err.file.startswith("content/programmes/")
    assert "\n" not in str(err)


def test_a_card_naming_an_unknown_condition_is_refused(tmp_path: Path) -> None:
    directory = copy_content(tmp_path)

    def change(data: Any) -> None:
        data["exercises"][0]["precautions"] = [{"condition": "pregnancy", "why": "Because."}]

    mutate(directory, "exercises/article.yaml", change)
    err = load_error(directory)
    assert err.field == "exercises[hip_flexor_stretch].precautions[0].condition"
    assert "'pregnancy' is not a condition" in err.message


def test_an_id_repeated_in_another_file_is_refused(tmp_path: Path) -> None:
    directory = copy_content(tmp_path)
    source = (directory / "exercises" / "article.yaml").read_text(encoding="utf-8")
    (directory / "exercises" / "zz_copy.yaml").write_text(source, encoding="utf-8")
    err = load_error(directory)
    assert err.file == "content/exercises/zz_copy.yaml"
    assert "duplicate exercise id 'hip_flexor_stretch' (already in content/exercises/" in str(err)


def test_a_clinic_adds_a_programme_by_adding_a_file(tmp_path: Path) -> None:
    directory = copy_content(tmp_path)
    (directory / "programmes" / "desk_workers.yaml").write_text(
        "programme:\n"
        "  id: desk_workers\n"
        "  name: Hip pain from sitting all day\n"
        "  summary: Short stretches and a walk for people who sit at a desk.\n"
        "  flare_up: [walk]\n"
        "  phases:\n"
        "    - {id: only, name: Every day, from_week: 1, minutes: 10,\n"
        "       exercises: [hip_flexor_stretch, {id: walk, dose: {sets: 1, minutes: 15}}]}\n",
        encoding="utf-8",
    )
    content = load_content(directory)
    assert "desk_workers" in content.programmes
    phase = content.programmes["desk_workers"].phases[0]
    assert content.programmes["desk_workers"].routine(phase).doses["walk"].minutes == 15
