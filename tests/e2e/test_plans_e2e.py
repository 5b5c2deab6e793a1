"""End to end over HTTP: a clinician prescribes the post-hip-replacement programme.

The patient is told who changed what; their next reminder and /routine follow the new
plan; asking for the figure-4 stretch (ruled out after a posterior hip replacement)
gets the reason and an alternative, never the stretch; the plan survives a restart and
a kill -9; every change is stored with who and when, and is in /export.
"""

from __future__ import annotations

import json
from datetime import time
from pathlib import Path

from bot.chat.fake_telegram import FakeTelegram
from tests.e2e.chaos import BotProcess, open_store
from tests.e2e.helpers import data_of, next_matching, onboard, set_clock
from tests.harness import BotUnderTest

ADMIN = 900
PATIENT = 4711


def is_demo(msg: object) -> bool:
    return getattr(msg, "method", "") in ("sendAnimation", "sendPhoto")


async def test_a_clinician_prescribes_and_the_patient_follows_it(
    tg: FakeTelegram, bot: BotUnderTest
) -> None:
    set_clock(bot, 2, time(12, 0))  # a restart near 07:30 would catch that reminder up
    await onboard(tg, PATIENT, "Rita", reminder="07:30")
    tg.user_sends(ADMIN, "/assign 4711 post_hip_replacement", first_name="Dr Ada")
    told = await tg.next_message(PATIENT)
    assert told.text is not None and "Dr Ada" in told.text
    assert "Early recovery after a hip replacement" in told.text and "/plan" in told.text
    confirmed = await tg.next_message(ADMIN)
    assert confirmed.text is not None and confirmed.text.startswith("✅ Saved for Rita")

    # /plan shows the programme, its first stage and the precautions
    tg.user_sends(PATIENT, "/plan")
    plan = await tg.next_message(PATIENT)
    assert plan.text is not None
    assert "The first two weeks home" in plan.text and "Ankle pumps" in plan.text
    assert "Figure" not in plan.text and "Hip precautions" in plan.text

    # the next reminder names the new routine
    await bot.run_job(f"reminder:{PATIENT}:0730")
    reminder = await tg.next_message(PATIENT)
    assert reminder.text is not None and "Ankle pumps" in reminder.text
    assert "Glute bridge" not in reminder.text

    # /routine walks through it: the first card after the pain score is the ankle pumps
    tg.user_sends(PATIENT, "/routine")
    ask = await next_matching(tg, PATIENT, lambda m: any(d.startswith("s:") for d in data_of(m)))
    tg.user_taps(PATIENT, next(d for d in data_of(ask) if d.startswith("s:n2:")))
    demo = await next_matching(tg, PATIENT, is_demo)
    assert demo.text is not None and demo.text.startswith("Ankle pumps")

    await next_matching(tg, PATIENT, lambda m: any(d.startswith("s:d:") for d in data_of(m)))

    # the figure-4 is explained and replaced, never shown
    tg.user_sends(PATIENT, "/cancel")
    await tg.next_message(PATIENT)
    before = len(tg.sent(PATIENT))
    tg.user_sends(PATIENT, "how do I do the figure 4 stretch?")
    refusal = await tg.next_message(PATIENT)
    assert refusal.text is not None and "isn't part of your plan" in refusal.text
    assert "lib:show:glute_sets" in data_of(refusal)
    tg.user_taps(PATIENT, "lib:do:hip_rotator_stretch")  # a stale or forged button
    again = await tg.next_message(PATIENT)
    assert again.text is not None and "isn't part of your plan" in again.text
    assert not any(is_demo(m) for m in tg.sent(PATIENT)[before:])

    # a clinician cannot add an excluded exercise, and is told why
    tg.user_sends(ADMIN, "/planadd 4711 figure four")
    refused = await tg.next_message(ADMIN)
    assert refused.text is not None and "ruled out" in refused.text

    # a dose change and a note reach the patient; all of it survives a restart
    tg.user_sends(ADMIN, "/plandose 4711 ankle pumps 2x30")
    await tg.next_message(PATIENT)
    await tg.next_message(ADMIN)
    tg.user_sends(ADMIN, "/plannote 4711 Walk to the gate and back twice a day")
    note = await tg.next_message(PATIENT)
    assert note.text is not None and "Walk to the gate" in note.text
    await tg.next_message(ADMIN)
    await bot.restart()
    tg.user_sends(PATIENT, "/plan")
    plan = await tg.next_message(PATIENT)
    assert plan.text is not None and "Ankle pumps: 2 × 30 repetitions" in plan.text
    assert "Walk to the gate" in plan.text

    # every change is stored with who and when, and exported
    stored = bot.deps.store.profile(PATIENT)["prescription"]
    assert [h["by"] for h in stored["history"]] == [ADMIN, ADMIN, ADMIN]
    assert all(h["at"].endswith("Z") for h in stored["history"])
    tg.user_sends(PATIENT, "/export")
    records = await next_matching(tg, PATIENT, lambda m: m.method == "sendDocument")
    assert "Dr Ada [900]: left you a note" in (records.document_bytes or b"").decode()
    everything = await next_matching(tg, PATIENT, lambda m: m.method == "sendDocument")
    exported = json.loads(everything.document_bytes or b"{}")
    prescription = exported["profile"]["prescription"]
    assert prescription["programme"] == "post_hip_replacement"
    assert [h["by_name"] for h in prescription["history"]] == ["Dr Ada"] * 3


async def test_clinician_commands_are_clinicians_only_and_explain_bad_input(
    tg: FakeTelegram, bot: BotUnderTest
) -> None:
    await onboard(tg, PATIENT, "Rita")
    tg.user_sends(PATIENT, "/assign 4711 post_hip_replacement")
    refused = await tg.next_message(PATIENT)
    assert refused.text is not None and "I don't know that command" in refused.text
    for command, expected in [
        ("/assign", "Usage: /assign"),
        ("/assign 4711 yoga", "There's no programme called \"yoga\""),
        ("/assign 4711 hip_pain tomorrowish", "isn't a date I can read"),
        ("/assign 999 hip_pain", "couldn't find"),
        ("/plandose 4711 bridge lots", "can't read"),
        ("/plandose 4711 bridge 20x10", "sets must be 1 to 10"),
        ("/planphase 4711 week_99 2026-12-24", "has no stage"),
        ("/planremove 4711 clamshell", "isn't in this patient's routine"),
        ("/plannote 4711", "Usage: /plannote"),
        ("/programmes", "post_hip_replacement"),
    ]:
        tg.user_sends(ADMIN, command)
        reply = await tg.next_message(ADMIN)
        assert reply.text is not None and expected in reply.text, (command, reply.text)
    assert "prescription" not in bot.deps.store.profile(PATIENT)


async def test_the_plan_survives_a_kill_9(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    async with FakeTelegram() as tg:
        bot = BotProcess(tg, data_dir, tmp_path / "bot.log", ADMIN_USER_IDS=str(ADMIN))
        await bot.start()
        await onboard(tg, PATIENT, "Rita")
        tg.user_sends(ADMIN, "/assign 4711 post_hip_replacement")
        await tg.next_message(PATIENT)
        await tg.next_message(ADMIN)
        await bot.kill()
        await bot.start()
        tg.user_sends(PATIENT, "/plan")
        plan = await tg.next_message(PATIENT, 30)
        assert plan.text is not None and "Early recovery after a hip replacement" in plan.text
        assert await bot.stop() == 0
    store = open_store(data_dir)
    profile = store.profile(PATIENT)
    store.close()
    assert json.dumps(profile["prescription"]).count("post_hip_replacement") == 1
