"""Normalising free text so every pattern sees plain lower-case words.

Shared by the red-flag detector, the intent classifier and the coach: patients type on
phones, so quotes, invisible characters, repeated letters and odd spacing are evened
out once, here. Pure: no ``telegram``.
"""

from __future__ import annotations

import re
import unicodedata

_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "′": "'"})
_LONG_RUN = re.compile(r"([^\W\d_])\1{2,}")
_SPACES = re.compile(r"[^\S\n]+")
_NEWLINES = re.compile(r"\s*\n\s*")
_ASCII_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")


def normalise(text: str) -> str:
    """Lower-case NFKC text without invisible characters, so patterns see plain words.

    Zero-width and other format characters (Cf) vanish; control characters (Cc) become
    spaces except newlines, which stay because they separate thoughts. Letters repeated
    three or more times shrink to two ("soooo" -> "soo"); whitespace is collapsed.
    """
    text = unicodedata.normalize("NFKC", text)
    if text.isascii():  # fast path: ASCII has no format characters, only controls
        text = _ASCII_CONTROLS.sub(" ", text)
    else:
        kept: list[str] = []
        for char in text:
            category = unicodedata.category(char)
            if category == "Cf":
                continue
            if category == "Cc" and char != "\n":
                kept.append(" ")
                continue
            kept.append(char)
        text = "".join(kept)
    cleaned = text.casefold().translate(_QUOTES)
    cleaned = _LONG_RUN.sub(r"\1\1", cleaned)
    cleaned = _SPACES.sub(" ", cleaned)
    return _NEWLINES.sub("\n", cleaned).strip()
