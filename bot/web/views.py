"""The JSON the pages read: a patient's progress and plan, and what a clinician edits with.

The figures come from the same calls as /progress (``summarize(records, today,
local_since(profile))``) and the plan from the same ``DayPlan`` as /plan, so the page
and the chat always show the same numbers. Pure: data in, plain dicts out; no aiohttp.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, timedelta
from typing import Any

from bot.content.model import Content
from bot.domain.plans.describe import plan_lines, week_of
from bot.domain.plans.doses import plan_levels
from bot.domain.plans.prescription import Prescription, prescription_of
from bot.domain.plans.today import DayPlan
from bot.domain.profiles import as_profile
from bot.domain.progress.figures import (
    EXCUSED,
    ProgressSummary,
    dates_between,
    in_range,
    local_since,
    pain_per_day,
    sets_per_day,
    start_day,
    statuses,
    summarize,
)
from bot.domain.records import Record

#: Days in the progress calendar (eight weeks), oldest first.
DAYS_SHOWN = 56
#: The records a progress page reads first: more than the calendar and every 30-day
#: figure need; only a streak reaching further back needs the rest (``recent_summary``).
LOOK_BACK_DAYS = 70


def media_urls(pose: str) -> dict[str, str]:
    """Where the page finds an exercise's still and animation (``bot.web.media``)."""
    return {"still": f"/app/media/{pose}.png", "animation": f"/app/media/{pose}.mp4"}


def recent_summary(recent: Sequence[Record], today: date, since: date,
                   start: date) -> ProgressSummary | None:
    """``summarize`` from the records dated ``start`` or later, when that is exactly what
    every record would give; None when it may not be.

    Every figure but the streak looks back 30 days at most, and ``since`` is given, so
    only the streak could differ: it walks back from today until a day that breaks it.
    If such a day lies on or after ``start``, the walk never leaves the records given;
    if every day back to ``start`` kept the streak, the older records are needed.
    """
    status = statuses(recent)
    day = today if status.get(today) == "complete" else today - timedelta(days=1)
    while day >= start:
        if status.get(day, "missed") not in EXCUSED | {"complete"}:
            return summarize(recent, today, since)
        day -= timedelta(days=1)
    return None


def _days(records: Sequence[Record], today: date, first: date) -> list[dict[str, Any]]:
    """Each of the last DAYS_SHOWN days: what it was, sets done, mean pain.

    A day without records is "missed" once it is over and after the patient started;
    before they started, and today until something happens, it is "none".
    """
    start = today - timedelta(days=DAYS_SHOWN - 1)
    window = in_range(records, start, today)
    status = statuses(window)
    sets = sets_per_day(window, start, today)
    pain = pain_per_day(window, start, today)
    out = []
    for day in dates_between(start, today):
        kind: str = status.get(day, "missed")
        if kind == "missed" and (day < first or day == today):
            kind = "none"
        score = pain.get(day)
        out.append({"date": day.isoformat(), "status": kind, "sets": sets.get(day, 0),
                    "pain": round(score, 1) if score is not None else None})
    return out


def plan_json(content: Content, plan: DayPlan, prescription: Prescription,
              today: date, levels: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The plan as /plan tells it (``plan_lines``): programme, phase, week, exercises with
    the doses in use at the patient's ``levels`` and pictures, the walking goal, the
    precautions in force, the clinician's notes."""
    exercises = []
    for line in plan_lines(content, plan, levels):
        exercise = content.exercises[line.exercise_id]
        exercises.append({"id": exercise.id, "name": line.name, "dose": line.dose.describe(),
                          **media_urls(exercise.pose)})
    precautions = [
        {"name": condition.name, "explanation": condition.explanation}
        for condition_id in sorted(plan.conditions)
        if (condition := content.conditions.get(condition_id)) is not None
    ]
    anonymous = content.text("plan_your_clinician")
    return {
        "programme": plan.programme.name,
        "phase": plan.phase.name,
        "week": week_of(plan, today),
        "walk_goal_minutes": plan.routine.walk_goal_minutes,
        "note": plan.phase.note,
        "exercises": exercises,
        "precautions": precautions,
        "notes": [{"by": note.by_name or anonymous, "day": note.at[:10], "text": note.text}
                  for note in prescription.notes],
    }


def progress_json(content: Content, profile: Mapping[str, Any], records: Sequence[Record],
                  today: date, plan: DayPlan,
                  summary: ProgressSummary | None = None) -> dict[str, Any]:
    """``GET /api/me/progress``: the patient's figures, calendar and plan.

    ``summary`` is ``summarize(records, today, local_since(profile))`` if already made
    (then ``records`` need only reach LOOK_BACK_DAYS back; see ``recent_summary``).
    """
    since = local_since(profile)
    summary = summary or summarize(records, today, since)
    first = start_day(since, records, today)  # the start summarize counts from
    return {
        "name": str(profile.get("first_name") or ""),
        "today": today.isoformat(),
        "streak": summary.streak,
        "adherence": {"7": summary.adherence_7, "30": summary.adherence_30},
        "pain_trend": None if summary.trend == "unknown" else summary.trend,
        "days": _days(records, today, first),
        "plan": plan_json(content, plan, prescription_of(profile), today,
                          plan_levels(as_profile(profile), plan.routine.exercises)),
    }


def history_json(prescription: Prescription) -> list[dict[str, str]]:
    """Every change to the plan, oldest first: when (UTC stamp), who, what."""
    return [{"at": entry.at, "by": entry.by_name or f"clinician {entry.by}", "text": entry.text}
            for entry in prescription.history]


def programmes_json(content: Content) -> list[dict[str, Any]]:
    """What a clinician can assign, with each programme's phases in order."""
    return [{"id": programme.id, "name": programme.name,
             "phases": [{"id": phase.id, "name": phase.name} for phase in programme.phases]}
            for programme in content.programmes.values()]


def library_json(content: Content) -> list[dict[str, str]]:
    """Every exercise a clinician can add, by name."""
    cards = sorted(content.exercises.values(), key=lambda card: card.name.casefold())
    return [{"id": card.id, "name": card.name} for card in cards]
