"""Build the content dataclasses from validated models: exercise cards and programmes.

``loader`` checks the files; this module only converts what passed into frozen
dataclasses. Pure: no ``telegram``.
"""

from __future__ import annotations

from bot.content.model import (
    Condition,
    Dose,
    Exercise,
    PainRules,
    Phase,
    PlanItem,
    Precaution,
    Programme,
    Variant,
)
from bot.content.schema import (
    ConditionModel,
    DoseModel,
    ExerciseModel,
    PhaseModel,
    ProgrammeModel,
    VariantModel,
)


def dose(model: DoseModel) -> Dose:
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
        dose=dose(model.dose) if model.dose is not None else None,
    )


def exercise(model: ExerciseModel) -> Exercise:
    return Exercise(
        id=model.id,
        name=model.name,
        kind=model.kind,
        aliases=tuple(model.aliases),
        position=model.position,
        steps=tuple(model.steps),
        dose=dose(model.dose),
        helps=tuple(model.helps),
        why=model.why,
        cues=tuple(model.cues),
        stop_if=model.stop_if,
        easier=_variant(model.easier),
        harder=_variant(model.harder),
        goals=tuple(model.goals),
        pose=model.pose,
        descriptions=tuple(model.descriptions),
        precautions=tuple(Precaution(p.condition, p.why) for p in model.precautions),
    )


def condition(model: ConditionModel) -> Condition:
    return Condition(id=model.id, name=model.name, explanation=model.explanation)


def _phase(model: PhaseModel) -> Phase:
    items = tuple(
        PlanItem(item) if isinstance(item, str)
        else PlanItem(item.id, dose(item.dose) if item.dose is not None else None)
        for item in model.exercises
    )
    return Phase(
        id=model.id,
        name=model.name,
        from_week=model.from_week,
        minutes=model.minutes,
        exercises=items,
        conditions=tuple(model.conditions),
        walk_goal_minutes=model.walk_goal_minutes,
        note=model.note or "",
    )


def programme(model: ProgrammeModel) -> Programme:
    return Programme(
        id=model.id,
        name=model.name,
        summary=model.summary,
        phases=tuple(_phase(p) for p in model.phases),
        flare_up=tuple(model.flare_up),
        conditions=tuple(model.conditions),
        default=model.default,
        alternatives=dict(model.alternatives),
        rules=PainRules(
            reduce_above=model.rules.reduce_above,
            calm_at_most=model.rules.calm_at_most,
            calm_sessions=model.rules.calm_sessions,
        ),
    )
