"""Red flags in carers' and partners' long day reports, and harmless news in the same reports
(round 30: tune207 to tune211). Our own phrasings, not the batches' rows: a sign said
plainly in the middle of meals, medicines and the walk; whose news it is ("Mum's
husband", "only little ones", "Pete here for Sandra"); what is over ("the numbness has
gone") and what is a normal day ("bowels opened")."""

from __future__ import annotations

import pytest

from bot.domain.understanding.interpret import interpret
from bot.domain.understanding.red_flag_model import RedFlagModel
from bot.domain.understanding.red_flag_review import RulesView, sign_sentences, verdict
from bot.domain.understanding.red_flags import prepared_message, scan_red_flags
from tests.domain.understanding.corpus import RED_FLAG_CATEGORIES

#: A day's report whose sign sits in one plain sentence among many ordinary ones (the
#: model weighs the sign's own sentence before it may doubt the rules' live hit). The
#: last one the model doubts when it weighs the whole report (with the weights of round
#: 30), so it is alarmed only through ``sign_sentences``; the others are alarmed either way.
DAY_REPORTS: list[tuple[str, str]] = [
    ("dvt", "Evening update on Dad. Porridge for breakfast and all his tablets. We did the "
            "ankle pumps and the heel slides together on the bed, ten each. He had a snooze "
            "after lunch and watched the racing. His calf on the op leg has come up hot and "
            "swollen since teatime and it's sore to touch. Same plan tomorrow I think."),
    ("infection", "Hello, it's Sue for Ken. Good appetite, soup and a roll at lunch. He did "
                  "his bridges with me after. Tonight he's muddled and keeps asking what day "
                  "it is, which isn't like him, and he's burning up at 38.5. Otherwise "
                  "cheerful."),
    ("cannot_bear_weight", "Morning call done for Mrs Okafor. Tea and toast, tablets given. "
                           "Did the heel slides in bed. Since yesterday she hasn't been able "
                           "to stand for the transfer to the commode, the hip gives and she "
                           "sits straight back down. Office informed."),
    ("dvt", "Update on Nan 😊 Slept right through, no loo trips. Scrambled egg for breakfast. "
            "We did her ankle pumps x 15 and the squeezes x 10, and the bridges (just small "
            "ones). Walked to the gate and back with the frame. She's missing the dog who's at "
            "my brother's this week. Only thing, her calf on the op leg looks fat and feels "
            "warm and she says it's sore when I press it, the other one is fine. Wondered if "
            "it's from the bridges? She's 2 weeks post op. Same again tomorrow 👍"),
]


@pytest.mark.parametrize(("category", "text"), DAY_REPORTS)
def test_a_plain_sign_in_a_long_day_report_alarms(category: str, text: str) -> None:
    assert category in {hit.category for hit in scan_red_flags(text) if hit.live}
    reading = interpret(text)
    assert reading.is_red_flag, reading
    assert category in {hit.category for hit in reading.live_flags}


@pytest.mark.parametrize(("local", "expected"), [
    (None, "ask_doubt"),  # the sign's sentence is the whole message, or holds a cue
    (-90_000, "ask_doubt"),  # the model doubts the sign's own sentence too
    (-20_000, "alarm"),  # ... and not: the doubt came from the rest of the report
])
def test_a_doubt_needs_the_signs_own_sentence_doubted_too(local: int | None,
                                                          expected: str) -> None:
    model = RedFlagModel({}, RED_FLAG_CATEGORIES, {}, 0, 10_000, -20_000, 70_000)
    doubtable = RulesView(live=True, doubtable=True, asks=False, qualified=False)
    assert verdict(doubtable, -90_000, 90_000, model, local=local) == expected


def test_the_signs_own_sentence_is_cut_from_a_long_report() -> None:
    text = DAY_REPORTS[0][1]
    clean = prepared_message(text).text
    start = clean.index("calf")
    sentence = sign_sentences(clean, [(start, start + 4)])
    assert sentence is not None
    assert sentence.strip().startswith("his calf on the op leg")
    assert sentence.strip().endswith("sore to touch.")


@pytest.mark.parametrize("text", [
    "my calf is hot and swollen",  # one sentence: the whole message
    "Did the bridges. My calf is hot and swollen.",  # two: weighed whole
    # the sign's own sentence holds a supposition: the doubt stays the model's
    "Lovely day. Did the walk and the clams. What if my calf went hot and swollen? Just "
    "asking. Bye for now.",
])
def test_short_messages_and_supposed_signs_are_weighed_whole(text: str) -> None:
    clean = prepared_message(text).text
    start = clean.index("calf")
    assert sign_sentences(clean, [(start, start + 20)]) is None


#: Whose it is, and what is over, in round 30's words.
LIVE: list[tuple[str, str]] = [
    # "he's not, he's dragging": the "not" answers "fine", not the sign after the comma
    ("neuro_deficit", "he says he's fine but he's not, he's been dragging his right foot "
                      "since Sunday"),
    # "only little ones" are small bridges, not children: "her calf" is the patient's
    ("dvt", "Nan did her bridges (only little ones) and the ankle pumps. Her calf on the op "
            "side is hot and puffy now."),
    # "Pete here for Sandra": the writer, then the patient
    ("cannot_bear_weight", "Hi, Raj here for Meena. We did the exercises after breakfast. "
                           "This evening she can't put the leg down at all, not even for a "
                           "second."),
    # a sign of years ago that "feels just the same" now: it is back
    ("dislocation", "had a dislocation back in 2020 and this feels just the same, a pop and "
                    "the leg's turned in"),
    # a cancer history told as the all-clear, then a new bone pain
    ("cancer_weight_loss", "all clear from the breast clinic last spring, new ache deep in my "
                           "hip bone for weeks"),
]


@pytest.mark.parametrize(("category", "text"), LIVE)
def test_round_30_signs_are_live(category: str, text: str) -> None:
    assert category in {hit.category for hit in scan_red_flags(text) if hit.live}


QUIET: list[str] = [
    # "Mum's husband": the husband is the one in hospital, not Mum
    "Mum's husband (my stepfather) went into hospital with chest pains last night and she's "
    "been by his bed all day",
    # the writer's own complaint, "me on the other hand", in a report about the patient
    "Mum had a good day, we did her exercises after lunch and she did well. Me on the other "
    "hand, my sciatica's back, numb right down my leg, GP gave me tablets",
    # over, and said so
    "the numbness has gone",
    "the tingling has completely gone, not still there at all",
    # a carer's note of a normal day
    "Dad's day: toast, tablets, bowels opened this morning, and 8 sit to stands",
]


@pytest.mark.parametrize("text", QUIET)
def test_round_30_lookalikes_raise_no_alarm(text: str) -> None:
    assert not any(hit.live for hit in scan_red_flags(text))
    assert not interpret(text).is_red_flag


@pytest.mark.parametrize("text", [
    "the numbness has gone down into my foot now",
    "the numbness has gone into both feet",
])
def test_numbness_that_has_gone_somewhere_is_still_there(text: str) -> None:
    assert any(hit.live for hit in scan_red_flags(text))
