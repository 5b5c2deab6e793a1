"""The push-back when someone wants to "just rest": why movement helps, and easier options.

Reached from typed text (the coach) and from a reminder's "Not today" button.
"""

from __future__ import annotations

from telegram import Update

from bot.domain.coaching import coach as coaching
from handlers.base.replies import Context, send, user_id_of
from handlers.base.understanding import reading_of

#: Where the last reason given is kept for people who did not consent to storage.
PUSHBACK_KEY = "pushback"


async def push_back(update: Update, context: Context) -> None:
    """Why rest alone won't fix it (a rotating reason), then the smallest next steps."""
    deps = context.deps
    user_id = user_id_of(update)
    assert user_id is not None
    consent = deps.profile(user_id).consent
    state = deps.store.user(user_id).get("state") if consent else {}
    last = state.get("last_pushback") or context.application.bot_data.get(
        PUSHBACK_KEY, {}).get(user_id)
    text, key = coaching.rest_pushback(deps.content, last, deps.rng)
    if consent:
        with deps.store.user(user_id) as txn:
            txn.update("state", last_pushback=key)
    else:
        context.application.bot_data.setdefault(PUSHBACK_KEY, {})[user_id] = key
    reading = reading_of(update)
    rest = reading.best("rest") if reading is not None else None
    reason = rest.slots.reason if rest is not None else None
    if reason is None and update.effective_message is not None:
        reason = update.effective_message.text  # the reader found no reason: the words
    if coaching.keeps_indoors(reason):
        rows = [[(deps.content.text(label), f"co:c:{choice}")]
                for choice, label in coaching.INDOOR_REST_CHOICES]
    else:
        rows = [[(deps.content.text(label), f"co:c:{choice}")]
                for choice, label in coaching.REST_CHOICES]
    await send(update, context, text, rows)
