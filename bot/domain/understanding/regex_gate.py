"""A cheap test that rules out most regular expressions before they are searched.

The red-flag rules are some two hundred large alternations, and a message matches only a
few of them, yet ``re`` has no fast prefilter for a pattern that opens with ``\\b`` or a
look-behind: each search walks the whole message. Most alternatives open with a word
boundary and a word ("\\bfell", "\\b(?:can't|cannot)"), so a match can only begin where a
word of the message begins with one of a few short prefixes. ``word_starts`` reads those
prefixes out of the compiled pattern once; ``message_index`` lists every word's prefixes
once per message; a pattern whose prefixes are all missing cannot match, and is skipped.

The reading is conservative: anything it does not understand (a pattern that may begin
inside a word, a class, a back-reference, a flag) gives None, meaning "always search".
``tests/domain/understanding/test_regex_gate.py`` checks on every corpus text that no
skipped pattern would have matched. Pure: no ``telegram``.
"""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse  # the stdlib's own parse of a pattern (stable in 3.11+)
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

#: Prefixes are read up to this many letters: longer ones rule out more, cost more to list.
PREFIX_CHARS = 4
#: A character class with more members than this is not worth expanding.
_CLASS_LIMIT = 12
_WORD_RUN = re.compile(r"\w+")
_BOUNDARIES = (sre.AT_BOUNDARY, sre.AT_BEGINNING, sre.AT_BEGINNING_STRING)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)

Items = Sequence[tuple[Any, Any]]
T = TypeVar("T")


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _class_chars(members: Items) -> list[str] | None:
    chars: list[str] = []
    for op, value in members:
        if op is sre.LITERAL:
            chars.append(chr(value))
        elif op is sre.RANGE and value[1] - value[0] < _CLASS_LIMIT:
            chars.extend(chr(code) for code in range(value[0], value[1] + 1))
        else:
            return None
    return chars if len(chars) <= _CLASS_LIMIT else None


def _union(parts: list[set[str] | None]) -> set[str] | None:
    out: set[str] = set()
    for part in parts:
        if part is None:
            return None
        out |= part
    return out


def _starts(items: Items, acc: str, at_word: bool) -> set[str] | None:
    """The prefixes a match of ``items`` may begin with, given the letters ``acc`` already
    read; None when it may begin anywhere. ``at_word``: a word boundary came first."""
    if len(acc) >= PREFIX_CHARS:
        return {acc[:PREFIX_CHARS]}
    stop = {acc} if acc else None
    if not items:
        return stop
    (op, value), rest = items[0], list(items[1:])
    if op is sre.AT:
        if acc:
            return stop
        return _starts(rest, acc, True) if value in _BOUNDARIES else None
    if op in (sre.ASSERT, sre.ASSERT_NOT):  # zero-width: look past it
        return stop if acc else _starts(rest, acc, at_word)
    if op is sre.LITERAL or op is sre.IN:
        chars = [chr(value)] if op is sre.LITERAL else _class_chars(value)
        if chars is None or not (at_word or acc) or not all(map(_is_word, chars)):
            return stop
        return _union([_starts(rest, acc + char, at_word) for char in chars])
    if op is sre.SUBPATTERN:
        _group, add_flags, del_flags, body = value
        return stop if add_flags or del_flags else _starts([*body, *rest], acc, at_word)
    if op is sre.BRANCH:
        return _union([_starts([*alt, *rest], acc, at_word) for alt in value[1]])
    if op in _REPEATS:
        low, high, body = value
        # once then the rest is exact only for "?"; after a longer repeat, stop reading
        once = _starts([*body, *rest] if high == 1 else list(body), acc, at_word)
        return _union([once, _starts(rest, acc, at_word)]) if low == 0 else once
    return stop


def word_starts(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Every prefix a match of ``pattern`` may begin with, at the start of a word of the
    message; None when the pattern may match without one (then it is always searched)."""
    if pattern.flags & (re.IGNORECASE | re.VERBOSE | re.ASCII):
        return None
    found = _starts(list(sre_parse.parse(pattern.pattern, pattern.flags)), "", False)
    return None if found is None else frozenset(found)


def message_index(text: str) -> frozenset[str]:
    """The first one to ``PREFIX_CHARS`` letters of every word of ``text``."""
    out: set[str] = set()
    for run in _WORD_RUN.findall(text):
        out.update(run[:size] for size in range(1, PREFIX_CHARS + 1))
    return frozenset(out)


def may_match(starts: frozenset[str] | None, index: frozenset[str]) -> bool:
    """False only when a pattern with these ``starts`` cannot match the indexed message."""
    return starts is None or not starts.isdisjoint(index)


def passing(gated: Iterable[tuple[T, frozenset[str] | None]], index: frozenset[str]
            ) -> Iterator[T]:
    """The items whose pattern may match the indexed message (``may_match`` for each, in
    one loop: two hundred function calls per message would cost more than the test)."""
    for item, starts in gated:
        if starts is None or not starts.isdisjoint(index):
            yield item
