"""Several instances on one database: each keeps its reminder jobs in step with the data.

Every instance plans every patient's reminders and weekly summary at start-up. When
another instance changes a patient (a new reminder time, a pause, a snooze, a new
patient, a reminder it sent), this one learns of it from the database within ``RESYNC``
and re-plans that patient from the profile and state it wrote (the data-changed hooks,
no further reads), when what the plans depend on changed (a fingerprint of it per
patient: a done tap changes the routine's state, not the plans).

A reminder due on several instances goes out once: it fires under the patient's turn (a
database lock) and is marked as sent before it is sent, so the instance that comes
second finds it sent. An instance that dies leaves the patient's turn free at once, and
the others still hold the job: it is taken over the moment it falls due, or at their
next re-sync.

With the embedded store (one process) none of this runs.
"""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

import orjson

from bot.domain.progress.weekly import WEEKLY_STATE_KEY
from bot.domain.reminders.planning import PLANNING_STATE_KEYS
from bot.storage import StorageError
from bot.transport.context import App, BotContext, deps_of
from handlers.base.hooks import add_startup_hook, data_changed

log = logging.getLogger(__name__)

RESYNC = timedelta(seconds=20)
_SINCE = "fleet_since"
_PRINTS = "fleet_fingerprints"
#: What the jobs are planned from, besides the profile.
STATE_KEYS = (*PLANNING_STATE_KEYS, WEEKLY_STATE_KEY)


def fingerprint(profile: dict[str, Any], state: dict[str, Any]) -> bytes:
    return orjson.dumps([profile, [state.get(k) for k in STATE_KEYS]],
                        option=orjson.OPT_SORT_KEYS, default=str)


async def start_resync(app: App) -> None:
    """At start-up (after every job was planned from storage): note the database's now."""
    store = deps_of(app).store
    if not store.shared or app.job_queue is None:
        return
    app.bot_data[_SINCE] = store.changed_since(None)[0]
    app.job_queue.run_repeating(resync, interval=RESYNC, first=RESYNC, name="fleet:resync")


async def resync(context: BotContext) -> None:
    """Re-plan the patients written since the last look (by any instance)."""
    app = context.application
    store = context.deps.store
    since: datetime | None = app.bot_data.get(_SINCE)
    try:
        now, changed = store.changed_since(since)
    except StorageError as exc:
        log.warning("Could not look for changes by other instances (%s); trying again", exc)
        return
    app.bot_data[_SINCE] = now - timedelta(seconds=2)  # a commit landing as we read
    prints: dict[int, bytes] = app.bot_data.setdefault(_PRINTS, {})
    replanned = 0
    for user_id, profile, state in changed:
        new = fingerprint(profile, state)
        if prints.get(user_id) == new:
            continue
        prints[user_id] = new
        await data_changed(app, user_id, profile, state)
        replanned += 1
    if replanned:
        log.debug("Re-planned %d patients changed since the last look", replanned)


def register(app: App) -> None:
    add_startup_hook(app, start_resync)
