"""The routine's figures agree with the doses in use and with each other, for generated
patients: the announced length, every step, every card and caption, the short prompt,
the gentler dose after "too painful", the summary, and the reminder's length.

Each run of ``patients`` is read output by output; every number is parsed back out of the
text the patient would read and compared with what the generator chose
(``read.expected_dose``: version, clinician, programme phase, card) and the documented
estimate of minutes (``read.minutes_for``). Issue #22: the routine was announced with the
programme's declared minutes while the summary counted the steps.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.content.model import Dose
from bot.domain.exercise_finder import exercise_card
from bot.domain.records import new_record
from bot.domain.reminders.planning import reminder_text
from bot.domain.routine import (
    AskPain,
    ShowCard,
    StepPrompt,
    SwitchedEasier,
    current_prompt,
    summary_text,
)
from bot.domain.routine.familiarity import picture_caption, short_card
from bot.domain.routine.model import Step
from bot.domain.routine.steps import routine_minutes
from bot.domain.routine.summary import summarize
from tests.domain.figures.patients import CONTENT, SEEDS, Patient, Run, patient
from tests.domain.figures.read import (
    dose_in,
    expected_dose,
    fill,
    has,
    minutes_for,
    minutes_in,
    seconds_of,
)

#: The message keys whose figures this module checks (``test_registry`` holds every
#: figure key to a check).
COVERS = frozenset({
    "session_intro", "session_minute_one", "session_minutes", "session_set_label",
    "session_set_label_side", "session_step_hold", "session_step_reps",
    "session_step_reps_hold", "session_step_walk", "session_step_walk_sets",
    "session_switched_gentler", "session_summary_counts", "session_summary_skipped",
    "session_summary_pain", "session_card_short_title", "card_variant_dose",
    "reminder_head", "reminder_comeback",
    "session_timer_running", "session_timer_left",  # the step's hold (handlers/session.py)
})


def runs(p: Patient) -> list[Run]:
    return [run for day in p.days for run in day.runs]


def _step_dose(step: Step) -> Dose:
    """The dose one step stands for, read from its fields."""
    return Dose(sets=step.sets, reps=step.reps, hold_seconds=step.hold,
                per_side=step.side is not None, minutes=step.minutes)


def _card_dose(card: str) -> Dose:
    """The dose under the card's "How much" heading."""
    heading = CONTENT.text("card_dose_heading")
    block = next(b for b in card.split("\n\n") if b.startswith(heading + "\n"))
    return dose_in(block.split("\n", 1)[1])


def _check_step_text(text: str, step: Step) -> None:
    """The prompt names the step's own set, side and amount."""
    if step.kind == "walk":
        key = "session_step_walk" if step.sets == 1 else "session_step_walk_sets"
        values = fill(key, text)
        assert minutes_in(values["duration"]) == step.minutes
    elif step.kind == "reps":
        key = "session_step_reps_hold" if step.hold else "session_step_reps"
        values = fill(key, text)
        assert int(values["reps"]) == step.reps
        if step.hold:
            assert int(values["hold"]) == step.hold
    else:
        values = fill("session_step_hold", text)
        assert int(values["hold"]) == step.hold  # and the timer's seconds (handlers/session)
    if "label" in values:
        key = "session_set_label_side" if step.side else "session_set_label"
        label = fill(key, values["label"])
        assert (int(label["set_no"]), int(label["sets"])) == (step.set_no, step.sets)


@pytest.mark.parametrize("seed", SEEDS)
def test_announced_minutes_are_the_steps_minutes_and_the_reminders(seed: int) -> None:
    p = patient(seed)
    for run in runs(p):
        ask = run.outputs[0]
        assert isinstance(ask, AskPain) and ask.context == "before"
        announced = minutes_in(fill("session_intro", ask.text)["duration"])
        in_plan = run.routine.exercises
        ids = list(dict.fromkeys(s.exercise_id for s in run.started.steps))
        planned = [expected_dose(p, e, run.levels[e], run.day, in_plan) for e in ids]
        assert announced == minutes_for(planned), (run.day, ids)
        if run.kind != "routine":
            continue
        assert routine_minutes(CONTENT, run.routine, run.levels) == announced
        yesterday = new_record("y", "done", run.day - timedelta(days=1),
                               ask_time(run.day), "button", exercise=ids[0], set=1)
        text, _ = reminder_text(CONTENT, "reminder", [yesterday], run.day, None,
                                random.Random(seed), run.routine, run.levels)
        assert int(fill("reminder_head", text)["minutes"]) == announced


def ask_time(day: date) -> datetime:
    return datetime.combine(day, time(8), tzinfo=UTC)


@pytest.mark.parametrize("seed", SEEDS)
def test_every_step_card_caption_and_short_prompt_names_the_dose_in_use(seed: int) -> None:
    p = patient(seed)
    for run in runs(p):
        prompts = [o for o in run.outputs if isinstance(o, StepPrompt)]
        for index, out in enumerate(run.outputs):
            if isinstance(out, StepPrompt):
                _check_step_text(out.text, out.step)
                if out.step.eased is None:
                    want = expected_dose(p, out.step.exercise_id, out.step.level, run.day,
                                         run.routine.exercises)
                    assert _step_dose(out.step) == want, (run.day, out.step)
                assert out.timer == (out.step.kind == "hold")
            elif isinstance(out, ShowCard):
                step = next(o.step for o in run.outputs[index:] if isinstance(o, StepPrompt))
                assert step.exercise_id == out.exercise_id and out.dose is not None
                assert out.dose == _step_dose(step), "the card names the steps' dose"
                exercise = CONTENT.exercises[out.exercise_id]
                card = exercise_card(CONTENT, exercise, out.level, out.dose)
                assert _card_dose(card) == out.dose
                caption = fill("session_card_short_title", picture_caption(
                    CONTENT, exercise, out.dose))
                assert dose_in(caption["dose"]) == out.dose
                short = short_card(CONTENT, exercise, out.level, out.dose.describe(), 4)
                title = fill("session_card_short_title", short.splitlines()[0])
                assert dose_in(title["dose"]) == out.dose
                for variant in (exercise.easier, exercise.harder):
                    if variant.dose is not None:
                        line = CONTENT.text("card_variant_line", name=variant.name,
                                            description=variant.description)
                        after = card.split(line + " ", 1)[1].split("\n", 1)[0]
                        shown = fill("card_variant_dose", after)
                        assert dose_in(shown["dose"]) == variant.dose
            elif isinstance(out, SwitchedEasier) and has("session_switched_gentler", out.text):
                told = dose_in(fill("session_switched_gentler", out.text)["dose"])
                later = [o.step for o in run.outputs[index:] if isinstance(o, StepPrompt)]
                if later and later[0].exercise_id == out.exercise_id:
                    assert _step_dose(later[0]) == told
        assert prompts or not run.started.steps


@pytest.mark.parametrize("seed", SEEDS)
def test_the_summary_counts_the_steps_done(seed: int) -> None:
    p = patient(seed)
    for run in runs(p):
        summary = run.summary
        if summary is None or run.final is None:
            continue
        steps = run.final.steps
        done = [s for s in steps if s.outcome == "done"]
        text = summary_text(CONTENT, summary, reason="-", rng=random.Random(0))
        if not done:
            assert not has("session_summary_counts", text)
            continue
        counts = fill("session_summary_counts", text)
        assert int(counts["exercises"]) == len({s.exercise_id for s in done})
        assert int(counts["total"]) == len({s.exercise_id for s in steps})
        assert int(counts["sets"]) == len({(s.exercise_id, s.set_no) for s in done})
        seconds = sum(seconds_of(1, 1, s.reps, s.hold, s.minutes) for s in done)
        minutes = minutes_in(counts["duration"])
        assert minutes == -(-seconds // 60)
        if not run.eased and len(done) == len(steps):
            ask = run.outputs[0]
            assert isinstance(ask, AskPain)
            announced = minutes_in(fill("session_intro", ask.text)["duration"])
            assert minutes == announced, "the summary names the length announced"
        sets: dict[tuple[str, int], set[str | None]] = {}
        for s in steps:
            sets.setdefault((s.exercise_id, s.set_no), set()).add(s.outcome)
        skipped = sum("skip" in o and not o & {"done", "painful"} for o in sets.values())
        if skipped:
            assert int(fill("session_summary_skipped", text)["skipped"]) == skipped
        else:
            assert not has("session_summary_skipped", text)
        if run.pain_before is not None and run.pain_after is not None:
            pain = fill("session_summary_pain", text)
            assert (int(pain["before"]), int(pain["after"])) == (run.pain_before, run.pain_after)
        assert summarize(run.final) == summary


@pytest.mark.parametrize("seed", SEEDS)
def test_the_comeback_reminder_counts_the_days_since_the_patient_last_moved(seed: int) -> None:
    p = patient(seed)
    moved = [d.day for d in p.days if any(r.done_sets() for r in d.runs if r.final)]
    for day in p.days:
        before = [r for d in p.days if d.day < day.day for r in d.records]
        text, _ = reminder_text(CONTENT, "reminder", before, day.day, None,
                                random.Random(seed), day.runs[0].routine if day.runs else None)
        last = max((m for m in moved if m < day.day), default=None)
        gap = (day.day - last).days - 1 if last else 0
        if gap >= 2:
            assert int(fill("reminder_comeback", text)["days"]) == gap
        else:
            assert not has("reminder_comeback", text)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_card_sent_again_names_the_dose_of_the_step_on_screen(seed: int) -> None:
    """After a restart or /routine the card comes again: with the dose of the step on
    screen, the gentler one after "too painful" included (it once named the version's)."""
    for run in runs(patient(seed)):
        for session in run.sessions:
            if session.phase != "step":
                continue
            outputs = current_prompt(CONTENT, session)
            card = next(o for o in outputs if isinstance(o, ShowCard))
            prompt = next(o for o in outputs if isinstance(o, StepPrompt))
            assert card.dose == _step_dose(prompt.step) == _step_dose(session.steps[session.index])
