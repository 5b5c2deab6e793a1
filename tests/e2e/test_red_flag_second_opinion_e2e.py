"""End to end: the learned second opinion turns a doubtful alarm into one question.

"Did all my exercises today. I was worried my wound was weeping but the nurse checked and
it is fine": the rules see a wound problem, the model reads it as resolved. In the
conversation the patient gets one yes/no question; "no" carries on with what they meant
(the "done" is recorded), "yes" gets the stop-and-seek-care reply. Where only the rules can act
(set-up, a question typed for the clinician, an edit), the rules' alarm stands.
"""

from __future__ import annotations

from bot.chat.fake_telegram import FakeTelegram
from bot.domain.understanding.interpret import interpret
from tests.e2e.helpers import data_of, next_matching, onboard
from tests.harness import BotUnderTest

UID = 7301
ADMIN = 900
DOUBTED = ("did all my exercises today. I was worried my wound was weeping but the nurse "
           "checked and it is fine")


def test_the_example_is_one_the_model_doubts() -> None:
    reading = interpret(DOUBTED)
    assert not reading.is_red_flag
    assert reading.ask_about is not None and reading.ask_about.source == "model_doubt"


def _done_records(bot: BotUnderTest) -> list[dict[str, object]]:
    kinds = ("done", "routine_complete")
    return [r for r in bot.deps.store.records(UID) if r.get("kind") in kinds]


async def test_no_to_the_question_records_the_done(tg: FakeTelegram, bot: BotUnderTest) -> None:
    await onboard(tg, UID)
    tg.user_sends(UID, DOUBTED)
    question = await tg.next_message(UID)
    assert data_of(question) == ["rf:y:check", "rf:n:check"]
    assert not _done_records(bot), "nothing recorded while the question is open"
    tg.user_taps(UID, "rf:n:check")
    await next_matching(tg, UID, lambda m: any(d.startswith("u:") for d in data_of(m)))
    assert _done_records(bot), "the done was recorded after the no"
    before = len(_done_records(bot))
    tg.user_taps(UID, "rf:n:check")  # a double tap records nothing more
    await tg.next_message(UID)
    assert len(_done_records(bot)) == before
    assert not [m for m in tg.sent(ADMIN)], "no alert for a cleared question"


async def test_yes_to_the_question_gets_the_safety_reply(
    tg: FakeTelegram, bot: BotUnderTest
) -> None:
    await onboard(tg, UID)
    tg.user_sends(UID, DOUBTED)
    await tg.next_message(UID)
    tg.user_taps(UID, "rf:y:check")
    await tg.wait_for(lambda: bool(tg.sent(ADMIN)), what="the clinician alert")
    assert not _done_records(bot)


async def test_during_set_up_the_rules_alarm_stands(tg: FakeTelegram, bot: BotUnderTest) -> None:
    tg.user_sends(UID, "/start", first_name="Pat")
    await next_matching(tg, UID, lambda m: "ob:consent:yes" in data_of(m))
    tg.user_taps(UID, "ob:consent:yes")
    await next_matching(tg, UID, lambda m: any(d.startswith("ob:time:") for d in data_of(m)))
    tg.user_sends(UID, DOUBTED)
    await tg.wait_for(lambda: bool(tg.sent(ADMIN)), what="the clinician alert")
    assert "wound" in (tg.sent(ADMIN)[0].text or "").lower()
