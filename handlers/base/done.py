""""done", typed or tapped: the one path that records a set, in a routine or outside one.

While a routine runs, "done" is the state machine's ``Done`` event (it records the
step's set and side with the session, or says what the routine waits for instead).
Outside one, the exercise last prompted today is recorded as one set; if there is
none, the person is asked which exercise it was. Either way the record is written
before the reply is sent.
"""

from __future__ import annotations

from telegram import Update

from bot.domain import routine as sm
from bot.domain.records import Source
from handlers.base.records import record_for
from handlers.base.replies import Context, answer, send, user_id_of
from handlers.base.routine import apply_event, load_active_session

LOOSE_NOTE = "outside session"


async def record_done(
    update: Update,
    context: Context,
    reps: int | None,
    source: Source = "text",
    *,
    running: sm.Session | None = None,
) -> None:
    """Record "done" (``reps`` when the person said how many) and confirm it.

    ``running``: the routine the caller already loaded, so it is not read twice.
    """
    deps = context.deps
    user_id = user_id_of(update)
    assert user_id is not None
    session = running or load_active_session(context.application, user_id)
    if session is not None and session.phase != "red_flag_check":
        await apply_event(update, context, session, sm.Done(source, None, reps))
        return
    text = deps.content.text
    if not deps.profile(user_id).consent:
        await send(update, context, text("session_done_not_stored"))
        return
    last = deps.store.user(user_id).get("state").get("last_prompt") or {}
    exercise = last.get("exercise")
    if last.get("date") == deps.today_for(user_id).isoformat() and exercise in (
        deps.content.exercises
    ):
        await record_exercise_done(update, context, str(exercise), reps)
        return
    rows = [[(ex.name, f"s:x1:{ex.id}")] for ex in deps.content.exercises.values()]
    await send(update, context, text("session_which_exercise"), rows)


async def record_exercise_done(
    update: Update, context: Context, exercise_id: str, reps: int | None
) -> None:
    """One set of ``exercise_id`` outside a routine (a double tap records it once)."""
    deps = context.deps
    user_id = user_id_of(update)
    assert user_id is not None
    if not deps.profile(user_id).consent:  # a stale or forged "which exercise" button
        await answer(update)
        await send(update, context, deps.content.text("session_done_not_stored"))
        return
    exercise = deps.content.exercises[exercise_id]
    record = record_for(update, deps, user_id, "done", exercise=exercise_id,
                        reps=reps or exercise.dose.reps, hold=exercise.dose.hold_seconds,
                        note=LOOSE_NOTE)
    with deps.store.user(user_id) as txn:
        added = txn.add_record(record)
    if update.callback_query is not None:
        await answer(update, None if added else deps.content.text("button_already_used"))
        if not added:
            return
    await send(update, context, deps.content.text("session_loose_done", name=exercise.name))
