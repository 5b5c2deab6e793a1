"""Undo: take back what one reply recorded ("sorry, I didn't actually do that").

Records made by one update share an id prefix (``u<update id>`` or the button's
``b<message>:<data>``), so one Undo removes exactly what that reply recorded, and only
while it is still in the patient's hot file (today's records always are).
"""

from __future__ import annotations

from bot.deps import Deps
from bot.domain.records import Record

#: What a patient may take back by typing "undo": things they reported doing.
UNDOABLE = frozenset({"done", "routine_complete", "walk", "rest", "choice"})


def group_of(record_id: str) -> str:
    """The id prefix shared by every record one reply wrote."""
    if record_id.startswith("u") and ":" in record_id:
        return record_id.split(":", 1)[0]
    return record_id


def in_group(record_id: str, group: str) -> bool:
    return record_id == group or record_id.startswith(f"{group}:")


def undo_group(deps: Deps, user_id: int, group: str) -> list[Record]:
    """Remove the records of one reply; the removed records (none: nothing to undo)."""
    with deps.store.user(user_id) as txn:
        ids = [r["id"] for r in txn.recent_records() if in_group(r.get("id", ""), group)]
        removed = [r for r in (txn.remove_record(i) for i in ids) if r is not None]
    return removed


def last_group(deps: Deps, user_id: int, today: str) -> str | None:
    """The newest reply today that recorded something undoable, or None."""
    records = [r for r in deps.store.user(user_id).recent_records()
               if r.get("date") == today and r.get("kind") in UNDOABLE]
    if not records:
        return None
    newest = max(records, key=lambda r: (r.get("ts") or "", r.get("id") or ""))
    return group_of(newest["id"])
