"""The report's one rule beyond "the reading is the label": a reminder request done."""

from __future__ import annotations

from tests.domain.understanding.corpus import Row
from tests.domain.understanding.report import read_right


def test_a_reminder_request_read_as_one_counts_as_understood() -> None:
    assert read_right(Row("a", "can you remind me at 6pm instead", "question"), "reminder")
    assert read_right(Row("b", "remind me later, I'm cooking", "rest"), "reminder")
    assert read_right(Row("c", "turn off the notifications pls", "question"), "reminder")


def test_anything_else_read_as_a_reminder_is_wrong() -> None:
    assert not read_right(Row("d", "who can see my messages?", "question"), "reminder")
    assert not read_right(Row("e", "remind me what the bridge is", "exercise"), "reminder")
    assert not read_right(Row("f", "remind me at 6", "question"), "social")
    assert read_right(Row("g", "hello", "social"), "social")
