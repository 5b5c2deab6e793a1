"""A "done" about something other than the exercises is a chore, not an exercise report."""

from __future__ import annotations

import pytest

from bot.domain.understanding.done_objects import chore_done
from bot.domain.understanding.interpret import prepare


@pytest.mark.parametrize("text", [
    "finished the jigsaw at last, a thousand pieces",
    "completed the passport renewal form",
    "Barry's done the guttering, just the porch left",
    "done with the lawnmower, it's in the shed",
])
def test_a_chore_is_a_chore(text: str) -> None:
    assert chore_done(prepare(text))


@pytest.mark.parametrize("text", [
    "done the bridges and the clams",
    "did the figure 4 one on the left",
    "finished my excercises before lunch",
    "did the tippy toe ones at the sink",
    "completed the whole lot",
    "did my walk round the block",
    "finished the heel slides in bed",
    "did the up and down the bottom stair one",
])
def test_an_exercise_report_is_not(text: str) -> None:
    assert not chore_done(prepare(text))
