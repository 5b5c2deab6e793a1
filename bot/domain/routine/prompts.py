"""What to ask the user now: the pain questions, the step prompts and the intro line.

Both moving on after an event and re-sending the question after a restart need the
same prompt for the same state, so it is built in one place; the phrasing helpers
here make the wording vary between steps yet repeat for the same state.
"""

from __future__ import annotations

import copy
import random

from bot.content.model import Content
from bot.domain.routine.events import (
    AskPain,
    AskRedFlags,
    Ignored,
    Output,
    ShowCard,
    StepPrompt,
    TimerEnd,
)
from bot.domain.routine.model import ENDED, PAIN_PHASES, RED_FLAG_PAIN, Step
from bot.domain.routine.session import Session
from bot.domain.routine.steps import dose_of, minutes_of


def current_prompt(
    content: Content, session: Session, with_card: bool = True, *, brief: bool = False
) -> list[Output]:
    """The question the session is waiting on, to (re)send it: after a restart, or on
    /routine during a session. The card comes first when ``with_card`` or when the step
    is the first of its exercise. ``brief``: asked again after a side remark, so no
    plan line and no card."""
    s = session
    if s.phase in ENDED:
        return [Ignored("ended", session_text(content, s, "session_ignored_ended"))]
    if s.phase == "red_flag_check":
        step = s.steps[s.index]
        return [AskRedFlags(step.exercise_id, s.pain_painful or RED_FLAG_PAIN)]
    if s.phase in PAIN_PHASES:
        context = PAIN_PHASES[s.phase]
        text = session_text(content, s, f"session_ask_pain_{context}")
        if context == "before" and not brief:
            text = f"{intro_text(content, s)}\n\n{text}"
        return [AskPain(context, s.token, text)]
    return step_outputs(content, s, with_card, again=brief)


def step_outputs(
    content: Content, s: Session, with_card: bool, *, again: bool = False
) -> list[Output]:
    """The current step's prompt, after its exercise card when asked or when it is new.

    ``again``: the same step asked once more (after a side remark): never the card.
    """
    step = s.steps[s.index]
    first = s.index == 0 or s.steps[s.index - 1].exercise_id != step.exercise_id
    outputs: list[Output] = []
    if with_card or (first and not again):
        outputs.append(ShowCard(step.exercise_id, step.level, dose_of(step)))
    outputs.append(
        StepPrompt(
            step=copy.copy(step),
            index=s.index,
            total=len(s.steps),
            token=s.token,
            text=step_text(content, step, rng_for(s)),
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
        return content.text(
            key, rng, label=label, duration=duration_text(content, step.minutes or 0)
        )
    if step.kind == "reps":
        key = "session_step_reps_hold" if step.hold else "session_step_reps"
        return content.text(key, rng, label=label, reps=step.reps, hold=step.hold)
    return content.text("session_step_hold", rng, label=label, hold=step.hold)


def intro_text(content: Content, session: Session) -> str:
    """The plan in one line: exercise names and rough minutes, from the steps at the doses
    in use (``minutes_of``: the summary's "Time: about N minutes" for the same steps
    done, and the reminder's figure, ``routine_minutes``)."""
    names = [
        content.exercises[i].name if i in content.exercises else i
        for i in dict.fromkeys(step.exercise_id for step in session.steps)
    ]
    duration = duration_text(content, minutes_of(session.steps))
    return session_text(
        content, session, "session_intro", names=", ".join(names), duration=duration
    )


def timer_end(content: Content, session: Session, token: str) -> TimerEnd | Ignored:
    """What to say when a hold timer runs out; the user still taps Done to record it."""
    if not session.active:
        return Ignored("ended", session_text(content, session, "session_ignored_ended"))
    if session.phase != "step" or token != session.token:
        return Ignored("stale", session_text(content, session, "session_ignored_stale"))
    step = session.steps[session.index]
    switch = step.side == "left" and any(
        later.exercise_id == step.exercise_id and later.side == "right"
        for later in session.steps[session.index + 1 : session.index + 2]
    )
    key = "session_timer_switch" if switch else "session_timer_done"
    return TimerEnd(token, session_text(content, session, key))


# --- phrasing --------------------------------------------------------------------------


def duration_text(content: Content, minutes: int) -> str:
    """The length in words: one minute, or so many minutes (every length the routine
    names: the intro, a walk's step and the summary)."""
    key = "session_minute_one" if minutes == 1 else "session_minutes"
    return content.text(key, None, minutes=minutes)


def rng_for(session: Session) -> random.Random:
    """Phrasing varies between steps yet is repeatable for the same state."""
    return random.Random(f"{session.id}:{session.seq}")


def session_text(content: Content, session: Session, key: str, **values: object) -> str:
    """The message ``key``, phrased for the session's current state."""
    return content.text(key, rng_for(session), **values)
