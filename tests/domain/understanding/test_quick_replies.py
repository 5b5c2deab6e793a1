"""The quick path gives exactly the reading the full path gives, only sooner."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.understanding.meaning import readings
from bot.domain.understanding.quick_replies import quick_reading

SHORT = ["done", "Done!", "DONE", "done 👍", "done.", "dun", "finished", "finished!!",
         "completed", "did it", "done it ✅", "0", "3", "7", "10", "7/10",
         "10 / 10", "5."]


@pytest.mark.parametrize("text", SHORT)
def test_the_quick_reading_is_the_full_reading(text: str) -> None:
    quick = quick_reading(text)
    assert quick is not None
    full = readings(text)[0]
    assert (quick.kind, quick.slots) == (full.kind, full.slots)


@pytest.mark.parametrize("text", ["not done", "all done", "done but it hurt", "11", "-3", "7 reps",
                                  "done the washing", "almost done", "12/10", ""])
def test_anything_more_takes_the_full_path(text: str) -> None:
    assert quick_reading(text) is None


@given(st.text(max_size=40))
def test_never_raises(text: str) -> None:
    reading = quick_reading(text)
    assert reading is None or reading.kind in ("done", "pain")
