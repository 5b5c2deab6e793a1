"""Messages to clinicians about a patient, and the map that routes their replies back.

A question (from /ask) or a red-flag alert is sent to each clinician's chat; the id of
each copy is remembered in a small bot-wide map (newest 500) so that a clinician's
Telegram *reply* to that copy finds its way back to the patient.
"""

from __future__ import annotations

import logging

from telegram.error import TelegramError

from bot.deps import Deps
from bot.domain.clinic.threads import forget_threads, remember_threads, thread_key
from bot.transport.context import App, deps_of

log = logging.getLogger(__name__)

THREADS_KEY = "ask_threads"  # bot-wide: "<clinician chat>:<message id>" -> patient id
PENDING_KEY = "ask_pending"  # bot_data: patient id -> when the typed question stops counting


def threads(deps: Deps) -> dict[str, int]:
    raw = deps.store.bot_get(THREADS_KEY)
    return dict(raw) if isinstance(raw, dict) else {}


def pending_questions(app: App) -> dict[int, float]:
    """Patients whose typed question the bot is waiting for, and until when."""
    pending: dict[int, float] = app.bot_data.setdefault(PENDING_KEY, {})
    return pending


async def to_clinicians(app: App, user_id: int, text: str) -> int:
    """Send text to every clinician and remember each copy for replies; returns how many."""
    deps = deps_of(app)
    keys: list[str] = []
    for admin in deps.settings.admin_user_ids:
        try:
            message = await app.bot.send_message(admin, text[:4096])
        except TelegramError as exc:  # one unreachable clinician must not stop the others
            log.warning("Could not reach a clinician chat: %s", exc)
            continue
        keys.append(thread_key(admin, message.message_id))
    if keys:
        deps.store.bot_set(THREADS_KEY, remember_threads(threads(deps), keys, user_id))
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
    """Drop a patient from the reply map and from waiting questions (used by /forget)."""
    deps = deps_of(app)
    known = threads(deps)
    kept = forget_threads(known, user_id)
    if kept != known:
        deps.store.bot_set(THREADS_KEY, kept)
    pending_questions(app).pop(user_id, None)

