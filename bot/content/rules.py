"""The content rules that span fields or files, checked after the shape is known to be right.

A dose must fit the exercise's kind, ids, names and aliases must be unique, reasons and
poses must come from the content vocabulary (``REASON_IDS``, ``KNOWN_POSES``), and the
routine may only name real exercises. Each broken rule is one ``ContentError``.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from bot.content.errors import Loc
from bot.content.model import KNOWN_POSES, REASON_IDS
from bot.content.schema import (
    DoseModel,
    ExercisesFile,
    ReasonsFile,
    RoutineFile,
    VariantModel,
)
from bot.content.yaml_source import YamlSource


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


def check_exercises(source: YamlSource, parsed: ExercisesFile) -> None:
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
            variant: VariantModel = getattr(ex, level)
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


def check_routine(source: YamlSource, parsed: RoutineFile, known: Mapping[str, Any]) -> None:
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
