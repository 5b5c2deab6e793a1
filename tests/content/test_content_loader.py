"""The real content loads with the article's doses, and every kind of mistake a clinician
can make in content/ is refused with one line naming the file and the field."""

from __future__ import annotations

import copy
import dataclasses
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.content import DEFAULT_CONTENT_DIR, ContentError, check_content_main, load_content
from bot.content.model import KNOWN_POSES, REASON_IDS, Content

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
ARTICLE_ROUTINE = ("hip_flexor_stretch", "hip_abduction", "glute_bridge", "hip_rotator_stretch")


def copy_content(tmp_path: Path) -> Path:
    """A private copy of the real content/ to break."""
    target = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, target)
    return target


def mutate(directory: Path, name: str, change: Callable[[Any], None]) -> None:
    """Load one YAML file, change the data, write it back."""
    path = directory / name
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    change(data)
    text = yaml.dump(data, Dumper=_DUMPER, sort_keys=False, allow_unicode=True)
    path.write_text(text, encoding="utf-8")


def ex(data: dict[str, Any], ex_id: str) -> dict[str, Any]:
    """One exercise entry of a parsed exercises.yaml."""
    return next(item for item in data["exercises"] if item["id"] == ex_id)


def load_error(directory: Path) -> ContentError:
    with pytest.raises(ContentError) as info:
        load_content(directory)
    return info.value


# --- the real content --------------------------------------------------------------------


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(DEFAULT_CONTENT_DIR)


def test_real_content_has_the_article_doses(content: Content) -> None:
    bridge = content.exercises["glute_bridge"].dose
    assert (bridge.reps, bridge.per_side) == (10, False)
    assert bridge.hold_seconds is not None and 1 <= bridge.hold_seconds <= 5
    abduction = content.exercises["hip_abduction"].dose
    assert (abduction.reps, abduction.per_side) == (10, True)
    for stretch_id in ("hip_flexor_stretch", "hip_rotator_stretch"):
        stretch = content.exercises[stretch_id]
        assert stretch.kind == "hold"
        assert (stretch.dose.hold_seconds, stretch.dose.per_side) == (30, True)
        assert stretch.dose.sets in (2, 3)
        assert stretch.dose.reps is None
    walk = content.exercises["walk"]
    assert walk.kind == "walk"
    assert walk.dose.minutes is not None and 5 <= walk.dose.minutes <= 10


def test_real_routine_is_the_article_four(content: Content) -> None:
    assert content.routine.exercises == ARTICLE_ROUTINE
    assert 5 <= content.routine.minutes <= 30
    assert set(content.routine.mobility_only) == {
        "walk",
        "hip_flexor_stretch",
        "hip_rotator_stretch",
    }


def test_real_content_is_frozen_and_uses_tuples(content: Content) -> None:
    assert list(content.reasons) == list(REASON_IDS)
    for exercise in content.exercises.values():
        for value in (exercise.aliases, exercise.steps, exercise.helps, exercise.cues):
            assert isinstance(value, tuple)
        assert set(exercise.helps) <= set(REASON_IDS)
        assert exercise.pose in KNOWN_POSES
        assert exercise.goals and exercise.aliases
        for variant in (exercise.easier, exercise.harder):
            assert variant.dose is None or variant.dose.sets >= 1
    for reason in content.reasons.values():
        assert len(reason.texts) >= 3
        assert len(set(reason.texts)) == len(reason.texts)
    assert all(isinstance(v, tuple) and v for v in content.messages.values())
    with pytest.raises(dataclasses.FrozenInstanceError):
        content.routine.minutes = 1  # type: ignore[misc]
    with pytest.raises(TypeError):
        content.exercises["walk"] = content.exercises["glute_bridge"]  # type: ignore[index]


def test_real_texts_are_short_enough_for_telegram(content: Content) -> None:
    """Patients read on phones; also keeps any one text far below Telegram's 4096."""
    for exercise in content.exercises.values():
        assert len(exercise.name) <= 40
        for text in (*exercise.steps, *exercise.cues):
            assert len(text) <= 120, text
        assert len(exercise.why) <= 300
    for reason in content.reasons.values():
        for text in reason.texts:
            assert 20 <= len(text) <= 300, text


def test_changing_a_hold_time_changes_the_loaded_dose(tmp_path: Path) -> None:
    directory = copy_content(tmp_path)
    path = directory / "exercises/article.yaml"
    text = path.read_text(encoding="utf-8")
    assert "hold_seconds: 30" in text
    path.write_text(text.replace("hold_seconds: 30", "hold_seconds: 45", 1), encoding="utf-8")
    loaded = load_content(directory)
    assert loaded.exercises["hip_flexor_stretch"].dose.hold_seconds == 45
    assert loaded.exercises["hip_rotator_stretch"].dose.hold_seconds == 30


def test_content_dir_can_be_given_relative(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(DEFAULT_CONTENT_DIR.parent)
    expected = len(load_content(DEFAULT_CONTENT_DIR).exercises)
    assert len(load_content(Path("content")).exercises) == expected


# --- every mistake, one line naming file and field --------------------------------------


def _set(path: tuple[Any, ...], value: Any) -> Callable[[Any], None]:
    """A change that sets data[path...] = value; in exercises.yaml the first key may be an
    exercise id."""

    def change(data: Any) -> None:
        node = data
        *parents, last = path
        for part in parents:
            if node is data and "exercises" in data and part != "exercises":
                node = ex(node, part)
            else:
                node = node[part]
        node[last] = value

    return change


def _drop_exercise_field(ex_id: str, field: str) -> Callable[[Any], None]:
    return lambda data: ex(data, ex_id).pop(field)


def _append(ex_id: str, field: str, value: Any) -> Callable[[Any], None]:
    return lambda data: ex(data, ex_id)[field].append(value)


EXERCISE_CASES = [
    pytest.param(
        _set(("glute_bridge", "colour"), "red"),
        "exercises[glute_bridge].colour",
        "is not a known field",
        id="unknown-field",
    ),
    pytest.param(
        _drop_exercise_field("glute_bridge", "why"),
        "exercises[glute_bridge].why",
        "is missing",
        id="missing-field",
    ),
    pytest.param(
        _set(("glute_bridge", "steps"), []),
        "exercises[glute_bridge].steps",
        "must not be empty",
        id="empty-steps",
    ),
    pytest.param(
        _set(("glute_bridge", "steps"), ["Lie down.", None]),
        "exercises[glute_bridge].steps[1]",
        "must be text, got nothing",
        id="missing-step-text",
    ),
    pytest.param(
        _set(("glute_bridge", "steps"), ["Lie down.", "   "]),
        "exercises[glute_bridge].steps[1]",
        "must not be empty",
        id="blank-step-text",
    ),
    pytest.param(
        _set(("glute_bridge", "dose", "sets"), -3),
        "exercises[glute_bridge].dose.sets",
        "must be a whole number of 1 or more, got -3",
        id="negative-sets",
    ),
    pytest.param(
        _set(("glute_bridge", "dose", "reps"), 0),
        "exercises[glute_bridge].dose.reps",
        "must be a whole number of 1 or more, got 0",
        id="zero-reps",
    ),
    pytest.param(
        _set(("glute_bridge", "dose", "sets"), "3"),
        "exercises[glute_bridge].dose.sets",
        "must be a whole number, got '3'",
        id="string-sets",
    ),
    pytest.param(
        _set(("hip_flexor_stretch", "dose", "hold_seconds"), "thirty"),
        "exercises[hip_flexor_stretch].dose.hold_seconds",
        "must be a whole number, got 'thirty'",
        id="string-hold",
    ),
    pytest.param(
        _set(("glute_bridge", "dose", "reps"), 2.5),
        "exercises[glute_bridge].dose.reps",
        "must be a whole number, got 2.5",
        id="fractional-reps",
    ),
    pytest.param(
        _set(("glute_bridge", "dose", "sets"), True),
        "exercises[glute_bridge].dose.sets",
        "must be a whole number, got true",
        id="boolean-sets",
    ),
    pytest.param(
        _set(("hip_abduction", "dose", "per_side"), "yes please"),
        "exercises[hip_abduction].dose.per_side",
        "must be true or false",
        id="per-side-text",
    ),
    pytest.param(
        _set(("hip_flexor_stretch", "dose"), {"sets": 2, "per_side": True}),
        "exercises[hip_flexor_stretch].dose",
        "needs reps, hold_seconds or minutes",
        id="dose-without-measure",
    ),
    pytest.param(
        _set(("hip_flexor_stretch", "dose"), {"sets": 2, "reps": 10}),
        "exercises[hip_flexor_stretch].dose",
        "a hold exercise needs hold_seconds",
        id="hold-kind-with-reps",
    ),
    pytest.param(
        _set(("glute_bridge", "dose"), {"sets": 1, "hold_seconds": 30}),
        "exercises[glute_bridge].dose",
        "a reps exercise needs reps",
        id="reps-kind-without-reps",
    ),
    pytest.param(
        _set(("walk", "dose"), {"sets": 1, "reps": 10}),
        "exercises[walk].dose",
        "a walk needs minutes",
        id="walk-without-minutes",
    ),
    pytest.param(
        _set(("walk", "dose"), {"sets": 1, "minutes": 10, "reps": 5}),
        "exercises[walk].dose",
        "minutes cannot be combined",
        id="minutes-and-reps",
    ),
    pytest.param(
        _set(("hip_flexor_stretch", "dose", "hold_seconds"), 601),
        "exercises[hip_flexor_stretch].dose.hold_seconds",
        "is too large: at most 600 seconds, got 601",
        id="absurd-hold",
    ),
    pytest.param(
        _set(("glute_bridge", "dose", "reps"), 101),
        "exercises[glute_bridge].dose.reps",
        "at most 100 repetitions, got 101",
        id="absurd-reps",
    ),
    pytest.param(
        _set(("glute_bridge", "dose", "sets"), 11),
        "exercises[glute_bridge].dose.sets",
        "at most 10 sets, got 11",
        id="absurd-sets",
    ),
    pytest.param(
        _set(("walk", "dose", "minutes"), 500),
        "exercises[walk].dose.minutes",
        "at most 120 minutes, got 500",
        id="absurd-minutes",
    ),
    pytest.param(
        _set(("hip_rotator_stretch", "harder", "dose", "hold_seconds"), 3000),
        "exercises[hip_rotator_stretch].harder.dose.hold_seconds",
        "at most 600 seconds, got 3000",
        id="absurd-variant-hold",
    ),
    pytest.param(
        _set(("hip_rotator_stretch", "easier", "dose"), {"sets": 1, "reps": 5}),
        "exercises[hip_rotator_stretch].easier.dose",
        "a hold exercise needs hold_seconds",
        id="variant-dose-wrong-kind",
    ),
    pytest.param(
        _set(("hip_abduction", "easier", "name"), ""),
        "exercises[hip_abduction].easier.name",
        "must not be empty",
        id="empty-variant-name",
    ),
    pytest.param(
        _set(("walk", "kind"), "dance"),
        "exercises[walk].kind",
        "must be one of 'hold', 'reps' or 'walk', got 'dance'",
        id="unknown-kind",
    ),
    pytest.param(
        _set(("walk", "pose"), "yoga"),
        "exercises[walk].pose",
        "'yoga' is not a known pose",
        id="unknown-pose",
    ),
    pytest.param(
        _append("walk", "helps", "posture"),
        "exercises[walk].helps[3]",
        "'posture' is not a reason id",
        id="unknown-helps",
    ),
    pytest.param(
        _set(("walk", "helps"), []),
        "exercises[walk].helps",
        "must not be empty",
        id="empty-helps",
    ),
    pytest.param(
        _set(("walk", "id"), "Short Walk"),
        "exercises[Short Walk].id",
        "must be lower-case letters",
        id="bad-id",
    ),
    pytest.param(
        _set(("exercises", 4, "id"), "glute_bridge"),
        "exercises[glute_bridge].id",
        "duplicate exercise id 'glute_bridge'",
        id="duplicate-id",
    ),
    pytest.param(
        _append("walk", "aliases", "bridge"),
        "exercises[walk].aliases[10]",
        "'bridge' is already a name or alias of 'glute_bridge'",
        id="duplicate-alias",
    ),
    pytest.param(
        _append("walk", "aliases", "BRIDGE"),
        "exercises[walk].aliases[10]",
        "already a name or alias of 'glute_bridge'",
        id="duplicate-alias-other-case",
    ),
    pytest.param(
        _append("walk", "aliases", "glute BRIDGE"),
        "exercises[walk].aliases[10]",
        "already a name or alias of 'glute_bridge'",
        id="alias-equals-other-name",
    ),
    pytest.param(
        _set(("walk", "name"), "Butt lift"),
        "exercises[walk].name",
        "already a name or alias of 'glute_bridge'",
        id="name-equals-other-alias",
    ),
    pytest.param(
        _append("walk", "aliases", "Stroll"),
        "exercises[walk].aliases[10]",
        "alias 'Stroll' is listed twice",
        id="alias-twice-in-one-exercise",
    ),
    pytest.param(
        _set(("exercises",), []),
        "exercises",
        "must not be empty",
        id="no-exercises",
    ),
    pytest.param(
        _set(("extra",), 1),
        "extra",
        "is not a known field",
        id="unknown-top-level-key",
    ),
]


@pytest.mark.parametrize(("change", "field", "message"), EXERCISE_CASES)
def test_exercise_mistakes_name_file_and_field(
    tmp_path: Path, change: Callable[[Any], None], field: str, message: str
) -> None:
    directory = copy_content(tmp_path)
    mutate(directory, "exercises/article.yaml", change)
    err = load_error(directory)
    assert err.file == "content/exercises/article.yaml"
    assert err.field == field
    assert message in err.message
    text = str(err)
    assert text.startswith(f"content/exercises/article.yaml: {field}: ")
    assert "\n" not in text
    assert str(tmp_path) not in text


def test_error_message_matches_the_documented_example(tmp_path: Path) -> None:
    directory = copy_content(tmp_path)
    mutate(directory, "exercises/article.yaml", _set(("glute_bridge", "dose", "sets"), -3))
    text = str(load_error(directory))
    assert text.startswith(
        "content/exercises/article.yaml: exercises[glute_bridge].dose.sets: "
        "must be a whole number of 1 or more, got -3"
    )


def test_error_gives_the_yaml_line_of_the_field(tmp_path: Path) -> None:
    directory = copy_content(tmp_path)
    path = directory / "exercises/article.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    # the bridge's own dose: the first "reps: 10" after its id line
    start = lines.index("  - id: glute_bridge")
    target = next(i for i in range(start, len(lines)) if lines[i].strip() == "reps: 10")
    lines[target] = lines[target].replace("reps: 10", "reps: -10")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    err = load_error(directory)
    assert err.field == "exercises[glute_bridge].dose.reps"
    assert err.line == target + 1
    assert str(err).endswith(f"(line {target + 1})")


ROUTINE_CASES = [
    pytest.param(
        _set(("programme", "phases", 0, "exercises", 1), "swim"),
        "programme.phases[daily].exercises[1]",
        "'swim' is not an exercise id",
        id="unknown-exercise",
    ),
    pytest.param(
        _set(("programme", "flare_up", 0), "swim"),
        "programme.flare_up[0]",
        "'swim' is not an exercise id",
        id="unknown-mobility-exercise",
    ),
    pytest.param(
        _set(("programme", "phases", 0, "exercises", 1), "hip_flexor_stretch"),
        "programme.phases[daily].exercises[1]",
        "listed twice",
        id="step-twice",
    ),
    pytest.param(
        _set(("programme", "phases", 0, "minutes"), 0),
        "programme.phases[daily].minutes",
        "must be a whole number of 1 or more, got 0",
        id="zero-minutes",
    ),
    pytest.param(
        _set(("programme", "phases", 0, "exercises"), []),
        "programme.phases[daily].exercises",
        "must not be empty",
        id="empty-routine",
    ),
    pytest.param(
        _set(("programme", "days"), 7),
        "programme.days",
        "is not a known field",
        id="unknown-field",
    ),
]


@pytest.mark.parametrize(("change", "field", "message"), ROUTINE_CASES)
def test_routine_mistakes_name_file_and_field(
    tmp_path: Path, change: Callable[[Any], None], field: str, message: str
) -> None:
    directory = copy_content(tmp_path)
    mutate(directory, "programmes/hip_pain.yaml", change)
    err = load_error(directory)
    assert (err.file, err.field) == ("content/programmes/hip_pain.yaml", field)
    assert message in err.message


def _drop_reason(reason_id: str) -> Callable[[Any], None]:
    def change(data: Any) -> None:
        data["reasons"] = [r for r in data["reasons"] if r["id"] != reason_id]

    return change


REASON_CASES = [
    pytest.param(_drop_reason("mood"), "reasons", "reason 'mood' is missing", id="missing"),
    pytest.param(
        _set(("reasons", 0, "id"), "posture"),
        "reasons[posture].id",
        "'posture' is not a reason id",
        id="unknown-id",
    ),
    pytest.param(
        _set(("reasons", 1, "id"), "flexibility"),
        "reasons[flexibility].id",
        "duplicate reason id 'flexibility'",
        id="duplicate-id",
    ),
    pytest.param(
        _set(("reasons", 2, "texts"), ["One way.", "Another way."]),
        "reasons[circulation].texts",
        "needs at least 3 entries",
        id="too-few-texts",
    ),
    pytest.param(
        _set(("reasons", 2, "title"), 42),
        "reasons[circulation].title",
        "must be text, got 42",
        id="title-not-text",
    ),
]


@pytest.mark.parametrize(("change", "field", "message"), REASON_CASES)
def test_reason_mistakes_name_file_and_field(
    tmp_path: Path, change: Callable[[Any], None], field: str, message: str
) -> None:
    directory = copy_content(tmp_path)
    mutate(directory, "reasons.yaml", change)
    err = load_error(directory)
    assert (err.file, err.field) == ("content/reasons.yaml", field)
    assert message in err.message


MESSAGE_CASES = [
    pytest.param("library_extra: 5\n", "library_extra", "must be text or a list", id="number"),
    pytest.param("library_extra: []\n", "library_extra", "must be text or a list", id="empty"),
    pytest.param(
        "library_extra:\n  - fine\n  - ''\n", "library_extra[1]", "must not be empty", id="blank"
    ),
    pytest.param(
        "library_extra:\n  - fine\n  - {a: b}\n",
        "library_extra[1]",
        "must be text, got a mapping",
        id="mapping-inside",
    ),
    pytest.param(
        "library_extra: 'Hi {name'\n", "library_extra", "broken {placeholder}", id="brace"
    ),
    pytest.param(
        "library_extra: 'Hi {}'\n", "library_extra", "must be a plain name", id="positional"
    ),
    pytest.param("library_extra: no\n", "library_extra", "got false", id="yaml-boolean"),
    pytest.param("Library Extra: hi\n", "", "must be lower-case", id="bad-key"),
]


@pytest.mark.parametrize(("line", "field", "message"), MESSAGE_CASES)
def test_message_mistakes_name_file_and_key(
    tmp_path: Path, line: str, field: str, message: str
) -> None:
    directory = copy_content(tmp_path)
    path = directory / "messages" / "library.yaml"
    path.write_text(path.read_text(encoding="utf-8") + line, encoding="utf-8")
    err = load_error(directory)
    assert (err.file, err.field) == ("content/messages/library.yaml", field)
    assert message in err.message


def test_duplicate_message_key_across_files_names_both(tmp_path: Path) -> None:
    directory = copy_content(tmp_path)
    (directory / "messages" / "zz_extra.yaml").write_text(
        "library_intro: Another intro.\n", encoding="utf-8"
    )
    err = load_error(directory)
    assert (err.file, err.field) == ("content/messages/zz_extra.yaml", "library_intro")
    assert "content/messages/library.yaml" in err.message


def test_messages_from_every_file_are_merged(tmp_path: Path) -> None:
    directory = copy_content(tmp_path)
    (directory / "messages" / "zz_extra.yaml").write_text(
        "zz_hello: ['Hi {name}!', 'Hello {name}.']\nzz_bye: Bye.\n", encoding="utf-8"
    )
    loaded = load_content(directory)
    assert loaded.messages["zz_hello"] == ("Hi {name}!", "Hello {name}.")
    assert loaded.text("zz_bye") == "Bye."
    assert "library_intro" in loaded.messages


def test_duplicate_key_in_one_file_is_refused_with_its_line(tmp_path: Path) -> None:
    directory = copy_content(tmp_path)
    path = directory / "messages" / "library.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "card_title: '{name}!'\n", encoding="utf-8")
    err = load_error(directory)
    assert err.file == "content/messages/library.yaml"
    assert "'card_title' appears twice" in err.message
    assert err.line == len(text.splitlines()) + 1


@pytest.mark.parametrize(
    "name",
    ["exercises/article.yaml", "reasons.yaml", "programmes/hip_pain.yaml",
     "precautions.yaml", "messages/library.yaml"],
)
def test_broken_yaml_names_file_and_line(tmp_path: Path, name: str) -> None:
    directory = copy_content(tmp_path)
    path = directory / name
    lines = path.read_text(encoding="utf-8").splitlines()
    # right after the first top-level key, where a stray line cannot hide in a text block
    first_key = next(i for i, line in enumerate(lines) if line and not line.startswith("#"))
    lines.insert(first_key + 1, "  broken: [unclosed, list")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    err = load_error(directory)
    assert err.file == f"content/{name}"
    assert "is not valid YAML" in err.message
    assert err.line is not None and err.line >= first_key + 2
    assert f"(line {err.line})" in str(err)
    assert "\n" not in str(err)


def test_broken_yaml_points_at_the_bad_line(tmp_path: Path) -> None:
    directory = copy_content(tmp_path)
    path = directory / "programmes/hip_pain.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    bad = next(i for i, line in enumerate(lines) if line.startswith("      minutes: "))
    lines[bad] = "      minutes: 15: 20"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    err = load_error(directory)
    assert err.file == "content/programmes/hip_pain.yaml"
    assert err.line == bad + 1


@pytest.mark.parametrize("name", ["reasons.yaml", "precautions.yaml"])
def test_missing_file_is_named(tmp_path: Path, name: str) -> None:
    directory = copy_content(tmp_path)
    (directory / name).unlink()
    err = load_error(directory)
    assert str(err) == f"content/{name}: the file is missing"


def test_missing_messages_folder_is_named(tmp_path: Path) -> None:
    directory = copy_content(tmp_path)
    shutil.rmtree(directory / "messages")
    assert "content/messages/" in str(load_error(directory))


def test_messages_file_with_yml_ending_is_not_silently_skipped(tmp_path: Path) -> None:
    directory = copy_content(tmp_path)
    (directory / "messages" / "coach.yml").write_text("coach_hi: Hi.\n", encoding="utf-8")
    assert str(load_error(directory)).startswith("content/messages/coach.yml: rename it")


def test_every_known_pose_can_be_drawn() -> None:
    drawings = pytest.importorskip("bot.media.drawings")
    for pose in KNOWN_POSES:
        assert drawings.render_pose(pose).startswith(drawings.PNG_SIGNATURE), pose


def test_empty_file_is_refused(tmp_path: Path) -> None:
    directory = copy_content(tmp_path)
    (directory / "programmes/hip_pain.yaml").write_text("# nothing yet\n", encoding="utf-8")
    err = load_error(directory)
    assert str(err).startswith("content/programmes/hip_pain.yaml: the file must be a mapping")


def test_non_utf8_file_is_refused(tmp_path: Path) -> None:
    directory = copy_content(tmp_path)
    (directory / "reasons.yaml").write_bytes(b"reasons: \xff\xfe\n")
    assert str(load_error(directory)).startswith("content/reasons.yaml: is not UTF-8")


# --- check-content -----------------------------------------------------------------------


def test_check_content_main_reports_one_line_on_success(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert check_content_main(DEFAULT_CONTENT_DIR) == 0
    out, err = capsys.readouterr()
    # warnings (messages no code uses) may follow on stderr, never a mistake
    assert all(line.startswith("warning: ") for line in err.splitlines()), err
    assert out.count("\n") == 1
    assert out.startswith("content OK: 22 exercises, 3 programmes (default: hip_pain), ")
    assert out.rstrip().endswith(" messages")


def test_check_content_main_reports_one_line_and_2_on_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    directory = copy_content(tmp_path)
    mutate(directory, "exercises/article.yaml", _set(("glute_bridge", "dose", "sets"), -3))
    assert check_content_main(directory) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("content/exercises/article.yaml: exercises[glute_bridge].dose.sets: ")
    assert "Traceback" not in err


# --- any value in a dose is either loaded exactly or refused cleanly ----------------------

_ANY_VALUE = st.one_of(
    st.integers(min_value=-10_000, max_value=10_000),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.booleans(),
    st.none(),
    st.lists(st.integers(), max_size=3),
)


_BASE_EXERCISES = yaml.load(
    (DEFAULT_CONTENT_DIR / "exercises/article.yaml").read_text(encoding="utf-8"),
    Loader=_LOADER,
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(value=_ANY_VALUE, field=st.sampled_from(["sets", "reps", "hold_seconds"]))
def test_any_dose_value_loads_exactly_or_is_refused_cleanly(
    tmp_path: Path, value: Any, field: str
) -> None:
    directory = tmp_path / "content"
    if not directory.exists():
        copy_content(tmp_path)
    data = copy.deepcopy(_BASE_EXERCISES)
    ex(data, "glute_bridge")["dose"][field] = value
    (directory / "exercises/article.yaml").write_text(
        yaml.dump(data, Dumper=_DUMPER), encoding="utf-8"
    )
    limit = {"sets": 10, "reps": 100, "hold_seconds": 600}[field]
    valid = (type(value) is int and 1 <= value <= limit) or (
        value is None and field == "hold_seconds"  # a bridge may skip the pause at the top
    )
    if valid:
        loaded = load_content(directory)
        assert getattr(loaded.exercises["glute_bridge"].dose, field) == value
        return
    with pytest.raises(ContentError) as info:
        load_content(directory)
    assert info.value.file == "content/exercises/article.yaml"
    assert info.value.field.startswith("exercises[glute_bridge].dose")
    assert "\n" not in str(info.value)
