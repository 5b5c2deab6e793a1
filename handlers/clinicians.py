"""Clinician commands (/stats, /patient, /export_all), /ask, and answers back to patients.

Clinicians are ``ADMIN_USER_IDS``; anyone else who types a clinician command gets the
ordinary unknown-command reply, so the commands are not advertised to patients.

A question (or a red-flag alert) is sent to each clinician's chat and a clinician's
Telegram *reply* to that copy finds its way back to the patient, through the map kept by
``handlers.base.clinician_alerts``. A reply that cannot be delivered (the copy is not in
the map any more, the patient deleted their data or blocked the bot, Telegram refused it)
is reported to the clinician, never passed to the free-text router.

A patient may pass ``ASK_LIMIT`` questions an hour (``bot.domain.clinic.ask_limit``); a
question with a red flag in it is never held back by that.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from telegram import Message, Update
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import (
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from bot.deps import Deps
from bot.domain.clinic.ask_limit import ASK_LIMIT, next_ask_at, state_after_ask
from bot.domain.clinic.patients import patient_report_text
from bot.domain.clinic.stats import clinic_stats_text, patient_row
from bot.domain.clinic.threads import thread_key
from bot.domain.profiles import display_name
from bot.domain.progress.figures import local_since
from bot.domain.records import Record
from bot.domain.reminders.local_time import local_date, local_now
from bot.domain.understanding.red_flags import detect_red_flags
from bot.media.charts import progress_chart
from bot.media.export import clinic_csv
from bot.storage import StorageError
from bot.transport.context import App, deps_of
from handlers.base import Context, answer, keyboard, send, user_id_of
from handlers.base.admin import admin_only, consenting_patients, one_patient
from handlers.base.blocked import deactivate
from handlers.base.clinician_alerts import (
    PENDING_KEY,
    pending_questions,
    threads,
    to_clinicians,
)

log = logging.getLogger(__name__)

PENDING_FOR = timedelta(minutes=10)
MAX_QUESTION = 3000  # leaves room for the header within Telegram's 4096 characters
CHUNK = 4000


# --- helpers ---------------------------------------------------------------------------


async def _send_long(update: Update, context: Context, text: str) -> None:
    """Send text of any length as a few messages, split between lines."""
    chunk: list[str] = []
    size = 0
    for line in text.split("\n"):
        if chunk and size + len(line) + 1 > CHUNK:
            await send(update, context, "\n".join(chunk))
            chunk, size = [], 0
        chunk.append(line[:CHUNK])
        size += len(line) + 1
    if chunk:
        await send(update, context, "\n".join(chunk))


# --- /stats, /patient, /export_all ----------------------------------------------------


@admin_only
async def stats_command(update: Update, context: Context) -> None:
    """Active patients, mean adherence over 7 days, who reported high pain or a red flag."""
    deps = context.deps
    rows = []
    for uid, profile in consenting_patients(deps):
        name = f"{display_name(profile)} [{uid}]"
        today = deps.view(profile).today(deps.clock.now())
        rows.append(patient_row(uid, name, deps.store.records(uid), today, local_since(profile)))
    clinic_today = local_date(deps.clock.now(), deps.settings.default_timezone)
    text = clinic_stats_text(rows, deps.content, today=clinic_today)
    await _send_long(update, context, f"{text}\n\n{deps.content.text('clinic_stats_footer')}")


@admin_only
async def patient_command(update: Update, context: Context) -> None:
    """/patient <name, @username or id>: one patient's summary and 30-day chart."""
    deps = context.deps
    text = deps.content.text
    chat = update.effective_chat
    query = " ".join(context.args or [])[:80].strip()
    if not query or chat is None:
        await send(update, context, text("clinic_patient_usage"))
        return
    found = await one_patient(update, context, query)
    if found is None:
        return
    uid, profile = found
    records = deps.store.records(uid)
    today = deps.view(profile).today(deps.clock.now())
    await _send_long(update, context,
                     patient_report_text(uid, profile, records, today, deps.content))
    title = text("clinic_chart_title", name=display_name(dict(profile)))
    png = await asyncio.to_thread(progress_chart, records, today, 30, title)
    await context.bot.send_photo(chat.id, png)


@admin_only
async def export_all_command(update: Update, context: Context) -> None:
    """A CSV of every consenting patient's records (patients who declined are never in it)."""
    deps = context.deps
    chat = update.effective_chat
    rows: list[tuple[int, list[Record]]] = [
        (uid, records)
        for uid, _ in consenting_patients(deps)
        if (records := deps.store.records(uid))
    ]
    if chat is None or not rows:
        await send(update, context, deps.content.text("clinic_export_empty"))
        return
    day = local_date(deps.clock.now(), deps.settings.default_timezone).isoformat()
    caption = deps.content.text("clinic_export_caption", patients=len(rows),
                                rows=sum(len(r) for _, r in rows))
    await context.bot.send_document(
        chat.id, clinic_csv(rows).encode("utf-8"), filename=f"clinic-records-{day}.csv",
        caption=caption,
    )


# --- /ask ------------------------------------------------------------------------------


async def _can_ask(update: Update, context: Context) -> dict[str, Any] | None:
    """The asker's profile, or None after explaining why a question cannot go out."""
    deps = context.deps
    user_id = user_id_of(update)
    if not deps.settings.admin_user_ids:
        await send(update, context, deps.content.text("ask_no_clinician"))
        return None
    profile = deps.store.profile(user_id) if user_id is not None else {}
    if not deps.view(profile).consent:
        await send(update, context, deps.content.text("ask_need_consent"))
        return None
    return profile


async def _held_back(
    update: Update, context: Context, profile: dict[str, Any], question: str | None
) -> bool:
    """True (after saying when they can ask again) if the patient is over the limit.

    A question with a red flag, or any from a patient held after one, always goes
    through: the limit is for clinicians' time, never a reason to hold back a warning sign.
    """
    deps = context.deps
    user_id = user_id_of(update)
    assert user_id is not None
    if deps.view(profile).held_for_red_flag or (question and detect_red_flags(question)):
        return False
    again = next_ask_at(deps.store.user(user_id).get("state"), deps.clock.now())
    if again is None:
        return False
    when = local_now(again, deps.view(profile).tz).strftime("%H:%M")
    await send(update, context, deps.content.text("ask_rate_limited", limit=ASK_LIMIT,
                                                  time=when))
    return True


def _note_ask(deps: Deps, user_id: int) -> None:
    """Count a question that went out (a full disk only loses the count, not the reply)."""
    try:
        with deps.store.user(user_id) as txn:
            txn.set("state", state_after_ask(txn.get("state"), deps.clock.now()))
    except StorageError as exc:
        log.warning("Could not count a question to the clinicians: %s", exc)


async def _forward_question(
    update: Update, context: Context, profile: dict[str, Any], question: str
) -> None:
    deps = context.deps
    user_id = user_id_of(update)
    assert user_id is not None
    if await _held_back(update, context, profile, question):
        return
    text = deps.content.text(
        "ask_to_clinician", name=display_name(profile), user_id=user_id,
        question=question[:MAX_QUESTION],
    )
    delivered = await to_clinicians(context.application, user_id, text)
    if delivered:
        _note_ask(deps, user_id)
    await send(update, context, deps.content.text("ask_sent" if delivered else "ask_failed"))


async def _prompt(update: Update, context: Context, profile: dict[str, Any]) -> None:
    """Wait for the question as the user's next message (for a few minutes)."""
    deps = context.deps
    user_id = user_id_of(update)
    assert user_id is not None
    if await _held_back(update, context, profile, None):  # say so now, not after typing
        return
    until = deps.clock.now() + PENDING_FOR
    pending_questions(context.application)[user_id] = until.timestamp()
    await send(update, context, deps.content.text("ask_prompt"),
               [[(deps.content.text("ask_cancel_button"), "ask:cancel")]])


async def ask_command(update: Update, context: Context) -> None:
    """/ask <question>: pass it to the clinicians; /ask alone asks for the question."""
    message = update.effective_message
    profile = await _can_ask(update, context)
    if profile is None or message is None:
        return
    parts = (message.text or "").split(maxsplit=1)
    question = parts[1].strip() if len(parts) > 1 else ""
    if not question:
        await _prompt(update, context, profile)
        return
    await _forward_question(update, context, profile, question)


async def ask_button(update: Update, context: Context) -> None:
    """"Ask my clinician" (e.g. after a red flag, or under an answer) and "Never mind"."""
    query = update.callback_query
    assert query is not None
    await answer(update)
    user_id = user_id_of(update)
    if query.data == "ask:cancel":
        if user_id is not None:
            pending_questions(context.application).pop(user_id, None)
        await send(update, context, context.deps.content.text("ask_cancelled"))
        return
    profile = await _can_ask(update, context)
    if profile is not None:
        await _prompt(update, context, profile)


async def question_text(update: Update, context: Context) -> None:
    """The typed question after /ask or the ask button."""
    message = update.effective_message
    user_id = user_id_of(update)
    if message is None or message.text is None or user_id is None:
        return
    pending_questions(context.application).pop(user_id, None)
    profile = await _can_ask(update, context)
    if profile is not None:
        await _forward_question(update, context, profile, message.text.strip())


class AwaitingQuestion(filters.MessageFilter):
    """Messages from a patient whose question the bot is waiting for (not yet expired)."""

    def __init__(self, app: App) -> None:
        super().__init__(name="AwaitingQuestion")
        self._app = app

    def filter(self, message: Message) -> bool:
        user = message.from_user
        pending = self._app.bot_data.get(PENDING_KEY) or {}
        if user is None or user.id not in pending:
            return False
        deps = deps_of(self._app)
        if pending[user.id] < deps.clock.now().timestamp():
            pending.pop(user.id, None)
            return False
        return True


# --- answers back ----------------------------------------------------------------------


class ReplyToQuestion(filters.MessageFilter):
    """A clinician's reply to a copy of a patient's question or alert, or to any other
    message of the bot's: one the map no longer knows gets a failure notice rather than
    the free-text router's answer."""

    def __init__(self, app: App) -> None:
        super().__init__(name="ReplyToQuestion")
        self._app = app

    def filter(self, message: Message) -> bool:
        replied = message.reply_to_message
        if replied is None:
            return False
        key = thread_key(message.chat.id, replied.message_id)
        if key in threads(deps_of(self._app)):
            return True
        sender = replied.from_user
        return sender is not None and sender.is_bot


async def clinician_reply(update: Update, context: Context) -> None:
    """Pass a clinician's reply to the patient who asked, and confirm delivery."""
    deps = context.deps
    text = deps.content.text
    message = update.effective_message
    chat = update.effective_chat
    if message is None or message.reply_to_message is None or chat is None:
        return
    patient = threads(deps).get(thread_key(chat.id, message.reply_to_message.message_id))
    if patient is None:  # too old, the patient's data deleted, or not a patient's message
        log.info("A clinician replied to a message that leads to no patient")
        await send(update, context, text("ask_reply_unknown"))
        return
    profile = deps.store.profile(patient)
    name = display_name(profile) if profile else str(patient)
    if not deps.view(profile).consent:
        await send(update, context, text("ask_undeliverable", name=name))
        return
    button = keyboard([[(text("ask_reply_button"), "ask:start")]])
    try:
        if message.text:
            await context.bot.send_message(
                patient, text("ask_reply_to_patient", answer=message.text)[:4096],
                reply_markup=button,
            )
        else:  # a photo, voice note or document: a header, then a copy of it
            await context.bot.send_message(patient, text("ask_reply_header"))
            await context.bot.copy_message(patient, chat.id, message.message_id,
                                           reply_markup=button)
    except Forbidden:  # the patient blocked the bot: no reminders either, until they return
        await send(update, context, text("ask_undeliverable", name=name))
        deactivate(context.application, patient)
        return
    except BadRequest as exc:  # e.g. a kind of message Telegram will not copy
        log.warning("A clinician's reply could not be passed on: %s", exc)
        await send(update, context, text("ask_copy_failed", name=name))
        return
    except TelegramError as exc:  # Telegram unreachable even after the retries
        log.warning("A clinician's reply could not be delivered: %s", exc)
        await send(update, context, text("ask_reply_failed", name=name))
        return
    await send(update, context, text("ask_delivered", name=name))


def register(app: App) -> None:
    """Clinician commands, /ask and its buttons, typed questions and clinicians' replies.

    The two message handlers sit in the default group, registered before the free-text
    router in ``build_application``, so they see a message first; their filters only
    match what is theirs, so everything else still reaches the router.
    """
    app.add_handler(CommandHandler("stats", stats_command))
    app.add_handler(CommandHandler("patient", patient_command))
    app.add_handler(CommandHandler("export_all", export_all_command))
    app.add_handler(CommandHandler("ask", ask_command))
    app.add_handler(CallbackQueryHandler(ask_button, pattern=r"^ask:(start|cancel)$"))
    admins: Iterable[int] = deps_of(app).settings.admin_user_ids
    if admins:
        app.add_handler(MessageHandler(
            filters.REPLY & filters.User(user_id=list(admins)) & ~filters.COMMAND
            & ~filters.UpdateType.EDITED & ReplyToQuestion(app),
            clinician_reply,
        ))
    app.add_handler(MessageHandler(
        filters.TEXT & ~filters.COMMAND & ~filters.UpdateType.EDITED & AwaitingQuestion(app),
        question_text,
    ))
