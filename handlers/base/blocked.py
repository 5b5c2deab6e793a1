"""A person who blocked the bot: mark them inactive and stop their reminders.

Telegram says so in two ways: a ``my_chat_member`` update, or a 403 when a reminder or
a weekly summary is sent. Either way nothing more is sent until they write again.
"""

from __future__ import annotations

import logging

from bot.transport.context import App, deps_of
from bot.transport.job_queue import user_jobs

log = logging.getLogger(__name__)

#: The jobs that message a person unprompted (the weekly summary checks ``active``).
REMINDER_JOB_KINDS = ("reminder", "nudge", "snooze")


def remove_reminder_jobs(app: App, user_id: int) -> None:
    """Drop this person's reminder, nudge and snooze jobs."""
    assert app.job_queue is not None
    for job in user_jobs(app.job_queue, user_id):  # indexed: no scan of every user's jobs
        if job.name and job.name.split(":")[0] in REMINDER_JOB_KINDS:
            job.schedule_removal()


def deactivate(app: App, user_id: int) -> None:
    """The user blocked the bot: mark inactive, drop jobs, retry nothing."""
    deps = deps_of(app)
    log.info("A user blocked the bot; reminders stopped for them")
    remove_reminder_jobs(app, user_id)
    if deps.store.exists(user_id):
        with deps.store.user(user_id) as txn:
            txn.update("profile", active=False)
