"""Undo: take back what one reply recorded ("sorry, I didn't actually do that").

Records made by one update share an id prefix (``u<update id>`` or the button's
``b<message>:<data>``), so one Undo removes exactly what that reply recorded, and only
while it is still in the patient's hot file (today's records always are).
"""

from __future__ import annotations

from bot.deps import Deps
from bot.domain import routine as sm
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


def reply_of(record: Record) -> str:
    """The reply that wrote a record: a routine's records carry it (their ids are the
    session's), the others share its id prefix."""
    return record.get("reply") or group_of(record.get("id") or "")


def undo_group(deps: Deps, user_id: int, group: str) -> list[Record]:
    """Remove the records of one reply; the removed records (none: nothing to undo).

    When some were steps of the routine still running, the routine goes back to the
    first of them, in the same write, so its end does not count them again.
    """
    with deps.store.user(user_id) as txn:
        ids = [r["id"] for r in txn.recent_records()
               if in_group(r.get("id", ""), group) or r.get("reply") == group]
        removed = [r for r in (txn.remove_record(i) for i in ids) if r is not None]
        raw = txn.get("session") if removed else None
        session = sm.Session.from_dict(raw) if raw else None
        if session is not None:
            rewound = sm.take_back(session, sm.step_indices(session, removed))
            if rewound is not None:
                txn.set("session", rewound.to_dict())
    return removed


def last_group(deps: Deps, user_id: int, today: str) -> str | None:
    """The newest reply today that recorded something undoable, or None."""
    records = [r for r in deps.store.user(user_id).recent_records()
               if r.get("date") == today and r.get("kind") in UNDOABLE]
    if not records:
        return None
    newest = reply_of(max(records, key=lambda r: (r.get("ts") or "", r.get("id") or "")))
    # a button's records extend its id ("b12:co:c:rest" and "b12:co:c:rest:rest"): the
    # shortest is the reply's, so one Undo takes back the choice and the rest together
    return min((g for g in map(reply_of, records) if in_group(newest, g)), key=len)


def take_back_pain(deps: Deps, user_id: int, today: str, wrong: int | None = None
                   ) -> Record | None:
    """Today's newest pain score, removed with the flare-up records written since, when no
    undoable record is newer ("that 8 was a typo, I meant 3") and it is the ``wrong`` one
    named, if any ("3 not 8"); None when there is none."""
    with deps.store.user(user_id) as txn:
        records = [r for r in txn.recent_records() if r.get("date") == today]
        scored = [r for r in records if r.get("kind") in UNDOABLE | {"pain"}]
        if not scored:
            return None
        newest = max(scored, key=lambda r: (r.get("ts") or "", r.get("id") or ""))
        if newest.get("kind") != "pain" or wrong not in (None, newest.get("pain")):
            return None
        since = newest.get("ts") or ""
        flares = [r for r in records if r.get("kind") == "flare" and (r.get("ts") or "") >= since]
        ids = [newest.get("id") or "", *(r.get("id") or "" for r in flares)]
        for record_id in ids:
            txn.remove_record(record_id)
    return newest


def take_back_rest(deps: Deps, user_id: int, today: str) -> int:
    """Today's rest, and the choice that took it, removed ("ignore my rest message, I did
    them after all"); how many records went."""
    with deps.store.user(user_id) as txn:
        ids = [r.get("id") or "" for r in txn.recent_records() if r.get("date") == today and (
            r.get("kind") == "rest" or (r.get("kind") == "choice" and r.get("note") == "rest"))]
        return sum(txn.remove_record(i) is not None for i in ids)
