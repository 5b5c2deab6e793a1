"""Messages to clinicians about a patient, and the map that routes their replies back.

A question (from /ask) or a red-flag alert is sent to each clinician's chat; the id of
each copy is remembered in a small bot-wide map so that a clinician's Telegram *reply*
to that copy finds its way back to the patient. Each copy is also remembered with the
time it was sent (``COPIES_KEY``): /forget deletes the copies Telegram still lets a bot
delete (under 48 hours old) and tells the patient how many it could not.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from telegram.error import TelegramError

from bot.deps import Deps
from bot.domain.clinic.threads import forget_threads, remember_threads, thread_key
from bot.transport.context import App, deps_of

log = logging.getLogger(__name__)

THREADS_KEY = "ask_threads"  # bot-wide: "<clinician chat>:<message id>" -> patient id
PENDING_KEY = "ask_pending"  # bot_data: patient id -> when the typed question stops counting
COPIES_KEY = "clinician_copies"  # bot-wide: patient id -> copies sent about them, and when
DELETABLE_FOR = timedelta(hours=48)  # how long Telegram lets a bot delete its own message
COPIES_KEPT = 200  # copies remembered per patient (older ones only counted)


def threads(deps: Deps) -> dict[str, int]:
    raw = deps.store.bot_get(THREADS_KEY)
    return dict(raw) if isinstance(raw, dict) else {}


def _copies(deps: Deps) -> dict[str, Any]:
    raw = deps.store.bot_get(COPIES_KEY)
    return dict(raw) if isinstance(raw, dict) else {}


def _with_sent(entry: Any, sent: list[list[int]]) -> dict[str, Any]:
    """One patient's copies ([chat, message, sent at]) with new ones added; past
    ``COPIES_KEPT`` the oldest are only counted (long past deleting anyway)."""
    entry = entry if isinstance(entry, dict) else {}
    copies = [c for c in entry.get("sent") or [] if isinstance(c, list) and len(c) == 3]
    copies += sent
    dropped = int(entry.get("dropped") or 0) + max(len(copies) - COPIES_KEPT, 0)
    return {"sent": copies[-COPIES_KEPT:], "dropped": dropped}


def clinician_copies(deps: Deps, user_id: int) -> tuple[list[tuple[int, int]], int]:
    """The copies about a patient that the bot may still delete (chat, message), and how
    many it no longer may (over 48 hours old). Copies in the reply map sent before their
    time was kept are tried as well: Telegram says whether they still can go."""
    entry = _with_sent(_copies(deps).get(str(user_id)), [])
    since = (deps.clock.now() - DELETABLE_FOR).timestamp()
    deletable = [(int(c[0]), int(c[1])) for c in entry["sent"] if c[2] >= since]
    older = entry["dropped"] + len(entry["sent"]) - len(deletable)
    known = {thread_key(int(c[0]), int(c[1])) for c in entry["sent"]}
    for key, patient in threads(deps).items():
        chat, _, message = key.partition(":")
        readable = chat.lstrip("-").isdigit() and message.isdigit()
        if patient == user_id and key not in known and readable:
            deletable.append((int(chat), int(message)))
    return deletable, older


def pending_questions(app: App) -> dict[int, float]:
    """Patients whose typed question the bot is waiting for, and until when."""
    pending: dict[int, float] = app.bot_data.setdefault(PENDING_KEY, {})
    return pending


async def to_clinicians(app: App, user_id: int, text: str) -> int:
    """Send text to every clinician and remember each copy for replies; returns how many."""
    deps = deps_of(app)
    keys: list[str] = []
    sent: list[list[int]] = []
    stamp = int(deps.clock.now().timestamp())  # when sent: Telegram counts 48 hours from it
    for admin in deps.settings.admin_user_ids:
        try:
            message = await app.bot.send_message(admin, text[:4096])
        except TelegramError as exc:  # one unreachable clinician must not stop the others
            log.warning("Could not reach a clinician chat: %s", exc)
            continue
        keys.append(thread_key(admin, message.message_id))
        sent.append([admin, message.message_id])
    if keys:
        copies = _copies(deps)
        copies[str(user_id)] = _with_sent(copies.get(str(user_id)), [[*c, stamp] for c in sent])
        deps.store.bot_update({THREADS_KEY: remember_threads(threads(deps), keys, user_id),
                               COPIES_KEY: copies})
    return len(keys)


async def alert_clinicians(app: App, user_id: int, text: str) -> int:
    """Send an alert about a patient to every clinician; returns how many received it.

    Only for patients who consented to storage. The patient's name and id are added
    so the clinician knows who it is, and a reply to the alert reaches the patient.
    """
    deps = deps_of(app)
    profile = deps.profile(user_id)
    if not profile.consent or not deps.settings.admin_user_ids:
        return 0
    message = deps.content.text("clinic_alert", name=profile.display_name, user_id=user_id,
                                text=text)
    return await to_clinicians(app, user_id, message)


def forget_patient(app: App, user_id: int) -> None:
    """Drop a patient from waiting questions, the reply map and the copies (for /forget):
    one write of bot.json, which may fail (StorageError) on a full disk."""
    deps = deps_of(app)
    pending_questions(app).pop(user_id, None)
    known, copies = threads(deps), _copies(deps)
    kept = forget_threads(known, user_id)
    if kept != known or str(user_id) in copies:
        copies.pop(str(user_id), None)
        deps.store.bot_update({THREADS_KEY: kept, COPIES_KEY: copies})

