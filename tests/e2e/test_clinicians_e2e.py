"""End to end over HTTP: clinician commands, /ask and a clinician's reply back."""

from __future__ import annotations

import csv
import io
from datetime import time, timedelta
from pathlib import Path

import pytest

from bot.chat.fake_telegram import FakeTelegram
from handlers.base.clinician_alerts import alert_clinicians
from tests.e2e.helpers import (
    PNG_SIGNATURE,
    data_of,
    local_today,
    next_matching,
    onboard,
    rec,
    routine_day,
    set_clock,
    store_records,
)
from tests.harness import BotUnderTest

ADMIN = 900
UNKNOWN = "I don't know that command"


async def test_non_admin_gets_the_unknown_command_reply(tg: FakeTelegram, bot: BotUnderTest):
    await onboard(tg, 401, "Hal")
    tg.user_sends(401, "/nonsense")
    unknown = await tg.next_message(401)
    for command in ("/stats", "/patient 401", "/export_all"):
        tg.user_sends(401, command)
        reply = await tg.next_message(401)
        assert reply.text == unknown.text
        assert reply.text is not None and UNKNOWN in reply.text
    assert [m.method for m in tg.sent(401)].count("sendDocument") == 0


async def test_admin_stats_and_patient(tg: FakeTelegram, bot: BotUnderTest):
    set_clock(bot, 2, time(12, 0))  # Wednesday noon: no midnight mid-test
    await onboard(tg, 402, "Ivy", username="ivy_r")
    await onboard(tg, 403, "Jon")
    today = local_today(bot)
    store_records(bot, 402, [
        *routine_day(today - timedelta(days=2), pain=7),
        *routine_day(today - timedelta(days=1), pain=4),
        rec(today, "redflag", note="fever"),
    ])
    store_records(bot, 403, [*routine_day(today - timedelta(days=1), pain=2)])

    tg.user_sends(ADMIN, "/stats")
    stats = await tg.next_message(ADMIN)
    assert stats.text is not None
    assert "Active: 2 of 2 patients." in stats.text
    assert "Ivy (@ivy_r) [402]: 1 warning sign, pain up to 7/10" in stats.text
    assert "Jon" not in stats.text  # nothing worrying about Jon

    tg.user_sends(ADMIN, "/patient @IVY_R")
    report = await tg.next_message(ADMIN)
    assert report.text is not None
    assert "Ivy (@ivy_r), id 402" in report.text
    assert "Warning signs reported" in report.text and "fever" in report.text
    chart = await tg.next_message(ADMIN)
    assert chart.photo_bytes is not None and chart.photo_bytes[:8] == PNG_SIGNATURE

    tg.user_sends(ADMIN, "/patient 403")
    report = await tg.next_message(ADMIN)
    assert report.text is not None and "Jon, id 403" in report.text
    await tg.next_message(ADMIN)  # the chart

    tg.user_sends(ADMIN, "/patient 999999")
    missing = await tg.next_message(ADMIN)
    assert missing.text is not None and "couldn't find" in missing.text


@pytest.mark.embedded_only
async def test_export_all_has_only_consenting_patients(tg: FakeTelegram, bot: BotUnderTest):
    set_clock(bot, 2, time(12, 0))  # Wednesday noon: no midnight mid-test
    await onboard(tg, 404, "Kim")
    today = local_today(bot)
    store_records(bot, 404, routine_day(today, pain=3))
    # Someone whose profile says no consent (a file written before they withdrew it; the
    # store itself refuses such a write now, so the file is edited on disk, bot stopped).
    with bot.deps.store.user(405) as txn:
        txn.set("profile", {"user_id": 405, "first_name": "Lou", "consent": True})
        for record in routine_day(today, pain=8):
            txn.add_record(record)
    await bot.stop()
    path = bot.deps.store.user_path(405)
    path.write_bytes(path.read_bytes().replace(b'"consent":true', b'"consent":false'))
    await bot.start()

    tg.user_sends(ADMIN, "/export_all")
    doc = await tg.next_message(ADMIN)
    assert doc.method == "sendDocument" and doc.document_bytes is not None
    rows = list(csv.DictReader(io.StringIO(doc.document_bytes.decode("utf-8"))))
    assert {r["user_id"] for r in rows} == {"404"}
    assert len(rows) == len(bot.deps.store.records(404))


async def test_ask_reaches_the_clinician_and_the_reply_comes_back(
    tg: FakeTelegram, bot: BotUnderTest
):
    await onboard(tg, 406, "Max", username="max_p")
    tg.user_sends(406, "/ask Is it fine to swim\nwith this hip?")
    sent = await tg.next_message(406)
    assert sent.text is not None and "Sent to your clinician" in sent.text
    question = await tg.next_message(ADMIN)
    assert question.text is not None
    assert "Max (@max_p)" in question.text and "406" in question.text
    assert "Is it fine to swim\nwith this hip?" in question.text

    tg.user_sends(ADMIN, "Yes, gentle front crawl is fine.", reply_to=question.message_id)
    answer = await tg.next_message(406)
    assert answer.text is not None and "Yes, gentle front crawl is fine." in answer.text
    assert "ask:start" in data_of(answer)
    confirm = await tg.next_message(ADMIN)
    assert confirm.text is not None and "Delivered to Max" in confirm.text

    # A clinician's reply to any other bot message is not passed on, and they are told so.
    before = len(tg.sent(406))
    tg.user_sends(ADMIN, "/help")
    help_msg = await tg.next_message(ADMIN)
    tg.user_sends(ADMIN, "thanks", reply_to=help_msg.message_id)
    notice = await tg.next_message(ADMIN)
    assert notice.text is not None and "I couldn't pass that on" in notice.text
    assert len(tg.sent(406)) == before

    # The two-step way: the reply button, then the question as the next message.
    tg.user_taps(406, "ask:start", message_id=answer.message_id)
    prompt = await tg.next_message(406)
    assert "ask:cancel" in data_of(prompt)
    tg.user_sends(406, "And cycling?")
    await next_matching(tg, 406, lambda m: "Sent to your clinician" in (m.text or ""))
    second = await tg.next_message(ADMIN)
    assert second.text is not None and "And cycling?" in second.text
    assert len(tg.sent(406)) == before + 2

    # The map survives a restart, so a late reply still arrives.
    await bot.restart()
    tg.user_sends(ADMIN, "Cycling too.", reply_to=second.message_id)
    late = await tg.next_message(406)
    assert late.text is not None and "Cycling too." in late.text


async def test_ask_cancel_sends_nothing(tg: FakeTelegram, bot: BotUnderTest):
    await onboard(tg, 407, "Ned")
    tg.user_sends(407, "/ask")
    await tg.next_message(407)
    tg.user_taps(407, "ask:cancel")
    cancelled = await tg.next_message(407)
    assert cancelled.text is not None and "nothing was sent" in cancelled.text
    tg.user_sends(407, "/help")
    await tg.next_message(407)
    assert tg.sent(ADMIN) == []


async def test_ask_without_clinicians_explains(tg: FakeTelegram, tmp_path: Path):
    alone = BotUnderTest(tg, tmp_path / "solo", admin_user_ids=())
    await alone.start()
    try:
        await onboard(tg, 408, "Ola")
        tg.user_sends(408, "/ask Can I run?")
        reply = await tg.next_message(408)
        assert reply.text is not None and "No clinician is connected" in reply.text
        assert alone.app is not None
        assert await alert_clinicians(alone.app, 408, "red flag") == 0
    finally:
        await alone.stop()


async def test_alert_clinicians_only_for_consenting_patients(
    tg: FakeTelegram, bot: BotUnderTest
):
    await onboard(tg, 409, "Pia")
    assert bot.app is not None
    assert await alert_clinicians(bot.app, 409, "Reported numbness in the leg.") == 1
    alert = await tg.next_message(ADMIN)
    assert alert.text is not None and "Pia" in alert.text and "409" in alert.text
    assert "numbness" in alert.text
    tg.user_sends(ADMIN, "Please call the clinic today.", reply_to=alert.message_id)
    reply = await tg.next_message(409)
    assert reply.text is not None and "Please call the clinic today." in reply.text

    assert await alert_clinicians(bot.app, 410, "no consent, no alert") == 0


async def test_a_reply_telegram_will_not_copy_gets_a_clear_answer(
    tg: FakeTelegram, bot: BotUnderTest
):
    """Found by the update fuzzer: copyMessage refused used to be an unhandled error."""
    await onboard(tg, 409, "Noor")
    tg.user_sends(409, "/ask May I garden?")
    await tg.next_message(409)
    question = await tg.next_message(ADMIN)
    # A message the server has no copy of (as when Telegram refuses to copy a kind of
    # message): copyMessage answers 400.
    tg.inject({"message": {
        "message_id": 9_999, "date": 1, "chat": {"id": ADMIN, "type": "private"},
        "from": {"id": ADMIN, "is_bot": False, "first_name": "Dr"},
        "sticker": {"file_id": "s", "file_unique_id": "s", "type": "regular", "width": 512,
                    "height": 512, "is_animated": False, "is_video": False},
        "reply_to_message": {"message_id": question.message_id, "date": 1,
                             "chat": {"id": ADMIN, "type": "private"}, "text": "q"},
    }})
    reply = await tg.next_message(ADMIN)
    assert reply.text is not None and "couldn't pass that kind of message on to Noor" in reply.text
