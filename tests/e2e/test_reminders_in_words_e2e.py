"""End to end over HTTP: reminders asked for in words, with the commands' effects.

"stop reminding me" is /remind off, "remind me at 7pm" is /remind 19:00, "pause
reminders for 3 days" is /pause 3, "can you remind me later" is a snooze; each is
stored, the jobs re-planned, and confirmed in words.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from bot.chat.fake_telegram import FakeTelegram
from bot.domain.jobs import ReminderJob
from tests.e2e.flows import onboard
from tests.e2e.helpers import set_clock
from tests.harness import BotUnderTest

UID = 4343


def reminder_jobs(bot: BotUnderTest) -> list[str]:
    kinds = (f"reminder:{UID}:", f"snooze:{UID}", f"nudge:{UID}")
    return sorted(n for n in bot.job_names() if n.startswith(kinds))


async def say(tg: FakeTelegram, text: str) -> str:
    tg.user_sends(UID, text)
    return (await tg.next_message(UID)).text or ""


async def test_stop_reminding_me_removes_the_jobs(tg: FakeTelegram, bot: BotUnderTest) -> None:
    set_clock(bot, 2, time(8, 0))
    await onboard(tg, UID, time="09:00")
    assert reminder_jobs(bot) == [f"reminder:{UID}:0900"]
    reply = await say(tg, "stop reminding me")
    assert "No more reminders" in reply
    assert reminder_jobs(bot) == []
    assert bot.deps.store.profile(UID).get("reminder_times") == []
    assert "no reminders" in (await say(tg, "/reminders")).lower()


async def test_dont_stop_keeps_them(tg: FakeTelegram, bot: BotUnderTest) -> None:
    set_clock(bot, 2, time(8, 0))
    await onboard(tg, UID, time="09:00")
    reply = await say(tg, "don't stop the reminders")
    assert "stay as they are" in reply and "09:00" in reply
    assert reminder_jobs(bot) == [f"reminder:{UID}:0900"]


async def test_remind_me_at_7pm_moves_the_time(tg: FakeTelegram, bot: BotUnderTest) -> None:
    set_clock(bot, 2, time(8, 0))
    await onboard(tg, UID, time="09:00")
    reply = await say(tg, "remind me at 7pm")
    assert "19:00" in reply and reply.startswith("Done")
    assert bot.deps.store.profile(UID)["reminder_times"] == ["19:00"]
    assert reminder_jobs(bot) == [f"reminder:{UID}:1900"]
    await bot.run_job(f"reminder:{UID}:1900")
    msg = await tg.next_message(UID)
    assert any(d == "rem:nottoday" for _, d in msg.buttons)
    assert f"reminder:{UID}:1900" in reminder_jobs(bot), "re-armed for tomorrow"


async def test_pause_for_three_days(tg: FakeTelegram, bot: BotUnderTest) -> None:
    now = set_clock(bot, 2, time(8, 0))
    await onboard(tg, UID, time="09:00")
    reply = await say(tg, "pause reminders for 3 days pls")
    today = now.date()  # 08:00 London is the same calendar day in UTC
    until = today + timedelta(days=3)
    assert bot.deps.store.profile(UID)["paused_until"] == until.isoformat()
    assert "paused until" in reply and until.strftime("%A") in reply
    assert "/resume" in reply
    # the job is planned for the day the pause ends, not before
    assert bot.app is not None and bot.app.job_queue is not None
    job = bot.app.job_queue.get_jobs_by_name(f"reminder:{UID}:0900")[0]
    assert isinstance(job.data, ReminderJob) and job.data.due.date() >= until
    back = await say(tg, "turn reminders back on")
    assert "back on" in back
    assert bot.deps.store.profile(UID)["paused_until"] is None


async def test_remind_me_later_snoozes(tg: FakeTelegram, bot: BotUnderTest) -> None:
    now = set_clock(bot, 2, time(10, 0))
    await onboard(tg, UID, time="09:00")
    reply = await say(tg, "can you remind me later")
    assert "12:00" in reply
    assert f"snooze:{UID}" in reminder_jobs(bot)
    state = bot.deps.store.user(UID).get("state")
    assert state["snooze_until"].startswith((now + timedelta(hours=2)).date().isoformat())
    await bot.run_job(f"snooze:{UID}")
    msg = await tg.next_message(UID)
    assert any(d == "rem:nottoday" for _, d in msg.buttons)


async def test_once_tomorrow_keeps_the_daily_time(tg: FakeTelegram, bot: BotUnderTest) -> None:
    set_clock(bot, 2, time(10, 0))
    await onboard(tg, UID, time="09:00")
    reply = await say(tg, "remind me at 8 tomorrow")
    assert reply == "Done: I'll remind you at 08:00 tomorrow."
    assert bot.deps.store.profile(UID)["reminder_times"] == ["09:00"]
    assert f"snooze:{UID}" in reminder_jobs(bot)
    assert f"reminder:{UID}:0900" in reminder_jobs(bot)


async def test_when_is_my_reminder_shows_them(tg: FakeTelegram, bot: BotUnderTest) -> None:
    set_clock(bot, 2, time(8, 0))
    await onboard(tg, UID, time="09:00")
    reply = await say(tg, "when is my reminder?")
    assert "09:00" in reply and "Next one" in reply
    assert date.max.isoformat() not in reply


async def test_once_without_a_daily_time_sets_one(tg: FakeTelegram, bot: BotUnderTest) -> None:
    set_clock(bot, 2, time(10, 0))
    await onboard(tg, UID)  # no reminder time
    reply = await say(tg, "remind me at 8 tomorrow")
    assert "no daily reminder" in reply and "08:00" in reply
    assert bot.deps.store.profile(UID)["reminder_times"] == ["08:00"]
    assert reminder_jobs(bot) == [f"reminder:{UID}:0800"]


async def test_a_time_already_past_today_is_said(tg: FakeTelegram, bot: BotUnderTest) -> None:
    set_clock(bot, 2, time(10, 0))
    await onboard(tg, UID, time="09:00")
    reply = await say(tg, "remind me at 9 this morning")
    assert "already past 09:00" in reply
    assert f"snooze:{UID}" not in reminder_jobs(bot)


async def test_words_do_not_lift_a_red_flag_hold(tg: FakeTelegram, bot: BotUnderTest) -> None:
    set_clock(bot, 2, time(8, 0))
    await onboard(tg, UID, time="09:00")
    with bot.deps.store.user(UID) as txn:
        txn.update("profile", hold="redflag")
    reply = await say(tg, "turn reminders back on")
    assert "on hold" in reply
    assert bot.deps.store.profile(UID)["hold"] == "redflag"
