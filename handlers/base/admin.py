"""What clinician commands share: the clinician-only guard and finding one patient.

Clinicians are ``ADMIN_USER_IDS``; anyone else who types a clinician command gets the
ordinary unknown-command reply, so the commands are not advertised to patients.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from typing import Any

from telegram import Update

from bot.deps import Deps
from bot.domain.clinic.patients import find_patients
from bot.domain.profiles import display_name
from handlers.base.replies import Context, send, unknown_command, user_id_of

Handler = Callable[[Update, Context], Coroutine[Any, Any, None]]


def admin_only(handler: Handler) -> Handler:
    """Run the handler for clinicians; everyone else gets the unknown-command reply."""

    @functools.wraps(handler)
    async def wrapper(update: Update, context: Context) -> None:
        if not context.deps.is_admin(user_id_of(update)):
            await unknown_command(update, context)
            return
        await handler(update, context)

    return wrapper


def consenting_patients(deps: Deps) -> list[tuple[int, dict[str, Any]]]:
    """Every consenting patient's id and profile."""
    return [(uid, p) for uid, p in deps.store.iter_profiles() if deps.view(p).consent]


async def one_patient(
    update: Update, context: Context, query: str
) -> tuple[int, dict[str, Any]] | None:
    """The one consenting patient ``query`` names (id, @username or name), or None after
    telling the clinician that none or several match."""
    deps = context.deps
    text = deps.content.text
    found = find_patients(consenting_patients(deps), query[:80])
    if not found:
        await send(update, context, text("clinic_patient_not_found", query=query[:80]))
        return None
    if len(found) > 1:
        ids = "\n".join(f"• {display_name(dict(p))}, id {uid}" for uid, p in found)
        await send(update, context, text("clinic_patient_several", query=query[:80], ids=ids))
        return None
    uid, profile = found[0]
    return uid, dict(profile)
