"""Reminder jobs: planned from storage at start-up and on every settings change, fired,
marked as sent before sending, retried while Telegram is unreachable, re-armed once."""

from __future__ import annotations

import asyncio
import logging
from datetime import date, datetime, time, timedelta
from typing import Any

from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.ext import (
    Job,
)

from bot.deps import Deps
from bot.domain.jobs import JobKind, ReminderJob, ResendJob
from bot.domain.plans.doses import plan_levels
from bot.domain.records import Record
from bot.domain.reminders.planning import (
    MISFIRE_GRACE,
    PlannedJob,
    SendDecision,
    decide,
    held_back,
    mark_sent,
    nudge_for,
    plan_jobs,
    prefs_from_profile,
    reminder_plan,
    reminder_text,
    stored_jobs,
)
from bot.domain.reminders.stored_plans import REMINDER_PLAN
from bot.storage import PatientTxn, StorageError
from bot.transport.context import App, BotContext, deps_of
from bot.transport.pacing import send_slot
from handlers.base import keyboard
from handlers.base.blocked import deactivate, remove_reminder_jobs
from handlers.base.rebuild import RebuildMarks
from handlers.base.stored_plans import keep_plan

log = logging.getLogger(__name__)

RESEND_AFTER = timedelta(minutes=1)  # Telegram unreachable: try a reminder again this soon
RESEND_ATTEMPTS = 30
_MARKS = RebuildMarks("reminders")  # patients re-planned while start-up rebuilds


# --- scheduling -------------------------------------------------------------------


def add_job(app: App, user_id: int, planned: PlannedJob, now: datetime | None = None) -> None:
    assert app.job_queue is not None
    deps = deps_of(app)
    for old in app.job_queue.get_jobs_by_name(planned.name):
        old.schedule_removal()
    # Relative to the bot's clock, so a moved clock (tests, the terminal chat) still works.
    delay = max(0.0, (planned.when - (now or deps.clock.now())).total_seconds())
    app.job_queue.run_once(
        fire,
        when=timedelta(seconds=delay),
        name=planned.name,
        data=ReminderJob(user_id, planned.kind, planned.due, planned.slot),
        job_kwargs={"misfire_grace_time": MISFIRE_GRACE, "coalesce": True},
    )


def resend_name(user_id: int) -> str:
    return f"resend:{int(user_id)}"


def drop_resend(app: App, user_id: int) -> None:
    """Forget a reminder waiting to be tried again (paused, switched off, gone)."""
    assert app.job_queue is not None
    for old in app.job_queue.get_jobs_by_name(resend_name(user_id)):
        old.schedule_removal()


def schedule_user(app: App, user_id: int, *, catch_up: bool = False) -> int:
    """Replace this user's jobs with the ones their stored settings call for.

    Paused, switched off or inactive today: a reminder still being retried is dropped
    too, so nothing already pending goes out (``plan_jobs`` leaves out snoozes and nudges).
    """
    deps = deps_of(app)
    if not deps.store.exists(user_id):
        remove_reminder_jobs(app, user_id)
        drop_resend(app, user_id)
        return 0
    txn = deps.store.user(user_id)
    return plan_user(app, user_id, txn.get("profile"), txn.get("state"), catch_up=catch_up)


def plan_user(app: App, user_id: int, profile: dict[str, Any], state: dict[str, Any], *,
              catch_up: bool = False) -> int:
    """``schedule_user`` from a profile and state already read (another instance's write,
    seen by ``handlers/fleet.py``)."""
    deps = deps_of(app)
    _MARKS.replanned(app, user_id)
    remove_reminder_jobs(app, user_id)
    now = deps.clock.now()
    if held_back(prefs_from_profile(profile), deps.view(profile).today(now)) is not None:
        drop_resend(app, user_id)
    planned = plan_jobs(user_id, profile, state, now, catch_up=catch_up)
    for job in planned:
        add_job(app, user_id, job, now)
    keep_plan(deps, user_id, REMINDER_PLAN, reminder_plan(profile, planned, now), state)
    return len(planned)


async def on_data_changed(app: App, user_id: int, profile: dict[str, Any],
                          state: dict[str, Any]) -> None:
    plan_user(app, user_id, profile, state)


async def on_profile_changed(app: App, user_id: int) -> None:
    schedule_user(app, user_id)


async def rebuild_all(app: App) -> None:
    """Start-up: one job per user and slot, from storage; missed ones caught up once."""
    deps = deps_of(app)
    now = deps.clock.now()
    count = stored = 0
    # One parse of each user's head gives profile and state (schedule_user would read
    # them again); a new queue holds no jobs to remove. A plan stored by the last
    # re-plan is taken as it is while it holds (``stored_jobs``); the rest are worked
    # out, with the catch-up of what fell due while the bot was down.
    async for user_id, profile, state in _MARKS.walk(app, deps.store.iter_heads()):
        jobs = stored_jobs(user_id, profile, state, now)
        if jobs is not None:
            stored += 1
        else:
            prefs = prefs_from_profile(profile)
            if not prefs.active:
                continue
            jobs = plan_jobs(user_id, profile, state, now, catch_up=True, prefs=prefs)
        for planned in jobs:
            add_job(app, user_id, planned, now)
            count += 1
    log.info("Scheduled %d reminder jobs at start-up (%s; %d patients from their stored "
             "plan)", count, now.isoformat(), stored)


# --- firing -----------------------------------------------------------------------


def reminder_buttons(deps: Deps) -> list[list[tuple[str, str]]]:
    text = deps.content.text
    return [
        [(text("reminder_start_button"), "sess:start")],
        [(text("reminder_snooze_15_button"), "rem:snooze:15"),
         (text("reminder_snooze_60_button"), "rem:snooze:60"),
         (text("reminder_snooze_evening_button"), "rem:snooze:evening")],
        [(text("reminder_not_today_button"), "rem:nottoday")],
    ]


async def fire(context: BotContext) -> None:
    """A reminder, nudge or snooze fell due: check, mark, send, then re-arm once."""
    job = context.job
    assert job is not None and isinstance(job.data, ReminderJob)
    data: ReminderJob = job.data
    app: App = context.application
    sent = False
    try:
        if context.deps.store.shared:
            sent = await _fire_in_fleet(app, context.deps, data)
        else:  # the job queue took this job's send slot before it started
            sent = await _fire(app, context.deps, data.user_id, data.kind, data.slot, data.due)
    finally:
        # A reminder always plans its next day; a nudge plans nothing; a snooze that went
        # out lets the day's plan (its nudge) be worked out again.
        if data.kind == "reminder" or (sent and data.kind == "snooze"):
            schedule_user(app, data.user_id)


#: Reminders an instance prepares at once on a shared database (each holds a patient's
#: turn while it waits for a send slot; the rest wait here, holding nothing).
PREPARING = 8
_PREPARING_KEY = "reminders_preparing"


async def _fire_in_fleet(app: App, deps: Deps, data: ReminderJob) -> bool:
    """Several instances hold the same job. Under the patient's turn, the one that comes
    second finds the reminder sent (or no longer wanted) and takes no send slot; the
    first takes its slot, marks the reminder sent, sends it."""
    preparing = app.bot_data.get(_PREPARING_KEY)
    if preparing is None:
        preparing = app.bot_data[_PREPARING_KEY] = asyncio.Semaphore(PREPARING)
    async with preparing, deps.store.patient_turn(data.user_id):
        if not _wanted(deps, data):
            return await _fire(app, deps, data.user_id, data.kind, data.slot, data.due)
        async with send_slot(app.bot):
            return await _fire(app, deps, data.user_id, data.kind, data.slot, data.due)


def _wanted(deps: Deps, data: ReminderJob) -> bool:
    """Whether the reminder would go out now (read only)."""
    if not deps.store.exists(data.user_id):
        return False
    return _decision(deps, deps.store.user(data.user_id), data.kind, data.slot, data.due)[0].send


def _decision(deps: Deps, txn: PatientTxn, kind: JobKind, slot: time | None, due: datetime
              ) -> tuple[SendDecision, dict[str, Any], dict[str, Any], date, list[Record]]:
    """Whether the job's message goes out, from the patient's stored data (and that data)."""
    profile, state = txn.get("profile"), txn.get("state")
    day = deps.view(profile).today(due)
    records = txn.recent_records()
    return decide(kind, profile, state, records, day, slot, due), profile, state, day, records


async def _fire(
    app: App, deps: Deps, user_id: int, kind: JobKind, slot: time | None, due: datetime
) -> bool:
    """Send the job's message if it is still wanted; True when it went out."""
    if not deps.store.exists(user_id):
        return False
    text: str | None = None
    try:
        with deps.store.user(user_id) as txn:
            decision, profile, state, day, records = _decision(deps, txn, kind, slot, due)
            if not decision.send:
                log.debug("Reminder for a user not sent: %s", decision.why)
                if slot is not None and decision.why in ("done_today", "not_today", "cap"):
                    state.setdefault("last_fired", {})[slot.strftime("%H%M")] = due.isoformat()
                    txn.set("state", _with_plan(user_id, profile, state, deps.clock.now()))
                return False
            text, key = reminder_text(deps.content, kind, records, day,
                                      state.get("last_reason"), deps.rng,
                                      deps.plan_for(profile, day).routine,
                                      plan_levels(deps.view(profile), deps.content.exercises))
            state = mark_sent(state, kind, day, slot, due)
            state["last_reason"] = key
            pending = state.get("nudge_at")
            now = deps.clock.now()
            # One nudge a day: planned by the day's first reminder; a stale one (from a
            # day before a pause, say) is replaced, not kept.
            if kind != "nudge" and (not pending or datetime.fromisoformat(pending) <= now):
                nudge = nudge_for(profile, day, now)
                state["nudge_at"] = nudge.isoformat() if nudge else None
            txn.set("state", _with_plan(user_id, profile, state, now))
    except StorageError as exc:
        if text is None:
            raise
        # Unmarked, it could come twice only if the bot also restarts within the
        # catch-up window; not sent, it is lost for sure. So it goes out.
        log.error("Could not mark a reminder as sent (%s); sending it anyway", exc)
    # Marked before sending: a crash in between loses one reminder rather than doubling it.
    return await _send_reminder(app, user_id, text, attempt=1)


def _with_plan(user_id: int, profile: dict[str, Any], state: dict[str, Any],
               now: datetime) -> dict[str, Any]:
    """The state with the next plan stored in the same write as the mark: the re-plan
    that follows the job finds it stored and writes nothing more."""
    entry = reminder_plan(profile, plan_jobs(user_id, profile, state, now, catch_up=False), now)
    if entry is not None:
        state[REMINDER_PLAN] = entry
    return state


async def _send_reminder(app: App, user_id: int, text: str, attempt: int) -> bool:
    """Send a reminder that is already marked sent; False if it did not go out.

    The request layer has retried for a few seconds already; if Telegram is still
    unreachable, the reminder is tried again a minute later (for up to RESEND_ATTEMPTS
    minutes) rather than lost. Only this process remembers the retry: a restart in
    between loses it, as a crash between marking and sending does.
    """
    deps = deps_of(app)
    try:
        await app.bot.send_message(user_id, text, reply_markup=keyboard(reminder_buttons(deps)))
    except Forbidden:
        deactivate(app, user_id)
        return False
    except (NetworkError, RetryAfter) as exc:
        if isinstance(exc, BadRequest):
            raise
        assert app.job_queue is not None
        if attempt >= RESEND_ATTEMPTS:
            log.error("A reminder could not be sent after %d attempts; dropped", attempt)
            return False
        log.warning("A reminder could not be sent (%s); trying again in %s", exc, RESEND_AFTER)
        drop_resend(app, user_id)
        app.job_queue.run_once(
            resend, when=RESEND_AFTER, name=resend_name(user_id),
            data=ResendJob(user_id, text, attempt + 1),
            job_kwargs={"misfire_grace_time": MISFIRE_GRACE, "coalesce": True},
        )
        return False
    return True


async def resend(context: BotContext) -> None:
    """A reminder Telegram refused earlier: send it now, unless the user stopped them
    (blocked the bot, paused, or switched reminders off) in the meantime."""
    job = context.job
    assert job is not None and isinstance(job.data, ResendJob)
    data: ResendJob = job.data
    deps = context.deps
    profile = deps.store.profile(data.user_id)
    held = held_back(prefs_from_profile(profile), deps.view(profile).today(deps.clock.now()))
    if held is not None:
        log.debug("A retried reminder dropped: %s", held)
        return
    await _send_reminder(context.application, data.user_id, data.text, data.attempt)


def jobs_named(app: App, prefix: str) -> list[Job]:
    """Jobs whose name starts with ``prefix`` (tests and the chat's clock use this)."""
    assert app.job_queue is not None
    return [j for j in app.job_queue.jobs() if (j.name or "").startswith(prefix)]
