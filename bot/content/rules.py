"""The content rules that span fields or files, checked after the shape is known to be right.

A dose must fit the exercise's kind, ids, names and aliases must be unique, reasons and
poses must come from the content vocabulary (``REASON_IDS``, ``KNOWN_POSES``), and the
routine may only name real exercises. Each broken rule is one ``ContentError``. A
phase's ``minutes`` that is not the time its exercises take at their doses (the length
the bot tells patients) is a warning (``minutes_warnings``).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping

from bot.content.errors import ContentError, Loc
from bot.content.model import KNOWN_POSES, REASON_IDS, Dose, Exercise, minutes_of_seconds
from bot.content.programmes import dose as dose_of_model
from bot.content.schema import (
    DoseModel,
    ExercisesFile,
    PrecautionsFile,
    ProgrammeFile,
    ReasonsFile,
    VariantModel,
)
from bot.content.yaml_source import YamlSource

#: How far a phase's declared ``minutes`` may be from the time its exercises take at
#: their doses: the routine announces the computed figure, so the declared one, which a
#: clinician reads in the file, must say the same, give or take a rounding.
MINUTES_MARGIN = 1


def _check_dose(source: YamlSource, loc: Loc, kind: str, dose: DoseModel) -> None:
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


def check_exercises(
    source: YamlSource,
    parsed: ExercisesFile,
    conditions: Collection[str] | None = None,
    seen: tuple[dict[str, str], dict[str, str]] | None = None,
) -> None:
    """Kinds, doses, reasons, poses, precautions; ids, names and aliases unique.

    ``seen`` carries the ids and words of the files read before this one (exercise
    cards may be split over several files), so uniqueness holds across all of them.
    """
    ids, words = seen if seen is not None else ({}, {})
    # ids: exercise id -> file it came from; words: lower-cased name or alias -> id
    for index, ex in enumerate(parsed.exercises):
        loc: Loc = ("exercises", index)
        if ex.id in ids:
            other = "" if ids[ex.id] == source.shown else f" (already in {ids[ex.id]})"
            raise source.error((*loc, "id"), f"duplicate exercise id {ex.id!r}{other}")
        ids[ex.id] = source.shown
        for pos, caution in enumerate(ex.precautions):
            if conditions is not None and caution.condition not in conditions:
                raise source.error(
                    (*loc, "precautions", pos, "condition"),
                    f"{caution.condition!r} is not a condition in precautions.yaml; "
                    f"known: {', '.join(conditions)}",
                )
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
            variant: VariantModel = getattr(ex, level)
            if variant.dose is not None:
                _check_dose(source, (*loc, level, "dose"), ex.kind, variant.dose)
        own: set[str] = set()
        named: list[tuple[Loc, str]] = [(("name",), ex.name)]
        for where, word in named + [
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


def check_reasons(source: YamlSource, parsed: ReasonsFile) -> None:
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


def check_conditions(source: YamlSource, parsed: PrecautionsFile) -> None:
    """Condition ids are unique."""
    seen: set[str] = set()
    for index, condition in enumerate(parsed.conditions):
        if condition.id in seen:
            raise source.error(
                ("conditions", index, "id"), f"duplicate condition id {condition.id!r}"
            )
        seen.add(condition.id)


def _check_ids(
    source: YamlSource, loc: Loc, names: list[str], known: Mapping[str, Exercise]
) -> None:
    for index, name in enumerate(names):
        if name not in known:
            raise source.error(
                (*loc, index), f"{name!r} is not an exercise id; known: {', '.join(known)}"
            )
        if name in names[:index]:
            raise source.error((*loc, index), f"{name!r} is listed twice")


def _excluded(
    source: YamlSource, loc: Loc, exercise: Exercise, conditions: frozenset[str], where: str
) -> None:
    """Refuse an exercise that a precaution in force rules out, naming which and why."""
    caution = exercise.excluded_by(conditions)
    if caution is not None:
        raise source.error(
            loc,
            f"{exercise.id!r} is excluded by {where} precaution {caution.condition!r} "
            f"({caution.why.rstrip('.')}): remove it or the precaution",
        )


def minutes_warnings(
    source: YamlSource, parsed: ProgrammeFile, known: Mapping[str, Exercise]
) -> list[str]:
    """One line for each phase whose ``minutes`` is not the time its exercises take at the
    phase's doses, as the routine estimates it (``set_seconds``), within
    ``MINUTES_MARGIN``. A warning, not a mistake: the bot tells patients the computed
    length, so the declared one only misleads the clinician reading the file (and a
    card's dose changed elsewhere must not stop the bot). Run after ``check_programme``.
    """
    lines: list[str] = []
    for p_index, phase in enumerate(parsed.programme.phases):
        doses: list[Dose] = [
            dose_of_model(item.dose) if not isinstance(item, str) and item.dose is not None
            else known[item if isinstance(item, str) else item.id].dose
            for item in phase.exercises
        ]
        computed = minutes_of_seconds(s for dose in doses for s in dose.seconds_of_sets())
        if abs(phase.minutes - computed) > MINUTES_MARGIN:
            lines.append(str(source.error(
                ("programme", "phases", p_index, "minutes"),
                f"says {phase.minutes} minutes, but its exercises at these doses take about "
                f"{computed}, which is what the bot tells patients: write minutes: {computed}",
            )))
    return lines


def check_programme(
    source: YamlSource,
    parsed: ProgrammeFile,
    known: Mapping[str, Exercise],
    conditions: Collection[str],
) -> None:
    """References, doses, week order and precautions of one programme file.

    A programme may not include an exercise that its own precautions (the programme's
    or the phase's) exclude; its flare-up plan is checked against every phase's.
    """
    prog = parsed.programme
    stem = source.shown.rsplit("/", 1)[-1].removesuffix(".yaml")
    if prog.id != stem:
        raise source.error(
            ("programme", "id"), f"must match the file name {stem!r}, got {prog.id!r}"
        )
    for index, condition in enumerate(prog.conditions):
        if condition not in conditions:
            raise source.error(
                ("programme", "conditions", index),
                f"{condition!r} is not a condition in precautions.yaml; known: "
                f"{', '.join(conditions)}",
            )
    every_phase: set[str] = set(prog.conditions)
    last_week = 0
    for p_index, phase in enumerate(prog.phases):
        loc: Loc = ("programme", "phases", p_index)
        if p_index == 0 and phase.from_week != 1:
            raise source.error((*loc, "from_week"), "the first phase must start in week 1")
        if phase.from_week <= last_week:
            raise source.error(
                (*loc, "from_week"),
                f"must come after the previous phase's week {last_week}, got {phase.from_week}",
            )
        last_week = phase.from_week
        if phase.id in [other.id for other in prog.phases[:p_index]]:
            raise source.error((*loc, "id"), f"duplicate phase id {phase.id!r}")
        for c_index, condition in enumerate(phase.conditions):
            if condition not in conditions:
                raise source.error(
                    (*loc, "conditions", c_index),
                    f"{condition!r} is not a condition in precautions.yaml; known: "
                    f"{', '.join(conditions)}",
                )
        in_force = frozenset(prog.conditions) | frozenset(phase.conditions)
        every_phase |= in_force
        ids = [item if isinstance(item, str) else item.id for item in phase.exercises]
        _check_ids(source, (*loc, "exercises"), ids, known)
        for e_index, item in enumerate(phase.exercises):
            exercise = known[ids[e_index]]
            e_loc: Loc = (*loc, "exercises", e_index)
            _excluded(source, e_loc, exercise, in_force, "this programme's")
            if not isinstance(item, str) and item.dose is not None:
                _check_dose(source, (*e_loc, "dose"), exercise.kind, item.dose)
    _check_ids(source, ("programme", "flare_up"), prog.flare_up, known)
    for index, name in enumerate(prog.flare_up):
        _excluded(source, ("programme", "flare_up", index), known[name],
                  frozenset(every_phase), "a phase's")
    for instead_of, instead in prog.alternatives.items():
        loc = ("programme", "alternatives", instead_of)
        for name in (instead_of, instead):
            if name not in known:
                raise source.error(loc, f"{name!r} is not an exercise id")
        _excluded(source, loc, known[instead], frozenset(every_phase), "a phase's")


def check_programmes(sources: list[tuple[YamlSource, ProgrammeFile]]) -> None:
    """Exactly one programme is the default (patients without a plan follow it)."""
    if not sources:
        raise ContentError(
            "content/programmes", "", "no programme files (add at least one *.yaml)"
        )
    defaults = [src for src, parsed in sources if parsed.programme.default]
    if len(defaults) != 1:
        first = defaults[1] if len(defaults) > 1 else sources[0][0]
        raise first.error(
            ("programme", "default"),
            "exactly one programme must say default: true "
            f"(found {len(defaults)}: {', '.join(s.shown for s in defaults) or 'none'})",
        )
