"""What goes into the routine and what comes out: events, outputs and one transition.

Handlers turn buttons and typed replies into these events and turn the outputs into
messages; keeping both vocabularies in one place shows the whole contract at a glance.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TypeAlias

from bot.content.model import Dose
from bot.domain.records import Record, Source
from bot.domain.routine.model import Level, PainContext, SessionKind, Step
from bot.domain.routine.replies import (
    parse_done,
    parse_pain_score,
    parse_skip,
    parse_too_painful,
)
from bot.domain.routine.session import Session

# --- events ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PainScore:
    """A 0-10 pain score, from a number button (with its token) or typed (no token)."""

    score: int
    token: str | None = None
    source: Source = "button"


@dataclass(frozen=True)
class Done:
    """The current step is done; typed "done 8" overrides the planned repetitions."""

    source: Source = "button"
    token: str | None = None
    reps: int | None = None
    both_sides: bool = False  # "finished both sides": the other side's step too


@dataclass(frozen=True)
class DoneAll:
    """Everything left is done ("all done"): record each step, then ask the after-pain.

    Also the answer to the before-routine pain question when the patient already did
    the routine without tapping anything.
    """

    source: Source = "text"


@dataclass(frozen=True)
class PainDuring:
    """A pain score typed while a step is shown: carry on, ease off, or stop."""

    score: int
    source: Source = "text"


@dataclass(frozen=True)
class Easier:
    """Make the current exercise and the rest of the routine gentler ("easier please")."""

    source: Source = "text"


@dataclass(frozen=True)
class Skip:
    """Skip the current step, or leave a pain question unanswered."""

    source: Source = "button"
    token: str | None = None


@dataclass(frozen=True)
class TooPainful:
    """The current step hurts too much."""

    source: Source = "button"
    token: str | None = None


@dataclass(frozen=True)
class Cancel:
    """Stop the routine here; what was recorded stays."""


@dataclass(frozen=True)
class Resume:
    """The red-flag check is over and the user may go on (sent by the handler)."""


Event: TypeAlias = (
    PainScore | Done | DoneAll | PainDuring | Easier | Skip | TooPainful | Cancel | Resume
)


@lru_cache(maxsize=1024)
def interpret_text(text: str) -> Event | None:
    """A typed reply as an event (no token), or None to hand it to the general classifier.

    Memoised, as ``interpret`` is: pure, its events frozen, and asked about the same
    text by the gate, the routine and the policy of one update.

    :func:`apply` then decides whether it fits the moment. A reply that says "it hurts"
    together with "done" or "skip" is left to the classifier, so that pain is never
    silently logged as a plain done or skip.
    """
    done, reps = parse_done(text)
    skip = parse_skip(text)
    painful = parse_too_painful(text)
    if painful and (done or skip):
        return None
    if done:
        return Done("text", None, reps)
    if skip:
        return Skip("text", None)
    if painful:
        return TooPainful("text", None)
    score = parse_pain_score(text)
    return None if score is None else PainScore(score, None, "text")


# --- outputs ---------------------------------------------------------------------------


@dataclass(frozen=True)
class AskPain:
    """Ask for a pain score; show buttons 0-10 carrying ``token``."""

    context: PainContext
    token: str
    text: str


@dataclass(frozen=True)
class ShowCard:
    """Show the exercise card (at this level) before its first step. ``dose``: the one
    its steps ask for (``steps.dose_of``), which the card and its caption name; None
    (an older caller) for the dose in use at that level."""

    exercise_id: str
    level: Level
    dose: Dose | None = None


@dataclass(frozen=True)
class StepPrompt:
    """Ask for one step; buttons Done, Skip, Too painful (and Start timer if ``timer``)."""

    step: Step
    index: int
    total: int
    token: str
    text: str
    timer: bool


@dataclass(frozen=True)
class SwitchedEasier:
    """The rest of an exercise is now gentler; say so before the next step."""

    exercise_id: str
    text: str


@dataclass(frozen=True)
class AskRedFlags:
    """Pain was high: the coaching module asks about red flags, then sends ``Resume``."""

    exercise_id: str
    pain: int


@dataclass(frozen=True)
class StoppedForPain:
    """Pain above the model's limit (before or during): no more exercise today.

    The routine has ended; the coaching side screens for red flags and offers the
    flare-up plan or rest. ``before``: it was the before-routine score.
    """

    score: int
    before: bool


@dataclass(frozen=True)
class PainNoted:
    """A pain score during the routine that allows carrying on; ``text`` says how."""

    score: int
    text: str


@dataclass(frozen=True)
class Summary:
    """What the session achieved; render it with :func:`summary_text`."""

    session_id: str
    kind: SessionKind
    complete: bool
    exercises_done: int
    exercises_total: int
    sets_done: int
    sets_skipped: int
    sets_painful: int
    minutes: int
    pain_before: int | None
    pain_after: int | None
    exercise_ids: tuple[str, ...]  # exercises with at least one step done
    easier: tuple[str, ...]


@dataclass(frozen=True)
class Cancelled:
    """The routine was stopped."""

    text: str


@dataclass(frozen=True)
class TimerEnd:
    """The hold timer ran out; the step's buttons (same token) stay valid."""

    token: str
    text: str


@dataclass(frozen=True)
class Ignored:
    """The event did not fit; nothing changed. ``reason``: ended, stale, expects_pain,
    expects_step, bad_pain, paused or not_paused."""

    reason: str
    text: str


Output: TypeAlias = (
    AskPain
    | ShowCard
    | StepPrompt
    | SwitchedEasier
    | AskRedFlags
    | StoppedForPain
    | PainNoted
    | Summary
    | Cancelled
    | TimerEnd
    | Ignored
)


@dataclass(frozen=True)
class Transition:
    """The result of one event: the new session, records to store, messages to send."""

    session: Session
    records: list[Record]
    outputs: list[Output]
