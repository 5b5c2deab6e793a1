"""End to end over HTTP: /export gives back exactly what is stored; /forget leaves nothing."""

from __future__ import annotations

import csv
import io
import json
from datetime import time, timedelta

import pytest

from bot.chat.fake_telegram import FakeTelegram
from bot.storage.journal import unframe
from tests.e2e.helpers import (
    data_of,
    files_mentioning,
    local_today,
    next_matching,
    onboard,
    rec,
    routine_day,
    set_clock,
    store_records,
)
from tests.harness import BotUnderTest


@pytest.mark.embedded_only
async def test_export_sends_csv_and_json_matching_the_store(tg: FakeTelegram, bot: BotUnderTest):
    set_clock(bot, 2, time(12, 0))  # Wednesday noon: no midnight mid-test
    await onboard(tg, 301, "Fay", username="fay_h")
    today = local_today(bot)
    store_records(bot, 301, [
        *routine_day(today - timedelta(days=20), pain=5),  # old enough to be archived
        *routine_day(today - timedelta(days=1), pain=3),
        rec(today, "redflag", note="=HYPERLINK(\"x\") numb leg"),
    ])
    assert bot.deps.store.archive_old_records(301, today) > 0
    stored = bot.deps.store.records(301)
    assert len(stored) == 11

    tg.user_sends(301, "/export")
    await tg.next_message(301)  # what the two files are
    first, second = await tg.next_message(301), await tg.next_message(301)
    assert [first.method, second.method] == ["sendDocument", "sendDocument"]
    assert first.document_name is not None and first.document_name.endswith(".csv")
    assert second.document_name is not None and second.document_name.endswith(".json")

    assert first.document_bytes is not None
    rows = list(csv.DictReader(io.StringIO(first.document_bytes.decode("utf-8"))))
    assert [r["id"] for r in rows] == [r["id"] for r in stored]
    assert {r["user_id"] for r in rows} == {"301"}
    by_id = {r["id"]: r for r in rows}
    for record in stored:
        row = by_id[record["id"]]
        assert row["kind"] == record["kind"] and row["date"] == record["date"]
        assert row["pain"] == ("" if record.get("pain") is None else str(record["pain"]))
    flag = next(r for r in rows if r["kind"] == "redflag")
    assert flag["note"].startswith("'=")  # a spreadsheet will not run it as a formula

    assert second.document_bytes is not None
    data = json.loads(second.document_bytes)
    assert data["records"] == stored
    assert data["profile"]["user_id"] == 301 and data["profile"]["first_name"] == "Fay"


@pytest.mark.embedded_only
async def test_export_folds_the_journal_into_the_hot_file(tg: FakeTelegram, bot: BotUnderTest):
    await onboard(tg, 304, "Hal")
    tg.user_sends(304, "done")
    await tg.next_message(304)
    store = bot.deps.store
    assert store.journal_path(304).stat().st_size
    held = store.records(304)
    tg.user_sends(304, "/export")
    for _ in range(3):
        await tg.next_message(304)
    # Folded: what is left in the journal is at most the /export update's own seen id,
    # marked once the export was sent; no record is in it.
    lines, _ = unframe(store.journal_path(304).read_bytes())
    entries = [json.loads(line) for line in lines[1:]]
    assert all(set(e) <= {"u"} for e in entries), "records folded into the hot file"
    assert store.records(304) == held and any(r["kind"] == "done" for r in held)
    await bot.restart()
    assert bot.deps.store.records(304) == held, "all of it in the hot file"


async def test_export_without_consent_explains(tg: FakeTelegram, bot: BotUnderTest):
    tg.user_sends(302, "/export")
    reply = await tg.next_message(302)
    assert reply.text is not None and "nothing to export" in reply.text
    assert not bot.deps.store.exists(302)


@pytest.mark.embedded_only
async def test_forget_asks_then_leaves_nothing(tg: FakeTelegram, bot: BotUnderTest):
    set_clock(bot, 2, time(12, 0))  # Wednesday noon: no midnight mid-test
    uid, name = 735911, "Zephyrine"
    await onboard(tg, uid, name, username="zeph_77", reminder="07:30")
    await onboard(tg, 736000, "Other")  # someone who stays
    today = local_today(bot)
    store_records(bot, uid, [*routine_day(today - timedelta(days=15)), *routine_day(today)])
    bot.deps.store.archive_old_records(uid, today)
    (bot.deps.store.user_cache_dir(uid) / "chart.png").write_bytes(b"png of " + name.encode())
    tg.user_sends(uid, "/ask Is swimming fine?")  # puts the id in the clinicians' reply map
    await tg.next_message(uid)
    await tg.next_message(900)
    assert bot.app is not None
    bot.app.bot_data.setdefault("transient_sessions", {})[uid] = {"step": 1}

    needles = (str(uid).encode(), name.encode())
    assert bot.deps.store.journal_path(uid).stat().st_size, "a journal to forget too"
    before = files_mentioning(bot.data_dir, *needles)
    assert any("users" in f for f in before) and any("archive" in f for f in before)
    assert "bot.json" in before
    mine = [j for j in bot.job_names() if f":{uid}" in j]
    assert {f"reminder:{uid}:0730", f"weekly:{uid}"} <= set(mine)

    tg.user_sends(uid, "/forget")
    ask = await tg.next_message(uid)
    assert [d.split(":")[:2] for d in data_of(ask)] == [["fg", "yes"], ["fg", "no"]]
    tg.user_taps(uid, "fg:no")
    kept = await tg.next_message(uid)
    assert kept.text is not None and "Nothing was deleted" in kept.text
    assert bot.deps.store.exists(uid)

    yes = next(d for d in data_of(ask) if d.startswith("fg:yes"))
    tg.user_taps(uid, yes, message_id=ask.message_id)
    done = await tg.next_message(uid)
    assert done.text is not None and "deleted" in done.text

    assert files_mentioning(bot.data_dir, *needles) == []
    assert [j for j in bot.job_names() if j.split(":")[1:2] == [str(uid)]] == []
    assert uid not in bot.app.bot_data["transient_sessions"]
    assert not bot.deps.store.exists(uid)
    assert bot.deps.store.records(uid) == []
    # The other user is untouched.
    assert bot.deps.store.profile(736000)["first_name"] == "Other"
    assert "weekly:736000" in bot.job_names()

    await bot.restart()  # nothing comes back from disk
    assert files_mentioning(bot.data_dir, *needles) == []
    assert [j for j in bot.job_names() if j.split(":")[1:2] == [str(uid)]] == []


async def test_an_old_forget_button_deletes_nothing(tg: FakeTelegram, bot: BotUnderTest):
    await onboard(tg, 303, "Gus")
    tg.user_sends(303, "/forget")
    ask = await next_matching(tg, 303, lambda m: any(d.startswith("fg:yes") for d in data_of(m)))
    bot.clock.advance(timedelta(hours=2))
    yes = next(d for d in data_of(ask) if d.startswith("fg:yes"))
    tg.user_taps(303, yes)
    reply = await tg.next_message(303)
    assert reply.text is not None and "too old" in reply.text
    assert bot.deps.store.profile(303)["first_name"] == "Gus"
