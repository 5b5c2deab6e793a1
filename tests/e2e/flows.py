"""Conversation steps shared by end-to-end tests."""

from __future__ import annotations

from bot.chat.fake_telegram import FakeTelegram, SentMessage


async def onboard(tg: FakeTelegram, uid: int, *, time: str = "none",
                  zone: str = "Europe/London", name: str = "Pat") -> None:
    """/start, consent, a reminder time (button value) and a zone, reading every reply."""
    tg.user_sends(uid, "/start", first_name=name)
    await until(tg, uid, "ob:consent:yes")
    tg.user_taps(uid, "ob:consent:yes")
    await until(tg, uid, "ob:time:")
    tg.user_taps(uid, f"ob:time:{time}")
    await until(tg, uid, "ob:tz:")
    await tg.next_message(uid)  # share-location keyboard
    tg.user_taps(uid, f"ob:tz:{zone}")
    await until(tg, uid, "sess:start")


async def until(tg: FakeTelegram, uid: int, prefix: str, timeout: float = 5.0) -> SentMessage:
    """Read messages to ``uid`` until one has a button whose data starts with ``prefix``."""
    seen = []
    while True:
        msg = await tg.next_message(uid, timeout)
        seen.append(msg.text)
        if any(data.startswith(prefix) for _, data in msg.buttons):
            return msg
        assert len(seen) < 30, f"no button {prefix!r} in {seen}"


def data_of(msg: SentMessage, prefix: str) -> str:
    """The callback data of the message's button starting with ``prefix``."""
    for _, data in msg.buttons:
        if data.startswith(prefix):
            return data
    raise AssertionError(f"no button {prefix!r} in {msg.buttons}")
