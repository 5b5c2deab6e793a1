"""Reminder settings and buttons: /remind, /reminders, /timezone, /pause, /resume,
snooze, "Not today", and the blocked-bot signal."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from telegram import Update

from bot.deps import Deps
from bot.domain.conversation.reminder_requests import switch_back_on, switch_off
from bot.domain.reminders.local_time import local_now, next_fires
from bot.domain.reminders.planning import (
    cancel_pending,
    held_back,
    prefs_from_profile,
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
from handlers.base import Context, answer, consenting, send, user_id_of
from handlers.base.blocked import deactivate
from handlers.base.hooks import profile_changed
from handlers.base.pushback import push_back
from handlers.base.records import record_for, store_records
from handlers.reminders.jobs import schedule_user


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
            txn.update("profile", **switch_off(deps.view(txn.get("profile"))))
            txn.set("state", cancel_pending(txn.get("state")))  # no snooze or nudge either
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
    view = deps.view(profile or {})
    if profile is None or not view.reminder_times:
        await send(update, context, text("reminder_list_none"))
        return
    times = ", ".join(view.reminder_times)
    days = format_days(view.reminder_days)
    if view.on_hold:
        await send(update, context, text("reminder_list_held"))
    elif view.paused_until:
        until = view.paused_until
        until = "you resume" if until == date.max.isoformat() else until
        await send(update, context, text("reminder_list_paused", times=times, days=days,
                                         until=until))
    else:
        await send(update, context, text("reminder_list", times=times, days=days,
                                         tz=view.tz, next=_next_line(deps, profile)))


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
        txn.set("state", cancel_pending(txn.get("state")))  # no snooze or nudge either
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
        profile = txn.update("profile", hold=None, **switch_back_on(deps.view(
            txn.get("profile"))))
    await profile_changed(context, user_id)
    if deps.view(profile).reminder_times:
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
    view = deps.view(profile)
    tz = view.tz
    now = deps.clock.now()
    when = snooze_until(query.data.removeprefix("rem:snooze:"), now, tz)
    if when is None:
        await answer(update, deps.content.text("button_expired"))
        return
    # Paused or switched off since this reminder came: a snooze would never go out.
    if held_back(prefs_from_profile(profile), view.today(now)) is not None:
        await answer(update, deps.content.text("reminder_snooze_stopped"))
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
