"""End to end over HTTP: the figures of one patient's routine agree with each other.

The length promised after onboarding is the length the routine announces and the one
its summary counts; every picture's caption names the dose of its card, and the steps
ask for that dose; after a clinician's dose change and a harder version of another
exercise, the same holds the next day. A few sets typed outside a routine are recorded
as many as the reply says. (Issue #22; ``tests/domain/figures`` checks the same figures
for many generated patients through the domain functions.)
"""

from __future__ import annotations

from datetime import time, timedelta

from bot.chat.fake_telegram import FakeTelegram, SentMessage
from bot.content.model import Dose
from bot.domain.plans.changes import Who, set_dose
from bot.domain.plans.prescription import prescription_of
from tests.domain.figures.read import dose_in, fill, has, minutes_in
from tests.e2e.flows import onboard, routine_by_buttons
from tests.e2e.helpers import set_clock
from tests.harness import BotUnderTest

UID = 4343
DEMOS = ("sendAnimation", "sendPhoto")


def _card_dose(bot: BotUnderTest, card: SentMessage) -> Dose:
    heading = bot.deps.content.text("card_dose_heading")
    text = card.plain or card.text or ""
    block = next(b for b in text.split("\n\n") if b.startswith(heading + "\n"))
    return dose_in(block.split("\n", 1)[1])


def _check(bot: BotUnderTest, sent: list[SentMessage]) -> int:
    """Announced minutes == summary minutes; each caption's dose is its card's and its
    steps'. Returns the minutes."""
    texts = [m.plain or m.text or "" for m in sent]
    announced = minutes_in(fill("session_intro", texts[0].split("\n\n")[0])["duration"])
    counted = minutes_in(fill("session_summary_counts", texts[-1])["duration"])
    assert announced == counted, "the routine's announced length is the summary's"
    demos = [i for i, m in enumerate(sent) if m.method in DEMOS]
    assert demos, "the first routine shows every exercise's picture"
    for i in demos:
        caption = dose_in(fill("session_card_short_title", texts[i])["dose"])
        card = sent[i + 1]
        assert _card_dose(bot, card) == caption, texts[i]
        prompt = texts[i + 2]
        for key, field, value in (("session_step_hold", "hold", caption.hold_seconds),
                                  ("session_step_reps", "reps", caption.reps),
                                  ("session_step_reps_hold", "reps", caption.reps)):
            if has(key, prompt):
                assert int(fill(key, prompt)[field]) == value, prompt
    return announced


async def test_the_routines_figures_agree(tg: FakeTelegram, bot: BotUnderTest) -> None:
    set_clock(bot, 1, time(9, 0))
    await onboard(tg, UID)
    offer = next(m for m in reversed(tg.sent(UID)) if any(
        d == "sess:start" for _, d in m.buttons))
    promised = int(fill("onboarding_done_next", offer.plain or offer.text or "")["minutes"])
    assert _check(bot, await routine_by_buttons(tg, UID)) == promised

    # a clinician's dose and a harder version of another exercise, the next day
    who = Who(1, "Dr Lee", "2026-01-01T09:00:00Z")
    today = bot.deps.today_for(UID)
    with bot.deps.store.user(UID) as txn:
        current = prescription_of(txn.get("profile"))
        changed = set_dose(bot.deps.content, current, "glute_bridge",
                           Dose(sets=3, reps=12, hold_seconds=2), today, who)
        txn.update("profile", prescription=changed.prescription.as_data(),
                   plan={"levels": {"hip_flexor_stretch": "harder"}})
    bot.clock.offset += timedelta(days=1)
    sent = await routine_by_buttons(tg, UID)
    _check(bot, sent)
    captions = [m.plain or m.text or "" for m in sent if m.method in DEMOS]
    said = {fill("session_card_short_title", c)["name"]: dose_in(
        fill("session_card_short_title", c)["dose"]) for c in captions}
    assert said["Glute bridge"] == Dose(sets=3, reps=12, hold_seconds=2)
    harder = bot.deps.content.exercises["hip_flexor_stretch"].harder.dose
    assert said[bot.deps.content.exercises["hip_flexor_stretch"].name] == harder


async def test_sets_typed_outside_a_routine_are_recorded_as_said(
    tg: FakeTelegram, bot: BotUnderTest
) -> None:
    set_clock(bot, 2, time(10, 0))
    await onboard(tg, UID)
    before = len(bot.deps.store.records(UID))
    tg.user_sends(UID, "I did 3 sets of glute bridges")
    reply = await tg.next_message(UID)
    sets = int(fill("done_recorded_sets", reply.plain or reply.text or "")["sets"])
    done = [r for r in bot.deps.store.records(UID)[before:] if r["kind"] == "done"]
    assert sets == 3 == len(done)
    dose = bot.deps.content.exercises["glute_bridge"].dose
    assert {(r["reps"], r["hold"]) for r in done} == {(dose.reps, dose.hold_seconds)}
