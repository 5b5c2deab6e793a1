"""Before and after every update: private chats only, each update once, red flags first."""

from __future__ import annotations

import logging
from dataclasses import replace

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ApplicationHandlerStop

from bot.domain.understanding.reading import Interpretation
from bot.storage import StorageError, current_update_id
from handlers.base import Context, send, user_id_of
from handlers.base.clinician_alerts import pending_questions
from handlers.base.red_flags import flags_of, handle_red_flags, matched_words
from handlers.base.understanding import reading_of, text_of

log = logging.getLogger(__name__)


async def before(update: Update, context: Context) -> None:
    """Drop repeats and non-private chats before any feature handler sees the update."""
    current_update_id.set(update.update_id)
    deps = context.deps
    user_id = user_id_of(update)
    chat = update.effective_chat
    if user_id is None or update.channel_post or update.edited_channel_post:
        log.debug("Update %s has no user (channel post or similar); ignored", update.update_id)
        raise ApplicationHandlerStop
    if deps.store.has_seen(user_id, update.update_id):
        log.info("Update %s was already handled; skipped", update.update_id)
        raise ApplicationHandlerStop
    if chat is not None and chat.type != ChatType.PRIVATE:
        if update.callback_query is not None:
            await update.callback_query.answer(deps.content.text("private_only")[:200])
        elif update.message is not None and (update.message.text or "").startswith("/"):
            await send(update, context, deps.content.text("private_only"))
        deps.store.mark_seen(user_id, update.update_id, persist=False)
        raise ApplicationHandlerStop
    query = update.callback_query
    if query is not None and (not query.data or query.message is None):
        # Not one of our buttons: empty data would match every button pattern (PTB),
        # and without its message there is no chat to answer in.
        await query.answer(deps.content.text("button_expired")[:200])
        deps.store.mark_seen(user_id, update.update_id, persist=False)
        raise ApplicationHandlerStop
    edited = update.edited_message
    if edited is not None and (reading := reading_of(update)) and reading.is_red_flag:
        return  # a red flag counts even in an edit: the safety gate answers it
    if edited is not None:
        # An edit is not a new request: acting on it could record a score twice or
        # change a setting silently. Live locations arrive as edits too: no reply.
        if edited.text or edited.caption:
            await send(update, context, deps.content.text("edit_not_read"))
        deps.store.mark_seen(user_id, update.update_id, persist=False)
        raise ApplicationHandlerStop


async def safety(update: Update, context: Context) -> None:
    """Red flags first, for every message with words, whatever the state or conversation.

    Runs before onboarding, /ask, a clinician thread, a pending question and every
    feature: a live red flag gets the stop-and-seek-care reply (sent before anything is
    stored) and nothing else reads the message.
    """
    message = update.effective_message
    user_id = user_id_of(update)
    if (message is not None and message.reply_to_message is not None
            and user_id in context.deps.settings.admin_user_ids):
        return  # a clinician answering a patient's thread writes about the patient
    reading = reading_of(update)
    if reading is None:
        return
    text = text_of(update) or ""
    hits = reading.live_flags
    if not hits and _doubted(reading) and not _reaches_the_conversation(update, context, text):
        # The model doubted the rules' alarm, and only the conversation can ask the
        # yes/no question: everywhere else the rules' alarm stands.
        hits = tuple(replace(hit, qualifier=None) for hit in reading.flags
                     if hit.qualifier == "unsure")
    if not hits:
        return
    await handle_red_flags(update, context, flags_of(hits), text[:300], matched_words(hits))
    raise ApplicationHandlerStop


def _doubted(reading: Interpretation) -> bool:
    """The rules alarmed, the model's second opinion turned it into a question."""
    return reading.ask_about is not None and reading.ask_about.source == "model_doubt"


def _reaches_the_conversation(update: Update, context: Context, text: str) -> bool:
    """Whether the free-text conversation (which asks the yes/no question) gets this
    message: not an edit, a command, set-up, or a question typed for the clinician."""
    user_id = user_id_of(update)
    if update.edited_message is not None or text.startswith("/") or user_id is None:
        return False
    if user_id in pending_questions(context.application):
        return False
    return context.deps.profile(user_id).onboarded


async def after(update: Update, context: Context) -> None:
    """Remember an update that no handler wrote down, so a redelivery is skipped."""
    deps = context.deps
    user_id = user_id_of(update)
    if user_id is None or deps.store.has_seen(user_id, update.update_id):
        return
    consented = deps.profile(user_id).consent
    try:
        deps.store.mark_seen(user_id, update.update_id, persist=consented)
    except StorageError as exc:
        # Only the dedupe marker was lost (this process still remembers the update).
        # The user asked for nothing to be saved, or was already told it was not: a
        # second "couldn't save" would be wrong, so no error reaches the error handler.
        log.warning("Could not remember update %s as handled: %s", update.update_id, exc)
