"""End to end over HTTP: a whole guided routine, restarts, double taps, forged buttons."""

from __future__ import annotations

from bot.chat.fake_telegram import FakeTelegram
from tests.e2e.flows import data_of, onboard, until
from tests.harness import BotUnderTest

UID = 42


def summary(records: list[dict]) -> list[tuple]:
    return [
        (r["kind"], r.get("exercise"), r.get("set"), r.get("side"), r.get("reps"),
         r.get("hold"), r.get("pain"), r.get("context"), r.get("source"))
        for r in records
    ]


async def step(tg: FakeTelegram) -> str:
    """Wait for the next step prompt; return its Done button data."""
    msg = await until(tg, UID, "s:d:")
    return data_of(msg, "s:d:")


async def test_whole_session_mixed_buttons_and_text(tg: FakeTelegram, bot: BotUnderTest):
    await onboard(tg, UID)
    tg.user_sends(UID, "/routine")
    ask = await until(tg, UID, "s:n0:")
    tg.user_taps(UID, data_of(ask, "s:n2:"))
    tg.user_taps(UID, await step(tg))                 # flexor set 1 left: button
    await step(tg)
    tg.user_sends(UID, "done")                        # flexor set 1 right: typed
    tg.user_taps(UID, (await step(tg)).replace("s:d:", "s:k:"))  # flexor set 2 left: skip
    await step(tg)
    tg.user_sends(UID, "Done!")                       # flexor set 2 right
    await step(tg)
    tg.user_sends(UID, "done 8")                      # abduction left: 8 reps
    painful = (await step(tg)).replace("s:d:", "s:p:")
    tg.user_taps(UID, painful)                        # abduction right: too painful
    ask = await until(tg, UID, "s:n0:")
    tg.user_taps(UID, data_of(ask, "s:n4:"))
    tg.user_taps(UID, await step(tg))                 # bridge
    for _ in range(4):                                # rotator: 2 sets x 2 sides
        tg.user_taps(UID, await step(tg))
    ask = await until(tg, UID, "s:n0:")
    tg.user_sends(UID, "3")                           # pain after, typed
    final = await tg.next_message(UID)
    assert "Sets done" in final.text

    records = bot.deps.store.records(UID)
    assert summary(records) == [
        ("pain", None, None, None, None, None, 2, "before", "button"),
        ("done", "hip_flexor_stretch", 1, "left", None, 30, None, None, "button"),
        ("done", "hip_flexor_stretch", 1, "right", None, 30, None, None, "text"),
        ("skip", "hip_flexor_stretch", 2, "left", None, None, None, None, "button"),
        ("done", "hip_flexor_stretch", 2, "right", None, 30, None, None, "text"),
        ("done", "hip_abduction", 1, "left", 8, None, None, None, "text"),
        ("painful", "hip_abduction", 1, "right", None, None, 4, None, "button"),
        ("done", "glute_bridge", 1, None, 10, None, None, None, "button"),
        ("done", "hip_rotator_stretch", 1, "left", None, 30, None, None, "button"),
        ("done", "hip_rotator_stretch", 1, "right", None, 30, None, None, "button"),
        ("done", "hip_rotator_stretch", 2, "left", None, 30, None, None, "button"),
        ("done", "hip_rotator_stretch", 2, "right", None, 30, None, None, "button"),
        ("routine_complete", None, None, None, None, None, None, None, "system"),
        ("pain", None, None, None, None, None, 3, "after", "text"),
    ]
    assert len({r["id"] for r in records}) == len(records)


async def test_restart_mid_session_continues_at_the_same_step(tg: FakeTelegram,
                                                             bot: BotUnderTest):
    await onboard(tg, UID)
    tg.user_sends(UID, "/routine")
    ask = await until(tg, UID, "s:n0:")
    tg.user_taps(UID, data_of(ask, "s:n1:"))
    tg.user_taps(UID, await step(tg))
    await step(tg)
    await bot.restart()
    tg.user_sends(UID, "done")
    await step(tg)
    done = [r for r in bot.deps.store.records(UID) if r["kind"] == "done"]
    assert [(r["set"], r["side"]) for r in done] == [(1, "left"), (1, "right")]


async def test_double_tap_old_button_forged_and_repeated_update(tg: FakeTelegram,
                                                               bot: BotUnderTest):
    await onboard(tg, UID)
    tg.user_sends(UID, "/routine")
    ask = await until(tg, UID, "s:n0:")
    tg.user_taps(UID, data_of(ask, "s:n1:"))
    first = await step(tg)
    tg.user_taps(UID, first)
    tg.user_taps(UID, first)                          # double tap
    await step(tg)
    update_id = tg.user_sends(UID, "done")
    await step(tg)
    tg.redeliver(update_id)                           # Telegram delivers it again
    sid = first.split(":")[2]
    forged = [f"s:d:{sid}:999", "s:d:deadbeef:1", "s:zz:x:y", "s:d", "lib:show:nope",
              "x" * 64, f"s:n99:{sid}:3"]
    for data in forged:
        tg.user_taps(UID, data)
    tg.user_taps(UID, first)                          # an old button, later
    tg.user_sends(UID, "/help")
    await until(tg, UID, "s:d:") if False else await tg.wait_for(
        lambda: any("/routine" in (m.text or "") for m in tg.sent(UID)), what="help")
    done = [r for r in bot.deps.store.records(UID) if r["kind"] == "done"]
    assert [(r["set"], r["side"]) for r in done] == [(1, "left"), (1, "right")]
    assert not tg.unanswered_callbacks()


async def test_routine_during_session_offers_continue(tg: FakeTelegram, bot: BotUnderTest):
    await onboard(tg, UID)
    tg.user_sends(UID, "/routine")
    await until(tg, UID, "s:n0:")
    tg.user_sends(UID, "/routine")
    offer = await until(tg, UID, "s:c:")
    tg.user_taps(UID, data_of(offer, "s:c:"))
    await until(tg, UID, "s:n0:")
    tg.user_sends(UID, "/cancel")
    await tg.next_message(UID)
    assert bot.deps.store.user(UID).get("session")["phase"] == "cancelled"


async def test_hold_timer_counts_down_by_edits(tg: FakeTelegram, bot: BotUnderTest):
    await onboard(tg, UID)
    tg.user_sends(UID, "/routine")
    ask = await until(tg, UID, "s:n0:")
    tg.user_taps(UID, data_of(ask, "s:n1:"))
    prompt = await until(tg, UID, "s:t:")
    tg.user_taps(UID, data_of(prompt, "s:t:"))
    timer_msg = await tg.next_message(UID)
    assert "30 s" in timer_msg.text
    await bot.run_job(f"timer:{UID}")               # 20 s left
    await bot.run_job(f"timer:{UID}")               # 10 s left
    await bot.run_job(f"timer:{UID}")               # time
    end = await until(tg, UID, "s:d:")
    assert "switch" in end.text.lower() or "Time" in end.text
    assert [e.text for e in timer_msg.edits][:2] == ["⏱ 20 s left…", "⏱ 10 s left…"]
    assert not [r for r in bot.deps.store.records(UID) if r["kind"] == "done"]


async def test_done_outside_a_session(tg: FakeTelegram, bot: BotUnderTest):
    await onboard(tg, UID)
    tg.user_sends(UID, "done")                        # nothing prompted today: the first due
    recorded = await until(tg, UID, "u:")             # recorded at once, with Undo
    assert "hip flexor stretch" in recorded.text.lower()
    tg.user_taps(UID, data_of(recorded, "s:fl:"))     # "it was another exercise"
    which = await until(tg, UID, "s:fx:")
    tg.user_taps(UID, data_of(which, "s:fx:").rsplit(":", 1)[0] + ":glute_bridge")
    fixed = await tg.next_message(UID)
    assert "Glute bridge" in fixed.text
    tg.user_sends(UID, "/routine")                    # prompt an exercise, then stop
    ask = await until(tg, UID, "s:n0:")
    tg.user_taps(UID, data_of(ask, "s:n1:"))
    await step(tg)
    tg.user_sends(UID, "/cancel")
    await tg.next_message(UID)
    tg.user_sends(UID, "did it")                      # the exercise last prompted today
    await until(tg, UID, "u:")
    done = [(r["exercise"], r["source"]) for r in bot.deps.store.records(UID)
            if r["kind"] == "done"]
    assert done == [("glute_bridge", "button"), ("hip_flexor_stretch", "text")]


async def test_which_exercise_button_stores_nothing_without_consent(tg: FakeTelegram,
                                                                    bot: BotUnderTest):
    """A stale or forged "which exercise" tap from someone who said no stores nothing."""
    tg.user_sends(7, "/start")
    await until(tg, 7, "ob:consent:no")
    tg.user_taps(7, "ob:consent:no")
    await tg.next_message(7)
    tg.user_taps(7, "s:x1:glute_bridge")
    reply = await tg.next_message(7)
    assert "not" in reply.text.lower() or "store" in reply.text.lower(), reply.text
    assert bot.deps.store.records(7) == []
    assert not bot.deps.store.exists(7)
