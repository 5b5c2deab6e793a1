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
from bot.content.faq import (
    AskingsFile,
    FaqFile,
    check_askings,
    check_faq,
    faq_entries,
    with_askings,
)
from bot.content.message_check import check_messages
from bot.content.message_files import read_message_files
from bot.content.message_keys import CodeKeys, code_keys
from bot.content.model import REASON_IDS, Content, Exercise, Reason, Routine
from bot.content.programmes import condition, exercise, programme
from bot.content.rules import (
    check_conditions,
    check_exercises,
    check_programme,
    check_programmes,
    check_reasons,
    minutes_warnings,
)
from bot.content.schema import (
    ExercisesFile,
    PrecautionsFile,
    ProgrammeFile,
    ReasonsFile,
    validate,
)
from bot.content.yaml_source import read_yaml

#: The project's content/ folder when run from a checkout (or an editable install); an
#: installed bot (``pip install .``) has its copy under ``<prefix>/share/hip-move-bot``.
SOURCE_CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"
INSTALLED_CONTENT_DIR = Path(sysconfig.get_path("data")) / "share" / "hip-move-bot" / "content"
DEFAULT_CONTENT_DIR = SOURCE_CONTENT_DIR if SOURCE_CONTENT_DIR.is_dir() else INSTALLED_CONTENT_DIR


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
    cond_source = read_yaml(directory, directory / "precautions.yaml")
    conditions_file: PrecautionsFile = validate(cond_source, PrecautionsFile)
    check_conditions(cond_source, conditions_file)
    conditions = {model.id: condition(model) for model in conditions_file.conditions}

    exercises: dict[str, Exercise] = {}
    seen: tuple[dict[str, str], dict[str, str]] = ({}, {})
    for path in _yaml_files(directory / "exercises"):
        ex_source = read_yaml(directory, path)
        exercises_file: ExercisesFile = validate(ex_source, ExercisesFile)
        check_exercises(ex_source, exercises_file, conditions, seen)
        exercises.update((model.id, exercise(model)) for model in exercises_file.exercises)

    reason_source = read_yaml(directory, directory / "reasons.yaml")
    reasons_file: ReasonsFile = validate(reason_source, ReasonsFile)
    check_reasons(reason_source, reasons_file)

    programme_files = []
    minutes_notes: list[str] = []
    for path in _yaml_files(directory / "programmes"):
        source = read_yaml(directory, path)
        parsed: ProgrammeFile = validate(source, ProgrammeFile)
        check_programme(source, parsed, exercises, conditions)
        minutes_notes += minutes_warnings(source, parsed, exercises)
        programme_files.append((source, parsed))
    check_programmes(programme_files)
    programmes = {
        parsed.programme.id: programme(parsed.programme) for _, parsed in programme_files
    }

    faq_source = read_yaml(directory, directory / "faq.yaml")
    faq_file: FaqFile = validate(faq_source, FaqFile)
    check_faq(faq_source, faq_file)
    askings_file: AskingsFile | None = None
    if (directory / "faq_askings.yaml").is_file():
        askings_source = read_yaml(directory, directory / "faq_askings.yaml")
        askings_file = validate(askings_source, AskingsFile)
        check_askings(askings_source, askings_file, faq_file)

    messages, origin = read_message_files(directory)
    errors, warnings = check_messages(directory, messages, origin, lookups)
    warnings = [*minutes_notes, *warnings]
    if errors:
        raise ContentErrors(errors)
    by_id = {reason.id: reason for reason in reasons_file.reasons}
    reasons = {
        rid: Reason(id=rid, title=by_id[rid].title, texts=tuple(by_id[rid].texts))
        for rid in REASON_IDS
    }
    default = next(p for p in programmes.values() if p.default)
    routine: Routine = default.routine(default.phases[0])
    content = Content(
        exercises=MappingProxyType(exercises),
        reasons=MappingProxyType(reasons),
        routine=routine,
        messages=MappingProxyType(messages),
        programmes=MappingProxyType(programmes),
        conditions=MappingProxyType(conditions),
        faq=with_askings(faq_entries(faq_file), askings_file),
    )
    return content, warnings


def _yaml_files(folder: Path) -> list[Path]:
    """The YAML files of a content folder, in name order (hidden and _-prefixed ones skipped)."""
    if not folder.is_dir():
        raise ContentError(folder.name + "/", "", "the folder is missing")
    return sorted(
        path for path in folder.glob("*.yaml") if not path.name.startswith((".", "_"))
    )


def summary(content: Content) -> str:
    """The one line ``check-content`` prints when all is well."""
    default = content.default_programme
    return (
        f"content OK: {len(content.exercises)} exercises, {len(content.programmes)} "
        f"programmes (default: {default.id if default else '-'}), "
        f"{len(content.conditions)} precautions, {len(content.reasons)} reasons, "
        f"{len(content.faq)} FAQ entries, {len(content.messages)} messages"
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
