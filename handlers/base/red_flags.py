"""The response to a red flag, whatever the state: stop, hold reminders, tell, alert.

Reached from typed text (any state, even mid-routine), from a "yes" to the screening
questions and from the classifier; so it lives below the features that reach it.
"""

from __future__ import annotations

from collections.abc import Sequence

from telegram import Update

from bot.domain import routine as sm
from bot.domain.coaching import coach as coaching
from bot.domain.understanding.red_flags import RedFlag
from handlers.base.clinician_alerts import alert_clinicians
from handlers.base.hooks import profile_changed
from handlers.base.records import record_for, store_records
from handlers.base.replies import Context, send, user_id_of
from handlers.base.routine import load_session, save

#: A "yes" to the screening questions, recorded like a flag typed in words.
SCREENING_YES = RedFlag("screening_yes", "one of the warning signs I asked about", False)


async def handle_red_flags(
    update: Update, context: Context, flags: Sequence[RedFlag], reported: str
) -> None:
    """Stop coaching for the day, hold reminders, tell the user, alert clinicians."""
    deps = context.deps
    user_id = user_id_of(update)
    assert user_id is not None
    ids = ", ".join(flag.id for flag in flags)
    session = load_session(context.application, user_id)
    if session is not None and session.active:
        ended = sm.apply(deps.content, session, sm.Cancel(), deps.clock.now(),
                         deps.today_for(user_id))
        save(context.application, user_id, ended.session, ended.records)
    store_records(deps, user_id, [record_for(update, deps, user_id, "redflag", note=ids)],
                  hold="redflag")
    await profile_changed(context, user_id)
    rows = None
    if deps.settings.admin_user_ids:
        rows = [[(deps.content.text("coach_ask_clinician_button"), "ask:start")]]
    await send(update, context, coaching.red_flag_reply(deps.content, flags), rows)
    if deps.profile(user_id).consent and deps.settings.admin_user_ids:
        labels = "; ".join(flag.label for flag in flags)
        await alert_clinicians(
            context.application, user_id,
            deps.content.text("coach_clinician_alert", labels=labels, reported=reported),
        )
