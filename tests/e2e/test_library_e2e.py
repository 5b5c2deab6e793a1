"""End to end over HTTP: asking for an exercise in words, cards with pictures, variants."""

from __future__ import annotations

import shutil
from pathlib import Path

from bot.chat.fake_telegram import FakeTelegram
from tests.e2e.flows import data_of, onboard, until
from tests.harness import BotUnderTest

UID = 42


async def card_after(tg: FakeTelegram, uid: int = UID):
    """The demonstration (a looping animation) then the card text with its buttons."""
    photo = await tg.next_message(uid)
    assert photo.method == "sendAnimation", photo
    card = await tg.next_message(uid)
    return photo, card


async def test_free_text_gets_card_with_picture_and_buttons(tg: FakeTelegram, bot: BotUnderTest):
    await onboard(tg, UID)
    tg.user_sends(UID, "how do I do the glute bridge?")
    photo, card = await card_after(tg)
    assert photo.method == "sendAnimation"
    assert photo.animation_bytes is not None and photo.animation_bytes[4:8] == b"ftyp"
    assert len(photo.animation_bytes) <= 300_000
    assert "Glute bridge" in (photo.text or "")
    assert "10" in card.text
    assert [d for _, d in card.buttons] == [
        "lib:do:glute_bridge", "lib:easier:glute_bridge", "lib:harder:glute_bridge", "lib:list"]
    tg.user_taps(UID, "lib:easier:glute_bridge")
    _, easier = await card_after(tg)
    exercise = bot.deps.content.exercises["glute_bridge"]
    assert exercise.easier.name in easier.text
    assert "lib:easier:glute_bridge" not in [d for _, d in easier.buttons]


async def test_typos_and_choices(tg: FakeTelegram, bot: BotUnderTest):
    await onboard(tg, UID)
    tg.user_sends(UID, "hip flexer strech pls")
    _, card = await card_after(tg)
    assert "lib:do:hip_flexor_stretch" in [d for _, d in card.buttons]
    tg.user_sends(UID, "something for tight hips")
    choice = await tg.next_message(UID)
    options = [d for _, d in choice.buttons]
    assert 2 <= len(options) <= 3 and all(o.startswith("lib:show:") for o in options)


async def test_exercises_list_to_card_and_photo_reuse(tg: FakeTelegram, bot: BotUnderTest):
    await onboard(tg, UID)
    tg.user_sends(UID, "/exercises")
    listing = await tg.next_message(UID)
    assert "lib:show:hip_rotator_stretch" in [d for _, d in listing.buttons]
    tg.user_taps(UID, "lib:show:hip_rotator_stretch")
    first, _ = await card_after(tg)
    assert first.animation_bytes and not first.file_reused
    tg.user_sends(UID, "/exercise figure four")
    second, _ = await card_after(tg)
    assert second.file_reused, "the second card re-sends Telegram's file_id"
    assert second.animation_file_id == first.animation_file_id


async def test_do_it_now_walks_through_that_exercise(tg: FakeTelegram, bot: BotUnderTest):
    await onboard(tg, UID)
    tg.user_sends(UID, "/exercise bridge")
    _, card = await card_after(tg)
    tg.user_taps(UID, data_of(card, "lib:do:"))
    ask = await until(tg, UID, "s:n0:")
    assert "Glute bridge" in ask.text
    tg.user_taps(UID, data_of(ask, "s:n1:"))
    step = await until(tg, UID, "s:d:")
    assert "10" in step.text


async def test_unknown_exercise_shows_library(tg: FakeTelegram, bot: BotUnderTest):
    await onboard(tg, UID)
    tg.user_sends(UID, "/exercise underwater basket weaving")
    reply = await tg.next_message(UID)
    assert any(d.startswith("lib:show:") for _, d in reply.buttons)


async def test_editing_content_changes_what_the_bot_says(tg: FakeTelegram, tmp_path: Path):
    """A clinician changes a hold time in content/: the bot says the new one, no code change."""
    content = tmp_path / "content"
    shutil.copytree(Path(__file__).resolve().parents[2] / "content", content)
    path = content / "exercises" / "article.yaml"
    text = path.read_text()
    assert "hold_seconds: 30" in text
    path.write_text(text.replace("hold_seconds: 30", "hold_seconds: 45"))
    bot = BotUnderTest(tg, tmp_path / "data", content_dir=content)
    await bot.start()
    try:
        tg.user_sends(UID, "/exercise hip flexor stretch")
        _, card = await card_after(tg)
        assert "45 s" in card.text and "30 s" not in card.text
    finally:
        await bot.stop()


async def test_every_exercise_of_the_content_asked_by_name_gets_its_own_card(
    tg: FakeTelegram, bot: BotUnderTest
):
    """The understanding step and the content speak of the same exercises: asking for a
    clinic programme's exercise by its name shows that card, not a "did you mean"."""
    await onboard(tg, UID)
    for exercise in bot.deps.content.exercises.values():
        tg.user_sends(UID, f"how do I do the {exercise.name.lower()}?")
        _, card = await card_after(tg)
        assert f"lib:do:{exercise.id}" in [d for _, d in card.buttons], exercise.id


async def test_a_walk_with_the_frame_is_recorded_as_the_assisted_walk(
    tg: FakeTelegram, bot: BotUnderTest
):
    await onboard(tg, UID)
    tg.user_sends(UID, "walked to the shop and back with my zimmer")
    await tg.wait_for(lambda: any(r["kind"] == "done" for r in bot.deps.store.records(UID)),
                      what="the walk recorded")
    done = [r for r in bot.deps.store.records(UID) if r["kind"] == "done"]
    assert [r["exercise"] for r in done] == ["assisted_walk"]
