"""End to end over HTTP: rest push-back, pain reports, red flags, the next-morning check."""

from __future__ import annotations

from datetime import time, timedelta

from bot.chat.fake_telegram import FakeTelegram
from bot.domain.reminders.local_time import local_date
from tests.e2e.flows import data_of, onboard, replies_until_quiet, until
from tests.e2e.helpers import set_clock
from tests.harness import BotUnderTest

UID = 42
ADMIN = 900
ENCOURAGING = ("let's move", "try a", "routine", "stretch", "keep going", "walk")


def kinds(bot: BotUnderTest) -> list[str]:
    return [r["kind"] for r in bot.deps.store.records(UID)]


async def test_rest_gets_reasons_and_choices_and_walk_is_recorded(tg: FakeTelegram,
                                                                 bot: BotUnderTest):
    await onboard(tg, UID)
    tg.user_sends(UID, "I'll just rest today")
    first = await until(tg, UID, "co:c:walk")
    assert [d for _, d in first.buttons] == [
        "co:c:walk", "co:c:one_stretch", "co:c:easier_routine", "co:c:rest"]
    tg.user_sends(UID, "too tired")
    second = await until(tg, UID, "co:c:walk")
    assert second.text != first.text, "never the same text twice in a row"
    tg.user_taps(UID, "co:c:walk")
    await until(tg, UID, "s:n0:")  # a walk session starts
    choices = [r for r in bot.deps.store.records(UID) if r["kind"] == "choice"]
    assert [c["note"] for c in choices] == ["walk"]


async def test_still_resting_is_respected_and_recorded(tg: FakeTelegram, bot: BotUnderTest):
    await onboard(tg, UID)
    tg.user_sends(UID, "not today")
    await until(tg, UID, "co:c:rest")
    tg.user_taps(UID, "co:c:rest")
    reply = await tg.next_message(UID)
    assert reply.text
    assert "rest" in kinds(bot)


async def test_a_rest_day_taken_back_in_words_is_removed(tg: FakeTelegram, bot: BotUnderTest):
    """"cancel my rest day" undoes the rest (it used to be read as one more rest)."""
    await onboard(tg, UID)
    tg.user_sends(UID, "not today")
    await until(tg, UID, "co:c:rest")
    tg.user_taps(UID, "co:c:rest")
    await replies_until_quiet(tg, UID)
    assert kinds(bot).count("rest") == 1
    tg.user_sends(UID, "cancel my rest day, feeling better now")
    replies = await replies_until_quiet(tg, UID)
    assert kinds(bot).count("rest") == 0 and kinds(bot).count("choice") == 0
    assert any("Taken back: today's rest day" in (m.text or "") for m in replies)


async def test_a_pain_score_put_right_in_words_replaces_the_wrong_one(tg: FakeTelegram,
                                                                     bot: BotUnderTest):
    """"that 8 was a typo, I meant 3": the 8 and its flare-up day go, the 3 is kept (it used
    to answer "nothing to take back")."""
    await onboard(tg, UID)
    tg.user_sends(UID, "pain 8")
    questions = await until(tg, UID, "rf:y:")
    tg.user_taps(UID, data_of(questions, "rf:n:"))
    await replies_until_quiet(tg, UID)
    assert "flare" in kinds(bot)
    tg.user_sends(UID, "sorry that 8 was a typo, I meant 3")
    replies = await replies_until_quiet(tg, UID)
    assert any("taken back the 8/10" in (m.text or "") for m in replies)
    pains = [r.get("pain") for r in bot.deps.store.records(UID) if r["kind"] == "pain"]
    assert pains == [3] and "flare" not in kinds(bot)


async def test_a_number_that_was_no_pain_score_is_taken_back_not_an_exercise(
        tg: FakeTelegram, bot: BotUnderTest):
    """"the 3 was my blood sugar, not my pain": the score goes, the set done stays."""
    await onboard(tg, UID)
    tg.user_sends(UID, "done")
    await replies_until_quiet(tg, UID)
    tg.user_sends(UID, "pain 3")
    await replies_until_quiet(tg, UID)
    tg.user_sends(UID, "the 3 was my blood sugar, not my pain")
    replies = await replies_until_quiet(tg, UID)
    assert any("taken back the 3/10" in (m.text or "") for m in replies)
    assert "pain" not in kinds(bot) and "done" in kinds(bot)


async def test_an_undo_that_mentions_pain_still_takes_back_the_set(tg: FakeTelegram,
                                                                   bot: BotUnderTest):
    """"undo that, the pain was too much": no score is named, so the newest record (the
    set) goes; it used to answer "nothing to take back"."""
    await onboard(tg, UID)
    tg.user_sends(UID, "done")
    await replies_until_quiet(tg, UID)
    assert "done" in kinds(bot)
    tg.user_sends(UID, "undo that, the pain was too much to finish it")
    replies = await replies_until_quiet(tg, UID)
    assert any("Taken back" in (m.text or "") for m in replies)
    assert "done" not in kinds(bot)


async def test_done_after_all_replaces_the_rest_of_the_day(tg: FakeTelegram,
                                                           bot: BotUnderTest):
    """"ignore what I said earlier, I've done them now": the done is recorded and the rest
    taken that day goes (it used to stay beside the done)."""
    await onboard(tg, UID)
    tg.user_sends(UID, "not today")
    await until(tg, UID, "co:c:rest")
    tg.user_taps(UID, "co:c:rest")
    await replies_until_quiet(tg, UID)
    assert "rest" in kinds(bot)
    tg.user_sends(UID, "ignore what I said earlier, I've done them now")
    await replies_until_quiet(tg, UID)
    assert "done" in kinds(bot) or "routine_complete" in kinds(bot)
    assert "rest" not in kinds(bot) and "choice" not in kinds(bot)


async def test_pain_7_asks_red_flag_questions_then_flare_plan(tg: FakeTelegram,
                                                             bot: BotUnderTest):
    await onboard(tg, UID)
    tg.user_sends(UID, "pain is about a 7/10 today")
    questions = await until(tg, UID, "rf:y:")
    assert "fall" in questions.text.lower()
    tg.user_taps(UID, data_of(questions, "rf:n:"))
    plan = await until(tg, UID, "co:flare")
    assert plan.text
    assert "flare" in kinds(bot) and "pain" in kinds(bot)


async def test_red_flag_stops_holds_reminders_and_alerts_clinician(tg: FakeTelegram,
                                                                  bot: BotUnderTest):
    await onboard(tg, UID, time="07:30", name="Ann")
    assert f"reminder:{UID}:0730" in bot.job_names()
    tg.user_sends(UID, "sharp pain and numbness after a fall")
    reply = await tg.next_message(UID)
    lowered = reply.text.lower()
    assert "emergency" in lowered  # a fall with these signs: one instruction, no other
    assert not any(word in lowered for word in ENCOURAGING), reply.text
    alert = await tg.next_message(ADMIN)  # sent after the hold is stored
    assert bot.deps.store.profile(UID)["hold"] == "redflag"
    assert not [n for n in bot.job_names() if n.startswith(f"reminder:{UID}")]
    assert "Ann" in alert.text and "numb" in alert.text.lower()
    assert "redflag" in kinds(bot)
    tg.user_sends(UID, "I'll rest today")  # no push-back while held
    held = await tg.next_message(UID)
    assert "/resume" in held.text and not held.buttons
    tg.user_sends(UID, "/routine")  # no exercise either
    held = await tg.next_message(UID)
    assert "/resume" in held.text and not held.buttons
    tg.user_sends(UID, "/resume")  # asks first whether a clinician has checked them
    asked = await until(tg, UID, "rs:y")
    assert not [n for n in bot.job_names() if n.startswith(f"reminder:{UID}")]
    tg.user_taps(UID, data_of(asked, "rs:n"))
    await tg.next_message(UID)
    assert bot.deps.store.profile(UID)["hold"] == "redflag"
    tg.user_taps(UID, data_of(asked, "rs:y"))
    back = await tg.next_message(UID)
    assert "back" in back.text
    told = await tg.next_message(ADMIN)
    assert "checked" in told.text
    assert [n for n in bot.job_names() if n.startswith(f"reminder:{UID}")]
    assert "checked" in kinds(bot)


async def test_negated_symptoms_do_not_trigger(tg: FakeTelegram, bot: BotUnderTest):
    await onboard(tg, UID)
    tg.user_sends(UID, "no numbness and no fever, just a bit stiff")
    await tg.next_message(UID)
    assert "redflag" not in kinds(bot)
    assert bot.deps.store.profile(UID).get("hold") is None


async def test_red_flag_mid_session_ends_it(tg: FakeTelegram, bot: BotUnderTest):
    await onboard(tg, UID)
    tg.user_sends(UID, "/routine")
    ask = await until(tg, UID, "s:n0:")
    tg.user_taps(UID, data_of(ask, "s:n2:"))
    await until(tg, UID, "s:d:")
    tg.user_sends(UID, "done but now my leg is numb")
    reply = await tg.next_message(UID)
    assert "numb" in reply.text.lower()
    await tg.next_message(ADMIN)  # the alert goes out after the routine is stopped
    assert bot.deps.store.user(UID).get("session")["phase"] == "cancelled"
    assert "done" not in kinds(bot)


async def test_the_morning_question_waits_for_the_morning(
    tg: FakeTelegram, bot: BotUnderTest
) -> None:
    await onboard(tg, UID)
    set_clock(bot, 2, time(18, 8))  # Wednesday evening: a session the day before
    today = local_date(bot.clock.now(), "Europe/London")
    with bot.deps.store.user(UID) as txn:
        txn.update("state", last_session=(today - timedelta(days=1)).isoformat())
    tg.user_sends(UID, "hello")
    reply = await tg.next_message(UID)
    assert "morning" not in (reply.text or "").lower()
    assert not any(d.startswith("co:m:") for _, d in reply.buttons)


async def test_worse_next_morning_makes_the_plan_easier(tg: FakeTelegram, bot: BotUnderTest):
    await onboard(tg, UID)
    set_clock(bot, 1, time(8, 30))  # a Tuesday morning; the check comes the next morning
    today = local_date(bot.clock.now(), "Europe/London")
    with bot.deps.store.user(UID) as txn:
        txn.update("state", last_session=today.isoformat(),
                   outcomes=[{"date": today.isoformat(), "max_pain": 4, "all_done": True}])
    bot.clock.advance(timedelta(days=1))
    tg.user_sends(UID, "hello")
    question = await until(tg, UID, "co:m:worse")
    assert "morning" in question.text.lower()
    tg.user_taps(UID, "co:m:worse")
    scale = await until(tg, UID, "co:mp:")
    tg.user_taps(UID, data_of(scale, "co:mp:worse:4"))
    explained = await tg.wait_for(
        lambda: bot.deps.store.profile(UID).get("plan"), what="plan change")
    assert explained["level"] == "easier"
    assert "morning" in kinds(bot) and "plan" in kinds(bot)
    tg.user_sends(UID, "/routine")
    ask = await until(tg, UID, "s:n0:")
    tg.user_taps(UID, data_of(ask, "s:n1:"))
    await until(tg, UID, "s:d:")
    assert bot.deps.store.user(UID).get("session")["steps"][0]["level"] == "easier"


async def test_a_double_tap_on_a_choice_or_an_exercise_records_once(tg: FakeTelegram,
                                                                   bot: BotUnderTest):
    await onboard(tg, UID)
    tg.user_sends(UID, "I'll rest today")
    menu = await until(tg, UID, "co:c:rest")
    taps = len(tg.api.callback_answers)
    tg.user_taps(UID, "co:c:rest", message_id=menu.message_id)
    tg.user_taps(UID, "co:c:rest", message_id=menu.message_id)  # the same button again
    await tg.wait_for(lambda: len(tg.api.callback_answers) == taps + 2
                      and not tg.unanswered_callbacks(), what="both taps answered")
    second = list(tg.api.callback_answers.values())[-1]
    assert second is not None and "Already noted" in str(second.get("text"))
    assert kinds(bot).count("choice") == 1 and kinds(bot).count("rest") == 1

    # "Another exercise" after a loose "done": the same button twice is one set.
    before = kinds(bot).count("done")
    tg.user_sends(UID, "done")
    recorded = await until(tg, UID, "s:fl:")
    tg.user_taps(UID, data_of(recorded, "s:fl:"))
    which = await until(tg, UID, "s:fx:")
    taps += 1
    pick = data_of(which, "s:fx:")
    tg.user_taps(UID, pick, message_id=which.message_id)
    tg.user_taps(UID, pick, message_id=which.message_id)
    await tg.wait_for(lambda: len(tg.api.callback_answers) == taps + 4
                      and not tg.unanswered_callbacks(), what="both taps answered")
    assert kinds(bot).count("done") == before + 1


async def test_the_resume_question_is_answered_in_words_and_asked_again(
        tg: FakeTelegram, bot: BotUnderTest):
    """/resume's question typed to: "not yet" keeps the hold, "yes I have" lifts it (the
    clinician told); anything else is answered and the question asked again."""
    await onboard(tg, UID, name="Ann")
    tg.user_sends(UID, "sharp pain and numbness after a fall")
    await tg.next_message(UID)
    await tg.next_message(ADMIN)
    tg.user_sends(UID, "/resume")
    await until(tg, UID, "rs:y")
    tg.user_sends(UID, "tysm")
    replies = await replies_until_quiet(tg, UID)
    assert len(replies) == 2 and any(d == "rs:y" for _, d in replies[-1].buttons), [
        m.text for m in replies]
    tg.user_sends(UID, "not yet")
    await tg.next_message(UID)
    assert bot.deps.store.profile(UID)["hold"] == "redflag"
    assert [r["note"] for r in bot.deps.store.records(UID) if r["kind"] == "checked"] == [
        "not checked yet"]
    tg.user_sends(UID, "yes")  # the question was answered: an ordinary "yes" now
    await replies_until_quiet(tg, UID)
    assert bot.deps.store.profile(UID)["hold"] == "redflag"
    tg.user_sends(UID, "/resume")
    await until(tg, UID, "rs:y")
    tg.user_sends(UID, "yes I have")
    back = await tg.next_message(UID)
    assert "back" in (back.text or "")
    assert "checked" in ((await tg.next_message(ADMIN)).text or "")
    assert bot.deps.store.profile(UID).get("hold") is None
