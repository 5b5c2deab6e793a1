"""Starting a routine: the steps for today's exercises at the user's levels.

A session is only ever created here, so every session begins in the same shape:
first phase, index 0, and the pain-before question as its first output.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime

from bot.content.model import Content, Routine
from bot.domain.records import utc_stamp
from bot.domain.routine.events import Output
from bot.domain.routine.model import SessionKind, check_now
from bot.domain.routine.prompts import current_prompt
from bot.domain.routine.session import Session
from bot.domain.routine.steps import routine_steps


def start_session(
    content: Content,
    session_id: str,
    local_date: date,
    now: datetime,
    levels: Mapping[str, str] | None = None,
    exercises: Sequence[str] | None = None,
    pain_before: int | None = None,
    routine: Routine | None = None,
) -> tuple[Session, list[Output]]:
    """A new session for today's routine (or the given exercises) and its first question.

    ``routine``: the patient's own (their plan's phase, with its doses); None for
    ``content.routine``. ``exercises``: None for the routine's exercises; one id for
    "Do it now" from a card; the routine's ``mobility_only`` for a flare-up day.
    Unknown ids raise.
    ``pain_before``: the score is already known (the flare-up plan that followed it), so
    the session starts at its first step instead of asking again.
    """
    check_now(now)
    plan = routine or content.routine
    ids = list(dict.fromkeys(exercises if exercises is not None else plan.exercises))
    if not ids:
        raise ValueError("a session needs at least one exercise")
    session = Session(
        id=session_id,
        date=local_date.isoformat(),
        started=utc_stamp(now),
        kind=_kind_of_session(plan, ids),
        steps=routine_steps(content, plan, ids, levels),
    )
    if pain_before is not None:
        session.pain_before, session.phase = pain_before, "step"
    return session, current_prompt(content, session)


def _kind_of_session(plan: Routine, ids: list[str]) -> SessionKind:
    if tuple(ids) == tuple(plan.exercises):
        return "routine"
    if tuple(ids) == tuple(plan.mobility_only):
        return "mobility"
    return "custom"
