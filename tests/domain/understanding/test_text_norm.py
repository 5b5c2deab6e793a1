"""Normalising free text before any pattern reads it."""

from __future__ import annotations

from bot.domain.understanding.text_norm import normalise


def test_normalise_removes_invisible_characters() -> None:
    assert normalise("  N\u200bUMB\u00ad\tleg\x00 ") == "numb leg"
    assert normalise("Ｃａｎ’ｔ") == "can't"
    assert normalise("sooooo sore") == "soo sore"
    assert normalise("line one\n\n line two") == "line one\nline two"
