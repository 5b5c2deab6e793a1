"""End to end: /pause and /remind off stop everything pending (issue 23, item 7).

Nudges, snoozes and retried reminders are dropped when the command is handled, and a
job that fires anyway (planned before the change, or rebuilt from storage) sends
nothing. After /resume, or once a pause's end date comes, reminders come back.
"""

from __future__ import annotations

import asyncio
from datetime import time, timedelta

import pytest

from bot.chat.fake_telegram import FakeTelegram
from bot.domain.jobs import ResendJob
from bot.domain.reminders.planning import PlannedJob
from handlers.reminders.jobs import add_job, resend
from tests.e2e.flows import onboard, until
from tests.e2e.helpers import set_clock
from tests.harness import BotUnderTest

UID = 71
STOPS = ["/pause", "/pause 3", "/remind off"]


def is_reminder(msg) -> bool:
    return any(data == "rem:nottoday" for _, data in msg.buttons)


async def reminded(tg: FakeTelegram, bot: BotUnderTest) -> None:
    """Onboard on a Wednesday with a 09:00 reminder; at 09:05 it fires (a nudge is planned)."""
    set_clock(bot, 2, time(8, 0))
    await onboard(tg, UID, time="09:00")
    bot.clock.offset += timedelta(minutes=65)
    await bot.run_job(f"reminder:{UID}:0900")
    await until(tg, UID, "rem:snooze:15")


async def nothing_sent_by(tg: FakeTelegram, bot: BotUnderTest, name: str) -> None:
    """Fire the job named ``name`` now and check that it sent the patient nothing."""
    before = len(tg.sent(UID))
    await bot.run_job(name)
    await asyncio.sleep(0.3)
    assert [m.text for m in tg.sent(UID)[before:]] == []


def rearm(bot: BotUnderTest, job_name: str, planned: PlannedJob) -> None:
    """Put a job back as if it had been planned before the settings changed."""
    assert bot.app is not None
    add_job(bot.app, UID, planned)
    assert job_name in bot.job_names()


@pytest.mark.parametrize("command", STOPS)
async def test_stopping_after_a_reminder_cancels_the_nudge(tg: FakeTelegram, bot: BotUnderTest,
                                                           command: str):
    await reminded(tg, bot)
    assert bot.app is not None and bot.app.job_queue is not None
    nudge = bot.app.job_queue.get_jobs_by_name(f"nudge:{UID}")[0].data
    tg.user_sends(UID, command)
    await tg.next_message(UID)
    assert f"nudge:{UID}" not in bot.job_names(), "the pending nudge is dropped at once"
    assert bot.deps.store.user(UID).get("state").get("nudge_at") is None

    # One that fires anyway (planned before the change) checks the profile and stays quiet.
    rearm(bot, f"nudge:{UID}", PlannedJob(f"nudge:{UID}", "nudge", nudge.due, nudge.due, None))
    await nothing_sent_by(tg, bot, f"nudge:{UID}")


@pytest.mark.parametrize("command", STOPS)
async def test_stopping_after_a_snooze_cancels_the_snoozed_reminder(
    tg: FakeTelegram, bot: BotUnderTest, command: str
):
    await reminded(tg, bot)
    tg.user_taps(UID, "rem:snooze:60")
    assert "remind you again" in (await tg.next_message(UID)).text
    assert f"snooze:{UID}" in bot.job_names()
    assert bot.app is not None and bot.app.job_queue is not None
    snooze = bot.app.job_queue.get_jobs_by_name(f"snooze:{UID}")[0].data
    tg.user_sends(UID, command)
    await tg.next_message(UID)
    assert f"snooze:{UID}" not in bot.job_names()
    assert bot.deps.store.user(UID).get("state").get("snooze_until") is None

    rearm(bot, f"snooze:{UID}",
          PlannedJob(f"snooze:{UID}", "snooze", snooze.due, snooze.due, None))
    await nothing_sent_by(tg, bot, f"snooze:{UID}")


async def test_a_pause_written_without_the_hook_still_stops_jobs_when_they_fire(
    tg: FakeTelegram, bot: BotUnderTest
):
    """The fire-time check alone: the jobs are still queued, the stored pause stops them."""
    await reminded(tg, bot)
    with bot.deps.store.user(UID) as txn:
        txn.update("profile", paused_until="9999-12-31")
    assert f"nudge:{UID}" in bot.job_names()
    await nothing_sent_by(tg, bot, f"nudge:{UID}")
    await nothing_sent_by(tg, bot, f"reminder:{UID}:0900")


async def test_a_reminder_being_retried_is_dropped_by_a_pause(tg: FakeTelegram,
                                                              bot: BotUnderTest):
    await reminded(tg, bot)
    assert bot.app is not None and bot.app.job_queue is not None
    retry = ResendJob(UID, "Time for your hip exercises", 2)
    bot.app.job_queue.run_once(resend, when=timedelta(minutes=1), name=f"resend:{UID}",
                               data=retry)
    tg.user_sends(UID, "/pause")
    await tg.next_message(UID)
    assert f"resend:{UID}" not in bot.job_names()

    bot.app.job_queue.run_once(resend, when=timedelta(minutes=1), name=f"resend:{UID}",
                               data=retry)
    await nothing_sent_by(tg, bot, f"resend:{UID}")


async def test_a_restart_during_a_pause_does_not_bring_back_a_pending_nudge(
    tg: FakeTelegram, bot: BotUnderTest
):
    await reminded(tg, bot)
    nudge_at = bot.deps.store.user(UID).get("state")["nudge_at"]
    # A pause stored with the nudge still pending (as an older version left it).
    with bot.deps.store.user(UID) as txn:
        txn.update("profile", paused_until="9999-12-31")
        txn.update("state", nudge_at=nudge_at)
    await bot.restart()
    assert [n for n in bot.job_names() if n.split(":")[1] == str(UID)] == []


async def test_resume_brings_reminders_back(tg: FakeTelegram, bot: BotUnderTest):
    await reminded(tg, bot)
    tg.user_sends(UID, "/pause")
    await tg.next_message(UID)
    assert [n for n in bot.job_names() if n.split(":")[1] == str(UID)] == []
    tg.user_sends(UID, "/resume")
    assert "back on" in (await tg.next_message(UID)).text
    assert f"reminder:{UID}:0900" in bot.job_names()
    await bot.run_job(f"reminder:{UID}:0900")
    assert is_reminder(await until(tg, UID, "rem:nottoday"))


async def test_a_pause_ends_on_its_date_and_reminders_come_back(tg: FakeTelegram,
                                                               bot: BotUnderTest):
    await reminded(tg, bot)
    tg.user_sends(UID, "/pause 2")
    await tg.next_message(UID)
    assert bot.app is not None and bot.app.job_queue is not None
    job = bot.app.job_queue.get_jobs_by_name(f"reminder:{UID}:0900")[0]
    paused_until = bot.deps.store.profile(UID)["paused_until"]
    assert job.data.due.date().isoformat() == paused_until, "next one on the day it ends"
    bot.clock.offset += timedelta(days=2)  # the day the pause ends, 09:05
    await bot.run_job(f"reminder:{UID}:0900")
    assert is_reminder(await until(tg, UID, "rem:nottoday"))
    assert f"nudge:{UID}" in bot.job_names(), "the day's nudge is planned again"


@pytest.mark.parametrize("command", STOPS)
async def test_snooze_tapped_after_stopping_schedules_nothing(tg: FakeTelegram,
                                                              bot: BotUnderTest, command: str):
    await reminded(tg, bot)
    tg.user_sends(UID, command)
    await tg.next_message(UID)
    before = len(tg.sent(UID))
    tg.user_taps(UID, "rem:snooze:15")
    query = list(tg.api.callback_answers)[-1]
    await tg.wait_for(lambda: not tg.unanswered_callbacks(), what="the tap answered")
    assert f"snooze:{UID}" not in bot.job_names()
    assert bot.deps.store.user(UID).get("state").get("snooze_until") is None
    answer = tg.callback_answer(query) or {}
    assert "nothing to snooze" in answer.get("text", "")
    assert len(tg.sent(UID)) == before
