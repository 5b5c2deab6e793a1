"""Conversation steps shared by end-to-end tests."""

from __future__ import annotations

from bot.chat.fake_telegram import FakeTelegram, SentMessage


async def onboard(tg: FakeTelegram, uid: int, *, time: str = "none",
                  zone: str = "Europe/London", name: str = "Pat") -> None:
    """/start, consent, a reminder time (button value) and a zone, reading every reply."""
    await to_consent_question(tg, uid, name)
    tg.user_taps(uid, "ob:consent:yes")
    await until(tg, uid, "ob:time:")
    tg.user_taps(uid, f"ob:time:{time}")
    await until(tg, uid, "ob:tz:")
    await tg.next_message(uid)  # share-location keyboard
    tg.user_taps(uid, f"ob:tz:{zone}")
    await until(tg, uid, "sess:start")


async def to_consent_question(tg: FakeTelegram, uid: int, name: str = "Pat") -> SentMessage:
    """/start, reading every reply up to the consent question (returned)."""
    tg.user_sends(uid, "/start", first_name=name)
    return await until(tg, uid, "ob:consent:yes")


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


async def to_first_step(tg: FakeTelegram, uid: int, pain: int = 2) -> SentMessage:
    """/routine, the pain score tapped, up to the first step's Done button."""
    tg.user_sends(uid, "/routine")
    ask = await until(tg, uid, "s:n0:")
    tg.user_taps(uid, data_of(ask, f"s:n{pain}:"))
    return await until(tg, uid, "s:d:")


async def routine_by_buttons(tg: FakeTelegram, uid: int, steps: int = 60) -> list[SentMessage]:
    """/routine from the pain question to the summary, every step done by button; the
    messages it took (the summary included, what hooks send after it left out)."""
    start = len(tg.sent(uid))
    tg.user_sends(uid, "/routine")
    ask = await until(tg, uid, "s:n0:")
    tg.user_taps(uid, data_of(ask, "s:n2:"))
    for _ in range(steps):
        msg = await until(tg, uid, "s:")
        if any(d.startswith("s:n0:") for _, d in msg.buttons):
            tg.user_taps(uid, data_of(msg, "s:n2:"))
            break
        tg.user_taps(uid, data_of(msg, "s:d:"))
    else:
        raise AssertionError("the routine never ended")
    summary = await tg.next_message(uid)
    assert summary.text is not None and "Sets done" in summary.text
    sent = tg.sent(uid)[start:]
    return sent[: next(i for i, m in enumerate(sent) if m is summary) + 1]


async def replies_until_quiet(tg: FakeTelegram, uid: int, timeout: float = 0.6,
                              first: float = 5.0) -> list[SentMessage]:
    """Every message sent to ``uid`` until the bot has been quiet for ``timeout`` s.

    The first one is waited for longer (``first``): the first exercise lookup of a
    process loads numpy and builds its index, and on a busy machine that alone can take
    longer than the quiet time."""
    out: list[SentMessage] = []
    while True:
        try:
            out.append(await tg.next_message(uid, timeout if out else max(first, timeout)))
        except (AssertionError, TimeoutError):
            return out
