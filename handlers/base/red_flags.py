"""The response to a red flag, whatever the state: tell first, then hold, store and alert.

Reached from the safety gate (every text message, before any feature), from a "yes" to
the screening questions, and from the ambiguous-flag question. The reply goes out
before anything is stored, and a failure to store (a full or broken disk) never
withholds the reply or the clinicians' alert: safety does not depend on the disk.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace

from telegram import Update

from bot.content.model import Content
from bot.domain import routine as sm
from bot.domain.coaching import coach as coaching
from bot.domain.understanding.reading import FlagHit
from bot.domain.understanding.red_flags import RedFlag, flag_by_id, safety_groups
from bot.storage import StorageError
from handlers.base.clinician_alerts import alert_clinicians
from handlers.base.hooks import profile_changed
from handlers.base.records import record_for, store_records
from handlers.base.replies import Context, send, user_id_of
from handlers.base.routine import load_session, save
from handlers.base.screening import forget_screening

log = logging.getLogger(__name__)

#: A "yes" to the screening questions, recorded like a flag typed in words.
SCREENING_YES = RedFlag("screening_yes", "one of the warning signs I asked about", "same_day")


def flags_of(hits: Sequence[FlagHit]) -> list[RedFlag]:
    """The red flags behind some hits, each at the urgency its words call for."""
    flags: dict[str, RedFlag] = {}
    for hit in hits:
        flag = replace(flag_by_id(hit.category), urgency=hit.urgency)
        if flag.id not in flags or flag.emergency:
            flags[flag.id] = flag
    return list(flags.values())


def matched_words(hits: Sequence[FlagHit]) -> str:
    """Why the alarm was raised, for the clinician: each concept and the words it matched
    (and, when the model raised it, the words that weighed most with the model)."""
    return "; ".join(_why(hit) for hit in hits if hit.phrase)


def _why(hit: FlagHit) -> str:
    said = f"{hit.category}: \u201c{hit.phrase}\u201d"
    if hit.source in ("model_sure", "model_alone") and hit.evidence:
        said += f" (model: {', '.join(hit.evidence)})"
    return said


async def handle_red_flags(
    update: Update, context: Context, flags: Sequence[RedFlag], reported: str,
    why: str = "",
) -> None:
    """Tell the user to stop and seek care, then hold reminders, record, alert clinicians."""
    deps = context.deps
    user_id = user_id_of(update)
    assert user_id is not None
    rows = None
    if deps.settings.admin_user_ids:
        rows = [[(deps.content.text("coach_ask_clinician_button"), "ask:start")]]
    await send(update, context, coaching.red_flag_reply(deps.content, flags), rows)
    try:
        _stop_and_record(context, update, user_id, flags)
        await profile_changed(context, user_id)
    except StorageError as exc:
        log.error("Could not record a red flag (the reply and alert still went out): %s", exc)
    if deps.settings.admin_user_ids:
        labels = "; ".join(flag.label for flag in flags)
        text = deps.content.text("coach_clinician_alert", labels=labels, reported=reported)
        if why:
            text = f"{text}\n{deps.content.text('coach_clinician_alert_matched', words=why)}"
        try:
            await alert_clinicians(context.application, user_id, text)
        except StorageError as exc:  # sent, but the reply map could not be saved
            log.error("Red-flag alert sent but its reply map was not saved: %s", exc)


def _stop_and_record(context: Context, update: Update, user_id: int,
                     flags: Sequence[RedFlag]) -> None:
    deps = context.deps
    session = load_session(context.application, user_id)
    if session is not None and session.active:
        ended = sm.apply(deps.content, session, sm.Cancel(), deps.clock.now(),
                         deps.today_for(user_id))
        save(context.application, user_id, ended.session, ended.records)
    forget_screening(context.application, user_id)  # the hold asks more than the screen
    ids = ", ".join(flag.id for flag in flags)
    store_records(deps, user_id, [record_for(update, deps, user_id, "redflag", note=ids)],
                  hold="redflag")


def safety_list(content: Content) -> str:
    """The warning signs as two short lists under one instruction each: emergency services
    now, or a clinician today (for /start and /help)."""
    emergency, same_day = safety_groups()
    return "\n".join([
        content.text("safety_emergency_heading"), *(f"• {sign}" for sign in emergency),
        "", content.text("safety_same_day_heading"), *(f"• {sign}" for sign in same_day),
    ])
