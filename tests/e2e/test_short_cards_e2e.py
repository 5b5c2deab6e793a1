"""End to end over HTTP: cards that shrink with familiarity.

The same patient does the routine on four days in a row: the first two show every
exercise's full card (animation and text), the third and fourth a short prompt with a
"Show me how" button, so the routine's messages are at most half as long. A level change
brings the full card back for that exercise, "Show me how" gives the full card, and a patient
who asks for full cards always gets them.
"""

from __future__ import annotations

from datetime import time, timedelta

from bot.chat.fake_telegram import FakeTelegram, SentMessage
from bot.domain.routine.familiarity import FULL_CARDS_KEY, SEEN_KEY
from tests.e2e.flows import data_of, onboard, routine_by_buttons, until
from tests.e2e.helpers import set_clock
from tests.harness import BotUnderTest

UID = 4242
DEMOS = ("sendAnimation", "sendPhoto")


def chars(messages: list[SentMessage]) -> int:
    return sum(len(m.text or "") for m in messages)


def demos(messages: list[SentMessage]) -> list[SentMessage]:
    return [m for m in messages if m.method in DEMOS]


async def test_cards_shrink_then_come_back(tg: FakeTelegram, bot: BotUnderTest) -> None:
    set_clock(bot, 0, time(9, 0))
    await onboard(tg, UID)
    days = []
    for day in range(4):
        if day:
            bot.clock.offset += timedelta(days=1)
        days.append(await routine_by_buttons(tg, UID))
    counts = [chars(d) for d in days]
    print("characters per routine, day 1..4:", counts)
    exercises = len(demos(days[0]))
    assert exercises >= 3
    assert [len(demos(d)) for d in days] == [exercises, exercises, 0, 0]
    assert counts[0] == counts[1] or max(counts[:2]) < 1.1 * min(counts[:2])
    assert counts[2] <= counts[0] / 2 and counts[3] <= counts[0] / 2  # from the third on

    # the short prompt: name and dose, one cue, the stop rule, and "Show me how"
    short = next(m for m in days[3] if any(d.startswith("lib:show:") for _, d in m.buttons))
    exercise_id = data_of(short, "lib:show:").split(":")[2]
    exercise = bot.deps.content.exercises[exercise_id]
    assert short.text is not None and short.text.startswith(exercise.name)
    assert exercise.dose.describe() in short.text and "🛑 Stop if" in short.text
    assert sum(cue in short.text for cue in exercise.cues) == 1
    seen = bot.deps.store.user(UID).get("state")[SEEN_KEY]
    assert seen[exercise_id]["n"] == 4 and seen[exercise_id]["full"] is False

    # "Show me how" gives the full card: the demonstration, then every step and cue
    before = len(tg.sent(UID))
    tg.user_taps(UID, data_of(short, "lib:show:"), message_id=short.message_id)
    card = await until(tg, UID, "lib:")
    shown = tg.sent(UID)[before:]
    assert [m.method for m in demos(shown)] and card.text is not None
    assert all(step in card.text for step in exercise.steps)
    assert all(cue in card.text for cue in exercise.cues)

    # a patient who asks for the full card always gets it
    with bot.deps.store.user(UID) as txn:
        txn.update("profile", **{FULL_CARDS_KEY: True})
    bot.clock.offset += timedelta(days=1)
    full = await routine_by_buttons(tg, UID)
    assert len(demos(full)) == exercises
    assert not any(d.startswith("lib:") for m in full for _, d in m.buttons)

    # a level change (as the coach writes it) brings every full card back
    with bot.deps.store.user(UID) as txn:
        txn.update("profile", plan={"level": "easier", "reason": "test", "since": "2020-01-01"},
                   **{FULL_CARDS_KEY: False})
    bot.clock.offset += timedelta(days=1)
    easier = await routine_by_buttons(tg, UID)
    assert len(demos(easier)) == exercises
    print("characters, day 5 (full cards asked for), day 6 (easier level):",
          chars(full), chars(easier))
