"""Applying one event to a session: the transitions, the records they write, the outputs.

This is the state machine proper; everything it needs to say or compute comes from
the sibling modules, so this file reads as the list of rules.
"""

from __future__ import annotations

import copy
from datetime import date, datetime

from bot.content.model import Content
from bot.domain.coaching.pain_model import pain_zone
from bot.domain.records import Record, RecordKind, Source, new_record
from bot.domain.routine.events import (
    AskPain,
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
    Skip,
    StoppedForPain,
    SwitchedEasier,
    TooPainful,
    Transition,
)
from bot.domain.routine.model import ENDED, MAX_REPS, PAIN_PHASES, Step, check_now
from bot.domain.routine.prompts import current_prompt, session_text, step_outputs
from bot.domain.routine.session import Session
from bot.domain.routine.steps import dose_of, ease_rest
from bot.domain.routine.summary import summarize


def apply(
    content: Content, session: Session, event: Event, now: datetime, local_date: date
) -> Transition:
    """The next state for one event; the given session is left untouched."""
    check_now(now)
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
        if s.phase in PAIN_PHASES:
            return self.on_pain_phase(event)
        return self.on_step(event)

    # phases

    def on_pain_phase(self, event: Event) -> None:
        if isinstance(event, Skip):
            return self.answer_pain(None, event.source)
        if isinstance(event, PainDuring):
            event = PainScore(event.score, None, event.source)
        typed_done = isinstance(event, Done) and event.token is None
        if (isinstance(event, DoneAll) or typed_done) and self.session.phase == "pain_before":
            # Done already, without tapping through: record it all, ask the after-pain.
            return self.done_all(event.source)  # type: ignore[union-attr]
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
                if pain_zone(score) == "too_much":
                    # Above the pain model's limit: no exercise starts (safety first).
                    s.phase, s.seq = "cancelled", s.seq + 1
                    self.outputs.append(StoppedForPain(score, before=True))
                    return
            s.phase, s.index, s.seq = "step", 0, s.seq + 1
            self.outputs += step_outputs(self.content, s, with_card=True)
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
        if isinstance(event, DoneAll):
            return self.done_all(event.source)
        if isinstance(event, PainDuring):
            return self.pain_during(event)
        if isinstance(event, Easier):
            return self.easier()
        if isinstance(event, Done) and event.both_sides and self.other_side_next():
            self.mark_done(step, event)
            s.index += 1
            step = s.steps[s.index]
        if isinstance(event, Done):
            self.mark_done(step, event)
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

    def mark_done(self, step: Step, event: Done | DoneAll) -> None:
        """Record one step as done (typed "done 8" overrides the planned repetitions)."""
        reps = step.reps
        asked = event.reps if isinstance(event, Done) else None
        if step.kind == "reps" and asked is not None and 1 <= asked <= MAX_REPS:
            reps = asked
        self.record(
            "done",
            f"{self.session.steps.index(step)}:done",
            event.source,
            **_where(step),
            reps=reps,
            hold=step.hold if step.kind == "hold" else None,
            note=f"{step.minutes} min" if step.kind == "walk" else None,
        )
        step.outcome = "done"

    def other_side_next(self) -> bool:
        """Whether the next step is the same set of the same exercise, other side."""
        s = self.session
        if s.index + 1 >= len(s.steps):
            return False
        here, nxt = s.steps[s.index], s.steps[s.index + 1]
        return (here.side is not None and nxt.side is not None and here.side != nxt.side
                and here.exercise_id == nxt.exercise_id and here.set_no == nxt.set_no)

    def done_all(self, source: Source) -> None:
        """Every step not yet handled is done; then the after-pain question."""
        s = self.session
        start = 0 if s.phase == "pain_before" else s.index
        for step in s.steps[start:]:
            if step.outcome is None:
                self.mark_done(step, DoneAll(source))
        s.index = len(s.steps) - 1
        s.phase = "step"
        self.advance()

    def pain_during(self, event: PainDuring) -> None:
        """Pain typed mid-routine, read by the pain model: carry on, ease off, or stop."""
        s = self.session
        step = s.steps[s.index]
        score = event.score
        if not 0 <= score <= 10:
            return self.ignore("bad_pain")
        self.record("pain", f"{s.index}:pain:{s.seq}", event.source, **_where(step),
                    pain=score, context="during")
        zone = pain_zone(score)
        if zone == "too_much":
            s.phase, s.seq = "cancelled", s.seq + 1
            self.outputs.append(StoppedForPain(score, before=False))
            return None
        if zone == "acceptable":
            self.outputs.append(PainNoted(score, self.text("session_pain_noted_easier",
                                                           pain=score)))
            return self.easier()
        self.outputs.append(PainNoted(score, self.text("session_pain_noted_carry_on",
                                                       pain=score)))
        s.seq += 1
        self.outputs += step_outputs(self.content, s, with_card=False, again=True)
        return None

    def easier(self) -> None:
        """The rest of the current exercise, and every later one, at a gentler dose."""
        s = self.session
        step = s.steps[s.index]
        if step.exercise_id not in s.easier:
            s.easier.append(step.exercise_id)
        # The current step itself becomes gentler too: rebuild from it onwards.
        ease_rest(self.content, s, include_current=True)
        s.seq += 1
        self.outputs.append(SwitchedEasier(step.exercise_id, self.switched_text(s.steps[s.index])))
        self.outputs += step_outputs(self.content, s, with_card=False, again=True)

    def painful(self, score: int | None, source: Source) -> None:
        s = self.session
        step = s.steps[s.index]
        self.record("painful", f"{s.index}:painful", source, **_where(step), pain=score)
        step.outcome = "painful"
        s.pain_painful = score
        if step.exercise_id not in s.easier:
            s.easier.append(step.exercise_id)
        if score is not None and pain_zone(score) == "too_much":
            # the pain model's limit, as for a score typed mid-routine: no more exercise
            # today; the coaching side screens for red flags, then offers the flare-up plan
            s.phase, s.seq = "cancelled", s.seq + 1
            self.outputs.append(StoppedForPain(score, before=False))
            return
        ease_rest(self.content, s)
        self.advance(after_painful=True)

    def advance(self, after_painful: bool = False) -> None:
        """Move to the next step, or to the pain-after question past the last one."""
        s = self.session
        previous = s.steps[s.index]
        s.index, s.seq = s.index + 1, s.seq + 1
        if s.index >= len(s.steps):
            s.phase = "pain_after"
            # recorded now, not after the last question: a patient who puts the phone
            # down without scoring the pain after has still finished the day's routine
            self.record_complete()
        else:
            s.phase = "step"
            nxt = s.steps[s.index]
            if after_painful and nxt.eased and nxt.exercise_id == previous.exercise_id:
                self.outputs.append(SwitchedEasier(nxt.exercise_id, self.switched_text(nxt)))
        self.outputs += current_prompt(self.content, s, with_card=False)

    def finish(self) -> None:
        s = self.session
        self.record_complete()  # again for a session stored before it was recorded earlier
        s.phase, s.seq = "finished", s.seq + 1
        self.outputs.append(summarize(s))

    def record_complete(self) -> None:
        """The routine counts for the day once every step is handled and one was done."""
        if summarize(self.session).complete:
            self.record("routine_complete", "complete", "system", note=self.session.kind)

    # helpers

    def record(self, kind: RecordKind, suffix: str, source: Source, **values: object) -> None:
        session_id = self.session.id
        self.records.append(
            new_record(
                f"{session_id}:{suffix}",
                kind,
                self.day,
                self.now,
                source,
                session=session_id,
                **values,
            )
        )

    def ignore(self, reason: str) -> None:
        self.outputs.append(Ignored(reason, self.text(f"session_ignored_{reason}")))

    def text(self, key: str, **values: object) -> str:
        return session_text(self.content, self.session, key, **values)

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
        return self.text("session_switched_gentler", exercise=name, dose=dose_of(step).describe())


def _where(step: Step) -> dict[str, object]:
    return {"exercise": step.exercise_id, "set": step.set_no, "side": step.side}
