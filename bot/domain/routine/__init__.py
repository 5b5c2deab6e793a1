"""The guided routine as a pure state machine: what a reply means and what comes next.

A handler loads the stored session dict, calls :func:`apply` with one event, stores
the new dict and the records together, then sends the outputs. Everything here is
pure (no ``telegram``, no storage, no clock: ``now`` is passed in), so the whole flow
is tested without Telegram.

This module is the package's public face; the rest is split by job: ``model`` (constants,
types, ``Step``), ``session`` (``Session``, its checks and loading), ``events`` (what goes
in and comes out), ``steps`` (doses to steps), ``prompts`` (what to ask now), ``summary``
(the closing counts and message), ``start`` (a new session), ``run`` (the transitions)
and ``replies`` (reading typed replies).

The flow: ask the pain before, then one step per set and side of each exercise
(Done / Skip / Too painful), then the pain after and a summary.

Decisions worth knowing:

* Every prompt carries a ``token`` (``"<session id>:<seq>"``); ``seq`` grows whenever
  the bot moves on, so a button from an older message or a second tap is "stale".
  Typed replies carry no token and apply to whatever is asked now.
* Record ids are ``<session>:<step index>:done|skip|painful``, ``<session>:pain:before``,
  ``<session>:pain:after`` and ``<session>:complete``: replaying an event cannot mint a
  second id.
* "Too painful" then a pain score: the rest of that exercise switches to its easier
  variant's dose; with no variant dose, or when already easier, to a gentler dose
  (same sets, reps and holds halved, at least 3 reps / 5 s / 1 minute).
* A pain question may be skipped (``Skip``): nothing is recorded for it.
* A step stopped as too painful counts as handled, so a routine whose steps were all
  done, skipped or too painful, with at least one done, is complete. Stopping for pain
  is the right call and should not cost the streak.
* Minutes are estimated from the doses: a hold's seconds, 4 s per repetition plus its
  pause at the top, a walk's minutes; rounded up.
"""

from bot.domain.routine.events import (
    AskPain,
    AskRedFlags,
    Cancel,
    Cancelled,
    Done,
    DoneAll,
    Easier,
    Event,
    Ignored,
    Output,
    PainDuring,
    PainNoted,
    PainScore,
    Resume,
    ShowCard,
    Skip,
    StepPrompt,
    StoppedForPain,
    Summary,
    SwitchedEasier,
    TimerEnd,
    TooPainful,
    Transition,
    interpret_text,
)
from bot.domain.routine.model import ENDED
from bot.domain.routine.prompts import current_prompt, step_text, timer_end
from bot.domain.routine.run import apply
from bot.domain.routine.session import Session, validate
from bot.domain.routine.start import start_session
from bot.domain.routine.summary import summary_text
from bot.domain.routine.take_back import step_indices, take_back

__all__ = [
    "ENDED",
    "AskPain",
    "AskRedFlags",
    "Cancel",
    "Cancelled",
    "Done",
    "DoneAll",
    "Easier",
    "Event",
    "Ignored",
    "Output",
    "PainDuring",
    "PainNoted",
    "PainScore",
    "Resume",
    "Session",
    "ShowCard",
    "Skip",
    "StepPrompt",
    "StoppedForPain",
    "Summary",
    "SwitchedEasier",
    "TimerEnd",
    "TooPainful",
    "Transition",
    "apply",
    "current_prompt",
    "interpret_text",
    "start_session",
    "step_indices",
    "step_text",
    "summary_text",
    "take_back",
    "timer_end",
    "validate",
]
