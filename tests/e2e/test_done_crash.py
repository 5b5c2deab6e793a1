"""A typed "done" outside a routine survives a kill -9 at the moment of its reply.

"done" is now recorded at once (never after a question), so the crash guarantees apply
to it: the process is killed while the first reply of a batch is on its way; after the
restart every "done" is on disk exactly once, and the one already stored is skipped.
"""

from __future__ import annotations

from pathlib import Path

from bot.chat.fake_telegram import FakeTelegram
from tests.e2e.chaos import BotProcess, open_store, raw_events, seed_patients


async def test_kill_while_replying_to_done_loses_and_doubles_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    uids = [601, 602, 603]
    seed_patients(data_dir, uids, steps=6, slots={})
    store = open_store(data_dir)
    for uid in uids:  # no routine running: a bare "done" is the loose kind
        with store.user(uid) as txn:
            txn.clear("session")
    store.close()
    async with FakeTelegram() as tg:
        bot = BotProcess(tg, data_dir, tmp_path / "bot.log")
        await bot.start()
        tg.faults.slow("sendMessage", 60)
        batch = [tg.user_sends(uid, "done") for uid in uids]
        await tg.wait_for(lambda: tg.calls_to("sendMessage"), timeout=30,
                          what="the first reply to be on its way")
        await bot.kill()
        assert tg.confirmed_offset <= batch[0], "nothing confirmed before the kill"
        assert len(raw_events(data_dir, 601)) == 1, "the first done was stored before its reply"

        tg.faults.slow("sendMessage", 0)
        await bot.start()
        await tg.wait_for(lambda: tg.confirmed_offset > batch[-1], timeout=60,
                          what="the batch to be handled after the restart")
        assert await bot.stop() == 0
        log = bot.log()

    for uid, update_id in zip(uids, batch, strict=True):
        events = raw_events(data_dir, uid)
        assert [e["kind"] for e in events] == ["done"], (uid, events)
        assert events[0]["id"].startswith(f"u{update_id}:"), events
    assert f"Update {batch[0]} was already handled; skipped" in log
