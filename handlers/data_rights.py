"""/export (CSV and JSON documents), /forget, and the data-rights side of every update.

/forget deletes "everything", as a journal of intent that a crash or a full disk
cannot leave half-done (``forget_everywhere``):

1. a durable "forgetting" marker (``store.journal.begin``): from here on the storage
   layer refuses every write for this person, and a start-up finishes the job;
2. what lives in memory: every scheduled job of theirs, ``bot_data`` entries, PTB's
   user and chat data (cannot fail);
3. every file: hot file, archives, quarantined and cached files, their heads (needs no
   write, so it works on a full disk);
4. the copies of messages about them in the clinicians' chats that Telegram still
   lets a bot delete (under 48 hours old); older ones are counted and the person told;
5. their entries in the clinicians' reply map (one rewrite of ``bot.json``);
6. the marker, last, once 3 and 5 are done. Otherwise it stays, and the forget is
   finished at the next start or a minute later, and the person told then.

Also here, for every update: a button from before a person deleted their data gets
"That was before you deleted your data"; "No" to consent after saying yes takes the same
path as /forget; a write the consent gate refused gets a clear answer; and a person
whose stored file was found damaged (and set aside) is told once, plainly.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from telegram import Update
from telegram.error import TelegramError
from telegram.ext import (
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    TypeHandler,
)

from bot.deps import Deps
from bot.domain.reminders.planning import is_user_job
from bot.media.export import records_to_csv, records_to_json
from bot.storage import Forgotten, NoConsent, StorageError
from bot.transport.context import App, deps_of
from handlers.base import Context, answer, send, send_message, user_id_of
from handlers.base.clinician_alerts import clinician_copies, forget_patient
from handlers.base.hooks import add_startup_hook

log = logging.getLogger(__name__)

CONFIRM_SECONDS = 15 * 60  # an older "Yes, delete" button deletes nothing
GATE_GROUP = -8  # after the dedupe (-10) and the red-flag gate (-9), before every feature
NOTICE_GROUP = 90  # after the features, before the dedupe mark (100)
FORGOTTEN_KEY = "forgotten_before"  # bot_data: user id -> first message id after forgetting
RUNNING_KEY = "forgets_running"  # bot_data: user ids whose forget is being finished now
RETRY_KEY = "forget_retry_at"  # bot_data: when to try unfinished forgets again
RETRY_SECONDS = 60


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
    deps.store.compact(user_id)  # the export and the hot file then hold the same
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


# --- forgetting ------------------------------------------------------------------------


@dataclass(frozen=True)
class Forgetting:
    """What a forget did, for an honest answer."""

    stored: bool  # anything of theirs was held on disk
    files: bool  # every file is gone
    references: bool  # their entries in bot.json are gone
    copies_left: int  # copies in clinicians' chats the bot could not delete

    @property
    def complete(self) -> bool:
        return self.files and self.references


def _attempt(step: str, action: Callable[..., object], *args: object) -> bool:
    """Run one step of a forget; False (logged, no personal data) if the disk refused."""
    try:
        action(*args)
    except StorageError as exc:
        log.error("Forgetting a user: %s failed (%s); it will be tried again", step, exc)
        return False
    return True


def _forget_in_memory(app: App, user_id: int) -> None:
    if app.job_queue is not None:
        for job in app.job_queue.jobs():
            if is_user_job(job.name, job.data, user_id):
                job.schedule_removal()
    for value in list(app.bot_data.values()):
        if isinstance(value, dict):  # e.g. transient_sessions, ask_pending: keyed by user id
            value.pop(user_id, None)
    app.drop_user_data(user_id)
    app.drop_chat_data(user_id)


async def forget_everywhere(app: App, user_id: int) -> Forgetting:
    """Delete every trace of a user the bot holds, in the journal's order (module doc)."""
    store = deps_of(app).store
    stored = store.has_data(user_id) or user_id in store.journal.pending
    store.journal.begin(user_id)
    _forget_in_memory(app, user_id)
    files = _attempt("deleting the files", store.forget, user_id)
    deletable, left = clinician_copies(deps_of(app), user_id)
    for chat, message in deletable:
        try:
            await app.bot.delete_message(chat, message)
        except TelegramError as exc:  # too old after all, already gone, or unreachable
            log.info("A clinician's copy about a forgotten user stays: %s", exc)
            left += 1
    references = _attempt("removing the reply-map entries", forget_patient, app, user_id)
    if files and references:
        store.journal.end(user_id)
    log.info("A user asked to be forgotten; %s", "done" if files and references
             else "not finished yet")
    return Forgetting(stored, files, references, left)


def _answers(deps: Deps, result: Forgetting, done: str) -> list[str]:
    """An honest answer: ``done`` only if everything is, and what could not be deleted."""
    text = deps.content.text
    if not result.files:
        answers = [text("forget_unfinished_files")]
    elif not result.references:
        answers = [text("forget_unfinished_references")]
    else:
        answers = [done]
    if result.copies_left:
        answers.append(text("forget_copies_left", count=result.copies_left))
    return answers


async def _tell(update: Update, context: Context, result: Forgetting, done: str) -> None:
    """Answer a forget, then mark every older message of the chat as "before"."""
    last = None
    for answer_text in _answers(context.deps, result, done):
        last = await send_message(update, context, answer_text)
    user_id = user_id_of(update)
    query_message = update.callback_query.message if update.callback_query else None
    first_after = last.message_id if last is not None else (
        query_message.message_id + 1 if query_message is not None else None)
    if user_id is not None and first_after is not None:
        context.application.bot_data.setdefault(FORGOTTEN_KEY, {})[user_id] = first_after


async def finish_unfinished(app: App) -> None:
    """Finish every forget a crash or a full disk left begun (at start-up, then retried)."""
    deps = deps_of(app)
    running: set[int] = app.bot_data.setdefault(RUNNING_KEY, set())
    for user_id in sorted(deps.store.journal.pending - running):
        running.add(user_id)
        try:
            result = await forget_everywhere(app, user_id)
        finally:
            running.discard(user_id)
        if not result.complete:
            continue
        try:
            for answer_text in _answers(deps, result, deps.content.text("forget_finished_late")):
                await app.bot.send_message(user_id, answer_text)
        except TelegramError as exc:
            log.warning("Could not tell a user their deletion is finished: %s", exc)


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


async def forget_button(update: Update, context: Context) -> None:
    """Yes: delete everything and say so (and what could not be). No: nothing changes."""
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
    result = await forget_everywhere(context.application, user_id)
    await _tell(update, context, result,
                text("forget_done" if result.stored else "forget_nothing"))


# --- every update ----------------------------------------------------------------------


async def before_features(update: Update, context: Context) -> None:
    """Unfinished forgets retried; old buttons of a forgotten person; consent withdrawn."""
    app = context.application
    deps = context.deps
    now = deps.clock.now().timestamp()
    if deps.store.journal.pending and now >= app.bot_data.get(RETRY_KEY, 0):
        app.bot_data[RETRY_KEY] = now + RETRY_SECONDS
        await finish_unfinished(app)
    query = update.callback_query
    user_id = user_id_of(update)
    if query is None or query.message is None or user_id is None:
        return
    first_after = app.bot_data.get(FORGOTTEN_KEY, {}).get(user_id)
    profile = deps.profile(user_id)
    if first_after is not None and query.message.message_id < first_after:
        await answer(update)
        await send(update, context, deps.content.text("forget_old_button"))
    elif query.data == "ob:consent:no" and profile.consent and not profile.onboarded:
        # "No" after "Yes", before set-up is finished: the person withdraws consent, and
        # everything stored since (a question to the clinic included) goes as for /forget.
        await answer(update)
        result = await forget_everywhere(app, user_id)
        await _tell(update, context, result, deps.content.text("onboarding_no_consent"))
    else:
        return
    deps.store.mark_seen(user_id, update.update_id, persist=False)
    raise ApplicationHandlerStop


async def refused_without_consent(update: object, context: Context) -> None:
    """The consent gate refused a write (a handler that did not check, or a forget under
    way): say so plainly instead of "something went wrong", and nothing else answers."""
    error = context.error
    if not isinstance(error, NoConsent):
        return
    log.info("The consent gate refused a write (%s)", type(error).__name__)
    if isinstance(update, Update) and update.effective_chat is not None:
        deps = context.deps
        user_id = user_id_of(update)
        damaged = deps.store.quarantine.take_notice(user_id) if user_id is not None else None
        if damaged is not None:
            reply = _damage_text(context, damaged)
        elif user_id in deps.store.journal.pending:
            reply = deps.content.text("forget_still_running")
        elif isinstance(error, Forgotten):
            reply = deps.content.text("forget_old_button")
        else:
            reply = deps.content.text("storage_no_consent")
        try:
            await answer(update)
            await send(update, context, reply)
        except TelegramError as exc:
            log.warning("Could not answer a refused write: %s", exc)
        if user_id is not None:
            deps.store.mark_seen(user_id, update.update_id, persist=False)
    raise ApplicationHandlerStop


def _damage_text(context: Context, kind: str) -> str:
    """What to tell a person whose file was found damaged and set aside."""
    text = context.deps.content.text
    # An archive is older history; a hot file, or a journal found without its hot file,
    # means the settings are gone and the patient starts again.
    return text("data_damaged_archive" if kind == "archive" else "data_damaged_user_file")


async def tell_damage(update: Update, context: Context) -> None:
    """A file of this person's was found damaged and set aside: tell them once, plainly."""
    user_id = user_id_of(update)
    if user_id is None or update.effective_chat is None:
        return
    kind = context.deps.store.quarantine.take_notice(user_id)
    if kind is not None:
        await send(update, context, _damage_text(context, kind))


def register(app: App) -> None:
    """/export, /forget and its buttons; the data-rights gate around every update."""
    app.add_handler(TypeHandler(Update, before_features), group=GATE_GROUP)
    app.add_handler(CommandHandler("export", export_command))
    app.add_handler(CommandHandler("forget", forget_command))
    app.add_handler(CallbackQueryHandler(forget_button, pattern=r"^fg:(yes:\d+|no)$"))
    app.add_handler(TypeHandler(Update, tell_damage), group=NOTICE_GROUP)
    app.add_error_handler(refused_without_consent)  # before the general error handler
    add_startup_hook(app, finish_unfinished)
