"""/export (CSV and JSON documents) and /forget (confirm, then delete everything).

"Everything" means: the user's files (``Store.forget``), every scheduled job that
belongs to them, in-memory state kept in ``bot_data`` and PTB's user/chat data, and
their entries in the clinicians' reply map.
"""

from __future__ import annotations

import logging

from telegram import Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.domain.reminders.planning import is_user_job
from bot.media.export import records_to_csv, records_to_json
from bot.transport.context import App, deps_of
from handlers.base import Context, answer, send, user_id_of
from handlers.base.clinician_alerts import forget_patient

log = logging.getLogger(__name__)

CONFIRM_SECONDS = 15 * 60  # an older "Yes, delete" button deletes nothing


# --- /export ---------------------------------------------------------------------------


async def export_command(update: Update, context: Context) -> None:
    """Send the user's whole record: CSV for spreadsheets, JSON for a full copy."""
    deps = context.deps
    user_id = user_id_of(update)
    chat = update.effective_chat
    assert user_id is not None
    profile = deps.store.profile(user_id)
    if not deps.view(profile).consent or chat is None:
        await send(update, context, deps.content.text("export_no_consent"))
        return
    records = deps.store.records(user_id)
    day = deps.view(profile).today(deps.clock.now()).isoformat()
    text = deps.content.text
    await send(update, context, text("export_intro"))
    await context.bot.send_document(
        chat.id,
        records_to_csv(records, user_id).encode("utf-8"),
        filename=f"hip-exercise-records-{day}.csv",
        caption=text("export_csv_caption", count=len(records)),
    )
    await context.bot.send_document(
        chat.id,
        records_to_json(profile, records).encode("utf-8"),
        filename=f"hip-exercise-data-{day}.json",
        caption=text("export_json_caption"),
    )


# --- /forget ---------------------------------------------------------------------------


async def forget_command(update: Update, context: Context) -> None:
    """Ask first: deleting cannot be undone."""
    deps = context.deps
    text = deps.content.text
    stamp = int(deps.clock.now().timestamp())
    await send(
        update,
        context,
        text("forget_confirm"),
        [[(text("forget_yes_button"), f"fg:yes:{stamp}")],
         [(text("forget_no_button"), "fg:no")]],
    )


def forget_everywhere(app: App, user_id: int) -> bool:
    """Delete every trace of a user the bot holds; True when anything was stored on disk."""
    deps = deps_of(app)
    if app.job_queue is not None:
        for job in app.job_queue.jobs():
            if is_user_job(job.name, job.data, user_id):
                job.schedule_removal()
    for value in list(app.bot_data.values()):
        if isinstance(value, dict):  # e.g. transient_sessions, ask_pending: keyed by user id
            value.pop(user_id, None)
    app.drop_user_data(user_id)
    app.drop_chat_data(user_id)
    forget_patient(app, user_id)
    stored = deps.store.exists(user_id)
    deps.store.forget(user_id)
    log.info("A user asked to be forgotten; their data and jobs were deleted")
    return stored


async def forget_button(update: Update, context: Context) -> None:
    """Yes: delete everything and say so. No: nothing changes."""
    query = update.callback_query
    assert query is not None and query.data is not None
    deps = context.deps
    text = deps.content.text
    user_id = user_id_of(update)
    assert user_id is not None
    await answer(update)
    if query.data == "fg:no":
        await send(update, context, text("forget_kept"))
        return
    stamp = query.data.removeprefix("fg:yes:")
    readable = stamp.isdecimal() and len(stamp) <= 12  # \d in the pattern allows any digits
    age = deps.clock.now().timestamp() - int(stamp) if readable else CONFIRM_SECONDS + 1
    if not -60 <= age <= CONFIRM_SECONDS:  # a minute of clock slack either way
        await send(update, context, text("forget_expired"))
        return
    stored = forget_everywhere(context.application, user_id)
    await send(update, context, text("forget_done" if stored else "forget_nothing"))


def register(app: App) -> None:
    """/export, /forget and its confirmation buttons."""
    app.add_handler(CommandHandler("export", export_command))
    app.add_handler(CommandHandler("forget", forget_command))
    app.add_handler(CallbackQueryHandler(forget_button, pattern=r"^fg:(yes:\d+|no)$"))
