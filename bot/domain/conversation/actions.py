"""What the policy can ask the handlers to do: one small dataclass per kind of answer.

Handlers turn each action into a record and a reply; the policy (``policy.decide``)
only chooses them, so the whole state-by-intent table is tested without Telegram.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

from bot.domain import routine as sm
from bot.domain.understanding.reading import FlagHit, IntentKind, PainWhen, Slots, Span, Trend
from bot.domain.understanding.yes_no import ScreenAnswer


@dataclass(frozen=True)
class Safety:
    """Danger now: stop, seek care, hold the programme, alert clinicians."""

    flags: tuple[FlagHit, ...]


@dataclass(frozen=True)
class AskFlag:
    """Maybe danger: ask one yes/no question about it before anything else."""

    hit: FlagHit


@dataclass(frozen=True)
class Routine:
    """Apply an event to the running routine."""

    event: sm.Event


@dataclass(frozen=True)
class StartRoutine:
    """Start today's routine, as /routine and the Start button do ("let's go")."""


@dataclass(frozen=True)
class StopRoutine:
    """End the running routine (what was recorded stays)."""


@dataclass(frozen=True)
class Reprompt:
    """Ask the routine's pending question once more, briefly."""


@dataclass(frozen=True)
class RecordDone:
    """Record exercise done outside a routine, at once, with what the patient said."""

    slots: Slots


@dataclass(frozen=True)
class UndoLast:
    """Take back the last thing recorded today."""


@dataclass(frozen=True)
class PushBack:
    """The patient wants to rest or skip: the gentle case for movement, an easier option."""

    span: Span | None = None
    reason: str | None = None


@dataclass(frozen=True)
class ReportPain:
    """A pain report outside a routine (None: no usable 0-10 number)."""

    score: int | None
    when: PainWhen | None = None
    trend: Trend | None = None


@dataclass(frozen=True)
class ShowExercise:
    """How to do an exercise (None: find it from the words)."""

    exercise_id: str | None = None


@dataclass(frozen=True)
class AnswerQuestion:
    """An everyday question: ``faq`` is the FAQ entry (``content/faq.yaml``) that answers
    it; None offers /ask, as a question for a person."""

    faq: str | None


@dataclass(frozen=True)
class Greet:
    """A greeting or thanks."""


@dataclass(frozen=True)
class OnHold:
    """After a red flag, no coaching until a clinician has checked the patient."""


@dataclass(frozen=True)
class NotTheirs:
    """About someone else, or the past: acknowledged, nothing recorded for the patient."""


@dataclass(frozen=True)
class ReminderRequest:
    """Stop, pause, resume, move, snooze or show the reminders, as the patient asked
    (``slots.reminder``), with the same effects as the commands, confirmed in words."""

    slots: Slots


@dataclass(frozen=True)
class ScreeningAnswer:
    """A typed yes or no to the red-flag screen after high pain, as its buttons do; or
    "unsure", which gets a word on what to do when unsure, and the screen again."""

    answer: ScreenAnswer


@dataclass(frozen=True)
class Suggest:
    """Nothing fits for sure: offer the likeliest meanings as buttons."""

    kinds: tuple[IntentKind, ...]


Action: TypeAlias = (
    Safety | AskFlag | Routine | StartRoutine | StopRoutine | Reprompt | RecordDone | UndoLast
    | PushBack | ReportPain | ShowExercise | AnswerQuestion | Greet | OnHold | NotTheirs | Suggest
    | ReminderRequest | ScreeningAnswer
)
