"""The end of a routine: what it achieved, and the closing message that says so.

The counts decide whether the routine is complete (and so whether the streak grows),
and the message is built from them; both read the finished session only.
"""

from __future__ import annotations

import random

from bot.content.model import Content
from bot.domain.routine.events import Summary
from bot.domain.routine.model import Outcome
from bot.domain.routine.prompts import duration_text
from bot.domain.routine.session import Session
from bot.domain.routine.steps import minutes_of


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
        minutes=minutes_of([step for step in session.steps if step.outcome == "done"]),
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
            duration=duration_text(content, summary.minutes),
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
