"""End to end over HTTP: what patients type, in every state, read by one policy.

The understanding issue's flows: "done" typed at the before-routine pain question,
a bare "done" outside a routine (recorded at once, with Undo), a high pain score
before the routine (never an exercise), pain during it, and the "did you mean" offer.
"""

from __future__ import annotations

import pytest

from bot.chat.fake_telegram import FakeTelegram, SentMessage
from tests.e2e.flows import data_of, onboard, replies_until_quiet, to_first_step, until
from tests.harness import BotUnderTest

UID = 4242


def kinds(bot: BotUnderTest, uid: int = UID) -> list[str]:
    return [r["kind"] for r in bot.deps.store.records(uid)]


def is_exercise(msg: SentMessage) -> bool:
    """An exercise card or a step prompt: what must never follow a high pain score."""
    picture = msg.photo_file_id is not None or msg.animation_file_id is not None
    return picture or any(d.startswith(("s:d:", "s:t:")) for _, d in msg.buttons)


async def done_at_the_pain_question(tg: FakeTelegram, text: str) -> SentMessage:
    """Onboard, start the routine, type ``text`` at its before-pain question: the reply
    (the pain-after question)."""
    await onboard(tg, UID)
    tg.user_sends(UID, "/routine")
    await until(tg, UID, "s:n0:")
    tg.user_sends(UID, text)
    return await until(tg, UID, "s:n0:")


async def progress_text(tg: FakeTelegram) -> str:
    tg.user_sends(UID, "/progress")
    return (await tg.next_message(UID)).text or ""


async def test_done_at_the_pain_question_records_the_routine(
    tg: FakeTelegram, bot: BotUnderTest
) -> None:
    after = await done_at_the_pain_question(tg, "all done, did all of them")
    assert "0" in after.text or "hurt" in after.text.lower()
    done = [r for r in bot.deps.store.records(UID) if r["kind"] == "done"]
    assert len(done) >= 4 and {r["exercise"] for r in done} >= {"glute_bridge"}
    tg.user_taps(UID, data_of(after, "s:n2:"))
    await replies_until_quiet(tg, UID)
    text = await progress_text(tg)
    assert "nothing recorded yet" not in text and "Sets since Monday: 0" not in text


async def test_a_routine_done_in_words_counts_before_the_pain_after_is_answered(
    tg: FakeTelegram, bot: BotUnderTest
) -> None:
    """The patient who types "done" and puts the phone down still has the day."""
    await done_at_the_pain_question(tg, "done")  # the pain-after question, left unanswered
    assert kinds(bot).count("routine_complete") == 1
    text = await progress_text(tg)
    assert "1 day in a row" in text and "No streak" not in text


async def test_undo_after_a_routine_done_in_words_takes_back_every_set(
    tg: FakeTelegram, bot: BotUnderTest
) -> None:
    """One typed "done" marked every step; "I didn't actually do that" takes all of it
    back, and the routine goes back to its first step, so the pain-after can no longer
    finish it as complete."""
    await done_at_the_pain_question(tg, "all done")
    assert kinds(bot).count("done") >= 4
    tg.user_sends(UID, "sorry I didn't actually do that")
    step = await until(tg, UID, "s:d:")  # the first step, asked again
    assert "Set 1" in (step.text or "")
    assert "done" not in kinds(bot) and "routine_complete" not in kinds(bot)
    tg.user_sends(UID, "3")
    await replies_until_quiet(tg, UID)
    assert "routine_complete" not in kinds(bot)
    assert "Sets since Monday: 0" in await progress_text(tg)


async def test_bare_done_outside_a_routine_is_recorded_at_once_and_undone(
    tg: FakeTelegram, bot: BotUnderTest
) -> None:
    await onboard(tg, UID)
    tg.user_sends(UID, "done")
    reply = await until(tg, UID, "u:")
    assert "Recorded" in (reply.text or "")
    assert kinds(bot).count("done") == 1
    tg.user_taps(UID, data_of(reply, "u:"))
    taken = await tg.next_message(UID)
    assert "Taken back" in (taken.text or "")
    assert kinds(bot).count("done") == 0


async def test_typed_undo_takes_back_the_last_done(tg: FakeTelegram, bot: BotUnderTest) -> None:
    await onboard(tg, UID)
    tg.user_sends(UID, "done")
    await until(tg, UID, "u:")
    tg.user_sends(UID, "sorry, I didn't actually do that, undo please")
    await replies_until_quiet(tg, UID)
    assert kinds(bot).count("done") == 0


async def test_a_redelivered_done_is_recorded_once(tg: FakeTelegram, bot: BotUnderTest) -> None:
    await onboard(tg, UID)
    update_id = tg.user_sends(UID, "done")
    await until(tg, UID, "u:")
    await tg.wait_for(lambda: tg.confirmed_offset > update_id, what="done handled")
    tg.redeliver(update_id)
    await tg.wait_for(lambda: tg.deliveries(update_id) >= 2, what="redelivery")
    await replies_until_quiet(tg, UID)
    assert kinds(bot).count("done") == 1


async def test_done_is_recorded_after_a_restart(tg: FakeTelegram, bot: BotUnderTest) -> None:
    await onboard(tg, UID)
    await bot.restart()
    tg.user_sends(UID, "finished my exercises")
    await until(tg, UID, "u:")
    await bot.restart()
    assert kinds(bot).count("done") >= 1


@pytest.mark.parametrize("how", ["tap", "typed number", "typed words"])
@pytest.mark.parametrize("score", [6, 7, 8, 9, 10])
async def test_a_high_score_before_the_routine_never_shows_an_exercise(
    tg: FakeTelegram, bot: BotUnderTest, how: str, score: int
) -> None:
    await onboard(tg, UID)
    tg.user_sends(UID, "/routine")
    ask = await until(tg, UID, "s:n0:")
    if how == "tap":
        tg.user_taps(UID, data_of(ask, f"s:n{score}:"))
    elif how == "typed number":
        tg.user_sends(UID, str(score))
    else:
        tg.user_sends(UID, f"my pain is {score} today, worse than yesterday")
    replies = await replies_until_quiet(tg, UID)
    assert replies, "the score got an answer"
    assert not any(is_exercise(m) for m in replies), [m.text for m in replies]
    assert any(d.startswith("rf:") for m in replies for _, d in m.buttons), "screened first"
    assert "flare" in kinds(bot)


async def test_pain_during_the_routine_changes_what_comes_next(
    tg: FakeTelegram, bot: BotUnderTest
) -> None:
    await onboard(tg, UID)
    await to_first_step(tg, UID)
    tg.user_sends(UID, "my pain is 8 now")
    replies = await replies_until_quiet(tg, UID)
    assert not any(is_exercise(m) for m in replies), [m.text for m in replies]
    pains = [r for r in bot.deps.store.records(UID) if r["kind"] == "pain"]
    assert pains[-1]["pain"] == 8 and pains[-1]["context"] == "during"


async def test_questions_mid_routine_are_answered_and_the_step_asked_again(
    tg: FakeTelegram, bot: BotUnderTest
) -> None:
    await onboard(tg, UID)
    await to_first_step(tg, UID)
    for text in ("how long do I hold it?", "what's next?", "easier please"):
        tg.user_sends(UID, text)
        replies = await replies_until_quiet(tg, UID)
        assert any(d.startswith("s:d:") for m in replies for _, d in m.buttons), text
        assert not any(d == "sess:start" for m in replies for _, d in m.buttons), text


async def test_nothing_understood_offers_likely_meanings(
    tg: FakeTelegram, bot: BotUnderTest
) -> None:
    await onboard(tg, UID)
    tg.user_sends(UID, "qwzx")
    reply = await until(tg, UID, "dym:")
    assert len(reply.buttons) >= 2
    tg.user_taps(UID, data_of(reply, "dym:done"))
    await until(tg, UID, "u:")
    assert kinds(bot).count("done") == 1


async def test_a_side_remark_during_set_up_is_answered_and_the_step_asked_again(
    tg: FakeTelegram, bot: BotUnderTest
) -> None:
    tg.user_sends(UID, "/start", first_name="Pat")
    await until(tg, UID, "ob:consent:yes")
    tg.user_taps(UID, "ob:consent:yes")
    await until(tg, UID, "ob:time:")
    tg.user_sends(UID, "how do I do the glute bridge?")
    replies = await replies_until_quiet(tg, UID)
    assert any("bridge" in (m.text or "").lower() for m in replies), [
        m.text for m in replies]
    assert any(d.startswith("ob:time:") for _, d in replies[-1].buttons), "asked again"
    tg.user_sends(UID, "half seven")  # a time typed another way stays a time attempt
    attempt = await tg.next_message(UID)
    assert not any(d.startswith("rf:") for _, d in attempt.buttons)


async def test_typed_start_starts_the_routine_as_the_button_does(
    tg: FakeTelegram, bot: BotUnderTest
) -> None:
    """The Start button's words, typed (or "let's go"), start the routine: no push-back
    to rest, no "did you mean"; typed again in the routine, its question is asked again."""
    await onboard(tg, UID)
    tg.user_sends(UID, "▶ Start today's routine")
    first = await until(tg, UID, "s:n0:")  # the before-routine pain question
    assert "rest" not in (first.text or "").lower()
    tg.user_sends(UID, "lets go")
    again = await replies_until_quiet(tg, UID)
    assert any(d.startswith("s:n0:") for m in again for _, d in m.buttons)
    assert not any(d.startswith(("dym:", "s:c:")) for m in again for _, d in m.buttons)
    assert "rest" not in kinds(bot) and "skip" not in kinds(bot)


# --- the red-flag screen after high pain, answered by typing -----------------------------


async def _screened_before_the_routine(tg: FakeTelegram, score: int = 8) -> None:
    tg.user_sends(UID, "/routine")
    ask = await until(tg, UID, "s:n0:")
    tg.user_taps(UID, data_of(ask, f"s:n{score}:"))
    await until(tg, UID, "rf:y:")


async def test_the_screen_waits_through_a_done_and_takes_a_typed_no(
    tg: FakeTelegram, bot: BotUnderTest
) -> None:
    await onboard(tg, UID)
    await _screened_before_the_routine(tg, score=7)
    tg.user_sends(UID, "dunnit")  # recorded, and the screen asked again
    replies = await replies_until_quiet(tg, UID)
    assert any(d.startswith("u:") for m in replies for _, d in m.buttons), "done recorded"
    assert any(d.startswith("rf:y:p:7") for m in replies for _, d in m.buttons), "asked again"
    assert kinds(bot).count("done") == 1
    tg.user_sends(UID, "not sure")  # what to do when unsure, and the list again
    replies = await replies_until_quiet(tg, UID)
    assert "not sure" in (replies[0].text or "")
    assert any(d.startswith("rf:y:") for m in replies for _, d in m.buttons)
    assert "redflag" not in kinds(bot)
    tg.user_sends(UID, "no none of them")
    plan = await until(tg, UID, "co:flare")
    assert "flare" in (plan.text or "").lower()
    tg.user_sends(UID, "no")  # the screen no longer waits: an ordinary message now
    replies = await replies_until_quiet(tg, UID)
    assert not any(d.startswith(("rf:", "co:flare")) for m in replies for _, d in m.buttons)
    assert "redflag" not in kinds(bot)


async def test_a_typed_yes_to_the_screen_stops_and_holds(
    tg: FakeTelegram, bot: BotUnderTest
) -> None:
    await onboard(tg, UID)
    await _screened_before_the_routine(tg)
    tg.user_sends(UID, "yes")
    reply = await tg.next_message(UID)
    assert "clinician" in (reply.text or "").lower()
    assert "redflag" in kinds(bot) and bot.deps.profile(UID).held_for_red_flag


async def test_the_screen_is_remembered_across_a_restart(
    tg: FakeTelegram, bot: BotUnderTest
) -> None:
    await onboard(tg, UID)
    await _screened_before_the_routine(tg)
    await bot.restart()
    tg.user_sends(UID, "yeah i think so")
    await replies_until_quiet(tg, UID)
    assert bot.deps.profile(UID).held_for_red_flag


async def test_too_painful_above_5_in_the_routine_stops_it(
    tg: FakeTelegram, bot: BotUnderTest
) -> None:
    await onboard(tg, UID)
    step = await to_first_step(tg, UID)
    tg.user_taps(UID, data_of(step, "s:p:"))
    ask = await until(tg, UID, "s:n0:")
    tg.user_taps(UID, data_of(ask, "s:n7:"))
    replies = await replies_until_quiet(tg, UID)
    assert not any(is_exercise(m) for m in replies), [m.text for m in replies]
    screen = next(m for m in replies if any(d.startswith("rf:n:") for _, d in m.buttons))
    tg.user_sends(UID, "nope")
    replies = await replies_until_quiet(tg, UID)
    assert not any(is_exercise(m) for m in replies), [m.text for m in replies]
    assert any(d.startswith("co:flare") for m in replies for _, d in m.buttons)
    assert screen is not None and "flare" in kinds(bot)
