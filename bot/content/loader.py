"""Load ``content/`` into the frozen dataclasses of ``bot.content.model``, or say what is wrong.

This is the one entry point: read each YAML file (``yaml_source``), check its shape
(``schema``), the rules across fields and files (``rules``, ``message_files``) and the
messages against what the code looks up and fills in (``message_check``), then build the
dataclasses. ``check_content_main`` is ``python -m bot check-content``: one line on
success, one line per mistake otherwise. Pure: no ``telegram``.
"""

from __future__ import annotations

import sys
import sysconfig
from pathlib import Path
from types import MappingProxyType

from bot.content.code_keys_cache import cached_scan
from bot.content.errors import ContentError, ContentErrors
from bot.content.message_check import check_messages
from bot.content.message_files import read_message_files
from bot.content.message_keys import CodeKeys, code_keys
from bot.content.model import REASON_IDS, Content, Dose, Exercise, Reason, Routine, Variant
from bot.content.rules import check_exercises, check_reasons, check_routine
from bot.content.schema import (
    DoseModel,
    ExerciseModel,
    ExercisesFile,
    ReasonsFile,
    RoutineFile,
    VariantModel,
    validate,
)
from bot.content.yaml_source import read_yaml

#: The project's content/ folder when run from a checkout (or an editable install); an
#: installed bot (``pip install .``) has its copy under ``<prefix>/share/hip-move-bot``.
SOURCE_CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"
INSTALLED_CONTENT_DIR = Path(sysconfig.get_path("data")) / "share" / "hip-move-bot" / "content"
DEFAULT_CONTENT_DIR = SOURCE_CONTENT_DIR if SOURCE_CONTENT_DIR.is_dir() else INSTALLED_CONTENT_DIR


def _dose(model: DoseModel) -> Dose:
    return Dose(
        sets=model.sets,
        reps=model.reps,
        hold_seconds=model.hold_seconds,
        per_side=model.per_side,
        minutes=model.minutes,
    )


def _variant(model: VariantModel) -> Variant:
    return Variant(
        name=model.name,
        description=model.description,
        dose=_dose(model.dose) if model.dose is not None else None,
    )


def _exercise(model: ExerciseModel) -> Exercise:
    return Exercise(
        id=model.id,
        name=model.name,
        kind=model.kind,
        aliases=tuple(model.aliases),
        position=model.position,
        steps=tuple(model.steps),
        dose=_dose(model.dose),
        helps=tuple(model.helps),
        why=model.why,
        cues=tuple(model.cues),
        stop_if=model.stop_if,
        easier=_variant(model.easier),
        harder=_variant(model.harder),
        goals=tuple(model.goals),
        pose=model.pose,
    )


def load_content(directory: Path) -> Content:
    """Read, validate and freeze everything under ``directory`` (raises ContentError).

    The code's message lookups come from the scan cache when the code is unchanged
    (``code_keys_cache``): a start should not re-read every module's syntax tree.
    """
    return load_checked(directory, fresh=False)[0]


def load_checked(directory: Path, *, fresh: bool = True) -> tuple[Content, list[str]]:
    """``load_content``, with the warnings: messages the code never uses, and code whose
    message lookups could not be followed (so were not checked). ``fresh``: scan the code
    now (``check-content``, the tests) rather than trust the cache."""
    directory = Path(directory)
    lookups: CodeKeys = code_keys() if fresh else cached_scan()
    ex_source = read_yaml(directory, directory / "exercises.yaml")
    exercises_file: ExercisesFile = validate(ex_source, ExercisesFile)
    check_exercises(ex_source, exercises_file)

    reason_source = read_yaml(directory, directory / "reasons.yaml")
    reasons_file: ReasonsFile = validate(reason_source, ReasonsFile)
    check_reasons(reason_source, reasons_file)

    routine_source = read_yaml(directory, directory / "routine.yaml")
    routine_file: RoutineFile = validate(routine_source, RoutineFile)
    exercises = {model.id: _exercise(model) for model in exercises_file.exercises}
    check_routine(routine_source, routine_file, exercises)

    messages, origin = read_message_files(directory)
    errors, warnings = check_messages(directory, messages, origin, lookups)
    if errors:
        raise ContentErrors(errors)
    by_id = {reason.id: reason for reason in reasons_file.reasons}
    reasons = {
        rid: Reason(id=rid, title=by_id[rid].title, texts=tuple(by_id[rid].texts))
        for rid in REASON_IDS
    }
    routine = Routine(
        exercises=tuple(routine_file.routine.exercises),
        minutes=routine_file.routine.minutes,
        mobility_only=tuple(routine_file.routine.mobility_only),
    )
    content = Content(
        exercises=MappingProxyType(exercises),
        reasons=MappingProxyType(reasons),
        routine=routine,
        messages=MappingProxyType(messages),
    )
    return content, warnings


def summary(content: Content) -> str:
    """The one line ``check-content`` prints when all is well."""
    return (
        f"content OK: {len(content.exercises)} exercises, {len(content.reasons)} reasons, "
        f"routine of {len(content.routine.exercises)} (about {content.routine.minutes} min), "
        f"{len(content.messages)} messages"
    )


def check_content_main(directory: Path = DEFAULT_CONTENT_DIR) -> int:
    """``python -m bot check-content``: one line on stdout if valid (and a ``warning:``
    line on stderr for each warning), else one line per mistake on stderr, and 2."""
    try:
        content, warnings = load_checked(directory)
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(summary(content))
    for warning in warnings:
        print(f"warning: {warning}", file=sys.stderr)
    return 0
