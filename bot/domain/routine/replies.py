"""What a short typed reply means while a guided routine is running.

This is the strict in-session parser: it only says yes when a message is plainly
"done", "skip", "too painful" or a pain score, so a longer sentence falls through to
the broader intent classifier. Pure: no ``telegram``, no I/O.
"""

from __future__ import annotations

import math
import re

#: Longer messages are probably about something else; leave them to the classifier.
MAX_WORDS = 8
MAX_REPS = 500

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_WORD = re.compile(r"[a-z']+|\d+(?:[.,]\d+)?")
_NEGATIONS = frozenset(
    {
        "not", "never", "havent", "haven't", "didnt", "didn't", "cant", "can't", "cannot",
        "wont", "won't", "isnt", "isn't", "arent", "aren't", "yet", "almost", "nearly",
        "soon", "later", "wait", "dont", "don't", "doesnt", "doesn't",
    }
)  # fmt: skip
_DONE_WORDS = frozenset(
    {
        "done", "dn", "dne", "doen", "dnoe", "donw", "finished", "finish", "fin",
        "complete", "completed", "did", "yes", "yep", "yeah", "yup",
    }
)  # fmt: skip
_DONE_TYPO = re.compile(r"^d+o*n+e+$|^d+o+n+e*$|^dn+$")
_DONE_EMOJI = ("✅", "👍", "✔", "☑", "💪", "🆗")
_YES_WORDS = frozenset({"yes", "yep", "yeah", "yup"})
_COUNT_PREFIXES = frozenset({"set", "sets", "round", "of", "side"})
_SKIP_WORDS = frozenset({"skip", "skipping", "skipped", "pass"})
_NEXT_PHRASES = frozenset({"next", "next one", "next please", "next exercise", "⏭"})
_PAINFUL = re.compile(
    r"\btoo (painful|sore|much)\b|\bhurts?\b|\bhurting\b|\bpainful\b|\bouch\b|\bo+w+\b"
)
_NUMBER_WORDS = {
    "zero": "0", "one": "1", "two": "2", "three": "3", "four": "4", "five": "5",
    "six": "6", "seven": "7", "eight": "8", "nine": "9", "ten": "10",
}  # fmt: skip
_NO_PAIN = re.compile(r"^(no pain|none|pain free|pain-free|zero pain|nothing)$")
# Starts only where a number starts: otherwise each digit of a long run is tried (n²).
_OUT_OF_TEN = re.compile(r"(?<![\d.,])(\d+(?:[.,]\d+)?)\s*(?:/|out of|of)\s*10\b")
_NEGATIVE = re.compile(r"(?:^|[^\d\s.,])\s*-\s*\d")  # a minus not between two numbers
#: Words that say a number is not a pain score ("10 reps", "5 minutes", "7 am").
_NOT_PAIN_UNITS = frozenset(
    {
        "rep", "reps", "set", "sets", "times", "x", "min", "mins", "minute", "minutes",
        "sec", "secs", "second", "seconds", "s", "am", "pm", "day", "days", "hour", "hours",
        "week", "weeks", "year", "years", "kg", "km", "steps",
    }
)  # fmt: skip
_RANGE_JOINERS = re.compile(r"^\s*(?:-|–|to|or|and|/)\s*$")


def _normalise(text: str) -> str:
    """Lower case, straight apostrophes, no surrounding space."""
    return text.translate(_APOSTROPHES).lower().strip()


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _negated(words: list[str]) -> bool:
    return any(w in _NEGATIONS or w.endswith("n't") for w in words)


def _is_done_word(word: str) -> bool:
    return word in _DONE_WORDS or bool(_DONE_TYPO.match(word))


def parse_done(text: str) -> tuple[bool, int | None]:
    """Whether a reply says the current step is done, and a repetition count if one is given.

    "done 10", "did 8" and "10 done" give 10 and 8 as reps; a number after "set" or
    "of" ("done with set 2") is not a count. "yes" counts only as a bare reply, the
    answer to "Set done?".
    """
    norm = _normalise(text)
    words = _words(norm)
    if len(words) > MAX_WORDS or _negated(words):
        return False, None
    has_emoji = any(e in norm for e in _DONE_EMOJI)
    done_words = [w for w in words if _is_done_word(w)]
    if done_words and all(w in _YES_WORDS for w in done_words) and len(words) > 2:
        done_words = []
    if done_words == ["did"] and norm.endswith("?"):
        done_words = []  # "did I do that right?" is a question, not a report
    if not done_words and not has_emoji:
        return False, None
    return True, _rep_count(words)


def _rep_count(words: list[str]) -> int | None:
    """The one plain whole number in the reply, if there is exactly one."""
    counts = [
        int(w)
        for i, w in enumerate(words)
        if w.isdigit() and (i == 0 or words[i - 1] not in _COUNT_PREFIXES)
    ]
    if len(counts) != 1 or not 1 <= counts[0] <= MAX_REPS:
        return None
    return counts[0]


def parse_skip(text: str) -> bool:
    """Whether a reply asks to skip the current step ("skip", "skip it", "next", "pass")."""
    norm = _normalise(text)
    if norm.rstrip("!. ") in _NEXT_PHRASES:
        return True
    words = _words(norm)
    if len(words) > MAX_WORDS or _negated(words):
        return False
    return any(w in _SKIP_WORDS for w in words)


def parse_too_painful(text: str) -> bool:
    """Whether a reply says the step hurts too much ("too painful", "it hurts", "ouch")."""
    norm = _normalise(text)
    words = _words(norm)
    if len(words) > MAX_WORDS or _negated(words):
        return False
    return bool(_PAINFUL.search(norm))


#: Before these, "one" is a pronoun ("an easier one", "the next one"), not a number.
_ONE_AS_PRONOUN_AFTER = frozenset(
    {
        "the", "this", "that", "another", "other", "next", "last", "same",
        "which", "each", "every", "easier", "harder", "new", "different", "gentler",
        "simpler", "shorter", "longer", "first", "second", "no",
    }
)  # fmt: skip


def _numbers_in_words(norm: str) -> list[str]:
    """The text's tokens with number words as digits ("seven" -> "7")."""
    tokens = [t for t in re.split(r"(\W+)", norm) if t]
    out: list[str] = []
    before = ""
    for word in tokens:
        if word.strip() and not re.fullmatch(r"\W+", word):
            pronoun = word == "one" and before in _ONE_AS_PRONOUN_AFTER
            out.append(word if pronoun else _NUMBER_WORDS.get(word, word))
            before = word
        else:
            out.append(word)
    return out


def parse_pain_score(text: str) -> int | None:
    """A 0-10 pain score from "7", "7/10", "pain 7", "about a 7" or "seven"; else None.

    Out of range or negative numbers give None. A range ("3-4", "5 or 6") gives the
    higher number, and a decimal rounds half up: with pain, erring high is the safe side.
    """
    norm = _normalise(text).rstrip("!.? ")
    words = _words(norm)
    if len(words) > MAX_WORDS or any(w in _NOT_PAIN_UNITS for w in words):
        return None
    if _NO_PAIN.match(norm):
        return 0
    if not re.search(r"\d", norm):
        norm = re.sub(r"\s+", " ", " ".join(_numbers_in_words(norm)))
    norm = _OUT_OF_TEN.sub(r"\1", norm)
    if _NEGATIVE.search(norm):
        return None
    matches = list(re.finditer(r"\d+(?:[.,]\d+)?", norm))
    if not matches or len(matches) > 2:
        return None
    if len(matches) == 2 and not _RANGE_JOINERS.match(
        norm[matches[0].end() : matches[1].start()]
    ):
        return None
    value = max(float(m.group().replace(",", ".")) for m in matches)
    if value >= 10.5:  # out of range, and hundreds of digits make an infinite float
        return None
    score = math.floor(value + 0.5)
    return score if 0 <= score <= 10 else None
