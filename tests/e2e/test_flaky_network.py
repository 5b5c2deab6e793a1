"""A flaky Telegram: 429 with retry_after, 500, 502, dropped connections, slow answers.

The real bot runs in process against the fake, which fails chosen requests. What must
hold: the bot keeps running; every reply is stored once and acknowledged once; every
reminder arrives once.

The policy under test (``bot.transport.network.RetryingRateLimiter``, ``bot.transport.runner``):

* 429: wait ``retry_after`` and send again (PTB's ``AIORateLimiter``, 3 retries).
* 500, 502, a dropped connection, a timeout: send again after 0.2, 0.4, 0.8, 1.6 s.
  A dropped connection is ambiguous (Telegram may have carried the call out), so this
  is at-least-once: a send whose *answer* was lost can arrive twice (tested below, and
  counted exactly); a send that was refused never arrives twice. A repeated callback
  answer or edit that Telegram says was already done counts as success.
* getUpdates failing: back off (0.5 s doubling) and poll again from the same offset.
* answering a button press is cosmetic: if it still fails, the handler goes on.
* a reminder whose send still fails after the retries is sent again a minute later.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import AsyncIterator
from pathlib import Path

from bot.chat.fake_telegram import FakeTelegram
from bot.transport.network import RetryingRateLimiter
from tests.e2e.chaos import far_slots, prompt_tokens, raw_events, seed_patients, seed_prompt
from tests.harness import BotUnderTest

UID = 77
SID = f"s{UID}"
ERROR_WORDS = ("went wrong", "couldn't save")


@contextlib.asynccontextmanager
async def running(
    tg: FakeTelegram, tmp_path: Path, uids: list[int], *, steps: int = 12,
    slots: dict[int, list[str]] | None = None, exercise: str = "glute_bridge",
) -> AsyncIterator[BotUnderTest]:
    """Seed patients in a data dir, then run the bot on it."""
    data_dir = tmp_path / "data"
    seed_patients(data_dir, uids, steps=steps, slots=slots or {}, exercise=exercise)
    for uid in uids:
        seed_prompt(tg, uid, f"s{uid}:1")
    bot = BotUnderTest(tg, data_dir)
    await bot.start()
    try:
        yield bot
    finally:
        await bot.stop()


def limiter(bot: BotUnderTest) -> RetryingRateLimiter:
    assert bot.app is not None
    rate_limiter = bot.app.bot.rate_limiter
    assert isinstance(rate_limiter, RetryingRateLimiter)
    return rate_limiter


def texts(tg: FakeTelegram, uid: int) -> list[str]:
    return [m.text or "" for m in tg.sent(uid)]


def no_error_messages(tg: FakeTelegram, uid: int) -> bool:
    return not [t for t in texts(tg, uid) if any(w in t for w in ERROR_WORDS)]


def statuses(tg: FakeTelegram, method: str) -> list[int]:
    return [c.status for c in tg.calls_to(method)]


async def acked(tg: FakeTelegram, uid: int, *tokens: int) -> None:
    await tg.wait_for(lambda: set(tokens) <= set(prompt_tokens(tg, uid, f"s{uid}")),
                      timeout=15, what=f"prompts {tokens} for {uid}")


def stored(tmp_path: Path, uid: int) -> list[str]:
    return [e["id"] for e in raw_events(tmp_path / "data", uid)]


def inject_fault(tg: FakeTelegram, method: str, kind: str, n: int = 1) -> None:
    if kind == "reset":
        tg.faults.reset_next(method, n)
    elif kind == "429":
        tg.faults.fail_next(method, 429, n, retry_after=1)
    else:
        tg.faults.fail_next(method, int(kind), n)


# --- replies ---------------------------------------------------------------------------


async def test_a_failed_reply_is_sent_again_once(tg: FakeTelegram, tmp_path: Path):
    kinds = ["500", "502", "reset", "429", "slow"]
    async with running(tg, tmp_path, [UID]) as bot:
        for seq, kind in enumerate(kinds, start=2):
            if kind == "slow":
                tg.faults.slow("sendMessage", 0.3)
            else:
                inject_fault(tg, "sendMessage", kind, n=1 if kind == "429" else 2)
            tg.user_sends(UID, "done")
            await acked(tg, UID, seq)
            tg.faults.clear()
        tg.user_sends(UID, "done")  # and the bot carries on as normal
        await acked(tg, UID, len(kinds) + 2)
        retried = limiter(bot).retried
    assert prompt_tokens(tg, UID, SID) == list(range(1, len(kinds) + 3)), "each answer once"
    assert stored(tmp_path, UID) == [f"{SID}:{i}:done" for i in range(len(kinds) + 1)]
    assert no_error_messages(tg, UID)
    failed = [s for s in statuses(tg, "sendMessage") if s != 200]
    assert failed == [500, 500, 502, 502, 0, 0, 429]
    assert retried == 6  # the 429 is retried by PTB's own limiter, after retry_after


async def test_a_reply_lost_after_every_retry_is_given_from_the_stored_state(
    tg: FakeTelegram, tmp_path: Path
):
    """The "done" is stored, then every attempt to answer fails. Telegram will not send
    the update again (it was handled), and "please try again" would record the next set
    too; so the error handler sends the session's current step from storage instead."""
    async with running(tg, tmp_path, [UID]) as bot:
        limiter(bot).backoff = 0.01  # the same five attempts, sooner
        tg.faults.fail_next("sendMessage", 502, 5)
        tg.user_sends(UID, "done")
        await acked(tg, UID, 2)
        tg.user_sends(UID, "done")
        await acked(tg, UID, 3)
    assert prompt_tokens(tg, UID, SID) == [1, 2, 3]
    assert stored(tmp_path, UID) == [f"{SID}:0:done", f"{SID}:1:done"]
    assert no_error_messages(tg, UID)
    assert statuses(tg, "sendMessage") == [502] * 5 + [200, 200], texts(tg, UID)


async def test_a_lost_answer_is_at_least_once_never_lost(tg: FakeTelegram, tmp_path: Path):
    """The connection drops after Telegram sent the message: the retry sends it again.

    The one case that duplicates, on purpose (see ``bot.transport.network``): the stored data is
    still single, and each duplicate matches one reset-after-send exactly.
    """
    async with running(tg, tmp_path, [UID]):
        tg.faults.reset_next("sendMessage", 1, reset_after_processing=True)
        tg.user_sends(UID, "done")
        await tg.wait_for(lambda: prompt_tokens(tg, UID, SID).count(2) == 2, what="two")
        tg.user_sends(UID, "done")
        await acked(tg, UID, 3)
    assert prompt_tokens(tg, UID, SID) == [1, 2, 2, 3]
    assert stored(tmp_path, UID) == [f"{SID}:0:done", f"{SID}:1:done"]


async def test_button_answer_faults_never_cost_the_tap(tg: FakeTelegram, tmp_path: Path):
    async with running(tg, tmp_path, [UID]) as bot:
        # Refused twice, then answered.
        tg.faults.fail_next("answerCallbackQuery", 502, 2)
        tg.user_taps(UID, f"s:d:{SID}:1")
        await acked(tg, UID, 2)
        await tg.wait_for(lambda: not tg.unanswered_callbacks(), what="the answer")
        # Answered, but the answer to the bot was lost: the retry hears "already answered".
        tg.faults.reset_next("answerCallbackQuery", 1, reset_after_processing=True)
        tg.user_taps(UID, f"s:d:{SID}:2")
        await acked(tg, UID, 3)
        await tg.wait_for(lambda: len(tg.calls_to("answerCallbackQuery")) == 5, what="retry")
        # Down for longer than the retries: the spinner times out, the tap still counts.
        limiter(bot).backoff = 0.01  # the same five attempts, sooner
        tg.faults.fail_next("answerCallbackQuery", 500, 5)
        tg.user_taps(UID, f"s:d:{SID}:3")
        await acked(tg, UID, 4)
        await tg.wait_for(lambda: len(tg.calls_to("answerCallbackQuery")) == 10, what="calls")
        tg.user_sends(UID, "/help")
        await tg.wait_for(lambda: any("/routine" in t for t in texts(tg, UID)), what="help")
    assert prompt_tokens(tg, UID, SID) == [1, 2, 3, 4]
    assert stored(tmp_path, UID) == [f"{SID}:{i}:done" for i in range(3)]
    assert no_error_messages(tg, UID)
    assert len(tg.unanswered_callbacks()) == 1  # only the one Telegram never got through
    assert statuses(tg, "answerCallbackQuery") == [502, 502, 200, 0, 400, *[500] * 5]


async def test_countdown_edits_survive_faults(tg: FakeTelegram, tmp_path: Path):
    async with running(tg, tmp_path, [UID], exercise="hip_flexor_stretch") as bot:
        tg.user_taps(UID, f"s:t:{SID}:1")
        timer = await tg.wait_for(
            lambda: next((m for m in tg.sent(UID) if "30 s" in (m.text or "")), None),
            what="the timer message")
        tg.faults.fail_next("editMessageText", 502, 2)
        await bot.run_job(f"timer:{UID}")
        tg.faults.reset_next("editMessageText", 1, reset_after_processing=True)
        await bot.run_job(f"timer:{UID}")
        tg.faults.fail_next("editMessageText", 429, 1, retry_after=1)
        await bot.run_job(f"timer:{UID}")
        await tg.wait_for(lambda: prompt_tokens(tg, UID, SID) == [1, 1], what="time's up")
    assert [e.text for e in timer.edits][:2] == ["⏱ 20 s left…", "⏱ 10 s left…"]
    assert len(timer.edits) == 3, "each countdown edit applied once"
    assert statuses(tg, "editMessageText") == [502, 502, 200, 0, 400, 429, 200]
    assert no_error_messages(tg, UID)


async def test_animation_faults(tg: FakeTelegram, tmp_path: Path):
    async with running(tg, tmp_path, [UID]):
        before = len(tg.sent(UID))
        tg.faults.fail_next("sendAnimation", 502, 1)
        tg.faults.reset_next("sendAnimation", 1)
        tg.faults.fail_next("sendAnimation", 429, 1, retry_after=1)
        tg.user_sends(UID, "/exercise glute bridge")
        await tg.wait_for(lambda: len(tg.sent(UID)) >= before + 2, what="photo and card")
        tg.user_sends(UID, "/help")
        await tg.wait_for(lambda: any("/routine" in t for t in texts(tg, UID)), what="help")
    methods = [m.method for m in tg.sent(UID)[before:]]
    assert methods == ["sendAnimation", "sendMessage", "sendMessage"]
    assert statuses(tg, "sendAnimation") == [502, 0, 429, 200]
    assert no_error_messages(tg, UID)


# --- polling -------------------------------------------------------------------------


async def test_get_updates_failures_back_off_and_continue(tg: FakeTelegram, tmp_path: Path):
    async with running(tg, tmp_path, [UID]):
        for kind in ("500", "502", "reset", "429"):
            inject_fault(tg, "getUpdates", kind)
        first = tg.user_sends(UID, "done")
        await acked(tg, UID, 2)
        tg.faults.slow("getUpdates", 0.3)
        second = tg.user_sends(UID, "done")
        await acked(tg, UID, 3)
        tg.faults.clear()
    polled = statuses(tg, "getUpdates")
    assert {500, 502, 0, 429} <= set(polled), polled
    assert [tg.deliveries(first), tg.deliveries(second)] == [1, 1]
    assert prompt_tokens(tg, UID, SID) == [1, 2, 3]
    assert stored(tmp_path, UID) == [f"{SID}:0:done", f"{SID}:1:done"]


# --- reminders -----------------------------------------------------------------------


async def test_reminders_neither_lost_nor_doubled(tg: FakeTelegram, tmp_path: Path):
    uids = [201, 202, 203, 204, 205]
    late = 206
    slot = far_slots(1)[0]
    job = slot.replace(":", "")

    def reminders(uid: int) -> int:
        return sum(1 for m in tg.sent(uid) if any(d == "rem:snooze:15" for _, d in m.buttons))

    async with running(tg, tmp_path, [*uids, late], slots={u: [slot] for u in [*uids, late]}
                       ) as bot:
        for uid, kind in zip(uids, ("500", "502", "reset", "429", "slow"), strict=True):
            if kind == "slow":
                tg.faults.slow("sendMessage", 0.3)
            else:
                inject_fault(tg, "sendMessage", kind)
            await bot.run_job(f"reminder:{uid}:{job}")
            tg.faults.clear()
        # Telegram down for longer than the retries: the reminder waits and comes later.
        limiter(bot).backoff = 0.01  # the same five attempts, sooner
        tg.faults.fail_next("sendMessage", 502, 5)
        await bot.run_job(f"reminder:{late}:{job}")
        assert reminders(late) == 0
        await bot.run_job(f"resend:{late}")  # a minute later, Telegram is back
        names = bot.job_names()
    for uid in [*uids, late]:
        assert reminders(uid) == 1, (uid, texts(tg, uid))
    assert f"resend:{late}" not in names
    assert f"reminder:{late}:{job}" in names, "and tomorrow's is armed as usual"


# --- everything at once ---------------------------------------------------------------


async def test_random_faults_on_every_method(tg: FakeTelegram, tmp_path: Path):
    uids = [301, 302, 303, 304, 305]
    per_user = 6
    async with running(tg, tmp_path, uids) as bot:
        tg.faults.random_faults(
            0.15, seed=9,
            methods=["sendMessage", "answerCallbackQuery", "getUpdates", "editMessageText",
                     "sendPhoto", "sendAnimation"],
        )
        for i in range(per_user):
            for uid in uids:
                if i % 2:
                    tg.user_taps(uid, f"s:d:s{uid}:{i + 1}")
                else:
                    tg.user_sends(uid, "done")
        for uid in uids:
            await acked(tg, uid, *range(2, per_user + 2))
        tg.faults.clear()
        retried = limiter(bot).retried
    faults = Counter(f"{c.method} {c.status}" for c in tg.calls if c.status != 200)
    for uid in uids:
        assert prompt_tokens(tg, uid, f"s{uid}") == list(range(1, per_user + 2))
        assert stored(tmp_path, uid) == [f"s{uid}:{i}:done" for i in range(per_user)]
        assert no_error_messages(tg, uid)
    assert faults, "the fake did fail requests"
    print(f"\nflaky network: {sum(faults.values())} faults {dict(faults)}, {retried} retries, "
          f"{len(uids) * per_user} replies, each stored and answered once")
