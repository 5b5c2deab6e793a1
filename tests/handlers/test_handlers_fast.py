"""Fast handler tests: the real Application and Bot, the network faked just below Bot.

No HTTP server and no polling loop: updates go straight to ``process_update`` and the
bot's requests are answered in-process (tests/inprocess.py).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.app import build_application
from bot.chat.fake_telegram import FakeTelegram
from bot.storage import current_update_id
from bot.transport.context import App, deps_of
from tests.harness import make_settings
from tests.inprocess import InProcessRequest, as_update, update_from

UID = 77


@pytest.fixture
async def fast(tmp_path: Path) -> AsyncIterator[tuple[FakeTelegram, App]]:
    tg = FakeTelegram()  # never started: no sockets
    app = build_application(make_settings(tg, tmp_path / "data"), request=InProcessRequest(tg))
    await app.initialize()
    try:
        yield tg, app
    finally:
        await app.shutdown()


async def handle(tg: FakeTelegram, app: App, update_id: int) -> None:
    token = current_update_id.set(update_id)
    try:
        await app.process_update(as_update(app, update_from(tg, update_id)))
    finally:
        current_update_id.reset(token)


async def test_help_lists_every_command(fast):
    tg, app = fast
    await handle(tg, app, tg.user_sends(UID, "/help"))
    text = tg.sent(UID)[-1].text
    for command in ("/routine", "/exercises", "/progress", "/remind", "/forget", "/ask"):
        assert command in text
    assert "/stats" not in text, "clinician commands only for clinicians"


async def test_start_asks_consent_and_yes_stores_profile(fast):
    tg, app = fast
    await handle(tg, app, tg.user_sends(UID, "/start", first_name="Bo"))
    assert [d for _, d in tg.sent(UID)[-1].buttons] == ["ob:consent:yes", "ob:consent:no"]
    await handle(tg, app, tg.user_taps(UID, "ob:consent:yes"))
    assert deps_of(app).store.profile(UID)["first_name"] == "Bo"


async def test_card_animation_is_uploaded_as_multipart(fast):
    tg, app = fast
    await handle(tg, app, tg.user_sends(UID, "/exercise glute bridge"))
    clip = next(m for m in tg.sent(UID) if m.method == "sendAnimation")
    assert clip.animation_bytes is not None and clip.animation_bytes[4:8] == b"ftyp"


async def test_sticker_and_unknown_command_get_answers(fast):
    tg, app = fast
    await handle(tg, app, tg.user_sends_sticker(UID))
    assert "text" in tg.sent(UID)[-1].text
    await handle(tg, app, tg.user_sends(UID, "/frobnicate"))
    assert "/help" in tg.sent(UID)[-1].text
