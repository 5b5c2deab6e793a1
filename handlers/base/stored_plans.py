"""Keep a re-plan's answer in the patient's state (``bot.domain.reminders.stored_plans``),
so the next start-up can take it instead of working it out again."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from bot.deps import Deps
from bot.domain.reminders.stored_plans import same_plan
from bot.storage import Forgotten, NoConsent, StorageError, outside_update

log = logging.getLogger(__name__)


_WRITES: set[asyncio.Task[None]] = set()  # shared database: plan writes under way


def keep_plan(deps: Deps, user_id: int, key: str, entry: dict[str, Any] | None,
              state: dict[str, Any]) -> None:
    """Store ``entry`` under ``key`` unless ``state`` (just read) already says the same.

    A write only when the plan changed: a job fired or a setting changed. It is
    bookkeeping: it never marks the update handled, never creates a patient (a
    forgotten one stays forgotten), and a failure only costs the next start-up the
    longer way. On a shared database it waits for the patient's turn, in a task of its
    own (a re-plan may run outside one, after a reminder, and a write there could make
    another instance's write for this patient fail its version check)."""
    if entry is None or same_plan(state.get(key), entry):
        return
    if not deps.store.shared:
        _write(deps, user_id, key, entry)
        return
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # no event loop (a script): nothing else runs meanwhile
        _write(deps, user_id, key, entry)
        return

    async def in_turn() -> None:
        async with deps.store.patient_turn(user_id):
            _write(deps, user_id, key, entry)

    task = asyncio.create_task(in_turn(), name=f"plan:{user_id}")
    _WRITES.add(task)
    task.add_done_callback(_WRITES.discard)


def _write(deps: Deps, user_id: int, key: str, entry: dict[str, Any]) -> None:
    try:
        with outside_update(), deps.store.user(user_id) as txn:
            if not txn.exists:  # checked in the unit of work: no file is created
                return
            current = txn.get("state")
            if same_plan(current.get(key), entry):
                return
            txn.set("state", {**current, key: entry})
    except (Forgotten, NoConsent):  # the consent gate refused: nothing to plan for
        return
    except StorageError as exc:
        log.warning("Could not store a job plan (the next start-up works it out): %s", exc)
