"""Everyday questions about heat, ice and wear raise no alarm; a real sign beside them still does.

Found when the FAQ's probe questions were run through the whole understanding step:
"heat or cold for a stiff hip" read as an infected hip, "am I wearing the joint out"
as a dislocation.
"""

from __future__ import annotations

import pytest

from bot.domain.understanding.interpret import interpret


@pytest.mark.parametrize("text", [
    "heat or cold for a stiff hip",
    "should i use ice or heat on my hip",
    "can i stick on heat patches on my hip",
    "is a heat wrap ok for my hip at night",
    "am i wearing the joint out by walking so much",
    "will i wear my joint out doing these",
])
def test_an_everyday_question_raises_no_alarm(text: str) -> None:
    reading = interpret(text)
    assert not reading.is_red_flag, reading.flags


@pytest.mark.parametrize(("text", "category"), [
    ("my hip is hot and red, should i use ice or heat", "infection"),
    ("my hip is red and hot to touch, heat or cold?", "infection"),
    ("hot red swollen hip, i put a heat pack on it", "infection"),
    ("my hip has come out again", "dislocation"),
    ("i think the joint is out", "dislocation"),
])
def test_a_sign_beside_them_still_alarms(text: str, category: str) -> None:
    reading = interpret(text)
    assert reading.is_red_flag and category in {hit.category for hit in reading.flags}
