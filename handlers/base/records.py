"""Records made from an update, and stored in one atomic write (nothing without consent).

Record ids come from the update: a button's message and data (so a double tap records
once), else the update id (so a redelivered update records once).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from telegram import Update

from bot.deps import Deps
from bot.domain.records import Record, RecordKind, Source, new_record


def record_id_for(update: Update, suffix: str = "") -> str:
    """The id of what this update records: the same for a double tap or a redelivery."""
    query = update.callback_query
    if query is not None and query.message is not None:
        return f"b{query.message.message_id}:{query.data}{suffix}"
    return f"u{update.update_id}{suffix}"


def record_for(
    update: Update, deps: Deps, user_id: int, kind: RecordKind, suffix: str = "", **fields: Any
) -> Record:
    """A record of ``kind`` made by this update, dated on the person's own today."""
    source: Source = "button" if update.callback_query else "text"
    return new_record(record_id_for(update, suffix), kind, deps.today_for(user_id),
                      deps.clock.now(), source, **fields)


def store_records(deps: Deps, user_id: int, records: Sequence[Record], **profile: Any) -> bool:
    """Records (and profile changes) in one atomic write; nothing without consent.

    False when every record was already stored (the same button tapped again). Without
    consent (or while their data is being deleted) nothing is tried: the storage layer's
    consent gate would refuse it anyway (``NoConsent``).
    """
    if not deps.store.may_store(user_id):
        return True
    with deps.store.user(user_id) as txn:
        added = [txn.add_record(record) for record in records]
        if profile:
            txn.update("profile", **profile)
    return any(added) or not records
