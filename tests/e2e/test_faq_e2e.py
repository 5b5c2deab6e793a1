"""End to end over HTTP: everyday questions answered from content/faq.yaml, outside a
routine and in the middle of one (the step asked again after), and a question no entry
answers offered to /ask (issue #22, item 4)."""

from __future__ import annotations

from bot.chat.fake_telegram import FakeTelegram, SentMessage
from tests.e2e.flows import onboard, replies_until_quiet, to_first_step
from tests.harness import BotUnderTest

UID = 4343


def texts(replies: list[SentMessage]) -> list[str]:
    return [m.text or "" for m in replies]


async def test_everyday_questions_are_answered_from_the_faq(
    tg: FakeTelegram, bot: BotUnderTest
) -> None:
    faq = bot.deps.content.faq
    await onboard(tg, UID)
    for text, entry in (
        ("am i ok to get in the bath yet", "bathing"),
        ("when can i start driving again after the op", "driving"),
        ("should i take paracetamol before doing the stretches", "painkillers"),
    ):
        tg.user_sends(UID, text)
        replies = await replies_until_quiet(tg, UID)
        assert texts(replies) == [faq[entry].answer], text
    assert "/ask" in faq["painkillers"].answer
    tg.user_sends(UID, "how do i renew my blue badge")
    other = await replies_until_quiet(tg, UID)
    assert texts(other) == [bot.deps.content.text("faq_other")]


async def test_a_question_mid_routine_is_answered_and_the_step_asked_again(
    tg: FakeTelegram, bot: BotUnderTest
) -> None:
    await onboard(tg, UID)
    await to_first_step(tg, UID)
    tg.user_sends(UID, "why is my hip so stiff first thing when i get up")
    replies = await replies_until_quiet(tg, UID)
    assert texts(replies)[0] == bot.deps.content.faq["morning_stiffness"].answer
    assert any(d.startswith("s:d:") for _, d in replies[-1].buttons), "the step again"
    assert not any(r["kind"] == "done" for r in bot.deps.store.records(UID))
