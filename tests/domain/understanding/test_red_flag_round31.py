"""Red flags typed garbled, in dialect or as a question, and harmless news about animals and
puzzles (round 31: tune212 to tune216). Our own phrasings, not the batches' rows: "can't
feel to wipe", a replaced hip that "popped out" with no subject, soaked at 3am, "nothing
happened" as no cause, "if I've wet myself" told as today's fact, "its that bad" after
"is it normal", "our Jean's hip"; and a budgie, a mare, a crossword."""

from __future__ import annotations

import pytest

from bot.domain.understanding.interpret import interpret
from bot.domain.understanding.red_flags import scan_red_flags

LIVE: list[tuple[str, str]] = [
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
]


@pytest.mark.parametrize(("category", "text"), LIVE)
def test_round_31_signs_are_live(category: str, text: str) -> None:
    assert category in {hit.category for hit in scan_red_flags(text) if hit.live}
    assert interpret(text).is_red_flag


QUIET: list[str] = [
    "the budgie's lost weight and the vet says it's her age",
    "our mare's hot swollen leg is better today, the farrier was out",
    "this crossword has me paralysed, 12 across is impossible",
    # "popped out" to the shops: an errand, not a hip
    "popped out to the shops with my new hip, first time on my own 😊",
    # soaked by the weather at 5am: not night sweats
    "out with the dog at 5am and got soaked in the rain, did the bridges after",
]


@pytest.mark.parametrize("text", QUIET)
def test_round_31_lookalikes_raise_no_alarm(text: str) -> None:
    assert not any(hit.live for hit in scan_red_flags(text))
    assert not interpret(text).is_red_flag
