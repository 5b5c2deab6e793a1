"""Keep a re-plan's answer in the patient's state (``bot.domain.reminders.stored_plans``),
so the next start-up can take it instead of working it out again."""

from __future__ import annotations

import logging
from typing import Any

from bot.deps import Deps
from bot.domain.reminders.stored_plans import same_plan
from bot.storage import Forgotten, NoConsent, StorageError, outside_update

log = logging.getLogger(__name__)


def keep_plan(deps: Deps, user_id: int, key: str, entry: dict[str, Any] | None,
              state: dict[str, Any]) -> None:
    """Store ``entry`` under ``key`` unless ``state`` (just read) already says the same.

    A write only when the plan changed: a job fired or a setting changed. It is
    bookkeeping: it never marks the update handled, never creates a patient (a
    forgotten one stays forgotten), and a failure only costs the next start-up the
    longer way."""
    if entry is None or same_plan(state.get(key), entry):
        return
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
