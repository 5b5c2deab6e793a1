"""The red-flag screening questions, asked after high pain (before or after a routine).

Kept apart from the red-flag response so that the routine driver can ask them
without depending on what happens after a "yes". Asked outside a routine, the screen
is remembered until it is answered (``state.screening``, or in memory without
consent), so that a typed "no" or "yes" answers it as the buttons do, and anything
else typed meanwhile is handled and the screen asked again rather than forgotten.
In a routine the session's own phase (``red_flag_check``) remembers it.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from telegram import Update

from bot.domain.coaching import coach as coaching
from bot.transport.context import App, deps_of
from handlers.base.replies import Context, send, user_id_of

#: The key in the patient's state document while the screen waits for its answer.
PENDING = "screening"
#: Without consent nothing is written: the screen waits in memory instead.
TRANSIENT_KEY = "transient_screening"
#: A screen left unanswered this long no longer stops anything (a new day, a new score).
EXPIRES = timedelta(hours=12)


async def ask_red_flag_questions(update: Update, context: Context, ctx: str, *,
                                 again: bool = False) -> None:
    """The screening questions after pain above 5; ``ctx``: session token or p:<pain>.

    Outside a routine (``p:``) the screen is remembered until answered. ``again``:
    asked once more after something else was typed, with a word on why.
    """
    deps = context.deps
    text = deps.content.text
    user_id = user_id_of(update)
    if user_id is not None and ctx.startswith("p:"):
        _keep(context.application, user_id, {"ctx": ctx, "at": deps.clock.now().isoformat()})
    if again:
        await send(update, context, text("screening_again"))
    await send(update, context, coaching.red_flag_questions(deps.content),
               [[(text("coach_rf_yes_button"), f"rf:y:{ctx}")],
                [(text("coach_rf_no_button"), f"rf:n:{ctx}")]])


def pending_screening(app: App, user_id: int) -> str | None:
    """The context (``p:<pain>``) of the screen waiting for an answer, if one does."""
    deps = deps_of(app)
    if deps.profile(user_id).consent:
        if not deps.store.may_store(user_id):
            return None
        raw = deps.store.user(user_id).get("state").get(PENDING)
    else:
        raw = app.bot_data.get(TRANSIENT_KEY, {}).get(user_id)
    if not isinstance(raw, dict) or not str(raw.get("ctx") or "").startswith("p:"):
        return None
    try:
        asked = datetime.fromisoformat(str(raw.get("at")))
    except ValueError:
        return None
    if asked.tzinfo is None or deps.clock.now() - asked > EXPIRES:
        return None
    return str(raw["ctx"])


def forget_screening(app: App, user_id: int) -> None:
    """The screen is answered (or overtaken by a red flag): it waits no longer."""
    if pending_screening(app, user_id) is not None:
        _keep(app, user_id, None)


def _keep(app: App, user_id: int, value: dict[str, str] | None) -> None:
    deps = deps_of(app)
    if deps.profile(user_id).consent:
        if deps.store.may_store(user_id):
            with deps.store.user(user_id) as txn:
                txn.update("state", **{PENDING: value})
        return
    transient = app.bot_data.setdefault(TRANSIENT_KEY, {})
    if value is None:
        transient.pop(user_id, None)
    else:
        transient[user_id] = value
