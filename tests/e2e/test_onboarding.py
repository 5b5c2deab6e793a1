"""End to end over HTTP: onboarding with buttons and typed answers, restart, dedupe."""

from __future__ import annotations

from datetime import time

import pytest

from bot.chat.fake_telegram import FakeTelegram
from tests.e2e.flows import replies_until_quiet, to_consent_question, until
from tests.e2e.helpers import set_clock
from tests.harness import BotUnderTest


def labels(msg) -> list[str]:
    markup = msg.reply_markup or {}
    return [b.get("callback_data", "") for row in markup.get("inline_keyboard", []) for b in row]


async def test_onboarding_with_typed_answers_survives_restart(tg: FakeTelegram, bot: BotUnderTest):
    set_clock(bot, 2, time(12, 0))  # a restart just after 19:15 would catch it up
    tg.user_sends(42, "/start", first_name="Ann")
    welcome = await tg.next_message(42)
    assert "Ann" in welcome.text
    safety = await tg.next_message(42)
    assert "clinician" in safety.text and "bladder" in safety.text.lower()
    consent = await tg.next_message(42)
    assert labels(consent) == ["ob:consent:yes", "ob:consent:no"]

    tg.user_taps(42, "ob:consent:yes")
    ask_time = await tg.next_message(42)
    assert "ob:time:07:30" in labels(ask_time)
    tg.user_sends(42, "7.15 pm")
    ask_tz = await tg.next_message(42)
    assert "ob:tz:Europe/London" in labels(ask_tz)
    await tg.next_message(42)  # the share-location keyboard
    tg.user_sends(42, "new york")
    tz_set = await tg.next_message(42)
    assert "America/New_York" in tz_set.text
    done = await tg.next_message(42)
    assert "19:15" in done.text
    await tg.next_message(42)  # "shall we start?"

    profile = bot.deps.store.profile(42)
    assert profile["consent"] is True
    assert profile["reminder_times"] == ["19:15"]
    assert profile["tz"] == "America/New_York"
    assert profile["stage"] == "done"
    assert "reminder:42:1915" in bot.job_names()

    await bot.restart()
    assert bot.deps.store.profile(42)["tz"] == "America/New_York"
    assert bot.job_names().count("reminder:42:1915") == 1


async def test_onboarding_with_buttons_and_location(tg: FakeTelegram, bot: BotUnderTest):
    await to_consent_question(tg, 7)
    tg.user_taps(7, "ob:consent:yes")
    await tg.next_message(7)
    tg.user_taps(7, "ob:time:09:00")
    await tg.next_message(7)
    await tg.next_message(7)
    tg.user_shares_location(7, 52.52, 13.40)  # Berlin
    tz_set = await tg.next_message(7)
    assert "Europe/Berlin" in tz_set.text
    assert bot.deps.store.profile(7)["reminder_times"] == ["09:00"]


async def test_no_consent_stores_nothing(tg: FakeTelegram, bot: BotUnderTest):
    await to_consent_question(tg, 9)
    tg.user_taps(9, "ob:consent:no")
    reply = await tg.next_message(9)
    assert "won't store" in reply.text
    tg.user_sends(9, "hello there")
    await tg.next_message(9)
    assert not bot.deps.store.has_data(9)
    assert not bot.deps.store.user_ids()


async def test_bad_time_and_unknown_zone_get_clear_answers(tg: FakeTelegram, bot: BotUnderTest):
    await to_consent_question(tg, 5)
    tg.user_taps(5, "ob:consent:yes")
    await tg.next_message(5)
    tg.user_sends(5, "25:00")
    bad = await tg.next_message(5)
    assert "07:30" in bad.text
    tg.user_sends(5, "08:00")
    await tg.next_message(5)
    await tg.next_message(5)
    tg.user_sends(5, "Mars/Olympus")
    unknown = await tg.next_message(5)
    assert "Mars/Olympus" in unknown.text
    assert bot.deps.store.profile(5)["stage"] == "tz"


async def test_repeated_update_is_handled_once(tg: FakeTelegram, bot: BotUnderTest):
    await to_consent_question(tg, 3)
    update_id = tg.user_taps(3, "ob:consent:yes")
    await tg.next_message(3)
    tg.redeliver(update_id)
    tg.user_sends(3, "/help")
    help_msg = await tg.next_message(3)
    assert "/routine" in help_msg.text, "the redelivered tap must not ask the time again"


async def test_group_chat_gets_a_polite_private_only_answer(tg: FakeTelegram, bot: BotUnderTest):
    tg.user_sends(11, "/start", chat_type="group", chat_id=-100)
    reply = await tg.next_message(-100)
    assert "private" in reply.text
    assert not bot.deps.store.exists(11)


async def test_the_consent_question_answered_in_words(tg: FakeTelegram, bot: BotUnderTest):
    """Typed where a tap is expected: not an answer gets the question again; "yes please"
    is consent (stored, the time asked next); "no thanks" stores nothing."""
    await to_consent_question(tg, 43, "Bea")
    tg.user_sends(43, "what do you do with it")
    again = await tg.next_message(43)
    assert labels(again) == ["ob:consent:yes", "ob:consent:no"]
    assert "yes or no" in again.text
    assert not bot.deps.store.has_data(43)
    tg.user_sends(43, "Yes please!")
    ask_time = await tg.next_message(43)
    assert "ob:time:07:30" in labels(ask_time)
    assert bot.deps.store.profile(43)["consent"] is True

    await to_consent_question(tg, 44, "Cy")
    tg.user_sends(44, "no thanks")
    declined = await tg.next_message(44)
    assert "won't store" in declined.text
    assert not bot.deps.store.has_data(44)
    tg.user_sends(44, "yes")  # the question is no longer waiting: nothing is stored
    await tg.next_message(44)
    assert not bot.deps.store.has_data(44)


async def test_a_red_flag_at_the_consent_question_gets_the_safety_reply(
    tg: FakeTelegram, bot: BotUnderTest
):
    await to_consent_question(tg, 45, "Di")
    tg.user_sends(45, "my calf is hot and swolen since the op")
    reply = await tg.next_message(45)
    assert "emergency" in reply.text



@pytest.mark.parametrize("step", ["time", "tz"])
async def test_a_routine_started_during_setup_takes_its_own_answers(
    tg: FakeTelegram, bot: BotUnderTest, step: str
) -> None:
    """/routine while a set-up question is open: "4" is the pain score, not a time or zone."""
    await to_consent_question(tg, 14)
    tg.user_taps(14, "ob:consent:yes")
    await until(tg, 14, "ob:time:")
    if step == "tz":
        tg.user_taps(14, "ob:time:09:00")
        await until(tg, 14, "ob:tz:")
    tg.user_sends(14, "/routine")
    await until(tg, 14, "s:n0:")
    tg.user_sends(14, "4")
    replies = await replies_until_quiet(tg, 14)
    texts = " ".join(m.text or "" for m in replies)
    assert 'time zone "4"' not in texts and "04:00" not in texts, texts
    pains = [r for r in bot.deps.store.records(14) if r["kind"] == "pain"]
    assert [p["pain"] for p in pains] == [4], "the score is recorded as pain"
    assert any(d.startswith(f"ob:{step}:") for m in replies for _, d in m.buttons), (
        "the set-up question is asked again")
    assert "One thing still to set up" in texts, "briefly"
    tg.user_sends(14, "done")
    replies = await replies_until_quiet(tg, 14)
    assert not any(d.startswith("ob:") for m in replies for _, d in m.buttons), (
        "once per routine: its next steps are not each followed by the set-up question")
    assert any(r["kind"] == "done" for r in bot.deps.store.records(14)), "the set counts"
    tg.user_sends(14, "9am" if step == "time" else "Europe/Paris")
    await replies_until_quiet(tg, 14)
    profile = bot.deps.store.profile(14)
    assert profile["reminder_times"] == ["09:00"]
    assert profile["stage"] == ("tz" if step == "time" else "done")


async def test_a_routine_started_before_consent_takes_its_own_answers(
    tg: FakeTelegram, bot: BotUnderTest
) -> None:
    """/routine while the consent question waits (allowed: nothing is stored): a typed "4"
    and "done" move the routine on; the consent question comes back once, briefly; a "yes"
    then carries the running routine into storage, so the next "done" is recorded."""
    await to_consent_question(tg, 15)
    tg.user_sends(15, "/routine")
    await until(tg, 15, "s:n0:")
    tg.user_sends(15, "4")
    replies = await replies_until_quiet(tg, 15)
    assert any(d.startswith("s:") for m in replies for _, d in m.buttons), "the first step"
    again = [m for m in replies if any(d == "ob:consent:yes" for _, d in m.buttons)]
    assert len(again) == 1 and "Still waiting on one answer" in (again[0].text or "")
    tg.user_sends(15, "done")
    replies = await replies_until_quiet(tg, 15)
    assert any("right side" in (m.text or "") for m in replies), "the next step"
    assert not any(d.startswith("ob:") for m in replies for _, d in m.buttons), "once"
    assert not bot.deps.store.records(15), "nothing stored before consent"
    tg.user_sends(15, "yes pls")  # shorthand: still the consent's answer, not the step's
    await until(tg, 15, "ob:time:")
    tg.user_sends(15, "done")
    replies = await replies_until_quiet(tg, 15)
    assert any(d.startswith("s:") for m in replies for _, d in m.buttons), "still the routine"
    records = bot.deps.store.records(15)
    assert [r["kind"] for r in records] == ["done"], records
