"""Red flags told as corrections, in odd messages, while exercising and as the reason to rest
(round 32: tune217 to tune221). Our own phrasings, not the batches' rows: a claim taken back
("that's not true any more"), the "had" of "I've had an accident" that is the sign's own
word, "now it's suddenly 10", bowels that "went without any warning", a calf that has "gone
fat"; and what is no sign: "10 each leg" just now, "is X likely to make it dislocate? asking
for me and the wife"."""

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
    # "not true": the earlier claim is taken back, the sign after it is not denied
    ("neuro_deficit", "told you no numbness last week, not true now, my foot on the op side "
                      "keeps clipping the step"),
    ("sudden_severe_pain", "was a 2 this morning, now it's suddenly 10, didn't do anything"),
    ("cauda_equina", "my bowels went twice in the night without me knowing"),
    ("dvt", "did the pumps but my calf, its gone all puffy and it aches like a cramp"),
]


@pytest.mark.parametrize(("category", "text"), LIVE)
def test_round_32_signs_are_live(category: str, text: str) -> None:
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


QUIET: list[str] = [
    "missed the bridges this morning so did them just now, 10 each side",
    "is a long flight likely to make the hip dislocate? asking for me and my husband, we "
    "fly in May",
]


@pytest.mark.parametrize("text", QUIET)
def test_round_32_lookalikes_raise_no_alarm(text: str) -> None:
    assert not any(hit.live for hit in scan_red_flags(text))
    assert not interpret(text).is_red_flag
