"""Stored job plans through the real bot: a re-plan stores them, start-up takes them while
they hold, and works the jobs out again when they may be stale (settings changed while
the bot was down, the clock moved, a DST change)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from datetime import time as dtime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.chat.fake_telegram import FakeTelegram
from bot.domain.reminders.stored_plans import REMINDER_PLAN, WEEKLY_PLAN
from handlers.reminders.jobs import plan_user, rebuild_all
from tests.e2e.flows import onboard
from tests.e2e.helpers import set_clock
from tests.harness import BotUnderTest

UID = 4242


def _due(bot: BotUnderTest, name: str) -> datetime:
    """When the job is due on the bot's clock (jobs run on the real one, shifted by the
    clock's offset), to the minute."""
    jobs = bot.app.job_queue.get_jobs_by_name(name)
    assert len(jobs) == 1, (name, jobs)
    assert jobs[0].next_t is not None
    due = jobs[0].next_t.astimezone(UTC) + bot.clock.offset
    return (due + timedelta(seconds=30)).replace(second=0, microsecond=0)


def _state(bot: BotUnderTest) -> dict[str, Any]:
    return bot.deps.store.user(UID).get("state")


def _edit(bot: BotUnderTest, table: str, **fields: Any) -> None:
    """A change written behind the bot's back (a restored file, an older version): no
    re-plan follows it."""
    with bot.deps.store.user(UID) as txn:
        txn.set(table, {**txn.get(table), **fields})


async def test_a_re_plan_stores_its_plan_and_start_up_takes_it(tg: FakeTelegram,
                                                               bot: BotUnderTest):
    set_clock(bot, 2, dtime(12, 0))
    await onboard(tg, UID, time="07:30")
    due = _due(bot, f"reminder:{UID}:0730")
    # On a shared database the plan is written in the patient's turn, a moment later.
    await tg.wait_for(lambda: {REMINDER_PLAN, WEEKLY_PLAN} <= set(_state(bot)),
                      what="the stored plans")
    state = _state(bot)
    assert state[REMINDER_PLAN]["due"] == {"0730": due.isoformat()}
    assert state[WEEKLY_PLAN]["due"]["weekly"] == _due(bot, f"weekly:{UID}").isoformat()
    # A stored due an hour off, fingerprint intact: start-up takes it as it is, which
    # shows the short way is taken (the long way would say 07:30).
    state[REMINDER_PLAN]["due"]["0730"] = (due + timedelta(hours=1)).isoformat()
    _edit(bot, "state", **state)
    await bot.restart()
    assert _due(bot, f"reminder:{UID}:0730") == due + timedelta(hours=1)


async def test_a_zone_changed_while_down_is_worked_out_again(tg: FakeTelegram,
                                                             bot: BotUnderTest):
    set_clock(bot, 2, dtime(12, 0))
    await onboard(tg, UID, time="07:30")
    _edit(bot, "profile", tz="America/New_York")
    await bot.restart()
    due = _due(bot, f"reminder:{UID}:0730").astimezone(ZoneInfo("America/New_York"))
    assert (due.hour, due.minute) == (7, 30)


async def test_a_clock_moved_back_is_worked_out_again(tg: FakeTelegram, bot: BotUnderTest):
    set_clock(bot, 2, dtime(12, 0))
    await onboard(tg, UID, time="07:30")
    planned = _due(bot, f"reminder:{UID}:0730")
    await bot.stop()
    bot.clock.offset -= timedelta(days=3)  # the plan was made "in the future" now
    await bot.start()
    due = _due(bot, f"reminder:{UID}:0730")
    assert due == planned - timedelta(days=3)
    assert bot.clock.now() < due < bot.clock.now() + timedelta(days=1)


async def test_a_clock_moved_past_the_due_catches_up_as_before(tg: FakeTelegram,
                                                               bot: BotUnderTest):
    set_clock(bot, 2, dtime(12, 0))
    await onboard(tg, UID, time="07:30")
    planned = _due(bot, f"reminder:{UID}:0730")
    await bot.stop()
    bot.clock.offset += planned - bot.clock.now() + timedelta(minutes=10)
    await bot.start()
    reminder = await tg.wait_for(
        lambda: [m for m in tg.sent(UID) if any(d == "rem:nottoday" for _, d in m.buttons)],
        what="the reminder missed while down")
    assert reminder
    name = f"reminder:{UID}:0730"
    await tg.wait_for(lambda: bot.app.job_queue.get_jobs_by_name(name), what="re-armed")
    assert _due(bot, name) == planned + timedelta(days=1)
    await tg.wait_for(lambda: _state(bot)[REMINDER_PLAN]["due"] == {
        "0730": _due(bot, name).isoformat()}, what="the new plan stored")


async def test_a_dst_change_while_down_keeps_the_local_time(tg: FakeTelegram,
                                                            bot: BotUnderTest):
    """Planned on a Saturday in summer time; restarted after the clocks went back."""
    london = ZoneInfo("Europe/London")
    now = datetime.now(UTC)
    year = now.year + 1
    saturday = datetime(year, 10, 31, 12, 0, tzinfo=london)
    while saturday.weekday() != 6:  # the last Sunday of October, then the day before
        saturday -= timedelta(days=1)
    saturday -= timedelta(days=1)
    bot.clock.offset = saturday.astimezone(UTC) - now
    await onboard(tg, UID, time="07:30")
    planned = _due(bot, f"reminder:{UID}:0730")
    assert planned.astimezone(london).hour == 7 and planned.utcoffset() == timedelta(0)
    await bot.stop()
    bot.clock.offset += timedelta(hours=14)  # Sunday 02:00 local: after the change
    await bot.start()
    due = _due(bot, f"reminder:{UID}:0730")
    assert due == planned
    assert (due.astimezone(london).hour, due.astimezone(london).minute) == (7, 30)
    assert due.astimezone(london).utcoffset() == timedelta(0)  # GMT again


async def test_the_rebuild_leaves_alone_a_patient_an_update_re_planned(
        tg: FakeTelegram, bot: BotUnderTest, monkeypatch: pytest.MonkeyPatch):
    """The start-up rebuild runs beside updates and may hold an older head (a database
    cursor read earlier): a patient re-planned meanwhile keeps the newer plan."""
    set_clock(bot, 2, dtime(12, 0))
    await onboard(tg, UID, time="07:30")
    stale = bot.deps.store.user(UID)
    stale_profile, stale_state = stale.get("profile"), stale.get("state")
    _edit(bot, "profile", reminder_times=["18:00"])

    def heads() -> Iterator[tuple[int, dict[str, Any], dict[str, Any]]]:
        txn = bot.deps.store.user(UID)
        # an update re-plans the patient from the new settings while the walk runs...
        plan_user(bot.app, UID, txn.get("profile"), txn.get("state"))
        yield UID, stale_profile, stale_state  # ...then the walk reaches its older head

    monkeypatch.setattr(bot.deps.store, "iter_heads", heads)
    await rebuild_all(bot.app)
    assert [n for n in bot.job_names() if n.startswith(f"reminder:{UID}")] == [
        f"reminder:{UID}:1800"]
