""""Easier please" on a late set keeps the step on screen, at the gentler dose.

The easier version may have fewer sets than the set on screen (the harder hip flexor
stretch has three, the easier two): the rebuilt steps once dropped the current one, so
the routine moved to the next exercise without a word, or, on the last exercise, failed
with an IndexError.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.content import DEFAULT_CONTENT_DIR, load_content
from bot.content.model import Dose
from bot.domain.routine import Done, Easier, PainScore, StepPrompt, apply, start_session
from bot.domain.routine.steps import dose_of

CONTENT = load_content(DEFAULT_CONTENT_DIR)
DAY = date(2026, 3, 2)
NOW = datetime(2026, 3, 2, 9, tzinfo=UTC)


def test_easier_on_the_third_set_of_the_last_exercise() -> None:
    stretch = CONTENT.exercises["hip_flexor_stretch"]
    assert stretch.harder.dose is not None and stretch.easier.dose is not None
    assert stretch.easier.dose.sets < stretch.harder.dose.sets == 3
    session, _ = start_session(CONTENT, "e1", DAY, NOW, levels={stretch.id: "harder"},
                               exercises=[stretch.id])
    session = apply(CONTENT, session, PainScore(2, session.token), NOW, DAY).session
    for _ in range(4):  # sets 1 and 2, both sides
        session = apply(CONTENT, session, Done("button", session.token), NOW, DAY).session
    step = session.steps[session.index]
    assert (step.set_no, step.side) == (3, "left")
    moved = apply(CONTENT, session, Easier(), NOW, DAY)
    now = moved.session.steps[moved.session.index]
    assert (now.exercise_id, now.set_no, now.side, now.eased) == (stretch.id, 3, "left", "variant")
    assert now.hold == stretch.easier.dose.hold_seconds
    prompt = next(o for o in moved.outputs if isinstance(o, StepPrompt))
    assert prompt.step == now and f"hold {now.hold} s" in prompt.text
    assert dose_of(now) == Dose(sets=3, hold_seconds=now.hold, per_side=True)
    assert [(s.set_no, s.side) for s in moved.session.steps[moved.session.index:]] == [
        (3, "left"), (3, "right")]
