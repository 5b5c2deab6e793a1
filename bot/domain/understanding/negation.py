"""Clauses and negation: whether "no", "not", "didn't"... governs a phrase.

People who report that they are fine ("no numbness or tingling", "I didn't fall") must
not be alarmed, so a match is read against the negators before it in its own clause.
Used by the red-flag detector and the intent classifier. Pure: no ``telegram``.
"""

from __future__ import annotations

import re
from bisect import bisect_right

_CLAUSE_SPLIT = re.compile(
    r"[.!?;\n]+|\b(?:but|though|although|however|except|whereas|apart from)\b"
)
_TOKEN = re.compile(r"[a-z0-9']+|,")

#: Words that negate what follows within a short window.
NEGATORS: frozenset[str] = frozenset(
    {
        "no", "not", "never", "without", "none", "nor", "neither", "nothing", "free",
        "zero", "denies", "deny", "hardly",
        "didn't", "didnt", "don't", "dont", "doesn't", "doesnt", "haven't", "havent",
        "hasn't", "hasnt", "hadn't", "hadnt", "isn't", "isnt", "wasn't", "wasnt",
        "aren't", "arent", "weren't", "werent", "won't", "wont", "wouldn't", "wouldnt",
        "ain't", "aint", "nope", "nah",
    }
)
#: A negator followed by one of these is a hedge, not a denial ("not sure if it's numb").
_HEDGES = frozenset(
    {"sure", "certain", "know", "knowing", "idea", "only", "just", "clear", "convinced"}
)
#: A new subject or contrast ends a negation's reach ("no pain, my leg is numb").
_BLOCKERS = frozenset(
    {
        "i", "i'm", "im", "i've", "ive", "i'd", "it", "it's", "its", "my", "he", "she",
        "they", "we", "you", "but", "now", "though", "although", "however", "still",
        "yet", "except",
    }
)
_WINDOW = 4  # at most this many words between a negator and the symptom
_INTERJECTIONS = frozenset({"no", "nope", "nah"})


def is_negated(text: str, start: int, window: int = _WINDOW, clause_start: int = 0) -> bool:
    """Whether a negator governs the phrase that starts at ``start``.

    Only words after ``clause_start`` (and at most 200 characters back) are read, so a
    negator in an earlier clause never reaches this one.
    """
    tokens = _TOKEN.findall(text[max(clause_start, start - 200) : start])
    words_seen = 0
    for index in range(len(tokens) - 1, -1, -1):
        word = tokens[index]
        if word == ",":
            continue
        if word in _BLOCKERS:
            return False
        if word in NEGATORS:
            following = tokens[index + 1] if index + 1 < len(tokens) else ""
            if following in _HEDGES:
                words_seen += 1
                continue
            # "No, it's numb" / "no, numb": a bare "no" before a comma answers a question.
            return not (word in _INTERJECTIONS and following == ",")
        words_seen += 1
        if words_seen > window:
            return False
    return False


def clause_starts(text: str) -> list[int]:
    """Where each clause of normalised text begins; negation never crosses a boundary."""
    return [0, *(match.end() for match in _CLAUSE_SPLIT.finditer(text))]


def clause_start_of(starts: list[int], position: int) -> int:
    """The start of the clause that holds ``position``."""
    return starts[bisect_right(starts, position) - 1]
