"""The answer to the red-flag screen after high pain, tapped or typed.

Yes: stop and seek care (recorded like a flag typed in words). No: in a routine, the
next step (made easier already); outside one, the flare-up plan, or for the highest
scores the advice to rest and call. Either way the screen waits no longer.
"""

from __future__ import annotations

from telegram import Update

from bot.domain import routine as sm
from bot.domain.coaching import coach as coaching
from bot.domain.coaching.pain_model import is_severe
from handlers.base.pain import offer_flare_plan
from handlers.base.red_flags import SCREENING_YES, handle_red_flags
from handlers.base.replies import Context, send, user_id_of
from handlers.base.routine import apply_event, load_session
from handlers.base.screening import forget_screening


async def answer_screening(update: Update, context: Context, yes: bool, ctx: str) -> None:
    """``ctx``: the routine's token, or ``p:<pain>`` for a screen outside a routine."""
    deps = context.deps
    user_id = user_id_of(update)
    assert user_id is not None
    if yes:
        await handle_red_flags(update, context, [SCREENING_YES],
                               deps.content.text("coach_screening_yes_note"))
        return  # the hold that follows ends the screen too
    session = load_session(context.application, user_id)
    if session is not None and session.phase == "red_flag_check" and session.token == ctx:
        await apply_event(update, context, session, sm.Resume())
        return
    digits = ctx[2:] if ctx.startswith("p:") else ""
    pain = int(digits) if digits.isdecimal() and len(digits) <= 2 else None
    if pain is None or pain > 10:  # an old or forged button
        await send(update, context, deps.content.text("session_ignored_ended"))
        return
    forget_screening(context.application, user_id)
    if is_severe(pain):
        await send(update, context, coaching.severe_pain_reply(deps.content))
    else:
        await offer_flare_plan(update, context, pain)
