"""Read reminder times and weekdays from what people actually type.

People write "7am", "19h30", "0730" or "noon"; we accept all of these so that
setting a reminder never becomes a puzzle. Anything we cannot read raises
``TimeParseError`` with one friendly line the bot can send as it is. Pure: no
``telegram``, and every function runs in bounded time (input is capped).
"""

from __future__ import annotations

import re
from datetime import time

from rapidfuzz.distance import Levenshtein

__all__ = [
    "MAX_TIMES",
    "TimeParseError",
    "format_days",
    "format_time",
    "parse_days",
    "parse_time",
    "parse_times",
]

MAX_TIMES = 4
"""More than four reminders a day stops being a nudge and starts being noise."""

_MAX_TIME_LEN = 24  # longest sensible single time is "12:30 p.m." plus spaces
_MAX_LIST_LEN = 120
_MAX_DAYS_LEN = 120
_TIME_HINT = "Try 07:30 or 7pm."
_DAYS_HINT = 'Try "every day", "weekdays" or "mon wed fri".'

# One time: "7", "7:30", "7.30", "19h", "19h30", each with an optional am/pm.
_CLOCK_RE = re.compile(
    r"(?P<h>[0-9]{1,2})(?:(?P<sep>[:.h])(?P<m>[0-9]{2})?)?\s*(?P<ampm>am|pm)?", re.ASCII
)
# Digits only: "730", "0730", "1930", with an optional am/pm.
_COMPACT_RE = re.compile(r"(?P<hm>[0-9]{3,4})\s*(?P<ampm>am|pm)?", re.ASCII)
_WORDS = {"noon": time(12, 0), "midday": time(12, 0), "midnight": time(0, 0)}


class TimeParseError(ValueError):
    """Text that is not a time or day we can read; ``str(err)`` is safe to show the user."""


def _quote(text: str) -> str:
    """Echo a little of the user's text back on one line, without flooding the chat."""
    flat = " ".join(text.split())
    if len(flat) > 20:
        flat = flat[:19] + "…"
    return f'"{flat}"'


def _normalise(text: str) -> str:
    """Lower-case, squeeze spaces and turn "a.m."/"p.m." into "am"/"pm"."""
    low = " ".join(text.lower().split())
    return re.sub(r"(?<![a-z])([ap])\.?\s?m\b\.?", r"\1m", low)


def _time_error(text: str) -> TimeParseError:
    if not text.strip():
        return TimeParseError("Send me a time, for example 07:30 or 7pm.")
    return TimeParseError(f"{_quote(text)} isn't a time I know. {_TIME_HINT}")


def _apply_ampm(hour: int, ampm: str | None) -> int | None:
    """Convert a 12-hour hour to 24-hour; ``None`` when the pair makes no sense."""
    if ampm is None:
        return hour if 0 <= hour <= 23 else None
    if not 1 <= hour <= 12:  # "13pm" and "0am" are not real 12-hour times
        return None
    if ampm == "am":
        return 0 if hour == 12 else hour
    return 12 if hour == 12 else hour + 12


def _parse_one(raw: str) -> time | None:
    """Parse one already-normalised time token, or ``None``."""
    if raw in _WORDS:
        return _WORDS[raw]
    hour: int
    minute: int
    ampm: str | None
    match = _COMPACT_RE.fullmatch(raw)
    if match:
        digits = match["hm"]
        hour, minute, ampm = int(digits[:-2]), int(digits[-2:]), match["ampm"]
    else:
        match = _CLOCK_RE.fullmatch(raw)
        if not match:
            return None
        sep, mins, ampm = match["sep"], match["m"], match["ampm"]
        if sep in (":", ".") and mins is None:  # "7:" or "7."
            return None
        if sep == "h" and ampm is not None:  # "7h pm" mixes two styles
            return None
        hour, minute = int(match["h"]), int(mins or 0)
    hour24 = _apply_ampm(hour, ampm)
    if hour24 is None or not 0 <= minute <= 59:
        return None
    return time(hour24, minute)


def parse_time(text: str) -> time:
    """Read one wall-clock time such as "7:30", "7pm", "19h30" or "noon"."""
    if len(text) > _MAX_TIME_LEN:
        raise _time_error(text)
    parsed = _parse_one(_normalise(text))
    if parsed is None:
        raise _time_error(text)
    return parsed


def _time_tokens(norm: str) -> list[str]:
    """Split a list of times, keeping "7 am" together as one token."""
    spaced = re.sub(r",|;|&|\band\b|\bthen\b", " ", norm)
    tokens: list[str] = []
    for word in spaced.split():
        if word in ("am", "pm") and tokens:
            tokens[-1] += word
        else:
            tokens.append(word)
    return tokens


def parse_times(text: str) -> list[time]:
    """Read up to ``MAX_TIMES`` times ("07:30 18:00", "7am, 6pm"); sorted, no repeats."""
    if len(text) > _MAX_LIST_LEN:
        raise TimeParseError(f"That's a lot of text for a few times. {_TIME_HINT}")
    tokens = _time_tokens(_normalise(text))
    if not tokens:
        raise _time_error("")
    found: set[time] = set()
    for token in tokens:
        parsed = _parse_one(token)
        if parsed is None:
            raise _time_error(token)
        found.add(parsed)
    if len(found) > MAX_TIMES:
        raise TimeParseError(
            f"Up to {MAX_TIMES} reminder times a day, please. For example: 07:30 18:00."
        )
    return sorted(found)


def format_time(t: time) -> str:
    """Show a time the same way everywhere: "07:30"."""
    return f"{t.hour:02d}:{t.minute:02d}"


# --- days of the week (Monday=0 … Sunday=6, as ``date.weekday()``) ---

_FULL_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_SHORT_DAYS: dict[str, int] = {
    "mo": 0, "mon": 0, "tu": 1, "tue": 1, "tues": 1, "we": 2, "wed": 2, "weds": 2,
    "th": 3, "thu": 3, "thur": 3, "thurs": 3, "fr": 4, "fri": 4,
    "sa": 5, "sat": 5, "su": 6, "sun": 6,
}  # fmt: skip
_EVERY_DAY = frozenset(range(7))
_WEEKDAYS = frozenset(range(5))
_WEEKENDS = frozenset({5, 6})
_GROUPS: dict[str, frozenset[int]] = {
    "daily": _EVERY_DAY, "everyday": _EVERY_DAY, "all": _EVERY_DAY, "always": _EVERY_DAY,
    "weekdays": _WEEKDAYS, "weekday": _WEEKDAYS, "workdays": _WEEKDAYS,
    "weekends": _WEEKENDS, "weekend": _WEEKENDS,
}  # fmt: skip
# Phrases folded to one word before splitting; filler words are dropped.
_PHRASES = (
    (r"\b(every|each|all)\s+days?\b", "daily"),
    (r"\b(7|seven)\s+days(\s+a\s+week)?\b", "daily"),
    (r"\b(all|the\s+whole)\s+week\b", "daily"),
    (r"\bwork\s*days?\b", "workdays"),
    (r"\bweek\s+ends?\b", "weekends"),
    (r"\bweek\s+days?\b", "weekdays"),
    (r"\s*(?:-|–|—|\bto\b|\bthrough\b|\bthru\b|\btill\b|\buntil\b)\s*", "-"),
)
_FILLER = frozenset({"on", "and", "every", "each", "the", "days", "day", "only", "plus", "also"})


def _days_error(text: str) -> TimeParseError:
    if not text.strip():
        return TimeParseError(f"Which days would you like reminders? {_DAYS_HINT}")
    return TimeParseError(f"I couldn't read {_quote(text)} as days of the week. {_DAYS_HINT}")


def _one_day(word: str) -> int | None:
    """One day name; typos are forgiven only in full names and only if unambiguous."""
    if word in _SHORT_DAYS:
        return _SHORT_DAYS[word]
    if word in _FULL_DAYS:
        return _FULL_DAYS.index(word)
    stem = word[:-1] if word.endswith("s") and len(word) > 3 else word  # "mondays", "sats"
    if stem in _SHORT_DAYS:
        return _SHORT_DAYS[stem]
    if stem in _FULL_DAYS:
        return _FULL_DAYS.index(stem)
    if len(word) < 5:  # short words are too easy to misread ("mun", "tus")
        return None
    best: list[tuple[int, int]] = []
    for candidate in (word, stem):
        for index, name in enumerate(_FULL_DAYS):
            best.append((Levenshtein.distance(candidate, name, score_cutoff=3), index))
    best.sort()
    distance, index = best[0]
    allowed = 1 if len(_FULL_DAYS[index]) <= 6 else 2
    rivals = {i for d, i in best if d == distance}
    if distance > allowed or len(rivals) > 1:
        return None
    return index


def _day_set(token: str) -> frozenset[int] | None:
    """A single word, a group ("weekdays") or a range ("mon-fri", wrapping allowed)."""
    if token in _GROUPS:
        return _GROUPS[token]
    if "-" in token:
        ends = token.split("-")
        if len(ends) != 2:
            return None
        start, end = _one_day(ends[0]), _one_day(ends[1])
        if start is None or end is None:
            return None
        span = (end - start) % 7
        return frozenset((start + i) % 7 for i in range(span + 1))
    day = _one_day(token)
    return None if day is None else frozenset({day})


def _parse_day_list(norm: str, original: str) -> frozenset[int]:
    days: set[int] = set()
    for token in re.split(r"[\s,;/&+]+", norm):
        if not token or token in _FILLER:
            continue
        found = _day_set(token.strip("."))
        if found is None:
            raise _days_error(token if token != norm else original)
        days |= found
    return frozenset(days)


def parse_days(text: str) -> frozenset[int]:
    """Read which weekdays to remind on: "daily", "weekdays", "Mon-Fri", "mon wed fri"…

    "except" subtracts ("every day except sunday"). Monday is 0, as ``date.weekday()``.
    """
    if len(text) > _MAX_DAYS_LEN:
        raise _days_error(text)
    norm = _normalise(text)
    for pattern, repl in _PHRASES:
        norm = re.sub(pattern, repl, norm)
    include, _, exclude = norm.partition("except")
    include, exclude = include.strip(" ,"), exclude.strip(" ,")
    if not include and exclude:
        include = "daily"  # "except sundays" on its own
    days = _parse_day_list(include, text)
    if exclude:
        days -= _parse_day_list(exclude, text)
    if not days:
        raise _days_error(text)
    return days


def format_days(days: frozenset[int] | set[int]) -> str:
    """Say which days in words: "every day", "weekdays", "Mon, Wed, Fri"."""
    chosen = frozenset(days)
    named = {_EVERY_DAY: "every day", _WEEKDAYS: "weekdays", _WEEKENDS: "weekends"}
    if chosen in named:
        return named[chosen]
    return ", ".join(_FULL_DAYS[d][:3].capitalize() for d in sorted(chosen))
