"""A clinician's plan change as the dashboard posts it, read into the pure change to make.

``{"action": "assign", "programme": ..., "start"?: ...}``, ``{"action": "add"|"remove",
"exercise": ...}``, ``{"action": "dose", "exercise": ..., "dose": "3x12"}``,
``{"action": "phase", "phase": ..., "start": ...}``, ``{"action": "note", "text": ...}``.
Everything is checked here or by ``bot.domain.plans`` itself (``PlanError``, ``DoseError``)
and refused with a sentence the clinician can act on; the change is made by the same
functions as the chat's /assign, /planadd... commands. Pure: no aiohttp, no storage.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from bot.content.model import Content, Exercise
from bot.domain.plans.changes import (
    PlanChange,
    Who,
    add_exercise,
    add_note,
    assign,
    remove_exercise,
    set_dose,
    set_phase_start,
)
from bot.domain.plans.doses import DoseError, parse_dose
from bot.domain.plans.prescription import Prescription

Change = Callable[[Prescription, date, Who], PlanChange]
ACTIONS = ("assign", "add", "remove", "dose", "phase", "note")
#: How far from today a programme or phase may be set to start.
MAX_DAYS_AWAY = 3660


class BadRequest(ValueError):
    """A request that cannot be a plan change; ``str()`` says what to fix."""


def _text(body: Mapping[str, Any], key: str, limit: int = 80) -> str:
    value = body.get(key)
    if value is not None and not isinstance(value, str):
        raise BadRequest(f'"{key}" must be text')
    if not value or not value.strip():
        raise BadRequest(f'"{key}" is missing')
    return value.strip()[:limit]


def _day(body: Mapping[str, Any], key: str) -> date | None:
    if body.get(key) in (None, ""):
        return None
    value = _text(body, key, 40)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadRequest(f'"{key}" must be a date like 2026-12-05, not {value!r}') from None


def _near(day: date, today: date) -> date:
    if abs((day - today).days) > MAX_DAYS_AWAY:
        raise BadRequest(f"{day.isoformat()} is more than ten years from today")
    return day


def _exercise(content: Content, body: Mapping[str, Any]) -> Exercise:
    wanted = _text(body, "exercise")
    card = content.exercises.get(wanted)
    if card is None:
        raise BadRequest(f'there is no exercise "{wanted}" in the library')
    return card


def plan_change(content: Content, body: object) -> Change:
    """The change ``body`` asks for, still to be made on the current prescription, or
    BadRequest (DoseError for a dose that does not fit, with the content's wording)."""
    if not isinstance(body, Mapping):
        raise BadRequest("the request must be a JSON object")
    action = body.get("action")
    if action == "assign":
        programme = _text(body, "programme").lower()
        start = _day(body, "start")
        return lambda current, today, who: assign(
            content, current, programme, _near(start or today, today), who)
    if action in ("add", "remove"):
        card = _exercise(content, body)
        change = add_exercise if action == "add" else remove_exercise
        return lambda current, today, who: change(content, current, card.id, today, who)
    if action == "dose":
        card = _exercise(content, body)
        try:
            dose = parse_dose(_text(body, "dose"), card.kind)
        except DoseError as problem:
            raise DoseError(content.text("plan_bad_dose", problem=problem)) from None
        return lambda current, today, who: set_dose(content, current, card.id, dose, today, who)
    if action == "phase":
        phase = _text(body, "phase").lower()
        day = _day(body, "start")
        if day is None:
            raise BadRequest('"start" is missing')
        return lambda current, today, who: set_phase_start(
            content, current, phase, _near(day, today), today, who)
    if action == "note":
        note = body.get("text")
        if not isinstance(note, str):
            raise BadRequest('"text" is missing' if note is None else '"text" must be text')
        return lambda current, today, who: add_note(content, current, note[:2000], who)
    raise BadRequest(f'"action" must be one of {", ".join(ACTIONS)}')
