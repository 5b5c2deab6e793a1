"""/progress (text and chart), /history, /weekly and the weekly summary job.

The numbers come from ``bot.domain.progress.figures``, the texts from
``bot.domain.progress.texts`` and the schedule from ``bot.domain.progress.weekly``;
this module reads storage, renders the chart off the event loop, and sends.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import date, datetime, timedelta
from typing import Any

from telegram import Update
from telegram.error import BadRequest, Forbidden
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.deps import Deps
from bot.domain.jobs import WeeklyJob
from bot.domain.progress.figures import local_since, summarize
from bot.domain.progress.texts import history_lines, progress_text, weekly_summary_text
from bot.domain.progress.weekly import (
    WEEKLY_STATE_KEY,
    WeeklyPlan,
    describe_slot,
    parse_weekly,
    plan_weekly,
    should_send_weekly,
    stored_weekly,
    summary_day,
    week_is_empty,
    weekly_job_name,
    weekly_plan,
    weekly_prefs,
    weekly_slot,
)
from bot.domain.reminders.planning import MISFIRE_GRACE
from bot.domain.reminders.stored_plans import WEEKLY_PLAN
from bot.media.charts import progress_chart
from bot.transport.context import App, BotContext, deps_of
from bot.transport.pacing import send_slot
from handlers.base import Context, answer, consenting, keyboard, send
from handlers.base.blocked import deactivate
from handlers.base.hooks import (
    add_data_hook,
    add_profile_hook,
    add_startup_hook,
    profile_changed,
)
from handlers.base.mini_app import PATIENT_PAGE, mini_app_button
from handlers.base.rebuild import RebuildMarks
from handlers.base.stored_plans import keep_plan

log = logging.getLogger(__name__)

HISTORY_DAYS = 14
CHART_DAYS = 30
_MARKS = RebuildMarks("weekly")  # patients re-planned while start-up rebuilds


def _today(deps: Deps, profile: dict[str, Any]) -> date:
    return deps.view(profile).today(deps.clock.now())


# --- /progress and /history -----------------------------------------------------------


async def progress_command(update: Update, context: Context) -> None:
    """Streak, adherence, sets and pain trend, then the 30-day chart as a photo."""
    chat = update.effective_chat
    found = await consenting(update, context, "progress_no_consent")
    if found is None or chat is None:
        return
    deps, user_id, profile = found
    today = _today(deps, profile)
    records = deps.store.records(user_id)
    summary = summarize(records, today, local_since(profile))
    await send(update, context, progress_text(summary, deps.content))
    title = deps.content.text("progress_chart_title")
    png = await asyncio.to_thread(progress_chart, records, today, CHART_DAYS, title)
    page = mini_app_button(deps, deps.content.text("mini_app_progress_button"), PATIENT_PAGE)
    await context.bot.send_photo(chat.id, png, reply_markup=page)


async def history_command(update: Update, context: Context) -> None:
    """The last 14 days, one line a day, newest first."""
    found = await consenting(update, context, "progress_no_consent")
    if found is None:
        return
    deps, user_id, profile = found
    today = _today(deps, profile)
    lines = history_lines(deps.store.records(user_id), today, deps.content, HISTORY_DAYS)
    title = (
        deps.content.text("progress_history_title", days=HISTORY_DAYS)
        if len(lines) >= HISTORY_DAYS
        else deps.content.text("progress_history_title_short")
    )
    await send(update, context, "\n".join([title, *lines]))


# --- the weekly job --------------------------------------------------------------------


def schedule_weekly(
    app: App, user_id: int, *, catch_up: bool = False, after: datetime | None = None
) -> bool:
    """Replace this user's weekly job with what the stored profile calls for."""
    deps = deps_of(app)
    assert app.job_queue is not None
    name = weekly_job_name(user_id)
    _MARKS.replanned(app, user_id)
    for old in app.job_queue.get_jobs_by_name(name):
        old.schedule_removal()
    if not deps.store.exists(user_id):
        return False
    txn = deps.store.user(user_id)
    now = deps.clock.now()
    profile, state = txn.get("profile"), txn.get("state")
    plan = plan_weekly(profile, state, max(now, after or now), catch_up=catch_up)
    keep_plan(deps, user_id, WEEKLY_PLAN, weekly_plan(profile, plan, now), state)
    return _add_weekly_job(app, user_id, plan, now)


def _add_weekly_job(app: App, user_id: int, plan: WeeklyPlan | None, now: datetime) -> bool:
    assert app.job_queue is not None
    if plan is None:
        return False
    name = weekly_job_name(user_id)
    # Relative to the bot's clock, like reminders, so a moved clock still works.
    delay = max(0.0, (plan.when - now).total_seconds())
    app.job_queue.run_once(
        weekly_fire,
        when=timedelta(seconds=delay),
        name=name,
        data=WeeklyJob(user_id, plan.due),
        job_kwargs={"misfire_grace_time": MISFIRE_GRACE, "coalesce": True},
    )
    return True


async def rebuild_weekly(app: App) -> None:
    """Start-up: one weekly job per user who wants one; a summary missed while down is sent."""
    deps = deps_of(app)
    now = deps.clock.now()
    count = 0
    async for user_id, profile, state in _MARKS.walk(app, deps.store.iter_heads()):
        stored = stored_weekly(profile, state, now)  # the last re-plan's, while it holds
        if stored is not None:
            for kept in stored:
                count += _add_weekly_job(app, user_id, kept, now)
            continue
        prefs = weekly_prefs(profile)
        if prefs.active:
            plan = plan_weekly(profile, state, now, catch_up=True, prefs=prefs)
            count += _add_weekly_job(app, user_id, plan, now)
    log.info("Scheduled %d weekly summary jobs at start-up", count)


async def _on_profile_changed(app: App, user_id: int) -> None:
    schedule_weekly(app, user_id)


async def _on_data_changed(app: App, user_id: int, profile: dict[str, Any],
                           state: dict[str, Any]) -> None:
    """Another instance wrote this patient: the weekly job from what it wrote."""
    assert app.job_queue is not None
    _MARKS.replanned(app, user_id)
    for old in app.job_queue.get_jobs_by_name(weekly_job_name(user_id)):
        old.schedule_removal()
    now = deps_of(app).clock.now()
    _add_weekly_job(app, user_id, plan_weekly(profile, state, now, catch_up=False), now)


def weekly_buttons(deps: Deps, enabled: bool) -> list[list[tuple[str, str]]]:
    text = deps.content.text
    if enabled:
        return [[(text("weekly_stop_button"), "wk:off")]]
    return [[(text("weekly_start_button"), "wk:on")]]


async def weekly_fire(context: BotContext) -> None:
    """The weekly summary fell due: check, mark as sent, send, re-arm for next week."""
    job = context.job
    assert job is not None and isinstance(job.data, WeeklyJob)
    data: WeeklyJob = job.data
    app: App = context.application
    try:
        if context.deps.store.shared:  # the second instance finds it marked as sent
            async with context.deps.store.patient_turn(data.user_id), send_slot(app.bot):
                await _send_weekly(app, data.user_id, data.due)
        else:  # the job queue took this job's send slot before it started
            await _send_weekly(app, data.user_id, data.due)
    finally:
        schedule_weekly(app, data.user_id, after=data.due)


async def _send_weekly(app: App, user_id: int, due: datetime) -> None:
    deps = deps_of(app)
    if not deps.store.exists(user_id):
        return
    with deps.store.user(user_id) as txn:
        profile, state = txn.get("profile"), txn.get("state")
        if not should_send_weekly(profile, state, due):
            return
        # Marked before sending: a crash in between loses one summary rather than doubling it.
        txn.update("state", **{WEEKLY_STATE_KEY: due.isoformat()})
    day = summary_day(due, deps.view(profile).tz)
    records = deps.store.records(user_id)
    text = deps.content.text
    try:
        if week_is_empty(records, day):
            await app.bot.send_message(user_id, text("weekly_quiet"),
                                       reply_markup=keyboard(weekly_buttons(deps, True)))
            return
        await app.bot.send_message(user_id, text("weekly_intro"))
        since = local_since(deps.store.profile(user_id))
        await app.bot.send_message(user_id,
                                   weekly_summary_text(records, day, deps.content, since),
                                   reply_markup=keyboard(weekly_buttons(deps, True)))
    except Forbidden:
        deactivate(app, user_id)


# --- opting in and out -----------------------------------------------------------------


def _slot_words(profile: dict[str, Any]) -> str:
    return describe_slot(*weekly_slot(profile))


async def _set_weekly(update: Update, context: Context, user_id: int, **fields: Any) -> None:
    deps = context.deps
    with deps.store.user(user_id) as txn:
        profile = txn.update("profile", **fields)
    await profile_changed(context, user_id)
    text = deps.content.text
    if not deps.view(profile).weekly_summary:
        await send(update, context, text("weekly_off"), weekly_buttons(deps, False))
        return
    key = "weekly_on" if weekly_prefs(profile).active else "weekly_on_paused"
    await send(update, context, text(key, when=_slot_words(profile), tz=deps.view(profile).tz),
               weekly_buttons(deps, True))


async def weekly_command(update: Update, context: Context) -> None:
    """/weekly shows the setting; /weekly off | on | friday 17:30 changes it."""
    found = await consenting(update, context, "progress_no_consent")
    if found is None:
        return
    deps, user_id, profile = found
    arg = " ".join(context.args or [])[:80].strip()
    text = deps.content.text
    if not arg:
        enabled = deps.view(profile).weekly_summary
        key = "weekly_status_on" if enabled else "weekly_status_off"
        await send(update, context, text(key, when=_slot_words(profile), tz=deps.view(profile).tz),
                   weekly_buttons(deps, enabled))
        return
    change = parse_weekly(arg)
    if change is None:
        await send(update, context, text("weekly_bad"))
        return
    fields: dict[str, Any] = {"weekly_summary": change.enabled}
    if change.day is not None:
        fields["weekly_day"] = change.day
    if change.slot is not None:
        fields["weekly_time"] = change.slot.strftime("%H:%M")
    await _set_weekly(update, context, user_id, **fields)


async def weekly_button(update: Update, context: Context) -> None:
    """The Stop / Send-me button under a summary."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await answer(update)
    found = await consenting(update, context, "progress_no_consent")
    if found is None:
        return
    _deps, user_id, _profile = found
    if query.message is not None:
        try:  # the button did its job; take it away so it is not tapped twice
            await query.edit_message_reply_markup(None)
        except BadRequest:
            log.debug("Could not remove the weekly button")
    await _set_weekly(update, context, user_id, weekly_summary=query.data == "wk:on")


def register(app: App) -> None:
    """Commands, the opt-out button, and the start-up/profile hooks for weekly jobs."""
    app.add_handler(CommandHandler("progress", progress_command))
    app.add_handler(CommandHandler("history", history_command))
    app.add_handler(CommandHandler("weekly", weekly_command))
    app.add_handler(CallbackQueryHandler(weekly_button, pattern=r"^wk:(on|off)$"))
    add_startup_hook(app, rebuild_weekly, background=True)
    add_profile_hook(app, _on_profile_changed)
    add_data_hook(app, _on_data_changed)
