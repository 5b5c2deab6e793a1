"""One policy for every message: red flags first, then what fits the moment.

The understanding step reads a message once (``Interpretation``); this module decides
what to do with it given where the conversation stands. The order is fixed and
explicit:

1. A live red flag wins in every state; a vague one gets one yes/no question.
2. A question the bot is waiting for (a pain score, a step of the routine) takes the
   replies that fit it. "done" at the before-routine pain question means the routine
   is already done: recorded, then the after-pain is asked.
3. Anything else recognised is handled, and the pending question asked again briefly,
   so nothing the patient types is dropped without a reply that shows it was read.
   An everyday question is answered from the FAQ entry its reading carries
   (``understanding.faq_reading.with_faq``, added by the caller), or offered /ask.
   A reminder request ("stop reminding me", "remind me at 8 tomorrow") is carried out
   in every state but the red-flag check; after a red flag (held) only what sends
   nothing (stop, pause, show) is, and the rest shows the reminders on hold.
   A typed request to start ("start today's routine", "let's go") starts the routine
   when none runs, as the Start button does; in one, its pending question is asked again.
4. The red-flag screen after high pain (``red_flag_check`` in a routine, ``screening``
   outside one, before or after it) takes a typed yes or no as its buttons do; a
   "done" meanwhile is recorded, and the screen asked again until it is answered.

Pure: no ``telegram``, no storage; the handlers carry the actions out.
"""

from __future__ import annotations

import re
from typing import Literal

from bot.domain import routine as sm
from bot.domain.conversation.actions import (
    Action,
    AnswerQuestion,
    AskFlag,
    Greet,
    NotTheirs,
    OnHold,
    PushBack,
    RecordDone,
    ReminderRequest,
    ReportPain,
    Reprompt,
    Routine,
    Safety,
    ScreeningAnswer,
    ShowExercise,
    StartRoutine,
    StopRoutine,
    Suggest,
    UndoLast,
)
from bot.domain.understanding.reading import IntentKind, Interpretation, Reading, Slots
from bot.domain.understanding.yes_no import ScreenAnswer

State = Literal[
    "idle", "held", "screening", "pain_before", "step", "pain_painful", "red_flag_check",
    "pain_after",
]
STATES: tuple[State, ...] = (
    "idle", "held", "screening", "pain_before", "step", "pain_painful", "red_flag_check",
    "pain_after",
)
PAIN_STATES: frozenset[str] = frozenset({"pain_before", "pain_painful", "pain_after"})
#: The red-flag screen waits for its answer: in a routine, or outside one after high pain.
SCREEN_STATES: frozenset[str] = frozenset({"red_flag_check", "screening"})
#: What "did you mean" offers when nothing else is likely.
DEFAULT_SUGGESTIONS: tuple[IntentKind, ...] = ("done", "rest", "exercise")
#: Reminder requests carried out while held after a red flag: none of them sends anything.
HELD_REMINDER_ACTIONS = frozenset({"stop", "pause", "show", "keep"})
#: A runner-up this likely is worth offering as a button.
SUGGEST_FROM = 0.15
#: FAQ entries a routine's step answers itself: "easier please" switches to the easier
#: version; "how long do I hold it", "what's next" are what the step shows, asked again.
FAQ_EASIER = "easier"
FAQ_SHOWN_BY_STEP = frozenset({"hold", "next"})

_ASKS_FOR_EXERCISE = re.compile(r"exercise suggestion|which exercise|what exercise|stretch for")


def state_of(session: sm.Session | None, held: bool, screening: bool = False) -> State:
    """The conversation state from the running routine (if any), the red-flag hold and
    the screen after high pain (``screening``: asked outside a routine, not answered)."""
    if session is not None and session.active:
        phase = session.phase
        if phase in ("pain_before", "step", "pain_painful", "red_flag_check", "pain_after"):
            return phase
    if held:
        return "held"
    return "screening" if screening else "idle"


def decide(reading: Interpretation, state: State, short: sm.Event | None = None,
           answer: ScreenAnswer | None = None) -> tuple[Action, ...]:
    """What to do with one message. ``short``: the routine's strict reading of it;
    ``answer``: its reading as a yes or no to the red-flag screen (``screening_answer``),
    used only while the screen waits."""
    if reading.is_red_flag:
        return (Safety(reading.live_flags),)
    if state in SCREEN_STATES and answer == "yes":
        return (ScreeningAnswer("yes"),)  # the danger answer: before any vaguer question
    if reading.ask_about is not None:
        return (AskFlag(reading.ask_about),)
    if state in SCREEN_STATES:
        return _at_screening(reading.top, answer)
    if reading.top.kind == "reminder":
        return _reminder_request(reading.top, state)
    if reading.top.kind == "start" and reading.top.qualifier is None:
        if state == "idle":
            return (StartRoutine(),)
        if state == "held":
            return (OnHold(),)
        return (Reprompt(),)  # a routine is under way: its pending question, again
    if state in PAIN_STATES:
        return _at_pain_question(reading.top, state, short)
    if state == "step":
        return _at_step(reading.top, short)
    return _outside_routine(reading, held=state == "held")


def _reminder_request(top: Reading, state: State) -> tuple[Action, ...]:
    """Carried out at once; in a routine, its pending question asked again after."""
    slots = top.slots
    if state == "held" and slots.reminder not in HELD_REMINDER_ACTIONS:
        slots = Slots(reminder="show")  # "turn them back on": not before a clinician's check
    if state in ("idle", "held"):
        return (ReminderRequest(slots),)
    return (ReminderRequest(slots), Reprompt())


def _side_remark(top: Reading) -> tuple[Action, ...]:
    """Something besides the pending question: handle it, the caller asks again."""
    kind = top.kind
    if kind == "exercise":
        return (ShowExercise(top.slots.exercise),)
    if kind == "question":
        if top.slots.faq is not None:  # the entry the understanding step found for it
            return (AnswerQuestion(top.slots.faq),)
        if _ASKS_FOR_EXERCISE.search((top.slots.topic or "").lower()):
            return (ShowExercise(None),)  # "something for tight hips": the finder's choices
        return (AnswerQuestion(None),)  # one for a person: offered /ask
    if kind == "undo":
        return (UndoLast(),)
    if kind == "social":
        return (Greet(),)
    return ()


def _at_screening(top: Reading, answer: ScreenAnswer | None) -> tuple[Action, ...]:
    """The screen takes a yes or no; a "done" is recorded, a side remark handled; then
    the screen is asked again. Nothing else (a rest, a start, a reminder change) goes
    ahead before it is answered: it asks about danger."""
    if answer is not None:
        return (ScreeningAnswer(answer),)
    if top.kind == "done" and top.qualifier is None:
        return (RecordDone(top.slots), Reprompt())
    return (*_side_remark(top), Reprompt())


def _score_put_right(top: Reading) -> bool:
    """An undo that names the right score ("that 3 was a typo, I meant 6"): inside a routine
    it is that score, and what comes next follows it."""
    return top.kind == "undo" and top.slots.score is not None


def _at_pain_question(top: Reading, state: State, short: sm.Event | None
                      ) -> tuple[Action, ...]:
    if isinstance(short, sm.PainScore | sm.Skip):
        return (Routine(short),)
    if top.qualifier is None:
        if (top.kind == "pain" or _score_put_right(top)) and top.slots.score is not None:
            return (Routine(sm.PainScore(top.slots.score, None, "text")),)
        if top.kind == "pain":  # "11/10", "it hurts": a number from 0 to 10, please
            return (ReportPain(None), Reprompt())
        if state == "pain_before" and (top.kind == "done" or isinstance(short, sm.Done)):
            return (Routine(sm.DoneAll("text")),)
        if top.kind == "rest":
            if state == "pain_before":
                return (StopRoutine(), PushBack(top.slots.span, top.slots.reason))
            return (Routine(sm.Skip("text")),)
    return (*_side_remark(top), Reprompt())


def _at_step(top: Reading, short: sm.Event | None) -> tuple[Action, ...]:
    slots = top.slots
    if isinstance(short, sm.PainScore):
        return (Routine(sm.PainDuring(short.score)),)
    if isinstance(short, sm.Done) and not (top.kind == "done" and slots.all):
        both = top.kind == "done" and slots.sides == "both"
        reps = short.reps if short.reps is not None else slots.reps
        return (Routine(sm.Done("text", None, reps, both_sides=both)),)
    if isinstance(short, sm.Skip | sm.TooPainful):
        return (Routine(short),)
    if top.qualifier is None:
        if top.kind == "done":
            if slots.all:
                return (Routine(sm.DoneAll("text")),)
            return (Routine(sm.Done("text", None, slots.reps, both_sides=slots.sides == "both")),)
        if top.kind == "pain" or _score_put_right(top):
            if slots.score is None:
                return (Routine(sm.TooPainful("text")),)
            return (Routine(sm.PainDuring(slots.score)),)
        if top.kind == "rest":
            return (StopRoutine(), PushBack(slots.span, slots.reason))
        if top.kind == "question":
            if slots.faq == FAQ_EASIER:
                return (Routine(sm.Easier()),)
            if slots.faq in FAQ_SHOWN_BY_STEP:
                return (Reprompt(),)
    return (*_side_remark(top), Reprompt())


def _outside_routine(reading: Interpretation, held: bool) -> tuple[Action, ...]:
    top = reading.top
    slots = top.slots
    if top.qualifier is not None and top.kind not in ("social", "question", "exercise",
                                                       "unknown"):
        return (NotTheirs(),)
    if reading.flags and top.kind in ("social", "unknown"):
        # "my mum fell last year": a warning sign that is not the patient's, now. Say it
        # was read and not recorded, rather than answer with a greeting.
        return (NotTheirs(),)
    if top.kind == "done":
        return (RecordDone(slots), OnHold()) if held else (RecordDone(slots),)
    if top.kind == "undo":
        return (UndoLast(),)
    if top.kind in ("rest", "pain") and held:
        return (OnHold(),)
    if top.kind == "rest":
        return (PushBack(slots.span, slots.reason),)
    if top.kind == "pain":
        return (ReportPain(slots.score, slots.when, slots.trend),)
    side = _side_remark(top)
    if side:
        return side
    return (Suggest(_suggestions(reading)),)


def _suggestions(reading: Interpretation) -> tuple[IntentKind, ...]:
    """The two or three likeliest meanings, for "did you mean" buttons."""
    likely = [r.kind for r in reading.readings
              if r.kind not in ("unknown", "redflag", "social", "reminder", "start")
              and r.confidence >= SUGGEST_FROM]
    picked = list(dict.fromkeys(likely))[:3]
    for kind in DEFAULT_SUGGESTIONS:
        if len(picked) >= 3:
            break
        if kind not in picked:
            picked.append(kind)
    return tuple(picked)
