"""Generated patients for the figure checks: a programme and phase, a clinician's changes,
easier and harder versions, and several weeks of days run through the real routine.

Everything is drawn from ``random.Random(seed)``, so a failing seed is a patient one can
rebuild and read. What the generator chose is kept beside the records (``Day``, ``Run``):
the checks compare the bot's texts with these choices, never with the bot's own sums.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from typing import Any

from bot.content import DEFAULT_CONTENT_DIR, load_content
from bot.content.model import Content, Dose, Phase, Programme, Routine
from bot.domain.plans.changes import (
    PlanError,
    Who,
    add_exercise,
    assign,
    remove_exercise,
    set_dose,
)
from bot.domain.plans.doses import parse_dose
from bot.domain.plans.prescription import Prescription
from bot.domain.plans.today import day_plan
from bot.domain.profiles import new_profile
from bot.domain.records import Record, new_record
from bot.domain.routine import (
    Done,
    Easier,
    Output,
    PainScore,
    Session,
    Skip,
    TooPainful,
    apply,
    start_session,
)
from bot.domain.routine.events import Summary

CONTENT: Content = load_content(DEFAULT_CONTENT_DIR)
TODAY = date(2026, 3, 18)  # a Wednesday
CLINICIAN = Who(7, "Dr Lee", "2026-01-05T09:00:00Z")
LEVELS = ("easier", "normal", "harder")
#: What a day was, as the generator chose it; "paused": reminders paused, nothing done.
DAY_KINDS = ("complete", "partial", "rest", "flare", "redflag", "missed", "paused")
_WEIGHTS = (6, 2, 1, 1, 0.4, 2, 0)


@dataclass
class Run:
    """One routine as it was run: what the bot said, what the patient did."""

    day: date
    kind: str  # "routine", "mobility" or "one" (a single exercise from its card)
    routine: Routine
    levels: dict[str, str]
    started: Session
    outputs: list[Output] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    final: Session | None = None
    sessions: list[Session] = field(default_factory=list)  # after each event
    pain_before: int | None = None
    pain_after: int | None = None
    painful: list[int] = field(default_factory=list)  # scores given after "too painful"
    finished: bool = False
    eased: bool = False  # "too painful" or "easier" changed a dose on the way

    @property
    def summary(self) -> Summary | None:
        return next((o for o in self.outputs if isinstance(o, Summary)), None)

    def done_sets(self) -> set[tuple[str, int]]:
        """(exercise, set) with at least one side done, from the final steps."""
        assert self.final is not None
        return {(s.exercise_id, s.set_no) for s in self.final.steps if s.outcome == "done"}


@dataclass
class Day:
    day: date
    kind: str
    runs: list[Run] = field(default_factory=list)
    records: list[Record] = field(default_factory=list)
    pains: list[int] = field(default_factory=list)  # every score recorded that day
    red_flag: str | None = None


@dataclass
class Patient:
    seed: int
    user_id: int
    programme: Programme
    prescription: Prescription
    profile: dict[str, Any]
    joined: date
    plan_level: str
    overrides: dict[str, str]
    typed_doses: dict[str, tuple[str, Dose, str]]  # exercise -> (typed, dose, change text)
    days: list[Day]

    @property
    def records(self) -> list[Record]:
        out: list[Record] = []
        for day in self.days:
            out += day.records
        return out

    def level(self, exercise_id: str) -> str:
        return self.overrides.get(exercise_id, self.plan_level)

    def levels(self) -> dict[str, str]:
        return {e: self.level(e) for e in CONTENT.exercises}

    def phase_on(self, day: date) -> Phase:
        """The phase in force on ``day``, counted here from the start and the weeks."""
        start = self.prescription.start or self.joined
        weeks = (day - start).days // 7 + 1 if day >= start else 1
        return [p for p in self.programme.phases if p.from_week <= weeks][-1]


def _typed_dose(rng: random.Random, kind: str) -> str:
    """A dose as a clinician types it, for an exercise of ``kind``."""
    side = rng.choice(["", " each side"])
    if kind == "walk":
        sets = rng.choice(["", "", "2x"])
        return f"{sets}{rng.randint(3, 30)} min"
    if kind == "hold":
        return f"{rng.randint(1, 4)}x{rng.choice([5, 10, 15, 20, 30, 45, 60])}s{side}"
    hold = rng.choice(["", "", f" hold {rng.randint(1, 5)}s"])
    return f"{rng.randint(1, 4)}x{rng.randint(3, 20)}{hold}{side}"


def _prescription(rng: random.Random, programme: Programme, joined: date
                  ) -> tuple[Prescription, dict[str, tuple[str, Dose, str]]]:
    current = Prescription()
    if not programme.default or rng.random() < 0.5:
        start = joined - timedelta(days=rng.randint(0, 40))
        current = assign(CONTENT, current, programme.id, start, CLINICIAN).prescription
    typed: dict[str, tuple[str, Dose, str]] = {}
    for _ in range(rng.choice([0, 0, 1, 2, 3])):
        routine = day_plan(CONTENT, current, TODAY, joined).routine
        choice = rng.random()
        try:
            if choice < 0.6:
                exercise = CONTENT.exercises[rng.choice(routine.exercises)]
                text = _typed_dose(rng, exercise.kind)
                dose = parse_dose(text, exercise.kind)
                change = set_dose(CONTENT, current, exercise.id, dose, TODAY, CLINICIAN)
                typed[exercise.id] = (text, dose, change.summary)
            elif choice < 0.8:
                change = add_exercise(CONTENT, current, rng.choice(list(CONTENT.exercises)),
                                      TODAY, CLINICIAN)
            else:
                change = remove_exercise(CONTENT, current, rng.choice(routine.exercises),
                                         TODAY, CLINICIAN)
        except PlanError:
            continue
        current = change.prescription
    return current, typed


def make_patient(seed: int) -> Patient:
    rng = random.Random(seed)
    programme = rng.choice(list(CONTENT.programmes.values()))
    joined = TODAY - timedelta(days=rng.randint(0, 70))
    prescription, typed = _prescription(rng, programme, joined)
    plan_level = rng.choice(["normal", "normal", "easier", "harder"])
    overrides = {e: rng.choice(LEVELS) for e in rng.sample(sorted(CONTENT.exercises), 3)}
    profile = new_profile(1000 + seed, f"Pat{seed}", None,
                          datetime.combine(joined, time(8), tzinfo=UTC), "UTC")
    profile.update(stage="done", tz="UTC", prescription=prescription.as_data(),
                   plan={"level": plan_level, "levels": overrides}, reminder_times=["09:00"])
    patient = Patient(seed, 1000 + seed, programme, prescription, profile, joined, plan_level,
                      overrides, typed, [])
    span = (TODAY - joined).days + 1
    pause = range(rng.randint(0, span), rng.randint(0, span)) if rng.random() < 0.4 else range(0)
    for back in range(span - 1, -1, -1):
        day = TODAY - timedelta(days=back)
        kind = "paused" if back in pause else rng.choices(DAY_KINDS, _WEIGHTS)[0]
        patient.days.append(_live(rng, patient, day, kind))
    if pause and 0 in pause:
        patient.profile["paused_until"] = (TODAY + timedelta(days=3)).isoformat()
    return patient


# --- living one day ----------------------------------------------------------------------


def _moment(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=UTC)


def _live(rng: random.Random, patient: Patient, day: date, kind: str) -> Day:
    lived = Day(day, kind)
    routine = day_plan(CONTENT, patient.prescription, day, patient.joined).routine
    levels = patient.levels()
    if kind in ("rest", "flare", "redflag"):
        note = "night pain" if kind == "redflag" else None
        lived.records.append(new_record(f"{patient.seed}:{day}:{kind}", kind,  # type: ignore[arg-type]
                                        day, _moment(day, 8), "button", note=note))
        lived.red_flag = note
    if kind == "flare" and rng.random() < 0.5:
        lived.runs.append(_run(rng, patient, day, routine, levels, "mobility", finish=True))
    elif kind in ("complete", "partial"):
        exercises = None
        run_kind = "routine"
        if rng.random() < 0.1:
            exercises, run_kind = [rng.choice(routine.exercises)], "one"
        lived.runs.append(_run(rng, patient, day, routine, levels, run_kind,
                               finish=kind == "complete", exercises=exercises))
    if kind != "paused" and rng.random() < 0.3:
        score = rng.randint(0, 8)
        lived.records.append(new_record(f"{patient.seed}:{day}:pain", "pain", day,
                                        _moment(day, 7), "text", pain=score, context="morning"))
        lived.pains.append(score)
    for run in lived.runs:
        lived.records += run.records
        lived.pains += [p for p in (run.pain_before, run.pain_after) if p is not None]
    return lived


def _run(rng: random.Random, patient: Patient, day: date, routine: Routine,
         levels: dict[str, str], kind: str, *, finish: bool,
         exercises: list[str] | None = None) -> Run:
    """A routine from the pain question to the summary (or stopped part way)."""
    if kind == "mobility":
        exercises = list(routine.mobility_only)
    session, outputs = start_session(CONTENT, f"s{patient.seed}{day:%m%d}", day, _moment(day, 9),
                                     levels=levels, exercises=exercises, routine=routine)
    run = Run(day, kind, routine, levels, session, list(outputs))
    run.pain_before = rng.randint(0, 5)
    steps_left = len(session.steps) if finish else rng.randint(1, len(session.steps))
    now = _moment(day, 9)

    def go(event: Any) -> None:
        nonlocal session, now
        now += timedelta(seconds=30)
        moved = apply(CONTENT, session, event, now, day)
        session = moved.session
        run.sessions.append(session)
        run.outputs += moved.outputs
        stored = {r["id"] for r in run.records}  # the store keeps a record's first write
        run.records += [r for r in moved.records if r["id"] not in stored]

    go(PainScore(run.pain_before, session.token))
    done_one = False
    while session.phase in ("step", "pain_painful") and steps_left > 0:
        if session.phase == "pain_painful":
            run.painful.append(rng.randint(0, 6))
            go(PainScore(run.painful[-1], session.token))
            run.eased = True
            steps_left -= 1
            continue
        roll = rng.random()
        if roll < 0.04 and done_one:
            go(Skip("button", session.token))
        elif roll < 0.06:
            go(TooPainful("button", session.token))
            continue
        elif roll < 0.075:
            go(Easier())
            run.eased = True
            continue
        else:
            go(Done("button", session.token))
            done_one = True
        steps_left -= 1
    if session.phase == "pain_after":
        run.pain_after = rng.randint(0, 5)
        go(PainScore(run.pain_after, session.token))
        run.finished = True
    run.final = session
    return run


#: The patients every check reads (each built once per test run).
SEEDS = tuple(range(36))


@cache
def patient(seed: int) -> Patient:
    return make_patient(seed)
