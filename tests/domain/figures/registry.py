"""Every message that states a dose, a duration, a count or a percentage, where the code
fills it, and the one function its figure comes from (issue #22: one source for every
figure).

``test_registry`` holds this table to content/messages and to the code: a new message
with a figure placeholder (``{minutes}``, ``{hold}``, ``{pct}``, ...) must be listed here
or in ``NOT_FIGURES`` with a reason; a listed message must be filled in the one file
named (the code scan, ``bot.content.message_keys``); and it must be checked against
generated patients by one of the ``test_*_figures`` modules (their ``COVERS``) or by the
test named in ``ELSEWHERE``.

The functions, once each:

* a dose in use: ``plans.doses.dose_in_use`` (at the level from ``plans.doses.plan_levels``);
  in a session, the steps' own (``routine.steps.dose_of``); written by ``Dose.describe``;
* a length: ``routine.steps.minutes_of`` of the steps (``routine_minutes`` for a routine
  not started yet), on ``bot.content.model.set_seconds``; worded by
  ``routine.prompts.duration_text``; a phase's declared ``minutes`` is only checked
  against it (``bot.content.rules.minutes_warnings``);
* expected and complete days: ``progress.figures.routine_days`` from
  ``progress.figures.start_day``; a percentage: ``progress.texts.percent``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    kind: str  # dose, duration, count, percentage, score
    where: str  # the one file that fills the message
    by: str  # the one function the figure comes from


_PROMPTS = "bot/domain/routine/prompts.py"
_SUMMARY = "bot/domain/routine/summary.py"
_TEXTS = "bot/domain/progress/texts.py"
_STATS = "bot/domain/clinic/stats.py"
_PLANS = "bot/domain/plans/describe.py"


def _step(kind: str, what: str) -> Figure:
    return Figure(kind, _PROMPTS, f"routine.prompts.step_text: {what} of the step on screen")


FIGURES: dict[str, Figure] = {
    # the routine
    "session_intro": Figure("duration", _PROMPTS, "routine.steps.minutes_of(session.steps)"),
    "session_minute_one": Figure("duration", _PROMPTS, "routine.prompts.duration_text"),
    "session_minutes": Figure("duration", _PROMPTS, "routine.prompts.duration_text"),
    "session_set_label": _step("count", "Step.set_no and Step.sets"),
    "session_set_label_side": _step("count", "Step.set_no and Step.sets"),
    "session_step_hold": _step("dose", "Step.hold"),
    "session_step_reps": _step("dose", "Step.reps"),
    "session_step_reps_hold": _step("dose", "Step.reps and Step.hold"),
    "session_step_walk": _step("duration", "Step.minutes"),
    "session_step_walk_sets": _step("duration", "Step.minutes"),
    "session_switched_gentler": Figure("dose", "bot/domain/routine/run.py",
                                       "routine.steps.dose_of(eased step).describe()"),
    "session_summary_counts": Figure("count", _SUMMARY,
                                     "routine.summary.summarize (minutes_of the steps done)"),
    "session_summary_skipped": Figure("count", _SUMMARY, "routine.summary.summarize"),
    "session_summary_pain": Figure("score", _SUMMARY, "routine.summary.summarize"),
    "session_summary_streak": Figure("count", _SUMMARY,
                                     "progress.figures.current_streak (handlers/base/routine)"),
    "session_card_short_title": Figure(
        "dose", "bot/domain/routine/familiarity.py",
        "ShowCard.dose / plans.doses.dose_in_use, .describe(); the picture caption too "
        "(familiarity.picture_caption)"),
    "card_variant_dose": Figure("dose", "bot/domain/exercise_finder.py",
                                "Variant.dose.describe()"),
    "session_timer_running": Figure("duration", "handlers/session.py", "Step.hold"),
    "session_timer_left": Figure("duration", "handlers/session.py", "Step.hold"),
    "reminder_head": Figure("duration", "bot/domain/reminders/planning.py",
                            "routine.steps.routine_minutes"),
    "reminder_comeback": Figure("count", "bot/domain/reminders/planning.py",
                                "reminders.local_time.missed_days"),
    "onboarding_done_next": Figure("duration", "handlers/onboarding.py",
                                   "routine.steps.routine_minutes"),
    "done_recorded_sets": Figure("count", "handlers/base/done.py",
                                 "conversation.done_outside.plan_done: DonePlan.sets"),
    # the plan
    "plan_head": Figure("count", _PLANS, "plans.describe.week_of"),
    "plan_line": Figure("dose", _PLANS, "plans.describe.plan_lines (plans.doses.dose_in_use)"),
    "plan_walk_goal": Figure("duration", _PLANS, "Phase.walk_goal_minutes"),
    "plan_change_dose": Figure("dose", "bot/domain/plans/changes.py",
                               "plans.doses.parse_dose(typed).describe()"),
    # progress and the weekly summary
    "progress_streak": Figure("count", _TEXTS, "progress.figures.current_streak"),
    "progress_adherence_7": Figure("percentage", _TEXTS,
                                   "progress.texts.percent(progress.figures.adherence)"),
    "progress_adherence_30": Figure("percentage", _TEXTS,
                                    "progress.texts.percent(progress.figures.adherence)"),
    "progress_today": Figure("count", _TEXTS, "progress.figures.sets_done"),
    "progress_sets_week": Figure("count", _TEXTS,
                                 "progress.figures.sets_done, exercises_done"),
    "progress_pain": Figure("score", _TEXTS, "progress.figures.pain_periods"),
    "progress_day_sets": Figure("count", _TEXTS, "progress.figures.set_keys"),
    "progress_day_pain": Figure("score", _TEXTS, "progress.figures.pain_per_day"),
    "progress_week_days": Figure("count", _TEXTS, "progress.figures.routine_days"),
    "progress_week_sets": Figure("count", _TEXTS, "progress.figures.sets_done"),
    "progress_week_excused": Figure("count", _TEXTS, "progress.figures.day_status"),
    "progress_week_pain": Figure("score", _TEXTS, "progress.figures.pain_per_day"),
    "progress_history_title": Figure("count", "handlers/progress.py",
                                     "HISTORY_DAYS, the lines of progress.texts.history_lines"),
    "export_csv_caption": Figure("count", "handlers/data_rights.py",
                                 "len(records): the rows of media.export.records_to_csv"),
    # the clinician
    "clinic_patient_numbers": Figure(
        "percentage", "bot/domain/clinic/patients.py",
        "progress.texts.percent(progress.figures.adherence), current_streak"),
    "progress_clinic_active": Figure("count", _STATS, "clinic.stats.patient_row"),
    "progress_clinic_adherence": Figure("percentage", _STATS,
                                        "progress.texts.percent(mean of adherence)"),
    "progress_clinic_pain": Figure("score", _STATS, "clinic.stats.patient_row"),
    "progress_clinic_flags": Figure("count", _STATS, "clinic.stats.patient_row"),
    "clinic_export_caption": Figure("count", "handlers/clinicians.py",
                                    "the rows of media.export.clinic_csv"),
    "ask_rate_limited": Figure("count", "handlers/clinicians.py", "clinic.ask_limit.ASK_LIMIT"),
    "forget_copies_left": Figure("count", "handlers/data_rights.py",
                                 "the forget journal's copies_left"),
}

#: Messages whose figure placeholders hold no figure of the patient's plan or records.
NOT_FIGURES: dict[str, str] = {
    "clinic_patient_since": "{last} is a date",
    "coach_flare_up_plan": "{exercises} are the exercises' names",
    "card_step_line": "{number} is a step's place in the card's instructions",
    "reminder_set": "{days} are the weekdays, in words",
    "reminder_list": "{days} are the weekdays, in words",
    "reminder_list_paused": "{days} are the weekdays, in words",
    "reminder_words_set": "{days} are the weekdays, in words",
    "reminder_words_once_daily": "{days} are the weekdays, in words",
    "coach_pain_noted_safe": "{pain} is the score the patient has just given, said back",
    "coach_pain_noted_acceptable": "{pain} is the score the patient has just given, said back",
    "session_stopped_for_pain": "{pain} is the score the patient has just given, said back",
    "session_stopped_for_pain_during": "{pain} is the score the patient has just given, said back",
    "session_pain_noted_carry_on": "{pain} is the score the patient has just given, said back",
    "session_pain_noted_easier": "{pain} is the score the patient has just given, said back",
}

#: Figures checked by a test outside this package (the file named).
ELSEWHERE: dict[str, str] = {
    "ask_rate_limited": "tests/e2e/test_ask_rate_limit.py",
    "forget_copies_left": "tests/e2e/test_forget_journal.py",
    "done_recorded_sets": "tests/e2e/test_figures_agree_e2e.py",
    "onboarding_done_next": "tests/e2e/test_figures_agree_e2e.py",
}

#: Placeholder names that hold a figure, and the shapes of new ones.
FIGURE_NAMES = frozenset({
    "minutes", "duration", "hold", "reps", "sets", "set_no", "pct", "percent", "dose",
    "days", "count", "streak", "total", "exercises", "skipped", "complete", "moved", "rest",
    "flare", "seconds", "patients", "rows", "active", "pain", "before", "after", "first",
    "last", "max", "week", "weeks", "limit", "number",
})
FIGURE_SHAPE = re.compile(
    r"(^|_)(minutes?|seconds?|days|weeks?|count|pct|percent|sets|reps|hold|dose|duration|"
    r"total|max|min|adherence\w*|streak|pain)$"
)


def holds_a_figure(name: str) -> bool:
    return name in FIGURE_NAMES or FIGURE_SHAPE.search(name) is not None
