"""A red flag in every conversation state, with the disk working and with it failing.

The audit's fault matrix: whatever the bot was waiting for (an onboarding answer, a
question for the clinician, a pain score, a routine step, the screening, a choice
after the push-back) and whether or not anything can be stored, a red-flag message
gets the stop-and-seek-care reply first and the clinicians get their alert.
"""

from __future__ import annotations

import errno
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from bot.chat.fake_telegram import FakeTelegram
from tests.e2e.flows import onboard, until
from tests.e2e.test_disk_trouble import BrokenDisk
from tests.harness import BotUnderTest

UID = 777
ADMIN = 900
PHRASE = "I had a fall and now I can't control my bladder and my leg is numb"

Setup = Callable[[FakeTelegram], Awaitable[None]]


async def _onboard_until(tg: FakeTelegram, prefix: str) -> None:
    tg.user_sends(UID, "/start", first_name="Pat")
    await until(tg, UID, "ob:consent:yes")
    tg.user_taps(UID, "ob:consent:yes")
    await until(tg, UID, "ob:time:")
    if prefix == "ob:tz:":
        tg.user_taps(UID, "ob:time:none")
        await until(tg, UID, "ob:tz:")
        await tg.next_message(UID)  # the share-location keyboard


async def at_time_step(tg: FakeTelegram) -> None:
    await _onboard_until(tg, "ob:time:")


async def at_zone_step(tg: FakeTelegram) -> None:
    await _onboard_until(tg, "ob:tz:")


async def idle(tg: FakeTelegram) -> None:
    await onboard(tg, UID)


async def asking_clinician(tg: FakeTelegram) -> None:
    await onboard(tg, UID)
    tg.user_sends(UID, "/ask")
    await tg.next_message(UID)


async def at_pain_before(tg: FakeTelegram) -> None:
    await onboard(tg, UID)
    tg.user_sends(UID, "/routine")
    await until(tg, UID, "s:n0:")


async def at_a_step(tg: FakeTelegram) -> None:
    await at_pain_before(tg)
    tg.user_sends(UID, "2")
    await until(tg, UID, "s:d:")


async def at_screening(tg: FakeTelegram) -> None:
    await onboard(tg, UID)
    tg.user_sends(UID, "pain 7")
    await until(tg, UID, "rf:y:")


async def at_choice_after_pushback(tg: FakeTelegram) -> None:
    await onboard(tg, UID)
    tg.user_sends(UID, "I'll just rest today")
    await until(tg, UID, "co:c:")


async def at_resume_question(tg: FakeTelegram) -> None:
    await onboard(tg, UID)
    tg.user_sends(UID, "my calf is hot and swollen since the hip op")
    await tg.next_message(ADMIN)
    tg.user_sends(UID, "/resume")
    await until(tg, UID, "rs:y")


STATES: dict[str, Setup] = {
    "onboarding time": at_time_step,
    "onboarding zone": at_zone_step,
    "idle": idle,
    "/ask pending": asking_clinician,
    "pain before": at_pain_before,
    "routine step": at_a_step,
    "screening": at_screening,
    "choice after push-back": at_choice_after_pushback,
    "held, /resume asked": at_resume_question,
}


@pytest.fixture
async def setup(
    tg: FakeTelegram, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[BotUnderTest, BrokenDisk]]:
    data_dir = tmp_path / "data"
    disk = BrokenDisk(data_dir)
    disk.install(monkeypatch)
    bot = BotUnderTest(tg, data_dir, admin_user_ids=(ADMIN,))
    await bot.start()
    try:
        yield bot, disk
    finally:
        await bot.stop()


@pytest.mark.parametrize("disk_state", ["working", "full"])
@pytest.mark.parametrize("state", list(STATES))
async def test_a_red_flag_gets_the_emergency_reply_and_the_alert(
    tg: FakeTelegram, setup: tuple[BotUnderTest, BrokenDisk], state: str, disk_state: str
) -> None:
    bot, disk = setup
    await STATES[state](tg)
    alerts_before = len(tg.sent(ADMIN))
    seen = len(tg.sent(UID))
    if disk_state == "full":
        with disk.failing(errno.ENOSPC):
            tg.user_sends(UID, PHRASE)
            await tg.wait_for(lambda: len(tg.sent(ADMIN)) > alerts_before, timeout=8,
                              what="the clinician alert")
    else:
        tg.user_sends(UID, PHRASE)
        await tg.wait_for(lambda: len(tg.sent(ADMIN)) > alerts_before, timeout=8,
                          what="the clinician alert")
    first = tg.sent(UID)[seen]
    assert "emergency" in (first.text or "").lower(), first.text
    assert "bladder" in (first.text or "").lower()
    alert = tg.sent(ADMIN)[alerts_before]
    assert "Pat" in (alert.text or "") and "bladder" in (alert.text or "")
    assert not any(d.startswith(("s:d:", "sess:start")) for _, d in first.buttons)
    if disk_state == "working":
        assert bot.deps.store.profile(UID).get("hold") == "redflag"


async def test_a_red_flag_added_by_editing_a_message_still_gets_the_safety_reply(
    tg: FakeTelegram, setup: tuple[BotUnderTest, BrokenDisk]
) -> None:
    """An edit is not read as a new request, except that a red flag in it always counts."""
    await onboard(tg, UID)
    tg.user_sends(UID, "hello")
    await tg.next_message(UID)
    message_id = max(tg.api.chat(UID).user_messages)
    alerts_before = len(tg.sent(ADMIN))
    tg.user_edits(UID, message_id, PHRASE)
    reply = await tg.next_message(UID)
    assert "emergency" in (reply.text or "").lower()
    await tg.wait_for(lambda: len(tg.sent(ADMIN)) > alerts_before, what="the clinician alert")
