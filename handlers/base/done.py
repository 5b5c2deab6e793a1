""""done", typed or tapped: the one path that records a set, in a routine or outside one.

While a routine runs, "done" is the state machine's ``Done`` event (it records the
step's set and side with the session). Outside one, the best reading is recorded at
once (``bot.domain.conversation.done_outside``): the exercises named, the whole routine,
or the exercise due next. The reply then offers Undo and "another exercise", so a
patient who types "done" and puts the phone down never loses the day. The record is
always written before the reply is sent.
"""

from __future__ import annotations

from telegram import Update

from bot.domain import routine as sm
from bot.domain.conversation.done_outside import DonePlan, plan_done
from bot.domain.records import Record, Source
from bot.domain.understanding.reading import Slots
from handlers.base.records import record_for, record_id_for
from handlers.base.replies import Buttons, Context, answer, send, user_id_of
from handlers.base.routine import apply_event, load_active_session, todays_dose

LOOSE_NOTE = "outside session"
#: Callback data: take back the records of one reply (``u:<record id base>``).
UNDO_PREFIX = "u:"
#: Callback data: it was another exercise (``s:fx:<record id base>:<exercise id>``).
FIX_PREFIX = "s:fx:"


async def record_done(
    update: Update,
    context: Context,
    reps: int | None = None,
    source: Source = "text",
    *,
    slots: Slots | None = None,
    running: sm.Session | None = None,
) -> None:
    """Record "done" and confirm it (``slots``: what the patient said they did).

    ``running``: the routine the caller already loaded, so it is not read twice.
    """
    deps = context.deps
    user_id = user_id_of(update)
    assert user_id is not None
    slots = slots or Slots(reps=reps)
    session = running or load_active_session(context.application, user_id)
    if session is not None and session.phase != "red_flag_check":
        event: sm.Event = (sm.DoneAll(source) if slots.all
                           else sm.Done(source, None, slots.reps,
                                        both_sides=slots.sides == "both"))
        await apply_event(update, context, session, event)
        return
    text = deps.content.text
    if not deps.profile(user_id).consent:
        await send(update, context, text("session_done_not_stored"))
        return
    txn = deps.store.user(user_id)
    today = deps.today_for(user_id).isoformat()
    done_today = [r.get("exercise") or "" for r in txn.recent_of("done", today)]
    last = txn.get("state").get("last_prompt") or {}
    last_prompted = last.get("exercise") if last.get("date") == today else None
    plan = plan_done(slots, deps.content.exercises, deps.routine_for(user_id).exercises,
                     done_today, last_prompted)
    base = record_id_for(update)
    records = _records(update, context, user_id, plan, base)
    with deps.store.user(user_id) as txn:
        added = [txn.add_record(record) for record in records]
    if not any(added):
        return  # a redelivery: already recorded and answered
    await send(update, context, _confirmation(context, plan), _correction_buttons(
        context, base, plan))


def _records(update: Update, context: Context, user_id: int, plan: DonePlan, base: str
             ) -> list[Record]:
    deps = context.deps
    records: list[Record] = []
    for exercise_id in plan.exercises:
        dose = todays_dose(deps, user_id, deps.content.exercises[exercise_id])
        for set_no in range(1, plan.sets + 1):
            records.append(record_for(
                update, deps, user_id, "done", f":{exercise_id}:{set_no}",
                exercise=exercise_id, set=set_no, reps=plan.reps or dose.reps,
                hold=dose.hold_seconds, note=LOOSE_NOTE))
    if plan.whole_routine:
        records.append(record_for(update, deps, user_id, "routine_complete", ":complete",
                                  note="routine, typed"))
    assert all(r["id"].startswith(base) for r in records)
    return records


def _confirmation(context: Context, plan: DonePlan) -> str:
    deps = context.deps
    text = deps.content.text
    if plan.whole_routine:
        return text("done_recorded_routine")
    names = ", ".join(deps.content.exercises[e].name for e in plan.exercises)
    if plan.sets > 1:
        return text("done_recorded_sets", name=names, sets=plan.sets)
    key = "done_recorded_guess" if plan.guessed else "done_recorded"
    return text(key, name=names)


def _correction_buttons(context: Context, base: str, plan: DonePlan) -> Buttons:
    text = context.deps.content.text
    rows: list[list[tuple[str, str]]] = [[(text("done_undo_button"), f"{UNDO_PREFIX}{base}")]]
    if plan.guessed:
        rows.append([(text("done_other_exercise_button"), f"s:fl:{base}")])
        rows.append([(text("done_whole_routine_button"), f"s:fa:{base}")])
    return rows


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
    dose = todays_dose(deps, user_id, exercise)
    record = record_for(update, deps, user_id, "done", exercise=exercise_id,
                        reps=reps or dose.reps, hold=dose.hold_seconds, note=LOOSE_NOTE)
    with deps.store.user(user_id) as txn:
        added = txn.add_record(record)
    if update.callback_query is not None:
        await answer(update, None if added else deps.content.text("button_already_used"))
        if not added:
            return
    await send(update, context, deps.content.text("session_loose_done", name=exercise.name),
               [[(deps.content.text("done_undo_button"), f"{UNDO_PREFIX}{record['id']}")]])
