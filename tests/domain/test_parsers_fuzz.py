"""Every parser of what people type, fed random and hostile text: no surprise errors, fast.

Each parser is allowed only the error its docstring names (``TimeParseError``,
``UnknownTimezone``); anything else is a crash the user would see as "something went
wrong". Every call must also finish within ``CALL_BUDGET`` seconds, even on 4,096
characters (Telegram's limit): a regex that backtracks badly shows up here.

Examples per test: modest by default; ``FULL=1`` runs many more. A regex stuck in C
holds the GIL, so no timeout can interrupt it: ``FUZZ_TRACE=<file>`` writes each input
before it is parsed, and the file then names the input that hangs.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import UTC, datetime
from datetime import time as dtime
from functools import cache
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.content import DEFAULT_CONTENT_DIR, load_content
from bot.content.model import Content
from bot.domain.clinic.patients import find_patients
from bot.domain.exercise_finder import find_exercise, mentions_exercise
from bot.domain.progress.weekly import WeeklyChange, parse_weekly
from bot.domain.reminders.planning import snooze_until
from bot.domain.reminders.timeparse import TimeParseError, parse_days, parse_time, parse_times
from bot.domain.reminders.timezones import UnknownTimezone, resolve_timezone, timezone_for_location
from bot.domain.routine import Done, PainScore, Skip, TooPainful, interpret_text, replies
from bot.domain.understanding.intents import Intent, classify, parse_pain
from bot.domain.understanding.red_flags import RedFlag, detect_red_flags
from bot.domain.understanding.text_norm import normalise

T = TypeVar("T")

FULL = os.environ.get("FULL") == "1"
EXAMPLES = 2000 if FULL else 120
CALL_BUDGET = 0.5  # seconds per call; generous for a busy 2-core machine
pytestmark = pytest.mark.timeout(3600 if FULL else 120)  # FULL=1 runs long
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Words and marks the parsers look for, plus the odd characters people (and phones) send.
VOCAB = [
    "done", "did", "it", "skip", "pain", "hurts", "too", "painful", "not", "no", "yes", "rest",
    "today", "I", "fell", "can't", "walk", "numb", "leg", "fever", "night", "weight", "bridge",
    "glute", "stretch", "hip", "clam", "how", "do", "on", "at", "am", "pm", "noon", "midnight",
    "mon", "tue", "weekdays", "weekends", "every", "day", "and", "to", "or", "off", "reps", "x",
    "/", ":", "-", "–", ",", ".", "!", "?", "'", "’", "0", "3", "7", "10", "11", "24:60", "-3",
    "1e9", "11/10", "7/10", "3-5", "07:30", "7.5", "½", "²", "٣", "٠٧:٣٠", "１０", "Ⅻ", "⑦",
    "🦵", "😀", "👍", "✅", "🙏🏽", "👨‍👩‍👧", "مرحبا", "שלום",
    "\u200b", "\u200d", "\ufeff", "\u202e",
    "\x00", "\x07", "\x1b[31m", "\t", "\n", "\r\n", "{name}", "%s", "<b>", "*", "_", "`",
    "Mars/Olympus", "Europe/London", "../../etc/passwd", "UTC+99", "GMT-3", "new york",
]  # fmt: skip

words = st.sampled_from(VOCAB)
separators = st.sampled_from([" ", "", "  ", ", ", "\n", "\u200b"])


@st.composite
def phrases(draw: st.DrawFn) -> str:
    """A few parser words in a row: near misses are where parsers break."""
    parts = draw(st.lists(words, min_size=1, max_size=8))
    sep = draw(separators)
    return sep.join(parts)


@st.composite
def long_texts(draw: st.DrawFn) -> str:
    """Up to 4,096 characters of repeated words: catches slow (backtracking) patterns."""
    unit = draw(st.one_of(phrases(), st.text(min_size=1, max_size=6)))
    unit = unit or "a"
    size = draw(st.integers(min_value=200, max_value=4096))
    return (unit * (size // len(unit) + 1))[:size]


TEXT = st.one_of(
    st.text(max_size=80),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    phrases(),
    long_texts(),
)


@cache
def content() -> Content:
    return load_content(DEFAULT_CONTENT_DIR)


def timed(fn: Callable[..., T], *args: Any) -> T:
    """Call ``fn`` and fail if it is slow twice in a row (once may be a busy machine)."""
    if os.environ.get("FUZZ_TRACE"):
        with open(os.environ["FUZZ_TRACE"], "w") as fh:
            fh.write(fn.__name__ + "\n" + repr(args[-1]))
    for _ in range(2):
        start = time.perf_counter()
        result = fn(*args)
        elapsed = time.perf_counter() - start
        if elapsed < CALL_BUDGET:
            return result
    raise AssertionError(f"{fn.__name__} took {elapsed:.2f}s on {args[-1]!r:.120}")


def allowed(fn: Callable[..., T], error: type[Exception], *args: Any) -> T | Exception:
    """Call ``fn``: its documented error is returned (and must carry a message), nothing else."""
    try:
        return timed(fn, *args)
    except error as err:
        caught = err
    assert str(caught).strip(), f"{fn.__name__} raised {error.__name__} without a message"
    return caught


# --- free-text understanding -----------------------------------------------------------


@FUZZ
@given(TEXT)
def test_classify_never_raises_and_returns_a_sane_intent(text: str) -> None:
    intent = timed(classify, text)
    assert isinstance(intent, Intent)
    assert intent.pain is None or 0 <= intent.pain <= 10
    assert intent.reps is None or intent.reps > 0
    assert (intent.kind == "redflag") == bool(intent.flags)


@FUZZ
@given(TEXT)
def test_pain_parser_on_normalised_text(text: str) -> None:
    found, score = timed(parse_pain, normalise(text))
    assert isinstance(found, bool)
    assert score is None or (found and 0 <= score <= 10)


@FUZZ
@given(TEXT)
def test_session_reply_parsers(text: str) -> None:
    done, reps = timed(replies.parse_done, text)
    assert isinstance(done, bool)
    assert reps is None or (done and 1 <= reps <= replies.MAX_REPS)
    assert isinstance(timed(replies.parse_skip, text), bool)
    assert isinstance(timed(replies.parse_too_painful, text), bool)
    score = timed(replies.parse_pain_score, text)
    assert score is None or 0 <= score <= 10
    event = timed(interpret_text, text)
    assert event is None or isinstance(event, Done | Skip | TooPainful | PainScore)
    if isinstance(event, PainScore):
        assert 0 <= event.score <= 10


@FUZZ
@given(TEXT)
def test_red_flags_never_raise(text: str) -> None:
    flags = timed(detect_red_flags, text)
    assert isinstance(flags, tuple)
    assert all(isinstance(flag, RedFlag) for flag in flags)
    assert len({flag.id for flag in flags}) == len(flags), "a flag is reported once"


ascii_phrases = st.lists(
    st.sampled_from([w for w in VOCAB if w.isascii() and w.isprintable()]), min_size=1,
    max_size=10,
).map(" ".join)


@FUZZ
@given(ascii_phrases, st.data())
def test_zero_width_characters_do_not_hide_a_red_flag(text: str, data: st.DataObject) -> None:
    """Invisible characters typed (or pasted) inside words change nothing."""
    cuts = data.draw(st.lists(st.integers(0, len(text)), max_size=6))
    spiked = text
    for cut in sorted(set(cuts), reverse=True):
        spiked = spiked[:cut] + "\u200b" + spiked[cut:]
    assert timed(detect_red_flags, spiked) == detect_red_flags(text)
    assert timed(classify, spiked).kind == classify(text).kind


@FUZZ
@given(ascii_phrases)
def test_shouting_does_not_change_the_meaning(text: str) -> None:
    assert timed(detect_red_flags, text.upper()) == detect_red_flags(text)
    assert timed(classify, text.upper()) == classify(text)


@FUZZ
@given(TEXT)
def test_exercise_finder(text: str) -> None:
    match = timed(find_exercise, content(), text)
    assert match.status in ("sure", "choices", "none")
    assert (match.status == "none") == (not match.exercises)
    if match.status == "sure":
        assert len(match.exercises) == 1
    assert all(ex.id in content().exercises for ex in match.exercises)
    assert isinstance(timed(mentions_exercise, content(), text), bool)


# --- times, days, zones ----------------------------------------------------------------


@FUZZ
@given(TEXT)
def test_time_parsers_raise_only_their_friendly_error(text: str) -> None:
    one = allowed(parse_time, TimeParseError, text)
    assert isinstance(one, dtime | TimeParseError)
    several = allowed(parse_times, TimeParseError, text)
    if isinstance(several, list):
        assert 1 <= len(several) <= 4 and several == sorted(set(several))
    days = allowed(parse_days, TimeParseError, text)
    if isinstance(days, frozenset):
        assert days and days <= set(range(7))


# Found by this file: "idid..." split 2^n ways in the pain parser (seconds at 40 chars).
ADVERSARIAL = [
    "id" * 2048, "its " * 1000, "i'd " * 1000, "it's it " * 500, "a an at " * 500,
    "pain " * 819, "not " * 1000, "done " * 800, "7 " * 2000, "7/" * 2000, "1-" * 2000,
    "fell " * 800, "numb " * 800, "mon " * 1000, "7:30 " * 800, "\u200b" * 4096,
    "soooo" * 800, "'" * 4096, "x" * 4096 + "!",
]  # fmt: skip


@pytest.mark.parametrize("text", ADVERSARIAL, ids=lambda t: repr(t[:8]))
def test_adversarial_repetitions_stay_fast(text: str) -> None:
    timed(classify, text)
    timed(detect_red_flags, text)
    timed(interpret_text, text)
    timed(find_exercise, content(), text)
    timed(parse_weekly, text)
    for parser, error in ((parse_time, TimeParseError), (parse_times, TimeParseError),
                          (parse_days, TimeParseError), (resolve_timezone, UnknownTimezone)):
        allowed(parser, error, text)


@FUZZ
@given(st.integers(-100, 200), st.integers(-100, 200), st.sampled_from(["", "am", "pm", " pm"]))
def test_clock_like_numbers(hour: int, minute: int, suffix: str) -> None:
    """Every hh:mm shape, valid or not ("24:60", "-3:00"), gets a time or the friendly error."""
    forms = [(f"{hour}:{minute:02d}{suffix}", minute), (f"{hour}.{minute}{suffix}", minute)]
    if hour < 100:  # three or four digits read as "0730"
        forms.append((f"{hour}{suffix}", 0))
    for text, minutes in forms:
        result = allowed(parse_time, TimeParseError, text)
        if isinstance(result, dtime):
            assert 0 <= hour <= 24 and 0 <= minutes <= 59, f"{text!r} read as {result}"


@FUZZ
@given(TEXT)
def test_time_zone_resolver_raises_only_unknown_timezone(text: str) -> None:
    zone = allowed(resolve_timezone, UnknownTimezone, text)
    if isinstance(zone, UnknownTimezone):
        assert all(isinstance(s, str) and len(s) <= 64 for s in zone.suggestions)
        for suggestion in zone.suggestions:
            ZoneInfo(suggestion)  # a suggestion is always a real zone
    else:
        assert isinstance(zone, ZoneInfo)


@pytest.mark.parametrize(
    "text",
    ["Mars/Olympus", "../../etc/passwd", "/etc/localtime", "Europe/../../../etc", "\x00",
     "localtime", "posixrules", "Factory", "UTC+99", "GMT-13", "x" * 4096, "🦵" * 100],
)  # fmt: skip
def test_hostile_zone_names_are_refused_politely(text: str) -> None:
    with pytest.raises(UnknownTimezone) as err:
        timed(resolve_timezone, text)
    assert "/etc" not in str(err.value.suggestions)


@FUZZ
@given(st.floats(allow_nan=True, allow_infinity=True), st.floats(allow_nan=True,
                                                                   allow_infinity=True))
def test_any_shared_location_gives_a_zone_or_none(lat: float, lon: float) -> None:
    zone = timed(timezone_for_location, lat, lon)
    assert zone is None or isinstance(zone, ZoneInfo)


# --- settings typed as words ----------------------------------------------------------


@FUZZ
@given(TEXT)
def test_weekly_setting_parser(text: str) -> None:
    change = timed(parse_weekly, text)
    assert change is None or isinstance(change, WeeklyChange)


PROFILES = [(5, {"consent": True, "username": "fay_h"}), (6, {"consent": False}),
            (-7, {"consent": True})]


@FUZZ
@given(TEXT)
def test_clinician_patient_lookup(text: str) -> None:
    """/patient <anything>: a list of consenting matches, never an error."""
    found = timed(find_patients, PROFILES, text)
    assert all(profile.get("consent") for _, profile in found)


@FUZZ
@given(TEXT)
def test_snooze_choice_from_button_data(text: str) -> None:
    """The part of a (possibly forged) snooze button after rem:snooze:."""
    now = datetime(2025, 3, 30, 0, 30, tzinfo=UTC)  # Europe/London's spring-forward night
    when = timed(snooze_until, text, now, "Europe/London")
    assert when is None or when > now
