"""End to end: one patient cannot break clinicians' replies to others (issue 23, item 8).

/ask is limited per patient (10 an hour, with a reply saying when they can ask again,
never for a red flag); the reply map is bounded per patient, so one patient's flood does
not evict another's question; a reply that cannot be delivered is reported to the
clinician instead of reaching the free-text router.
"""

from __future__ import annotations

import asyncio
from datetime import time, timedelta

from bot.chat.fake_telegram import FakeTelegram, SentMessage
from bot.domain.clinic.threads import forget_threads, thread_key
from bot.transport.network import RetryingRateLimiter
from handlers.base.clinician_alerts import THREADS_KEY, threads
from tests.e2e.helpers import data_of, onboard, set_clock
from tests.harness import BotUnderTest

ADMIN = 900
FLOODER, OTHER = 501, 502
SENT = "Sent to your clinician"
UNKNOWN = "I couldn't pass that on"
NOT_SURE = "I'm not sure what you mean"


async def ask(tg: FakeTelegram, uid: int, question: str) -> SentMessage:
    tg.user_sends(uid, f"/ask {question}")
    return await tg.next_message(uid)


async def asked(tg: FakeTelegram, uid: int, question: str) -> SentMessage:
    """/ask that goes through: the patient's confirmation, and the clinician's copy."""
    reply = await ask(tg, uid, question)
    assert reply.text is not None and SENT in reply.text, reply.text
    copy = await tg.next_message(ADMIN)
    assert copy.text is not None and question in copy.text
    return copy


async def replied(tg: FakeTelegram, copy: SentMessage, answer: str) -> str:
    """A clinician's reply to ``copy``: what the clinician is told back."""
    tg.user_sends(ADMIN, answer, reply_to=copy.message_id)
    back = await tg.next_message(ADMIN)
    assert back.text is not None
    return back.text


async def test_one_patient_over_the_limit_is_told_when_and_others_still_get_answers(
    tg: FakeTelegram, bot: BotUnderTest
):
    set_clock(bot, 2, time(12, 0))  # Wednesday noon in London
    await onboard(tg, FLOODER, "Abe")
    await onboard(tg, OTHER, "Bea")
    earlier = await asked(tg, OTHER, "Can I swim?")

    for n in range(10):
        await asked(tg, FLOODER, f"question {n}")
    for n in (10, 11):
        limited = await ask(tg, FLOODER, f"question {n}")
        assert limited.text is not None and SENT not in limited.text
        assert "10 questions in the last hour" in limited.text
        assert "13:00" in limited.text, "says when they can ask again, in their own time"
    tg.user_sends(FLOODER, "/ask")  # the two-step way is limited too, before any typing
    limited = await tg.next_message(FLOODER)
    assert limited.text is not None and "13:00" in limited.text
    assert "ask:cancel" not in data_of(limited)
    await asyncio.sleep(0.3)
    copies = [m.text or "" for m in tg.sent(ADMIN)]
    assert sum("(id 501)" in t for t in copies) == 10, "the clinician got 10, not 12"

    # The limit is one patient's: the other still asks, and the earlier answer arrives.
    await asked(tg, OTHER, "And cycling?")
    assert "Delivered to Bea" in await replied(tg, earlier, "Yes, swimming is fine.")
    answer = await tg.next_message(OTHER)
    assert answer.text is not None and "Yes, swimming is fine." in answer.text

    # An hour later the flooder may ask again.
    bot.clock.offset += timedelta(hours=1)
    await asked(tg, FLOODER, "question 12")


async def test_the_limit_survives_a_restart(tg: FakeTelegram, bot: BotUnderTest):
    set_clock(bot, 2, time(12, 0))
    await onboard(tg, FLOODER, "Abe")
    for n in range(10):
        await asked(tg, FLOODER, f"question {n}")
    await bot.restart()
    limited = await ask(tg, FLOODER, "one more")
    assert limited.text is not None and "13:00" in limited.text


async def test_a_red_flag_is_never_held_back_by_the_limit(tg: FakeTelegram, bot: BotUnderTest):
    set_clock(bot, 2, time(12, 0))
    await onboard(tg, FLOODER, "Abe")
    for n in range(10):
        await asked(tg, FLOODER, f"question {n}")
    before = len(tg.sent(FLOODER))
    tg.user_sends(FLOODER, "/ask I had a fall and now I can't control my bladder")
    await tg.wait_for(lambda: len(tg.sent(ADMIN)) > 10, what="the clinician told")
    assert "501" in (tg.sent(ADMIN)[10].text or "")
    await tg.wait_for(lambda: len(tg.sent(FLOODER)) > before, what="the patient answered")
    await asyncio.sleep(0.3)
    told = [m.text or "" for m in tg.sent(FLOODER)[before:]]
    assert told and not any("questions in the last hour" in t for t in told), told


async def test_a_patient_held_after_a_red_flag_is_not_limited(tg: FakeTelegram,
                                                               bot: BotUnderTest):
    set_clock(bot, 2, time(12, 0))
    await onboard(tg, FLOODER, "Abe")
    for n in range(10):
        await asked(tg, FLOODER, f"question {n}")
    with bot.deps.store.user(FLOODER) as txn:
        txn.update("profile", hold="redflag")
    await asked(tg, FLOODER, "Should I go to A&E?")


async def test_another_patients_flood_of_copies_does_not_evict_an_earlier_question(
    tg: FakeTelegram, bot: BotUnderTest
):
    set_clock(bot, 2, time(12, 0))
    await onboard(tg, FLOODER, "Abe")
    await onboard(tg, OTHER, "Bea")
    earlier = await asked(tg, OTHER, "Can I swim?")
    # The map as 499 earlier copies of the flooder's questions and alerts left it.
    flood = threads(bot.deps)
    flood.update({thread_key(ADMIN, 100_000 + n): FLOODER for n in range(499)})
    bot.deps.store.bot_set(THREADS_KEY, flood)
    await asked(tg, FLOODER, "one more")  # the 501st entry: the old map dropped Bea's

    told = await replied(tg, earlier, "Yes, swimming is fine.")
    assert "Delivered to Bea" in told
    answer = await tg.next_message(OTHER)
    assert answer.text is not None and "Yes, swimming is fine." in answer.text


async def test_a_reply_that_cannot_be_delivered_is_reported_to_the_clinician(
    tg: FakeTelegram, bot: BotUnderTest
):
    set_clock(bot, 2, time(12, 0))
    await onboard(tg, OTHER, "Bea")

    # A reply to a bot message that leads to no patient (here: the /help text).
    tg.user_sends(ADMIN, "/help")
    help_msg = await tg.next_message(ADMIN)
    told = await replied(tg, help_msg, "Thanks")
    assert UNKNOWN in told and NOT_SURE not in told

    # A question whose entry is gone from the map (expired, or dropped).
    copy = await asked(tg, OTHER, "Can I swim?")
    bot.deps.store.bot_set(THREADS_KEY, forget_threads(threads(bot.deps), OTHER))
    before = len(tg.sent(OTHER))
    told = await replied(tg, copy, "Yes.")
    assert UNKNOWN in told and NOT_SURE not in told
    assert len(tg.sent(OTHER)) == before, "nothing reached the patient"

    # The patient blocked the bot: said so, and the patient is marked inactive.
    copy = await asked(tg, OTHER, "And cycling?")
    tg.block(OTHER)
    told = await replied(tg, copy, "Yes.")
    assert "blocked the bot" in told
    await tg.wait_for(lambda: bot.deps.store.profile(OTHER)["active"] is False,
                      what="the patient marked inactive")
    tg.unblock(OTHER)

    # Telegram unreachable (after the retries): the clinician is told to send it again.
    tg.user_sends(OTHER, "/start")
    await tg.next_message(OTHER)
    copy = await asked(tg, OTHER, "And walking?")
    assert bot.app is not None
    rate_limiter = bot.app.bot.rate_limiter
    assert isinstance(rate_limiter, RetryingRateLimiter)
    rate_limiter.backoff = 0.01  # the same five attempts, sooner
    tg.faults.fail_next("sendMessage", 502, 5)  # every attempt to reach the patient
    told = await replied(tg, copy, "Yes.")
    assert "couldn't reach Bea" in told, told


async def test_a_reply_after_the_patient_deleted_their_data_is_reported(
    tg: FakeTelegram, bot: BotUnderTest
):
    set_clock(bot, 2, time(12, 0))
    await onboard(tg, OTHER, "Bea")
    copy = await asked(tg, OTHER, "Can I swim?")
    tg.user_sends(OTHER, "/forget")
    confirm = await tg.next_message(OTHER)
    tg.user_taps(OTHER, next(d for d in data_of(confirm) if d.startswith("fg:yes")),
                 message_id=confirm.message_id)
    await tg.next_message(OTHER)
    before = len(tg.sent(OTHER))
    told = await replied(tg, copy, "Yes, swimming is fine.")
    assert NOT_SURE not in told
    assert UNKNOWN in told or "deleted their data" in told
    assert len(tg.sent(OTHER)) == before
