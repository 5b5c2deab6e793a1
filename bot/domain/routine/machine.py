"""The guided routine as a pure state machine: what a reply means and what comes next.

A handler loads the stored session dict, calls :func:`apply` with one event, stores
the new dict and the records together, then sends the outputs. Everything here is
pure (no ``telegram``, no storage, no clock: ``now`` is passed in), so the whole flow
is tested without Telegram.

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

from __future__ import annotations

import copy
import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Literal, TypeAlias, TypeVar, cast, get_args

from bot.content.model import Content, Dose, Exercise
from bot.domain.records import Record, RecordKind, Side, Source, utc_stamp
from bot.domain.routine import replies

VERSION = 1
#: A pain score at or above this, after "too painful", hands over to the red-flag check.
RED_FLAG_PAIN = 7
SECONDS_PER_REP = 4
MAX_REPS = 500

Level = Literal["easier", "normal", "harder"]
Phase = Literal[
    "pain_before", "step", "pain_painful", "red_flag_check", "pain_after", "finished",
    "cancelled",
]  # fmt: skip
StepKind = Literal["hold", "reps", "walk"]
Outcome = Literal["done", "skip", "painful"]
Eased = Literal["variant", "gentler"]
PainContext = Literal["before", "painful", "after"]
SessionKind = Literal["routine", "mobility", "custom"]

LEVELS: tuple[str, ...] = get_args(Level)
PHASES: tuple[str, ...] = get_args(Phase)
ENDED: tuple[str, ...] = ("finished", "cancelled")
_STEP_PHASES = ("step", "pain_painful", "red_flag_check")
_PAIN_PHASES: dict[str, PainContext] = {
    "pain_before": "before",
    "pain_painful": "painful",
    "pain_after": "after",
}


# --- state -----------------------------------------------------------------------------


@dataclass
class Step:
    """One set (and side) of one exercise, as the user is asked to do it."""

    exercise_id: str
    set_no: int
    sets: int
    side: Side | None
    kind: StepKind
    reps: int | None
    hold: int | None  # seconds: the hold, or for reps the pause at the top
    minutes: int | None
    level: Level
    eased: Eased | None = None  # rebuilt after "too painful": the easier variant, or gentler
    outcome: Outcome | None = None


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


# --- events and outputs ----------------------------------------------------------------


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


Event: TypeAlias = PainScore | Done | Skip | TooPainful | Cancel | Resume


@dataclass(frozen=True)
class AskPain:
    """Ask for a pain score; show buttons 0-10 carrying ``token``."""

    context: PainContext
    token: str
    text: str


@dataclass(frozen=True)
class ShowCard:
    """Show the exercise card (at this level) before its first step."""

    exercise_id: str
    level: Level


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


# --- starting --------------------------------------------------------------------------


def start_session(
    content: Content,
    session_id: str,
    local_date: date,
    now: datetime,
    levels: Mapping[str, str] | None = None,
    exercises: Sequence[str] | None = None,
) -> tuple[Session, list[Output]]:
    """A new session for today's routine (or the given exercises) and its first question.

    ``exercises``: None for ``content.routine.exercises``; one id for "Do it now" from
    a card; ``content.routine.mobility_only`` for a flare-up day. Unknown ids raise.
    """
    _check_now(now)
    ids = list(dict.fromkeys(exercises if exercises is not None else content.routine.exercises))
    if not ids:
        raise ValueError("a session needs at least one exercise")
    steps: list[Step] = []
    for exercise_id in ids:
        exercise = content.exercises.get(exercise_id)
        if exercise is None:
            raise ValueError(f"unknown exercise {exercise_id!r}")
        raw = (levels or {}).get(exercise_id)
        level: Level = "easier" if raw == "easier" else "harder" if raw == "harder" else "normal"
        steps += _build_steps(exercise.id, level, exercise.dose_for(level))
    session = Session(
        id=session_id,
        date=local_date.isoformat(),
        started=utc_stamp(now),
        kind=_kind_of_session(content, ids),
        steps=steps,
    )
    return session, current_prompt(content, session)


def _kind_of_session(content: Content, ids: list[str]) -> SessionKind:
    if tuple(ids) == tuple(content.routine.exercises):
        return "routine"
    if tuple(ids) == tuple(content.routine.mobility_only):
        return "mobility"
    return "custom"


def _build_steps(
    exercise_id: str, level: Level, dose: Dose, eased: Eased | None = None
) -> list[Step]:
    """One step per set, and per side when the dose is per side."""
    kind: StepKind = "walk" if dose.minutes else "reps" if dose.reps else "hold"
    sides: tuple[Side | None, ...] = ("left", "right") if dose.per_side else (None,)
    sets = max(1, dose.sets)
    return [
        Step(
            exercise_id=exercise_id,
            set_no=set_no,
            sets=sets,
            side=side,
            kind=kind,
            reps=dose.reps if kind == "reps" else None,
            hold=dose.hold_seconds if kind != "walk" else None,
            minutes=dose.minutes if kind == "walk" else None,
            level=level,
            eased=eased,
        )
        for set_no in range(1, sets + 1)
        for side in sides
    ]


# --- applying events -------------------------------------------------------------------


def apply(
    content: Content, session: Session, event: Event, now: datetime, local_date: date
) -> Transition:
    """The next state for one event; the given session is left untouched."""
    _check_now(now)
    run = _Run(content, copy.deepcopy(session), now, local_date)
    run.handle(event)
    return Transition(run.session, run.records, run.outputs)


class _Run:
    """One event being applied: collects records and outputs as the state moves."""

    def __init__(self, content: Content, session: Session, now: datetime, day: date) -> None:
        self.content = content
        self.session = session
        self.now = now
        self.day = day
        self.records: list[Record] = []
        self.outputs: list[Output] = []

    def handle(self, event: Event) -> None:
        s = self.session
        if s.phase in ENDED:
            return self.ignore("ended")
        if isinstance(event, Cancel):
            s.phase = "cancelled"
            self.outputs.append(Cancelled(self.text("session_cancelled")))
            return None
        token = getattr(event, "token", None)
        if token is not None and token != s.token:
            return self.ignore("stale")
        if s.phase == "red_flag_check":
            if isinstance(event, Resume):
                return self.advance(after_painful=True)
            return self.ignore("paused")
        if isinstance(event, Resume):
            return self.ignore("not_paused")
        if s.phase in _PAIN_PHASES:
            return self.on_pain_phase(event)
        return self.on_step(event)

    # phases

    def on_pain_phase(self, event: Event) -> None:
        if isinstance(event, Skip):
            return self.answer_pain(None, event.source)
        if not isinstance(event, PainScore):
            return self.ignore("expects_pain")
        score = event.score
        if isinstance(score, bool) or not isinstance(score, int) or not 0 <= score <= 10:
            return self.ignore("bad_pain")
        return self.answer_pain(score, event.source)

    def answer_pain(self, score: int | None, source: Source) -> None:
        s = self.session
        if s.phase == "pain_before":
            s.pain_before = score
            if score is not None:
                self.record("pain", "pain:before", source, pain=score, context="before")
            s.phase, s.index, s.seq = "step", 0, s.seq + 1
            self.outputs += _step_outputs(self.content, s, with_card=True)
        elif s.phase == "pain_painful":
            self.painful(score, source)
        else:
            s.pain_after = score
            if score is not None:
                self.record("pain", "pain:after", source, pain=score, context="after")
            self.finish()

    def on_step(self, event: Event) -> None:
        s = self.session
        step = s.steps[s.index]
        if isinstance(event, Done):
            reps = step.reps
            if step.kind == "reps" and event.reps is not None and 1 <= event.reps <= MAX_REPS:
                reps = event.reps
            self.record(
                "done",
                f"{s.index}:done",
                event.source,
                **_where(step),
                reps=reps,
                hold=step.hold if step.kind == "hold" else None,
                note=f"{step.minutes} min" if step.kind == "walk" else None,
            )
            step.outcome = "done"
            return self.advance()
        if isinstance(event, Skip):
            self.record("skip", f"{s.index}:skip", event.source, **_where(step))
            step.outcome = "skip"
            return self.advance()
        if isinstance(event, TooPainful):
            s.phase, s.seq = "pain_painful", s.seq + 1
            self.outputs.append(AskPain("painful", s.token, self.text("session_ask_pain_painful")))
            return None
        return self.ignore("expects_step")

    def painful(self, score: int | None, source: Source) -> None:
        s = self.session
        step = s.steps[s.index]
        self.record("painful", f"{s.index}:painful", source, **_where(step), pain=score)
        step.outcome = "painful"
        s.pain_painful = score
        if step.exercise_id not in s.easier:
            s.easier.append(step.exercise_id)
        _ease_rest(self.content, s)
        if score is not None and score >= RED_FLAG_PAIN:
            s.phase, s.seq = "red_flag_check", s.seq + 1
            self.outputs.append(AskRedFlags(step.exercise_id, score))
            return
        self.advance(after_painful=True)

    def advance(self, after_painful: bool = False) -> None:
        """Move to the next step, or to the pain-after question past the last one."""
        s = self.session
        previous = s.steps[s.index]
        s.index, s.seq = s.index + 1, s.seq + 1
        if s.index >= len(s.steps):
            s.phase = "pain_after"
        else:
            s.phase = "step"
            nxt = s.steps[s.index]
            if after_painful and nxt.eased and nxt.exercise_id == previous.exercise_id:
                self.outputs.append(SwitchedEasier(nxt.exercise_id, self.switched_text(nxt)))
        self.outputs += current_prompt(self.content, s, with_card=False)

    def finish(self) -> None:
        s = self.session
        summary = summarize(s)
        if summary.complete:
            self.record("routine_complete", "complete", "system", note=s.kind)
        s.phase, s.seq = "finished", s.seq + 1
        self.outputs.append(summary)

    # helpers

    def record(self, kind: RecordKind, suffix: str, source: Source, **values: object) -> None:
        record: dict[str, object] = {
            "id": f"{self.session.id}:{suffix}",
            "kind": kind,
            "date": self.day.isoformat(),
            "ts": utc_stamp(self.now),
            "source": source,
            "exercise": None,
            "set": None,
            "side": None,
            "reps": None,
            "hold": None,
            "pain": None,
            "context": None,
            "session": self.session.id,
            "note": None,
        }
        record.update(values)
        self.records.append(cast(Record, record))

    def ignore(self, reason: str) -> None:
        self.outputs.append(Ignored(reason, self.text(f"session_ignored_{reason}")))

    def text(self, key: str, **values: object) -> str:
        return _text(self.content, self.session, key, **values)

    def switched_text(self, step: Step) -> str:
        exercise = self.content.exercises.get(step.exercise_id)
        name = exercise.name if exercise else step.exercise_id
        if exercise and step.eased == "variant":
            return self.text(
                "session_switched_variant",
                exercise=name,
                variant=exercise.easier.name,
                description=exercise.easier.description,
            )
        return self.text("session_switched_gentler", exercise=name, dose=_dose_of(step).describe())


def _where(step: Step) -> dict[str, object]:
    return {"exercise": step.exercise_id, "set": step.set_no, "side": step.side}


def _dose_of(step: Step) -> Dose:
    return Dose(
        sets=step.sets,
        reps=step.reps,
        hold_seconds=step.hold,
        per_side=step.side is not None,
        minutes=step.minutes,
    )


def _gentler(dose: Dose) -> Dose:
    """Half the reps, hold or minutes, never below a small floor nor above the old value."""

    def half(value: int | None, floor: int) -> int | None:
        return None if value is None else max(min(value, floor), value // 2)

    return Dose(
        sets=dose.sets,
        reps=half(dose.reps, 3),
        hold_seconds=half(dose.hold_seconds, 5) if not dose.reps else dose.hold_seconds,
        per_side=dose.per_side,
        minutes=half(dose.minutes, 1),
    )


def _ease_rest(content: Content, s: Session) -> None:
    """Replace the remaining steps of the current exercise with a gentler version."""
    step = s.steps[s.index]
    exercise: Exercise | None = content.exercises.get(step.exercise_id)
    if exercise is None:
        return
    eased: Eased
    if step.level != "easier" and exercise.easier.dose is not None:
        dose, eased = exercise.easier.dose, "variant"
    else:
        dose, eased = _gentler(_dose_of(step)), "gentler"
    rebuilt = [
        new
        for new in _build_steps(step.exercise_id, "easier", dose, eased)
        if new.set_no > step.set_no
        or (new.set_no == step.set_no and step.side == "left" and new.side == "right")
    ]
    end = s.index + 1
    while end < len(s.steps) and s.steps[end].exercise_id == step.exercise_id:
        end += 1
    s.steps[s.index + 1 : end] = rebuilt


# --- what to show ----------------------------------------------------------------------


def current_prompt(content: Content, session: Session, with_card: bool = True) -> list[Output]:
    """The question the session is waiting on, to (re)send it: after a restart, or on
    /routine during a session. The card comes first when ``with_card`` or when the step
    is the first of its exercise."""
    s = session
    if s.phase in ENDED:
        return [Ignored("ended", _text(content, s, "session_ignored_ended"))]
    if s.phase == "red_flag_check":
        step = s.steps[s.index]
        return [AskRedFlags(step.exercise_id, s.pain_painful or RED_FLAG_PAIN)]
    if s.phase in _PAIN_PHASES:
        context = _PAIN_PHASES[s.phase]
        text = _text(content, s, f"session_ask_pain_{context}")
        if context == "before":
            text = f"{intro_text(content, s)}\n\n{text}"
        return [AskPain(context, s.token, text)]
    return _step_outputs(content, s, with_card)


def _step_outputs(content: Content, s: Session, with_card: bool) -> list[Output]:
    step = s.steps[s.index]
    first = s.index == 0 or s.steps[s.index - 1].exercise_id != step.exercise_id
    outputs: list[Output] = []
    if with_card or first:
        outputs.append(ShowCard(step.exercise_id, step.level))
    outputs.append(
        StepPrompt(
            step=copy.copy(step),
            index=s.index,
            total=len(s.steps),
            token=s.token,
            text=step_text(content, step, _rng(s)),
            timer=step.kind == "hold",
        )
    )
    return outputs


def step_text(content: Content, step: Step, rng: random.Random | None = None) -> str:
    """One step as a sentence: "Set 1 of 2, left side: hold 30 s. ..."."""
    if step.side is not None:
        side = content.text(f"session_side_{step.side}", rng)
        label = content.text(
            "session_set_label_side", rng, set_no=step.set_no, sets=step.sets, side=side
        )
    else:
        label = content.text("session_set_label", rng, set_no=step.set_no, sets=step.sets)
    if step.kind == "walk":
        key = "session_step_walk" if step.sets == 1 else "session_step_walk_sets"
        return content.text(key, rng, label=label, duration=_duration(content, step.minutes or 0))
    if step.kind == "reps":
        key = "session_step_reps_hold" if step.hold else "session_step_reps"
        return content.text(key, rng, label=label, reps=step.reps, hold=step.hold)
    return content.text("session_step_hold", rng, label=label, hold=step.hold)


def intro_text(content: Content, session: Session) -> str:
    """The plan in one line: exercise names and rough minutes (the routine's own figure for
    the daily routine, so the bot never names two different lengths for it)."""
    names = [
        content.exercises[i].name if i in content.exercises else i
        for i in dict.fromkeys(step.exercise_id for step in session.steps)
    ]
    minutes = content.routine.minutes if session.kind == "routine" else _minutes(session.steps)
    duration = _duration(content, minutes)
    return _text(content, session, "session_intro", names=", ".join(names), duration=duration)


def timer_end(content: Content, session: Session, token: str) -> TimerEnd | Ignored:
    """What to say when a hold timer runs out; the user still taps Done to record it."""
    if not session.active:
        return Ignored("ended", _text(content, session, "session_ignored_ended"))
    if session.phase != "step" or token != session.token:
        return Ignored("stale", _text(content, session, "session_ignored_stale"))
    step = session.steps[session.index]
    switch = step.side == "left" and any(
        later.exercise_id == step.exercise_id and later.side == "right"
        for later in session.steps[session.index + 1 : session.index + 2]
    )
    key = "session_timer_switch" if switch else "session_timer_done"
    return TimerEnd(token, _text(content, session, key))


def interpret_text(text: str) -> Event | None:
    """A typed reply as an event (no token), or None to hand it to the general classifier.

    :func:`apply` then decides whether it fits the moment. A reply that says "it hurts"
    together with "done" or "skip" is left to the classifier, so that pain is never
    silently logged as a plain done or skip.
    """
    done, reps = replies.parse_done(text)
    skip = replies.parse_skip(text)
    painful = replies.parse_too_painful(text)
    if painful and (done or skip):
        return None
    if done:
        return Done("text", None, reps)
    if skip:
        return Skip("text", None)
    if painful:
        return TooPainful("text", None)
    score = replies.parse_pain_score(text)
    return None if score is None else PainScore(score, None, "text")


# --- summary ---------------------------------------------------------------------------


def summarize(session: Session) -> Summary:
    """Counts for the summary; a set counts once even when done on both sides."""
    sets: dict[tuple[str, int], list[Outcome | None]] = {}
    for step in session.steps:
        sets.setdefault((step.exercise_id, step.set_no), []).append(step.outcome)
    done_ids = tuple(dict.fromkeys(st.exercise_id for st in session.steps if st.outcome == "done"))
    handled = all(step.outcome is not None for step in session.steps)
    return Summary(
        session_id=session.id,
        kind=session.kind,
        complete=handled and bool(done_ids),
        exercises_done=len(done_ids),
        exercises_total=len({step.exercise_id for step in session.steps}),
        sets_done=sum("done" in outcomes for outcomes in sets.values()),
        sets_skipped=sum(
            "done" not in o and "painful" not in o and "skip" in o for o in sets.values()
        ),
        sets_painful=sum("done" not in o and "painful" in o for o in sets.values()),
        minutes=_minutes([step for step in session.steps if step.outcome == "done"]),
        pain_before=session.pain_before,
        pain_after=session.pain_after,
        exercise_ids=done_ids,
        easier=tuple(session.easier),
    )


def summary_text(
    content: Content,
    summary: Summary,
    streak: int | None = None,
    reason: str | None = None,
    rng: random.Random | None = None,
) -> str:
    """The closing message: headline, counts, pain, streak and why it mattered.

    ``reason`` is a line from the handler; without one, a phrasing of a reason that
    one of the exercises done helps with is picked.
    """
    rng = rng or random.Random(summary.session_id)
    if not summary.exercises_done:
        key = "session_summary_all_painful" if summary.sets_painful else "session_summary_none"
        return content.text(key, rng)
    lines = [
        content.text(
            "session_summary_complete" if summary.complete else "session_summary_partial", rng
        ),
        content.text(
            "session_summary_counts",
            rng,
            exercises=summary.exercises_done,
            total=summary.exercises_total,
            sets=summary.sets_done,
            duration=_duration(content, summary.minutes),
        ),
    ]
    if summary.sets_skipped:
        lines.append(content.text("session_summary_skipped", rng, skipped=summary.sets_skipped))
    if summary.pain_before is not None and summary.pain_after is not None:
        lines.append(
            content.text(
                "session_summary_pain", rng, before=summary.pain_before, after=summary.pain_after
            )
        )
    if streak == 1:
        lines.append(content.text("session_summary_streak_one", rng))
    elif streak is not None and streak > 1:
        lines.append(content.text("session_summary_streak", rng, streak=streak))
    reason = reason or _reason_line(content, summary, rng)
    if reason:
        lines.append(reason)
    return "\n".join(lines)


def _reason_line(content: Content, summary: Summary, rng: random.Random) -> str | None:
    helps = [
        reason_id
        for exercise_id in summary.exercise_ids
        if (exercise := content.exercises.get(exercise_id)) is not None
        for reason_id in exercise.helps
        if reason_id in content.reasons and content.reasons[reason_id].texts
    ]
    if not helps:
        return None
    return rng.choice(content.reasons[rng.choice(helps)].texts)


def _minutes(steps: Sequence[Step]) -> int:
    seconds = 0
    for step in steps:
        if step.kind == "walk":
            seconds += (step.minutes or 0) * 60
        elif step.kind == "reps":
            seconds += (step.reps or 0) * (SECONDS_PER_REP + (step.hold or 0))
        else:
            seconds += step.hold or 0
    return math.ceil(seconds / 60)


def _duration(content: Content, minutes: int) -> str:
    key = "session_minute_one" if minutes == 1 else "session_minutes"
    return content.text(key, None, minutes=minutes)


def _rng(session: Session) -> random.Random:
    """Phrasing varies between steps yet is repeatable for the same state."""
    return random.Random(f"{session.id}:{session.seq}")


def _text(content: Content, session: Session, key: str, **values: object) -> str:
    return content.text(key, _rng(session), **values)


def _check_now(now: datetime) -> None:
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")


# --- loading and checking --------------------------------------------------------------


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
    if s.phase in _STEP_PHASES:
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
