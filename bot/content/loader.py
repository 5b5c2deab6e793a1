"""Load and strictly validate ``content/`` into the frozen dataclasses of ``bot.content.model``.

Clinicians edit the YAML by hand, so every mistake must come back as ONE line that names
the file, the field and what is wrong (``ContentError``), never as a traceback at 3 a.m.
Shape and types are checked with pydantic; the rules that span fields or files (doses that
fit the kind, unique ids and aliases, known reasons and poses, routine ids, message keys)
are checked by hand afterwards. Pure: no ``telegram``.
"""

from __future__ import annotations

import string
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any, Literal, TypeVar

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    StrictStr,
    StringConstraints,
    ValidationError,
)

from bot.content.model import REASON_IDS, Content, Dose, Exercise, Reason, Routine, Variant

DEFAULT_CONTENT_DIR = Path(__file__).resolve().parents[2] / "content"

#: The illustrations the drawing helper knows; ``pose`` must be one of them.
KNOWN_POSES: tuple[str, ...] = (
    "seated_hip_flexor",
    "standing_abduction",
    "glute_bridge",
    "figure_four",
    "walking",
    "standing",
)

#: Limits that catch typos such as a 3000-second hold; generous for real plans.
MAX_SETS = 10
MAX_REPS = 100
MAX_HOLD_SECONDS = 600
MAX_MINUTES = 120

_UNITS = {
    "sets": "sets",
    "reps": "repetitions",
    "hold_seconds": "seconds",
    "minutes": "minutes",
}

Loc = tuple[str | int, ...]
_M = TypeVar("_M", bound=BaseModel)


class ContentError(Exception):
    """A content mistake, shown as one line: ``file: field: what is wrong (line N)``."""

    def __init__(self, file: str, field: str, message: str, line: int | None = None) -> None:
        self.file = file
        self.field = field
        self.message = message
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        head = f"{self.file}: {self.field}: " if self.field else f"{self.file}: "
        tail = f" (line {self.line})" if self.line else ""
        return f"{head}{self.message}{tail}"


# --- YAML ------------------------------------------------------------------------------


try:  # libyaml parses about ten times faster; fall back to pure Python where it is missing
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]


class _UniqueKeyLoader(_SafeLoader):
    """SafeLoader that refuses a key written twice in one mapping (PyYAML keeps the last)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, str | int | float | bool) and key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key!r} appears twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


@dataclass(frozen=True)
class _Source:
    """One YAML file: where it is shown as, its text and its parsed data."""

    shown: str
    text: str
    data: Any

    def error(self, loc: Loc, message: str) -> ContentError:
        """A ContentError for ``loc`` inside this file, with the YAML line when found."""
        return ContentError(self.shown, _field_name(self.data, loc), message, self._line(loc))

    def _line(self, loc: Loc) -> int | None:
        """The 1-based line of the deepest node of ``loc`` that exists in the file."""
        try:
            node: yaml.Node | None = yaml.compose(self.text, Loader=_SafeLoader)
        except yaml.YAMLError:
            return None
        best = node.start_mark.line + 1 if node is not None else None
        for part in loc:
            child: yaml.Node | None = None
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if key_node.value == part:
                        child = value_node
                        break
            elif (
                isinstance(node, yaml.SequenceNode)
                and isinstance(part, int)
                and 0 <= part < len(node.value)
            ):
                child = node.value[part]
            if child is None:
                break
            node = child
            best = node.start_mark.line + 1
        return best


def _shown(directory: Path, path: Path) -> str:
    """The path as people see it: relative to the content dir's parent, never absolute."""
    root = directory.resolve()
    return f"{root.name}/{path.resolve().relative_to(root).as_posix()}"


def _read(directory: Path, path: Path) -> _Source:
    """Read and parse one YAML file, turning every failure into a ContentError."""
    shown = _shown(directory, path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(shown, "", "the file is missing") from None
    except UnicodeDecodeError as exc:
        raise ContentError(shown, "", f"is not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise ContentError(shown, "", f"cannot be read ({exc.strerror})") from None
    try:
        data = yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "unreadable"
        line = mark.line + 1 if mark is not None else None
        raise ContentError(shown, "", f"is not valid YAML: {problem}", line) from None
    except yaml.YAMLError as exc:
        raise ContentError(shown, "", f"is not valid YAML: {exc}") from None
    return _Source(shown, text, data)


# --- error messages ----------------------------------------------------------------------


def _field_name(data: Any, loc: Loc) -> str:
    """``('exercises', 2, 'dose', 'sets')`` as ``exercises[glute_bridge].dose.sets``."""
    out = ""
    node = data
    for part in loc:
        if isinstance(part, int):
            label: str | int = part
            if isinstance(node, list) and 0 <= part < len(node):
                node = node[part]
                if isinstance(node, dict) and isinstance(node.get("id"), str) and node["id"]:
                    label = node["id"]
            else:
                node = None
            out += f"[{label}]"
        else:
            node = node.get(part) if isinstance(node, dict) else None
            out += f".{part}" if out else str(part)
    return out


def _shown_value(value: Any) -> str:
    """A value as a clinician would recognise it in the file."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return str(value)


def _explain(error: Mapping[str, Any]) -> str:
    """One friendly sentence for one pydantic error."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    got = _shown_value(error.get("input"))
    last = error["loc"][-1] if error["loc"] else ""
    unit = _UNITS.get(str(last), "")
    messages = {
        "missing": "is missing",
        "extra_forbidden": "is not a known field (check the spelling, or remove it)",
        "int_type": f"must be a whole number, got {got}",
        "int_parsing": f"must be a whole number, got {got}",
        "int_from_float": f"must be a whole number, got {got}",
        "greater_than_equal": f"must be a whole number of {ctx.get('ge')} or more, got {got}",
        "less_than_equal": f"is too large: at most {ctx.get('le')} {unit}, got {got}".replace(
            "  ", " "
        ),
        "string_type": f"must be text, got {got}",
        "string_too_short": "must not be empty",
        "string_too_long": f"is too long (at most {ctx.get('max_length')} characters)",
        "string_pattern_mismatch": (
            f"must be lower-case letters, digits and _ (starting with a letter), got {got}"
        ),
        "bool_type": f"must be true or false, got {got}",
        "list_type": f"must be a list, got {got}",
        "model_type": f"must be a mapping of fields (key: value), got {got}",
        "dict_type": f"must be a mapping of fields (key: value), got {got}",
        "literal_error": f"must be one of {ctx.get('expected')}, got {got}",
    }
    if kind == "too_short":
        need = ctx.get("min_length", 1)
        return "must not be empty" if need == 1 else f"needs at least {need} entries, got {got}"
    if kind == "too_long":
        return f"has too many entries (at most {ctx.get('max_length')})"
    return messages.get(kind, str(error.get("msg", "is not valid")))


def _validate(source: _Source, model: type[_M]) -> _M:
    """Validate a parsed file against its model; the first problem becomes a ContentError."""
    try:
        return model.model_validate(source.data)
    except ValidationError as exc:
        errors = exc.errors(include_url=False)
        first = errors[0]
        message = _explain(first)
        if first["loc"] == ():
            message = f"the file {message}"
        if len(errors) > 1:
            message += f" (and {len(errors) - 1} more problem(s) after fixing this)"
        raise source.error(tuple(first["loc"]), message) from None


# --- models (shape and types only) -----------------------------------------------------

Text = Annotated[StrictStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=700)]
Short = Annotated[StrictStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
Ident = Annotated[StrictStr, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _DoseModel(_Model):
    sets: Annotated[StrictInt, Field(ge=1, le=MAX_SETS)]
    reps: Annotated[StrictInt, Field(ge=1, le=MAX_REPS)] | None = None
    hold_seconds: Annotated[StrictInt, Field(ge=1, le=MAX_HOLD_SECONDS)] | None = None
    per_side: StrictBool = False
    minutes: Annotated[StrictInt, Field(ge=1, le=MAX_MINUTES)] | None = None


class _VariantModel(_Model):
    name: Short
    description: Text
    dose: _DoseModel | None = None


class _ExerciseModel(_Model):
    id: Ident
    name: Short
    kind: Literal["hold", "reps", "walk"]
    aliases: list[Short]
    position: Text
    steps: Annotated[list[Text], Field(min_length=1, max_length=12)]
    dose: _DoseModel
    helps: Annotated[list[StrictStr], Field(min_length=1)]
    why: Text
    cues: Annotated[list[Text], Field(min_length=1, max_length=8)]
    stop_if: Text
    easier: _VariantModel
    harder: _VariantModel
    goals: list[Short] = Field(default_factory=list)
    pose: StrictStr = "standing"


class _ExercisesFile(_Model):
    exercises: Annotated[list[_ExerciseModel], Field(min_length=1)]


class _ReasonModel(_Model):
    id: StrictStr
    title: Short
    texts: Annotated[list[Text], Field(min_length=3)]


class _ReasonsFile(_Model):
    reasons: list[_ReasonModel]


class _RoutineModel(_Model):
    exercises: Annotated[list[StrictStr], Field(min_length=1, max_length=8)]
    minutes: Annotated[StrictInt, Field(ge=1, le=MAX_MINUTES)]
    mobility_only: Annotated[list[StrictStr], Field(min_length=1, max_length=8)]


class _RoutineFile(_Model):
    routine: _RoutineModel




# --- rules across fields and files -------------------------------------------------------


def _check_dose(source: _Source, loc: Loc, kind: str, dose: _DoseModel) -> None:
    """A dose must measure the exercise the way its kind says."""
    if dose.reps is None and dose.hold_seconds is None and dose.minutes is None:
        raise source.error(loc, "needs reps, hold_seconds or minutes (it has none of them)")
    if kind == "hold" and (dose.hold_seconds is None or dose.reps is not None):
        raise source.error(loc, "a hold exercise needs hold_seconds and no reps")
    if kind == "reps" and dose.reps is None:
        raise source.error(loc, "a reps exercise needs reps")
    if kind == "walk" and dose.minutes is None:
        raise source.error(loc, "a walk needs minutes")
    if dose.minutes is not None and (dose.reps is not None or dose.hold_seconds is not None):
        raise source.error(loc, "minutes cannot be combined with reps or hold_seconds")


def _check_exercises(source: _Source, parsed: _ExercisesFile) -> None:
    """Kinds, doses, reasons, poses; ids, names and aliases unique across the file."""
    ids: dict[str, int] = {}
    words: dict[str, str] = {}  # lower-cased name or alias -> exercise id that owns it
    for index, ex in enumerate(parsed.exercises):
        loc: Loc = ("exercises", index)
        if ex.id in ids:
            raise source.error((*loc, "id"), f"duplicate exercise id {ex.id!r}")
        ids[ex.id] = index
        if ex.pose not in KNOWN_POSES:
            raise source.error(
                (*loc, "pose"),
                f"{ex.pose!r} is not a known pose; use one of {', '.join(KNOWN_POSES)}",
            )
        for pos, reason in enumerate(ex.helps):
            if reason not in REASON_IDS:
                raise source.error(
                    (*loc, "helps", pos),
                    f"{reason!r} is not a reason id; use one of {', '.join(REASON_IDS)}",
                )
        _check_dose(source, (*loc, "dose"), ex.kind, ex.dose)
        for level in ("easier", "harder"):
            variant: _VariantModel = getattr(ex, level)
            if variant.dose is not None:
                _check_dose(source, (*loc, level, "dose"), ex.kind, variant.dose)
        own: set[str] = set()
        for where, word in [(("name",), ex.name)] + [
            (("aliases", i), alias) for i, alias in enumerate(ex.aliases)
        ]:
            key = word.casefold()
            owner = words.get(key)
            if owner is not None and owner != ex.id:
                raise source.error(
                    (*loc, *where), f"{word!r} is already a name or alias of {owner!r}"
                )
            if key in own and where[0] == "aliases":
                raise source.error((*loc, *where), f"alias {word!r} is listed twice")
            own.add(key)
            words[key] = ex.id


def _check_reasons(source: _Source, parsed: _ReasonsFile) -> None:
    """Exactly the article's reasons, each once."""
    seen: set[str] = set()
    for index, reason in enumerate(parsed.reasons):
        if reason.id not in REASON_IDS:
            raise source.error(
                ("reasons", index, "id"),
                f"{reason.id!r} is not a reason id; use one of {', '.join(REASON_IDS)}",
            )
        if reason.id in seen:
            raise source.error(("reasons", index, "id"), f"duplicate reason id {reason.id!r}")
        seen.add(reason.id)
    missing = [rid for rid in REASON_IDS if rid not in seen]
    if missing:
        raise source.error(("reasons",), f"reason {missing[0]!r} is missing")


def _check_routine(source: _Source, parsed: _RoutineFile, known: Mapping[str, Any]) -> None:
    """Every routine step names a real exercise, once."""
    for part in ("exercises", "mobility_only"):
        names: list[str] = getattr(parsed.routine, part)
        for index, name in enumerate(names):
            loc: Loc = ("routine", part, index)
            if name not in known:
                raise source.error(
                    loc, f"{name!r} is not an exercise id; known: {', '.join(known)}"
                )
            if name in names[:index]:
                raise source.error(loc, f"{name!r} is listed twice")


def _placeholders_ok(text: str) -> str | None:
    """Why a message's ``{placeholders}`` would break ``str.format(**values)``, or None."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        return f"has a broken {{placeholder}} ({exc}); write a literal brace as {{{{ or }}}}"
    for _, field, _, _ in parsed:
        if field is None:
            continue
        if not field.isidentifier():
            return f"placeholder {{{field}}} must be a plain name such as {{name}}"
    return None


def _read_messages(directory: Path) -> dict[str, tuple[str, ...]]:
    """Merge every ``messages/*.yaml``; a key defined in two files is an error."""
    folder = directory / "messages"
    if not folder.is_dir():
        raise ContentError(f"{directory.resolve().name}/messages/", "", "the folder is missing")
    merged: dict[str, tuple[str, ...]] = {}
    origin: dict[str, str] = {}
    for path in sorted(folder.glob("*.yml")):
        raise ContentError(_shown(directory, path), "", "rename it to .yaml (it would be skipped)")
    for path in sorted(folder.glob("*.yaml")):
        source = _read(directory, path)
        data = source.data if source.data is not None else {}
        if not isinstance(data, dict):
            raise source.error((), f"the file must be a mapping of key: text, got "
                               f"{_shown_value(data)}")
        for key, value in data.items():
            if not isinstance(key, str) or not key.isidentifier() or key != key.lower():
                raise source.error(
                    (), f"message key {key!r} must be lower-case letters, digits and _"
                )
            if key in origin:
                raise source.error(
                    (key,), f"message key is defined twice: also in {origin[key]}"
                )
            options = [value] if isinstance(value, str) else value
            if not isinstance(options, list) or not options:
                raise source.error(
                    (key,), f"must be text or a list of texts, got {_shown_value(value)}"
                )
            for pos, option in enumerate(options):
                loc: Loc = (key,) if isinstance(value, str) else (key, pos)
                if not isinstance(option, str):
                    raise source.error(loc, f"must be text, got {_shown_value(option)}")
                if not option.strip():
                    raise source.error(loc, "must not be empty")
                problem = _placeholders_ok(option)
                if problem:
                    raise source.error(loc, problem)
            merged[key] = tuple(option.strip() for option in options)
            origin[key] = source.shown
    return merged


# --- building the dataclasses -------------------------------------------------------------


def _dose(model: _DoseModel) -> Dose:
    return Dose(
        sets=model.sets,
        reps=model.reps,
        hold_seconds=model.hold_seconds,
        per_side=model.per_side,
        minutes=model.minutes,
    )


def _variant(model: _VariantModel) -> Variant:
    return Variant(
        name=model.name,
        description=model.description,
        dose=_dose(model.dose) if model.dose is not None else None,
    )


def _exercise(model: _ExerciseModel) -> Exercise:
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


def _check_used_keys(directory: Path, messages: Mapping[str, Any]) -> None:
    """Every message key the code uses must exist (a clinician may have deleted one)."""
    from bot.content.message_keys import used_message_keys

    for key, user in used_message_keys().items():
        if key not in messages:
            raise ContentError(
                _shown(directory, directory / "messages"), key,
                f"this message is missing, but {user} uses it; add it to a file in messages/",
            )


def load_content(directory: Path) -> Content:
    """Read, validate and freeze everything under ``directory`` (raises ContentError)."""
    directory = Path(directory)
    ex_source = _read(directory, directory / "exercises.yaml")
    exercises_file: _ExercisesFile = _validate(ex_source, _ExercisesFile)
    _check_exercises(ex_source, exercises_file)

    reason_source = _read(directory, directory / "reasons.yaml")
    reasons_file: _ReasonsFile = _validate(reason_source, _ReasonsFile)
    _check_reasons(reason_source, reasons_file)

    routine_source = _read(directory, directory / "routine.yaml")
    routine_file: _RoutineFile = _validate(routine_source, _RoutineFile)
    exercises = {model.id: _exercise(model) for model in exercises_file.exercises}
    _check_routine(routine_source, routine_file, exercises)

    messages = _read_messages(directory)
    _check_used_keys(directory, messages)
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
    return Content(
        exercises=MappingProxyType(exercises),
        reasons=MappingProxyType(reasons),
        routine=routine,
        messages=MappingProxyType(messages),
    )


def summary(content: Content) -> str:
    """The one line ``check-content`` prints when all is well."""
    return (
        f"content OK: {len(content.exercises)} exercises, {len(content.reasons)} reasons, "
        f"routine of {len(content.routine.exercises)} (about {content.routine.minutes} min), "
        f"{len(content.messages)} messages"
    )


def check_content_main(directory: Path = DEFAULT_CONTENT_DIR) -> int:
    """``python -m bot check-content``: one line on stdout if valid, else one on stderr, 2."""
    try:
        content = load_content(directory)
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(summary(content))
    return 0
