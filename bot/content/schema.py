"""The shape and types of each content file, as strict pydantic models.

Only what one field can say about itself is checked here (types, lengths, limits that
catch a 3000-second hold, unknown or missing fields); ``validate`` turns the first pydantic
error into a one-line ``ContentError`` a clinician can act on. Rules that span fields or
files live in ``bot.content.rules``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal, TypeVar

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

from bot.content.errors import shown_value
from bot.content.model import MAX_HOLD_SECONDS, MAX_MINUTES, MAX_REPS, MAX_SETS
from bot.content.yaml_source import YamlSource

_UNITS = {
    "sets": "sets",
    "reps": "repetitions",
    "hold_seconds": "seconds",
    "minutes": "minutes",
}

_M = TypeVar("_M", bound=BaseModel)

Text = Annotated[StrictStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=700)]
Short = Annotated[StrictStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=80)]
Ident = Annotated[StrictStr, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,39}$")]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class DoseModel(_Model):
    sets: Annotated[StrictInt, Field(ge=1, le=MAX_SETS)]
    reps: Annotated[StrictInt, Field(ge=1, le=MAX_REPS)] | None = None
    hold_seconds: Annotated[StrictInt, Field(ge=1, le=MAX_HOLD_SECONDS)] | None = None
    per_side: StrictBool = False
    minutes: Annotated[StrictInt, Field(ge=1, le=MAX_MINUTES)] | None = None


class VariantModel(_Model):
    name: Short
    description: Text
    dose: DoseModel | None = None


class PrecautionModel(_Model):
    condition: Ident
    why: Text


class ExerciseModel(_Model):
    id: Ident
    name: Short
    kind: Literal["hold", "reps", "walk"]
    aliases: list[Short]
    position: Text
    steps: Annotated[list[Text], Field(min_length=1, max_length=12)]
    dose: DoseModel
    helps: Annotated[list[StrictStr], Field(min_length=1)]
    why: Text
    cues: Annotated[list[Text], Field(min_length=1, max_length=8)]
    stop_if: Text
    easier: VariantModel
    harder: VariantModel
    goals: list[Short] = Field(default_factory=list)
    pose: StrictStr = "standing"
    descriptions: list[Text] = Field(default_factory=list)
    precautions: list[PrecautionModel] = Field(default_factory=list)


class ExercisesFile(_Model):
    exercises: Annotated[list[ExerciseModel], Field(min_length=1)]


class ReasonModel(_Model):
    id: StrictStr
    title: Short
    texts: Annotated[list[Text], Field(min_length=3)]


class ReasonsFile(_Model):
    reasons: list[ReasonModel]


class ConditionModel(_Model):
    id: Ident
    name: Short
    explanation: Text


class PrecautionsFile(_Model):
    conditions: Annotated[list[ConditionModel], Field(min_length=1)]


class PlanItemModel(_Model):
    id: StrictStr
    dose: DoseModel | None = None


class PhaseModel(_Model):
    id: Ident
    name: Short
    from_week: Annotated[StrictInt, Field(ge=1, le=104)]
    minutes: Annotated[StrictInt, Field(ge=1, le=MAX_MINUTES)]
    exercises: Annotated[list[StrictStr | PlanItemModel], Field(min_length=1, max_length=10)]
    conditions: list[Ident] = Field(default_factory=list)
    walk_goal_minutes: Annotated[StrictInt, Field(ge=1, le=MAX_MINUTES)] | None = None
    note: Text | None = None


class PainRulesModel(_Model):
    reduce_above: Annotated[StrictInt, Field(ge=1, le=5)] = 5
    calm_at_most: Annotated[StrictInt, Field(ge=0, le=5)] = 3
    calm_sessions: Annotated[StrictInt, Field(ge=2, le=10)] = 3


class ProgrammeModel(_Model):
    id: Ident
    name: Short
    summary: Text
    default: StrictBool = False
    conditions: list[Ident] = Field(default_factory=list)
    rules: PainRulesModel = PainRulesModel()
    flare_up: Annotated[list[StrictStr], Field(min_length=1, max_length=8)]
    alternatives: dict[Ident, Ident] = Field(default_factory=dict)
    phases: Annotated[list[PhaseModel], Field(min_length=1, max_length=12)]


class ProgrammeFile(_Model):
    programme: ProgrammeModel


def _explain(error: Mapping[str, Any]) -> str:
    """One friendly sentence for one pydantic error."""
    kind = error["type"]
    ctx = error.get("ctx") or {}
    got = shown_value(error.get("input"))
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


def validate(source: YamlSource, model: type[_M]) -> _M:
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
