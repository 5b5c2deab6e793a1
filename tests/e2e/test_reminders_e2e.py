"""End to end over HTTP: reminders arrive, snooze, start, suppress, rebuild, blocked users."""

from __future__ import annotations

import asyncio
import time as systime
from datetime import UTC, datetime, timedelta
from datetime import time as dtime

from bot.chat.fake_telegram import FakeTelegram
from bot.domain.reminders.planning import PlannedJob
from handlers.reminders.jobs import add_job
from tests.e2e.flows import data_of, onboard, until
from tests.e2e.helpers import set_clock
from tests.harness import BotUnderTest

UID = 42


def reminder_jobs(bot: BotUnderTest) -> list[str]:
    return [n for n in bot.job_names() if n.startswith(f"reminder:{UID}")]


async def test_reminder_arrives_with_buttons_and_start_starts_session(tg: FakeTelegram,
                                                                     bot: BotUnderTest):
    await onboard(tg, UID, time="07:30")
    assert reminder_jobs(bot) == [f"reminder:{UID}:0730"]
    await bot.run_job(f"reminder:{UID}:0730")
    msg = await until(tg, UID, "rem:snooze:15")
    assert [d for _, d in msg.buttons] == [
        "sess:start", "rem:snooze:15", "rem:snooze:60", "rem:snooze:evening", "rem:nottoday"]
    assert reminder_jobs(bot) == [f"reminder:{UID}:0730"], "re-armed for tomorrow"
    tg.user_taps(UID, "sess:start")
    await until(tg, UID, "s:n0:")


async def test_snooze_brings_it_back(tg: FakeTelegram, bot: BotUnderTest):
    await onboard(tg, UID, time="07:30")
    await bot.run_job(f"reminder:{UID}:0730")
    await until(tg, UID, "rem:snooze:15")
    tg.user_taps(UID, "rem:snooze:15")
    snoozed = await tg.next_message(UID)
    assert "remind you again" in snoozed.text
    await bot.run_job(f"snooze:{UID}")
    again = await until(tg, UID, "rem:snooze:15")
    assert again.message_id != snoozed.message_id


async def test_done_today_suppresses_the_reminder(tg: FakeTelegram, bot: BotUnderTest):
    await onboard(tg, UID, time="07:30")
    from bot.domain.reminders.local_time import local_date

    job = bot.app.job_queue.get_jobs_by_name(f"reminder:{UID}:0730")[0]
    today = local_date(job.data.due, "Europe/London")  # due day
    with bot.deps.store.user(UID) as txn:
        txn.add_record({"id": "x1", "kind": "routine_complete", "date": today.isoformat(),
                        "ts": "2026-01-01T00:00:00Z", "source": "system"})
    before = len(tg.sent(UID))
    await bot.run_job(f"reminder:{UID}:0730")
    await asyncio.sleep(0.3)
    assert len(tg.sent(UID)) == before, [m.text for m in tg.sent(UID)[before:]]
    assert reminder_jobs(bot) == [f"reminder:{UID}:0730"], "still re-armed for tomorrow"


async def test_restart_rebuilds_each_reminder_exactly_once(tg: FakeTelegram, bot: BotUnderTest):
    # At noon: a restart within half an hour after 07:30 or 18:00 would rightly catch that
    # reminder up (and send it), which is not what this test is about.
    set_clock(bot, 2, dtime(12, 0))
    await onboard(tg, UID, time="07:30")
    tg.user_sends(UID, "/remind 07:30 18:00")
    await tg.next_message(UID)
    assert reminder_jobs(bot) == [f"reminder:{UID}:0730", f"reminder:{UID}:1800"]
    await bot.restart()
    assert reminder_jobs(bot) == [f"reminder:{UID}:0730", f"reminder:{UID}:1800"]
    await bot.restart()
    assert reminder_jobs(bot) == [f"reminder:{UID}:0730", f"reminder:{UID}:1800"]


async def test_missed_while_down_is_sent_once_if_recent(tg: FakeTelegram, bot: BotUnderTest):
    await onboard(tg, UID, time="07:30")
    job = bot.app.job_queue.get_jobs_by_name(f"reminder:{UID}:0730")[0]
    due = job.next_t
    await bot.stop()
    bot.clock.offset = due - datetime.now(UTC) + timedelta(minutes=10)  # back 10 min late
    await bot.start()
    await until(tg, UID, "rem:snooze:15")
    await bot.restart()  # a second restart must not send it again
    await asyncio.sleep(0.5)
    reminders = [m for m in tg.sent(UID) if any(d == "rem:nottoday" for _, d in m.buttons)]
    assert len(reminders) == 1


async def test_missed_long_ago_is_skipped(tg: FakeTelegram, bot: BotUnderTest):
    await onboard(tg, UID, time="07:30")
    due = bot.app.job_queue.get_jobs_by_name(f"reminder:{UID}:0730")[0].next_t
    await bot.stop()
    bot.clock.offset = due - datetime.now(UTC) + timedelta(minutes=45)
    await bot.start()
    await asyncio.sleep(0.5)
    assert not [m for m in tg.sent(UID) if any(d == "rem:nottoday" for _, d in m.buttons)]


async def test_blocked_user_is_deactivated_and_start_reactivates(tg: FakeTelegram,
                                                                bot: BotUnderTest):
    await onboard(tg, UID, time="07:30")
    tg.block(UID)
    await bot.run_job(f"reminder:{UID}:0730")
    await tg.wait_for(lambda: not bot.deps.store.profile(UID).get("active"), what="inactive")
    assert reminder_jobs(bot) == []
    tg.unblock(UID)
    tg.user_sends(UID, "/start")
    await tg.next_message(UID)
    assert bot.deps.store.profile(UID)["active"] is True
    assert reminder_jobs(bot) == [f"reminder:{UID}:0730"]


async def test_my_chat_member_kicked_deactivates(tg: FakeTelegram, bot: BotUnderTest):
    await onboard(tg, UID, time="07:30")
    tg.my_chat_member(UID, "kicked")
    await tg.wait_for(lambda: not bot.deps.store.profile(UID).get("active"), what="inactive")
    assert reminder_jobs(bot) == []


async def test_event_loop_stall_across_due_time_still_sends_once(tg: FakeTelegram,
                                                                 bot: BotUnderTest):
    await onboard(tg, UID, time="07:30")
    job = bot.app.job_queue.get_jobs_by_name(f"reminder:{UID}:0730")[0]
    # Make the reminder fall due 0.5 s from now (real time), then block the loop for 2 s.
    bot.clock.offset = job.next_t - datetime.now(UTC) - timedelta(seconds=0.5)
    when = datetime.now(UTC) + timedelta(seconds=0.5)
    add_job(bot.app, UID, PlannedJob(job.name, "reminder", when, job.next_t,
                                      datetime.strptime("07:30", "%H:%M").time()))
    systime.sleep(2.0)  # the event loop is stalled across the due time
    await until(tg, UID, "rem:snooze:15", timeout=10)
    await asyncio.sleep(1.0)
    reminders = [m for m in tg.sent(UID) if any(d == "rem:nottoday" for _, d in m.buttons)]
    assert len(reminders) == 1


async def test_remind_commands_and_bad_input(tg: FakeTelegram, bot: BotUnderTest):
    await onboard(tg, UID)
    for bad in ("25:00", "7:61", "noon-ish"):
        tg.user_sends(UID, f"/remind {bad}")
        reply = await tg.next_message(UID)
        assert "07:30" in reply.text or "7pm" in reply.text, reply.text
    tg.user_sends(UID, "/remind 7am, 6:30 pm on weekdays")
    reply = await tg.next_message(UID)
    assert "07:00" in reply.text and "18:30" in reply.text
    tg.user_sends(UID, "/reminders")
    listing = await tg.next_message(UID)
    assert "Next one" in listing.text
    tg.user_sends(UID, "/timezone Mars/Olympus")
    assert "Mars/Olympus" in (await tg.next_message(UID)).text
    tg.user_sends(UID, "/timezone new york")
    assert "America/New_York" in (await tg.next_message(UID)).text
    tg.user_sends(UID, "/pause 3")
    assert "paused" in (await tg.next_message(UID)).text
    assert reminder_jobs(bot)  # still scheduled, but for after the pause
    tg.user_sends(UID, "/pause")
    await tg.next_message(UID)
    assert reminder_jobs(bot) == []
    tg.user_sends(UID, "/resume")
    assert "back on" in (await tg.next_message(UID)).text
    assert len(reminder_jobs(bot)) == 2
    tg.user_sends(UID, "/remind off")
    await tg.next_message(UID)
    assert reminder_jobs(bot) == []


async def test_not_today_pushes_back_and_records_a_skip(tg: FakeTelegram, bot: BotUnderTest):
    await onboard(tg, UID, time="07:30")
    await bot.run_job(f"reminder:{UID}:0730")
    msg = await until(tg, UID, "rem:nottoday")
    tg.user_taps(UID, data_of(msg, "rem:nottoday"))
    pushback = await until(tg, UID, "co:c:walk")
    assert pushback.text
    kinds = [r["kind"] for r in bot.deps.store.records(UID)]
    assert "skip" in kinds

    # Tapped again on the same reminder: answered, nothing recorded or sent twice.
    sent = len(tg.sent(UID))
    tg.user_taps(UID, "rem:nottoday", message_id=msg.message_id)
    await tg.wait_for(lambda: not tg.unanswered_callbacks(), what="the second tap answered")
    await asyncio.sleep(0.3)
    assert [r["kind"] for r in bot.deps.store.records(UID)].count("skip") == 1
    assert len(tg.sent(UID)) == sent


async def test_nudge_later_if_nothing_done_and_only_once(tg: FakeTelegram, bot: BotUnderTest):
    await onboard(tg, UID, time="09:00")
    await bot.run_job(f"reminder:{UID}:0900")
    await until(tg, UID, "rem:snooze:15")
    assert f"nudge:{UID}" in bot.job_names()
    await bot.run_job(f"nudge:{UID}")
    nudge = await until(tg, UID, "sess:start")
    assert nudge.text
    assert f"nudge:{UID}" not in bot.job_names(), "one nudge a day"


async def test_comeback_reminder_after_missed_days(tg: FakeTelegram, bot: BotUnderTest):
    from bot.domain.reminders.local_time import local_date

    await onboard(tg, UID, time="09:00")
    job = bot.app.job_queue.get_jobs_by_name(f"reminder:{UID}:0900")[0]
    due_day = local_date(job.data.due, "Europe/London")
    old = due_day - timedelta(days=4)  # active 4 days before the reminder's day: 3 missed
    with bot.deps.store.user(UID) as txn:
        txn.add_record({"id": "old", "kind": "routine_complete", "date": old.isoformat(),
                        "ts": "2026-01-01T00:00:00Z", "source": "system"})
    await bot.run_job(f"reminder:{UID}:0900")
    msg = await until(tg, UID, "rem:snooze:15")
    assert "3 days" in msg.text


async def test_a_firing_re_arms_the_users_jobs_once(tg: FakeTelegram, bot: BotUnderTest,
                                                    monkeypatch):
    """A sent reminder plans the next day once (it was twice: after sending and at the end)."""
    import handlers.reminders.jobs as jobs_mod

    await onboard(tg, UID, time="07:30")
    calls: list[int] = []
    real = jobs_mod.schedule_user

    def counting(app, user_id, **kwargs):
        calls.append(user_id)
        return real(app, user_id, **kwargs)

    monkeypatch.setattr(jobs_mod, "schedule_user", counting)
    job = bot.app.job_queue.get_jobs_by_name(f"reminder:{UID}:0730")[0]
    assert job.data.user_id == UID and job.data.kind == "reminder"  # typed job data
    await bot.run_job(f"reminder:{UID}:0730")
    await until(tg, UID, "rem:snooze:15")
    assert calls == [UID]
    assert reminder_jobs(bot) == [f"reminder:{UID}:0730"]
