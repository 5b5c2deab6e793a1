"""The stored state of one routine: ``Session``, its invariants and its JSON round trip.

A session lives as a plain dict between messages, so loading it back is where broken
or outdated data is caught; the checks sit next to the class they protect.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import TypeVar, get_args

from bot.domain.routine.model import (
    ENDED,
    LEVELS,
    PHASES,
    STEP_PHASES,
    VERSION,
    Eased,
    Outcome,
    Phase,
    SessionKind,
    Step,
    StepKind,
)


@dataclass
class Session:
    """Where one guided routine stands; stored as a JSON dict between messages."""

    id: str
    date: str  # local ISO date the session started
    started: str  # UTC stamp
    kind: SessionKind
    steps: list[Step]
    index: int = 0
    phase: Phase = "pain_before"
    seq: int = 0
    easier: list[str] = field(default_factory=list)  # exercises that were too painful today
    pain_before: int | None = None
    pain_after: int | None = None
    pain_painful: int | None = None  # the last score given after "too painful"
    # Once the plan's declared length; no longer written or shown (the length is
    # computed from the steps, ``steps.minutes_of``), kept so stored sessions load.
    minutes: int | None = None

    @property
    def token(self) -> str:
        """The token the buttons of the current prompt carry."""
        return f"{self.id}:{self.seq}"

    @property
    def active(self) -> bool:
        """Whether the session still expects something from the user."""
        return self.phase not in ENDED

    @property
    def current(self) -> Step | None:
        """The step being shown (or stopped as painful), if any."""
        return self.steps[self.index] if self.index < len(self.steps) else None

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dict with a version field."""
        return {"v": VERSION, **asdict(self)}

    @classmethod
    def from_dict(cls, data: object) -> Session | None:
        """The session stored in ``data``, or None if it is from another version or broken.

        A None means "no session": the handler starts afresh rather than guessing.
        """
        try:
            session = _parse_session(data)
            validate(session)
        except (KeyError, TypeError, ValueError, AttributeError):
            return None
        return session


# --- checking --------------------------------------------------------------------------


def validate(session: Session) -> None:
    """Raise ValueError if the session breaks an invariant (used on load and in tests)."""
    s = session
    steps = s.steps
    if not s.id or not steps or s.phase not in PHASES or s.kind not in get_args(SessionKind):
        raise ValueError("bad session header")
    if not 0 <= s.index <= len(steps) or s.seq < 0:
        raise ValueError("index or seq out of range")
    for step in steps:
        _validate_step(step)
    before = [step.outcome for step in steps[: s.index]]
    after = [step.outcome for step in steps[s.index + 1 :]]
    here = steps[s.index].outcome if s.index < len(steps) else None
    if s.phase == "pain_before" and (s.index != 0 or any(st.outcome for st in steps)):
        raise ValueError("steps touched before the start")
    if s.phase in STEP_PHASES:
        if s.index >= len(steps) or None in before or any(after):
            raise ValueError("outcomes do not match the current step")
        if here != ("painful" if s.phase == "red_flag_check" else None):
            raise ValueError("current step outcome does not match the phase")
    if s.phase in ("pain_after", "finished") and (s.index != len(steps) or None in before):
        raise ValueError("finished with steps left")
    for pain in (s.pain_before, s.pain_after, s.pain_painful):
        if pain is not None and not 0 <= pain <= 10:
            raise ValueError("pain out of range")


def _validate_step(step: Step) -> None:
    ok = (
        isinstance(step.exercise_id, str)
        and step.exercise_id != ""
        and 1 <= step.set_no <= step.sets
        and step.side in (None, "left", "right")
        and step.level in LEVELS
        and step.outcome in (None, *get_args(Outcome))
        and (step.kind != "hold" or (step.hold or 0) > 0)
        and (step.kind != "reps" or (step.reps or 0) > 0)
        and (step.kind != "walk" or (step.minutes or 0) > 0)
        and step.kind in get_args(StepKind)
        and step.eased in (None, *get_args(Eased))
    )
    if not ok:
        raise ValueError(f"bad step {step!r}")


# --- loading ---------------------------------------------------------------------------


def _parse_session(data: object) -> Session:
    if not isinstance(data, Mapping) or data.get("v") != VERSION:
        raise ValueError("not a session of this version")
    steps = [_parse_step(raw) for raw in data["steps"]]
    return Session(
        id=_typed(data["id"], str),
        date=_typed(data["date"], str),
        started=_typed(data["started"], str),
        kind=_typed(data["kind"], str),  # type: ignore[arg-type]
        steps=steps,
        index=_typed(data["index"], int),
        phase=_typed(data["phase"], str),  # type: ignore[arg-type]
        seq=_typed(data["seq"], int),
        easier=[_typed(e, str) for e in _typed(data.get("easier", []), list)],
        pain_before=_optional_int(data.get("pain_before")),
        pain_after=_optional_int(data.get("pain_after")),
        pain_painful=_optional_int(data.get("pain_painful")),
        minutes=_optional_int(data.get("minutes")),
    )


def _parse_step(raw: object) -> Step:
    if not isinstance(raw, Mapping):
        raise TypeError("step is not a mapping")
    return Step(
        exercise_id=_typed(raw["exercise_id"], str),
        set_no=_typed(raw["set_no"], int),
        sets=_typed(raw["sets"], int),
        side=raw.get("side"),
        kind=raw["kind"],
        reps=_optional_int(raw.get("reps")),
        hold=_optional_int(raw.get("hold")),
        minutes=_optional_int(raw.get("minutes")),
        level=raw["level"],
        eased=raw.get("eased"),
        outcome=raw.get("outcome"),
    )


_T = TypeVar("_T")


def _typed(value: object, kind: type[_T]) -> _T:
    if not isinstance(value, kind) or isinstance(value, bool):
        raise TypeError(f"expected {kind.__name__}")
    return value


def _optional_int(value: object) -> int | None:
    return None if value is None else _typed(value, int)
