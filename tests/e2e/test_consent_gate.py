"""End to end: nothing is stored for someone who said no, or whose data was deleted.

The consent gate sits in the storage layer, below every handler: these tests check what
the patient is told and that no file appears under the data folder, whatever the
handlers above it check themselves.
"""

from __future__ import annotations

import pytest

from bot.chat.fake_telegram import FakeTelegram
from bot.domain.profiles import Profile
from tests.e2e.flows import data_of, onboard, until
from tests.e2e.helpers import files_mentioning
from tests.harness import BotUnderTest

UID = 4711
BEFORE_DELETING = "before you deleted your data"


def stored_for(bot: BotUnderTest, uid: int) -> list[str]:
    """Every file or folder under the data folder that names or mentions ``uid``."""
    return files_mentioning(bot.data_dir, str(uid).encode())


async def handled(tg: FakeTelegram, update_id: int) -> None:
    await tg.wait_for(lambda: tg.confirmed_offset > update_id, what=f"update {update_id}")


async def test_an_old_which_exercise_button_after_forget_stores_nothing(
    tg: FakeTelegram, bot: BotUnderTest
):
    await onboard(tg, UID)
    said = tg.user_sends(UID, "done")  # "which exercise?" (or a set recorded, with buttons)
    await handled(tg, said)
    which = [m for m in tg.sent(UID) if m.buttons][-1]  # the button the person keeps
    tg.user_sends(UID, "/forget")
    ask = await until(tg, UID, "fg:yes")
    tg.user_taps(UID, data_of(ask, "fg:yes"), message_id=ask.message_id)
    done = await tg.next_message(UID)
    assert done.text is not None and "deleted" in done.text
    assert stored_for(bot, UID) == []

    # Its data as the "which exercise?" buttons carry it (s:x1:<exercise id>).
    tap = tg.user_taps(UID, "s:x1:glute_bridge", message_id=which.message_id)
    reply = await tg.next_message(UID)
    await handled(tg, tap)
    assert reply.text is not None and BEFORE_DELETING in reply.text, reply.text
    assert stored_for(bot, UID) == []
    assert not bot.deps.store.exists(UID)
    assert not tg.unanswered_callbacks()


async def test_a_forged_which_exercise_button_after_declining_stores_nothing(
    tg: FakeTelegram, bot: BotUnderTest, monkeypatch: pytest.MonkeyPatch
):
    """Even a handler that forgot to check consent cannot store anything: the gate is below it.

    Every handler's own check is switched off (``Profile.consent`` says yes to all);
    the stored profile still has no consent, and storage refuses the write.
    """
    tg.user_sends(UID, "/start")
    await until(tg, UID, "ob:consent:no")
    tg.user_taps(UID, "ob:consent:no")
    await tg.next_message(UID)
    monkeypatch.setattr(Profile, "consent", property(lambda self: True))

    tap = tg.user_taps(UID, "s:x1:glute_bridge")
    reply = await tg.next_message(UID)
    await handled(tg, tap)
    assert reply.text is not None and "haven't recorded" in reply.text, reply.text
    assert "/start" in reply.text
    assert stored_for(bot, UID) == []

    sent = tg.user_sends(UID, "my hip feels a bit stiff today")  # a reply, then the dedupe mark
    await tg.next_message(UID)
    await handled(tg, sent)
    assert stored_for(bot, UID) == []


async def test_consenting_again_after_forget_stores_again(tg: FakeTelegram, bot: BotUnderTest):
    """The gate does not lock out a person who deleted their data and starts over."""
    await onboard(tg, UID)
    tg.user_sends(UID, "/forget")
    ask = await until(tg, UID, "fg:yes")
    tg.user_taps(UID, data_of(ask, "fg:yes"), message_id=ask.message_id)
    await tg.next_message(UID)
    await onboard(tg, UID, name="Pat again")
    tg.user_sends(UID, "pain 3")
    await tg.next_message(UID)
    assert bot.deps.store.profile(UID)["first_name"] == "Pat again"
    assert [r["kind"] for r in bot.deps.store.records(UID)] == ["pain"]
