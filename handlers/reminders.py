"""Daily reminders: jobs rebuilt from storage, settings commands, snooze, blocked users."""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta
from typing import Any

from telegram import Update
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter
from telegram.ext import (
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    Job,
)

from bot.deps import Deps
from bot.domain.jobs import JobKind, ReminderJob, ResendJob
from bot.domain.reminders.local_time import local_now, next_fires
from bot.domain.reminders.planning import (
    MISFIRE_GRACE,
    PlannedJob,
    decide,
    mark_sent,
    nudge_for,
    plan_jobs,
    prefs_from_profile,
    reminder_text,
    snooze_until,
)
from bot.domain.reminders.timeparse import (
    TimeParseError,
    format_days,
    format_time,
    parse_days,
    parse_times,
)
from bot.domain.reminders.timezones import UnknownTimezone, resolve_timezone
from bot.storage import StorageError
from bot.transport.context import App, BotContext, deps_of
from handlers.base import Context, answer, consenting, keyboard, send, user_id_of
from handlers.base.blocked import deactivate, remove_reminder_jobs
from handlers.base.hooks import add_profile_hook, add_startup_hook, profile_changed
from handlers.base.pushback import push_back
from handlers.base.records import record_for, store_records

log = logging.getLogger(__name__)

RESEND_AFTER = timedelta(minutes=1)  # Telegram unreachable: try a reminder again this soon
RESEND_ATTEMPTS = 30


# --- scheduling -------------------------------------------------------------------


def _add_job(app: App, user_id: int, planned: PlannedJob, now: datetime | None = None) -> None:
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


def schedule_user(app: App, user_id: int, *, catch_up: bool = False) -> int:
    """Replace this user's jobs with the ones their stored settings call for."""
    deps = deps_of(app)
    remove_reminder_jobs(app, user_id)
    if not deps.store.exists(user_id):
        return 0
    txn = deps.store.user(user_id)
    planned = plan_jobs(user_id, txn.get("profile"), txn.get("state"), deps.clock.now(),
                        catch_up=catch_up)
    for job in planned:
        _add_job(app, user_id, job)
    return len(planned)


async def _on_profile_changed(app: App, user_id: int) -> None:
    schedule_user(app, user_id)


async def rebuild_all(app: App) -> None:
    """Start-up: one job per user and slot, from storage; missed ones caught up once."""
    deps = deps_of(app)
    now = deps.clock.now()
    count = 0
    # One parse of each user's head gives profile and state (schedule_user would read
    # them again); a new queue holds no jobs to remove. 10,000 users: well under a second.
    for user_id, profile, state in deps.store.iter_heads():
        prefs = prefs_from_profile(profile)
        if not prefs.active:
            continue
        for planned in plan_jobs(user_id, profile, state, now, catch_up=True, prefs=prefs):
            _add_job(app, user_id, planned, now)
            count += 1
    log.info("Scheduled %d reminder jobs at start-up (%s)", count, now.isoformat())


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
        sent = await _fire(app, context.deps, data.user_id, data.kind, data.slot, data.due)
    finally:
        # A reminder always plans its next day; a nudge plans nothing; a snooze that went
        # out lets the day's plan (its nudge) be worked out again.
        if data.kind == "reminder" or (sent and data.kind == "snooze"):
            schedule_user(app, data.user_id)


async def _fire(
    app: App, deps: Deps, user_id: int, kind: JobKind, slot: time | None, due: datetime
) -> bool:
    """Send the job's message if it is still wanted; True when it went out."""
    if not deps.store.exists(user_id):
        return False
    text: str | None = None
    try:
        with deps.store.user(user_id) as txn:
            profile, state = txn.get("profile"), txn.get("state")
            day = deps.view(profile).today(due)
            records = txn.recent_records()
            decision = decide(kind, profile, state, records, day, slot, due)
            if not decision.send:
                log.debug("Reminder for a user not sent: %s", decision.why)
                if slot is not None and decision.why in ("done_today", "not_today", "cap"):
                    state.setdefault("last_fired", {})[slot.strftime("%H%M")] = due.isoformat()
                    txn.set("state", state)
                return False
            text, key = reminder_text(deps.content, kind, records, day,
                                      state.get("last_reason"), deps.rng)
            state = mark_sent(state, kind, day, slot, due)
            state["last_reason"] = key
            if kind != "nudge" and not state.get("nudge_at"):
                nudge = nudge_for(profile, day, deps.clock.now())
                state["nudge_at"] = nudge.isoformat() if nudge else None
            txn.set("state", state)
    except StorageError as exc:
        if text is None:
            raise
        # Unmarked, it could come twice only if the bot also restarts within the
        # catch-up window; not sent, it is lost for sure. So it goes out.
        log.error("Could not mark a reminder as sent (%s); sending it anyway", exc)
    # Marked before sending: a crash in between loses one reminder rather than doubling it.
    return await _send_reminder(app, user_id, text, attempt=1)


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
        for old in app.job_queue.get_jobs_by_name(f"resend:{user_id}"):
            old.schedule_removal()
        app.job_queue.run_once(
            resend, when=RESEND_AFTER, name=f"resend:{user_id}",
            data=ResendJob(user_id, text, attempt + 1),
            job_kwargs={"misfire_grace_time": MISFIRE_GRACE, "coalesce": True},
        )
        return False
    return True


async def resend(context: BotContext) -> None:
    """A reminder Telegram refused earlier: send it now, unless the user stopped them."""
    job = context.job
    assert job is not None and isinstance(job.data, ResendJob)
    data: ResendJob = job.data
    if not prefs_from_profile(context.deps.store.profile(data.user_id)).active:
        return
    await _send_reminder(context.application, data.user_id, data.text, data.attempt)


# --- commands -------------------------------------------------------------------------


def _next_line(deps: Deps, profile: dict[str, Any]) -> str:
    prefs = prefs_from_profile(profile)
    fires = next_fires(prefs, deps.clock.now())
    if not fires:
        return "none"
    when = local_now(fires[0][1], prefs.tz)
    return when.strftime("%a %d %b %H:%M")


def _need_profile(deps: Deps, user_id: int) -> dict[str, Any] | None:
    profile = deps.store.profile(user_id)
    return profile if deps.view(profile).consent else None


async def remind_command(update: Update, context: Context) -> None:
    """/remind 07:30 18:00 [on weekdays] | /remind off | /remind (buttons)."""
    found = await consenting(update, context, "reminder_need_consent")
    if found is None:
        return
    deps, _user_id, _profile = found
    text = deps.content.text
    arg = " ".join(context.args or [])[:200].strip()
    if not arg:
        rows = [[(t, f"rem:set:{t}") for t in ("07:30", "09:00", "12:30")],
                [(t, f"rem:set:{t}") for t in ("18:00", "20:00")],
                [(text("reminder_off_button"), "rem:off")]]
        await send(update, context, text("reminder_ask"), rows)
        return
    await _apply_remind(update, context, arg)


async def _apply_remind(update: Update, context: Context, arg: str) -> None:
    deps = context.deps
    text = deps.content.text
    user_id = user_id_of(update)
    assert user_id is not None
    if arg.lower() in ("off", "none", "stop", "no"):
        with deps.store.user(user_id) as txn:
            txn.update("profile", reminder_times=[])
        await profile_changed(context, user_id)
        await send(update, context, text("reminder_off"))
        return
    times_part, _, days_part = arg.partition(" on ")
    try:
        times = parse_times(times_part)
        days = parse_days(days_part) if days_part.strip() else frozenset(range(7))
    except TimeParseError as err:
        await send(update, context, str(err))
        return
    with deps.store.user(user_id) as txn:
        profile = txn.update("profile", reminder_times=[format_time(t) for t in times],
                             reminder_days=sorted(days), stage="done")
    await profile_changed(context, user_id)
    await send(update, context, text(
        "reminder_set", times=", ".join(format_time(t) for t in times),
        days=format_days(days), next=_next_line(deps, profile)))


async def remind_button(update: Update, context: Context) -> None:
    query = update.callback_query
    assert query is not None and query.data is not None
    await answer(update)
    if await consenting(update, context, "reminder_need_consent") is None:
        return
    value = "off" if query.data == "rem:off" else query.data.removeprefix("rem:set:")
    await _apply_remind(update, context, value)


async def reminders_command(update: Update, context: Context) -> None:
    """/reminders: what is set, and the next one in local time."""
    deps = context.deps
    text = deps.content.text
    user_id = user_id_of(update)
    assert user_id is not None
    profile = _need_profile(deps, user_id)
    if profile is None or not profile.get("reminder_times"):
        await send(update, context, text("reminder_list_none"))
        return
    times = ", ".join(profile["reminder_times"])
    days = format_days(frozenset(profile.get("reminder_days", range(7))))
    if profile.get("hold"):
        await send(update, context, text("reminder_list_held"))
    elif profile.get("paused_until"):
        until = profile["paused_until"]
        until = "you resume" if until == date.max.isoformat() else until
        await send(update, context, text("reminder_list_paused", times=times, days=days,
                                         until=until))
    else:
        await send(update, context, text("reminder_list", times=times, days=days,
                                         tz=profile.get("tz"), next=_next_line(deps, profile)))


async def timezone_command(update: Update, context: Context) -> None:
    """/timezone Europe/London | /timezone new york."""
    found = await consenting(update, context, "reminder_need_consent")
    if found is None:
        return
    deps, user_id, _profile = found
    text = deps.content.text
    arg = " ".join(context.args or [])[:80].strip()
    if not arg:
        await send(update, context, text("timezone_ask"))
        return
    try:
        zone = resolve_timezone(arg)
    except UnknownTimezone as err:
        rows = [[(s, f"ob:tz:{s}")] for s in err.suggestions if len(f"ob:tz:{s}") <= 64]
        hint = text("onboarding_tz_suggestions") if rows else text("onboarding_tz_no_suggestions")
        await send(update, context, text("onboarding_unknown_tz", text=arg[:60], suggestions=hint),
                   rows or None)
        return
    with deps.store.user(user_id) as txn:
        txn.update("profile", tz=zone.key)
    await profile_changed(context, user_id)
    local = local_now(deps.clock.now(), zone.key).strftime("%H:%M")
    await send(update, context, text("onboarding_tz_set", tz=zone.key, local_time=local))


async def pause_command(update: Update, context: Context) -> None:
    """/pause [N days]: no reminders until then (or until /resume)."""
    found = await consenting(update, context, "reminder_need_consent")
    if found is None:
        return
    deps, user_id, profile = found
    text = deps.content.text
    arg = (context.args or [""])[0][:10] if context.args else ""
    if arg:
        if not arg.isdecimal() or not 1 <= int(arg) <= 60:  # "²" is a digit, not a number
            await send(update, context, text("reminder_bad_pause"))
            return
        today = deps.view(profile).today(deps.clock.now())
        until = today + timedelta(days=int(arg))
        reply = text("reminder_paused", until=until.strftime("%a %d %b"))
    else:
        until = date.max
        reply = text("reminder_paused_forever")
    with deps.store.user(user_id) as txn:
        txn.update("profile", paused_until=until.isoformat())
    await profile_changed(context, user_id)
    await send(update, context, reply)


async def resume_command(update: Update, context: Context) -> None:
    """/resume: end a pause, or a red-flag hold once the user has been checked."""
    found = await consenting(update, context, "reminder_need_consent")
    if found is None:
        return
    deps, user_id, _profile = found
    text = deps.content.text
    with deps.store.user(user_id) as txn:
        profile = txn.update("profile", paused_until=None, hold=None, active=True)
    await profile_changed(context, user_id)
    if profile.get("reminder_times"):
        await send(update, context, text("reminder_resumed", next=_next_line(deps, profile)))
    else:
        await send(update, context, text("reminder_resumed_none"))


async def snooze_button(update: Update, context: Context) -> None:
    """Snooze 15 min, 1 h or until this evening."""
    deps = context.deps
    query = update.callback_query
    user_id = user_id_of(update)
    assert query is not None and query.data is not None and user_id is not None
    profile = _need_profile(deps, user_id)
    if profile is None:
        await answer(update)
        return
    tz = deps.view(profile).tz
    when = snooze_until(query.data.removeprefix("rem:snooze:"), deps.clock.now(), tz)
    if when is None:
        await answer(update, deps.content.text("button_expired"))
        return
    await answer(update)
    with deps.store.user(user_id) as txn:
        txn.update("state", snooze_until=when.isoformat())
    schedule_user(context.application, user_id)
    await send(update, context, deps.content.text(
        "reminder_snoozed", time=local_now(when, tz).strftime("%H:%M")))


async def not_today_button(update: Update, context: Context) -> None:
    """Not today: a skip for the day (no more reminders today), then the coach's push-back."""
    deps = context.deps
    user_id = user_id_of(update)
    assert user_id is not None
    if not store_records(deps, user_id,
                         [record_for(update, deps, user_id, "skip", note="not today")]):
        await answer(update, deps.content.text("button_already_used"))
        return
    await answer(update)
    await push_back(update, context)


async def chat_member(update: Update, context: Context) -> None:
    """my_chat_member: a user blocked (kicked) or unblocked the bot in a private chat."""
    member = update.my_chat_member
    if member is None or member.chat.type != "private":
        return
    if member.new_chat_member.status in ("kicked", "left"):
        deactivate(context.application, member.chat.id)


def register(app: App) -> None:
    """Commands, buttons, the blocked-user signal, and the start-up/profile hooks."""
    app.add_handler(CommandHandler("remind", remind_command))
    app.add_handler(CommandHandler("reminders", reminders_command))
    app.add_handler(CommandHandler("timezone", timezone_command))
    app.add_handler(CommandHandler("pause", pause_command))
    app.add_handler(CommandHandler("resume", resume_command))
    app.add_handler(CallbackQueryHandler(remind_button, pattern=r"^rem:(set:|off$)"))
    app.add_handler(CallbackQueryHandler(snooze_button, pattern=r"^rem:snooze:"))
    app.add_handler(CallbackQueryHandler(not_today_button, pattern=r"^rem:nottoday$"))
    app.add_handler(ChatMemberHandler(chat_member, ChatMemberHandler.MY_CHAT_MEMBER))
    add_startup_hook(app, rebuild_all)
    add_profile_hook(app, _on_profile_changed)


def jobs_named(app: App, prefix: str) -> list[Job]:
    """Jobs whose name starts with ``prefix`` (tests and the chat's clock use this)."""
    assert app.job_queue is not None
    return [j for j in app.job_queue.jobs() if (j.name or "").startswith(prefix)]
