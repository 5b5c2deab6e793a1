"""/resume after a red flag: has a clinician checked the patient? Tapped or typed.

The question is remembered (``state.resume_check``) so that a typed "yes" or "not yet"
answers it as the buttons do, and anything else typed meanwhile is handled and the
question asked again, briefly, rather than forgotten.
"""

from __future__ import annotations

from telegram import Update

from handlers.base import Context, send, user_id_of
from handlers.base.clinician_alerts import alert_clinicians
from handlers.base.hooks import profile_changed
from handlers.base.records import record_for

#: The key in the patient's state document while the question waits for an answer.
PENDING = "resume_check"


async def ask_resume_check(update: Update, context: Context, *, again: bool = False
                           ) -> None:
    """Ask (or, ``again``, ask once more) whether a clinician has checked them."""
    deps = context.deps
    text = deps.content.text
    user_id = user_id_of(update)
    if user_id is not None and not again and deps.store.may_store(user_id):
        with deps.store.user(user_id) as txn:
            txn.update("state", **{PENDING: deps.clock.now().isoformat()})
    await send(update, context,
               text("resume_checked_again" if again else "resume_checked_question"),
               [[(text("resume_checked_yes"), "rs:y")], [(text("resume_checked_no"), "rs:n")]])


def resume_pending(context: Context, user_id: int) -> bool:
    """Whether the question waits for an answer (and the patient is still held)."""
    deps = context.deps
    if not deps.profile(user_id).held_for_red_flag or not deps.store.may_store(user_id):
        return False
    with deps.store.user(user_id) as txn:
        return bool(txn.get("state").get(PENDING))


def forget_resume_check(context: Context, user_id: int) -> None:
    """The question no longer waits (a new warning sign starts the hold over)."""
    deps = context.deps
    if deps.store.may_store(user_id):
        with deps.store.user(user_id) as txn:
            txn.update("state", **{PENDING: None})


async def answer_resume_check(update: Update, context: Context, user_id: int,
                              checked: bool) -> None:
    """Checked: the plan comes back and clinicians are told; not yet: they stay held.

    Recorded either way, with the question no longer pending, in one write.
    """
    deps = context.deps
    record = record_for(update, deps, user_id, "checked",
                        note="checked by a clinician" if checked else "not checked yet")
    if deps.store.may_store(user_id):
        with deps.store.user(user_id) as txn:
            txn.add_record(record)
            txn.update("state", **{PENDING: None})
            if checked:
                txn.update("profile", hold=None, active=True)
    if not checked:
        await send(update, context, deps.content.text("resume_not_checked"))
        return
    await profile_changed(context, user_id)
    await send(update, context, deps.content.text("resume_after_check"))
    await alert_clinicians(context.application, user_id,
                           deps.content.text("clinic_resumed_after_check"))
