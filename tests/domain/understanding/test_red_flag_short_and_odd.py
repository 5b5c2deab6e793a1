"""Red flags typed garbled, in dialect, as a question, as a correction or as the reason to
rest, and harmless news in the same voices (rounds 31 to 34: tune212 to tune229). Our own
phrasings, not the batches' rows."""

from __future__ import annotations

import pytest

from bot.domain.understanding.interpret import interpret
from bot.domain.understanding.red_flag_review import rules_view
from bot.domain.understanding.red_flags import (
    ambiguous_red_flag,
    prepared_message,
    scan_red_flags,
)

LIVE: list[tuple[str, str]] = [
    # round 31: "can't feel to wipe", a replaced hip that "popped out" with no subject,
    # soaked at 3am, "nothing happened" as no cause, "if I've wet myself" told as today's
    # fact, "its that bad" after "is it normal", "our Jean's hip"
    ("cauda_equina", "cnt feel to wipe since this morning"),
    ("cauda_equina", "can't feel it when i wipe, just numb down there"),
    ("cauda_equina", "my backside feels like it belongs to someone else, no feeling at all"),
    ("dislocation", "popped out!! the new hip. cant move"),
    ("dislocation", "think the replacement popped out when I bent over the sink"),
    ("night_pain_sweats", "4am. hip again. bed soaked"),
    # "nothing happened": how it began (no fall, no twist), not a denial of the pain
    ("sudden_severe_pain", "sat in the chair, nothing happened, then the worst pain of my life "
                           "in the hip"),
    # "if I've wet myself twice today": the state now, asked about, not a supposition
    ("cauda_equina", "can I still do the walk if I've wet myself twice today without knowing"),
    # "is it normal to get...?" then how bad it is now
    ("sudden_severe_pain", "is it normal to get sudden agonising pain in the hip? can't think "
                           "straight"),
    ("cannot_bear_weight", "barely able to put any weight on the leg since tea"),
    # "our Jean's hip": the family's name for the patient, whose hip it is
    ("dislocation", "our Mags's hip has come out again, leg's short and turned in"),
    # round 32: "not true now" takes back the earlier claim and denies no sign after it;
    # "now it's suddenly 10", bowels that "went without me knowing", a calf "gone all puffy"
    ("neuro_deficit", "told you no numbness last week, not true now, my foot on the op side "
                      "keeps clipping the step"),
    ("sudden_severe_pain", "was a 2 this morning, now it's suddenly 10, didn't do anything"),
    ("cauda_equina", "my bowels went twice in the night without me knowing"),
    ("dvt", "did the pumps but my calf, its gone all puffy and it aches like a cramp"),
    # round 33: a bladder that "won't go", no feeling of the water or the towel where one
    # sits, a calf "now swollen and shiny"
    ("cauda_equina", "bladder just wont go since i woke up"),
    ("cauda_equina", "had a shower and couldnt feel the water on my bottom, weird"),
    ("dvt", "the calf on my op leg, its now all tight and shiny"),
    ("cannot_bear_weight", "my leg is not want to take my weight, it give way in the kitchen"),
    # round 34: every position tried at night, "nothing works"; "before bed" is the time of
    # the exercises, not a time gone by
    ("night_pain_sweats", "4am, wide awake again, tried my back, my side, my front, "
                          "nothing works"),
    ("night_pain_sweats", "did the stretches before bed and still the hip woke me twice, tried "
                          "both sides, nothing eases it"),
]


@pytest.mark.parametrize(("category", "text"), LIVE)
def test_signs_are_live(category: str, text: str) -> None:
    assert category in {hit.category for hit in scan_red_flags(text) if hit.live}
    assert interpret(text).is_red_flag


def test_the_had_of_the_sign_itself_is_no_time_gone_by() -> None:
    """"I've had an accident with my bowels": the rules' live hit holds "had"; that word
    alone does not let the model doubt it (a "was" still does: "my calf was swollen")."""
    text = "ignore what I said, I've had an accident with my bowels"
    flags = scan_red_flags(text)
    view = rules_view(prepared_message(text), flags, ambiguous_red_flag(text))
    assert view.live and not view.doubtable
    was = "thought my calf was swollen but it's the stocking mark. did the pumps"
    was_flags = scan_red_flags(was)
    was_view = rules_view(prepared_message(was), was_flags, ambiguous_red_flag(was))
    assert not was_view.live or was_view.doubtable


def test_a_measured_fever_is_not_doubted_for_a_question_beside_it() -> None:
    """"a temp of 38.6, ok to do the stretches?": what to do about it is asked, the fever
    is not doubted (round 33); a fever of the past still may be."""
    text = "temp of 38.6 today and the hip is red, is it ok to do the stretches?"
    view = rules_view(prepared_message(text), scan_red_flags(text), ambiguous_red_flag(text))
    assert view.live and not view.doubtable
    assert interpret(text).is_red_flag
    old = "had a temp of 38.6 last month with flu, hip was red then, fine now, ok to stretch?"
    old_view = rules_view(prepared_message(old), scan_red_flags(old), ambiguous_red_flag(old))
    assert not old_view.live or old_view.doubtable


QUIET: list[str] = [
    # a budgie, a mare, a crossword; an errand; rain at 5am; a count "just now"; a couple's
    # question
    "the budgie's lost weight and the vet says it's her age",
    "our mare's hot swollen leg is better today, the farrier was out",
    "this crossword has me paralysed, 12 across is impossible",
    # "popped out" to the shops: an errand, not a hip
    "popped out to the shops with my new hip, first time on my own 😊",
    # soaked by the weather at 5am: not night sweats
    "out with the dog at 5am and got soaked in the rain, did the bridges after",
    "missed the bridges this morning so did them just now, 10 each side",
    "is a long flight likely to make the hip dislocate? asking for me and my husband, we "
    "fly in May",
    # round 33: muscles warm from work, "angry" flexors; a bladder that won't last the night
    "did the kickbacks, 3 sets, leg feels warm and a bit worked, no pain",
    "my glutes are really angry after the step ups yesterday lol",
    "bladder won't go through the night these days, up twice for a wee",
    # round 34: the one next door to the patient; "folk" on the television; an age
    "the fella next door to mum had a fall on the ice, ambulance came",
    "can't watch folk coughing up blood on these hospital dramas",
    "came off my bike at 17 and broke my hip, did the bridges today",
]


@pytest.mark.parametrize("text", QUIET)
def test_lookalikes_raise_no_alarm(text: str) -> None:
    assert not any(hit.live for hit in scan_red_flags(text))
    assert not interpret(text).is_red_flag
