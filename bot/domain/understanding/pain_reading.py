"""A pain report read for its slots: the 0-10 score, when it hurts, and the trend.

"it was 7 last week now it's 4" is a 4 that is better; "before the exercises it was 5,
after it's 3" is a 3 after exercise; "pain is to today" (voice typing) is a 2. Numbers
that are clearly something else (minutes, miles, repetitions, times of day, tablets)
are never scores. Pure: no ``telegram``.

``parse_pain`` is the older, context-bound reader kept for ``intents.classify``'s callers.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.domain.understanding.reading import PainWhen, Trend

WORD_NUMBERS = {
    "zero": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "nought": 0, "naught": 0,
}
#: Words a phone's voice typing writes for a score, read only right after "pain is".
_SOUNDALIKES = {"to": 2, "too": 2, "won": 1, "for": 4, "free": 3, "ate": 8, "tree": 3}
_WORD_NUM = "|".join(WORD_NUMBERS)
_DIGITS = r"-?\d+(?:[.,]\d+)?"
_NUMBER = rf"(?:{_DIGITS}|{_WORD_NUM})"
_OUT_OF_TEN = r"\s*(?:/|out of|outta|of)\s*(?:10|ten)\b(?!\s*(?:reps?|sets?|times|x)\b)"
_SCALE = re.compile(rf"(?<![\w.])({_NUMBER}){_OUT_OF_TEN}")
_LEAD_WORDS = (
    r"pain|score|level|rating|is|it'?s|its|it|i'?d|id|say|about|around|like|maybe|probably"
    r"|roughly|approx\w*|just|now|today|currently|still|at|was|a|an|my|hip|the|prob|i"
    r"|would|i'?ll|solid|only|good|perhaps|guess|think|feels?|low|high|strong|definitely"
    r"|more|less|than|under|over|nearly|almost|barely|honestly|hmm+|um+|er+|erm+|uh+"
)
_ALONE = re.compile(
    # Each lead word ends at a non-letter, and the loop never backtracks (*+): "ididid..."
    # could otherwise be split in 2^n ways before failing (seconds per message).
    rf"^(?:(?:{_LEAD_WORDS})(?![^\W\d_]|')\s*(?:[:=.]+\s*)?)*+({_NUMBER})(?:[\s-]?ish)?\s*"
    r"(?:/\s*10|out of (?:10|ten)|of 10)?\s*"
    r"(?:(?:today|now|ish|atm|right now|tonight|this morning|at the moment|i think|i guess)"
    r"\s*)*[.!?]*$"
)
_PAIN_CONTEXT = re.compile(
    r"\b(?:pain\w*|hurt\w*|sore\w*|aches?|aching|achy|score|level|rating|rate it|rate"
    r"|discomfort|twinges?|it'?s an?|its an?|about an?|around an?|like an?|maybe an?"
    r"|i'?d say|say an?|probably an?|at an?|feels? like)\b"
)
_RANGE = re.compile(r"(?<![\w.-])(\d{1,2})\s*(?:-|–|to|or)\s*(\d{1,2})(?![\w.])")
_UNIT_AFTER = re.compile(
    r"\s*(?:reps?|x\b|times|sets?|sec\w*|s\b|mins?\b|minutes?|hours?|hrs?|days?|weeks?"
    r"|months?|years?|yrs?|kg|kilos?|lbs?|pounds|stone|am\b|pm\b|o'?clock|%|km|k\b|miles?"
    r"|steps|metres|meters|m\b|glasses|cups|pills|tablets|paracetamol|ibuprofen|mg"
    r"|laps|each|a side|of (?:each|them|the|my)|bridges?|clams?|squats?|sit|step|heel"
    r"|ankle|quad|glute|lots|more|th\b|st\b|nd\b|rd\b)"
)
_BEFORE_NOT_SCORE = re.compile(
    r"(?:\baged?|\bscale of|\bsince|\d[:.]|\bfrom(?: an?)?|\bfig(?:ure)?[\s-]?(?:of )?"
    r"|\d\s*[-–]|\bfrom (?:an? )?\d+ to(?: an?)?)\s*$"
)
_WORD_NUMBER_LEAD = re.compile(
    r"(?:\b(?:is|a|an|about|around|like|maybe|say|at|be|pain|level|score|rating|saying"
    r"|says)\s+|:\s*)$"
)
#: A number word opening the message and set off by a mark: a reply to "how much does it
#: hurt?" ("nine 😫 overdid the hedge", "six, bit stiff"), not "one of the clams".
_OPENING_WORD = re.compile(r"\s*(?:[,.;:!\-–]|[^\w\s])")
_NUMBER_TOKEN = re.compile(rf"(?<![\w.{{])a?({_NUMBER})(?:[\s-]?ish)?(?![\w}}])")  # not "{0}"
_SOUNDALIKE = re.compile(
    r"\bpain (?:is |level |score |is a )(to|too|won|for|free|ate|tree)\b(?! (?:the|me|my|a"
    r"|an|of|from|do|get|make|go|be)\b)|\bpain (?:a )?(for|ate|won)\b(?! (?:the|me|my|a|an"
    r"|of|from|do|get|make|go|be)\b)|\bit'?s an? (for|ate)\b"
)
_FROM_TO = re.compile(rf"\bfrom (?:an? )?({_NUMBER}) to (?:an? )?({_NUMBER})\b")
_PAIN_FREE = re.compile(
    r"\b(?:no pain|pain[\s-]?free|painless|zero pain|nil pain|pain none|without (?:any )?pain"
    r"|no soreness|(?:does|did)(?:n'?t| not) hurt|not hurting|no aches?"
    r"|zero today|hardly any pain)\b"
)
_PAST_NEAR = re.compile(
    r"\b(?:was|were|been|used to|yesterday|last (?:week|night|time|month)|before|by the time"
    r"|got home|normally|usually)\b"
)
_NOW_NEAR = re.compile(r"\b(?:now|today|currently|this morning|tonight|rn|it'?s|i'?m)\b")
_CLAUSE = re.compile(r"[.!?;,\n]|\bbut\b|\band then\b|\bwhich\b")
MAX_SCORE_TEXT = 400


@dataclass(frozen=True)
class Score:
    """A score found in the text: its value (None when outside 0-10) and where it is."""

    value: int | None
    start: int
    end: int


def _value(raw: str) -> int | None:
    """A raw number as a 0-10 score; decimals round up (the cautious reading)."""
    if raw in WORD_NUMBERS:
        return WORD_NUMBERS[raw]
    value = float(raw.replace(",", "."))
    return math.ceil(value) if 0 <= value <= 10 else None


def _plausible(raw: str) -> bool:
    """A number someone might mean as a score (not a year or a step count)."""
    return raw in WORD_NUMBERS or -10 <= float(raw.replace(",", ".")) <= 100


def parse_pain(text: str) -> tuple[bool, int | None]:
    """(found, score) for normalised text; found with None means "not a valid 0-10"."""
    alone = _ALONE.match(text)
    if alone:
        return True, _value(alone.group(1))
    scale = _SCALE.search(text)
    if scale:
        return True, _value(scale.group(1))
    context = _PAIN_CONTEXT.search(text)
    if not context:
        return False, None
    ranged = _RANGE.search(text, context.start())
    if ranged and not _UNIT_AFTER.match(text, ranged.end()):
        high = max(int(ranged.group(1)), int(ranged.group(2)))
        return True, high if high <= 10 else None
    candidates: list[tuple[int, str]] = []
    for match in _NUMBER_TOKEN.finditer(text):
        raw = match.group(1)
        if _UNIT_AFTER.match(text, match.end()) or not _plausible(raw):
            continue
        if raw in WORD_NUMBERS and not _WORD_NUMBER_LEAD.search(text[: match.start()]):
            continue  # "this one hurts" is not a score of 1
        distance = match.start() - context.end()
        candidates.append((distance if distance >= 0 else 1000 - distance, raw))
    if not candidates:
        return False, None
    return True, _value(min(candidates)[1])


def alone_score(clean: str) -> tuple[bool, int | None]:
    """Whether the message is only a number (a score), and its 0-10 value."""
    alone = _ALONE.match(clean)
    if alone:
        return True, _value(alone.group(1))
    scale = _SCALE.fullmatch(clean.strip(" .!?"))
    return (True, _value(scale.group(1))) if scale else (False, None)


def scores(clean: str) -> list[Score]:
    """Every number in the text that may be a 0-10 pain score (values over 10: None)."""
    text = clean[:MAX_SCORE_TEXT]
    found: list[Score] = []
    skip: list[tuple[int, int]] = []
    for match in _SCALE.finditer(text):
        found.append(Score(_value(match.group(1)), match.start(1), match.end()))
    for match in _SOUNDALIKE.finditer(text):
        word = match.group(1) or match.group(2) or match.group(3)
        found.append(Score(_SOUNDALIKES[word], match.start(), match.end()))
    for match in _FROM_TO.finditer(text):
        found.append(Score(_value(match.group(2)), match.start(2), match.end(2)))
        skip.append(match.span(1))
    for match in _RANGE.finditer(text):
        low, high = int(match.group(1)), int(match.group(2))
        if not _UNIT_AFTER.match(text, match.end()) and not (low <= 1 and high == 10):
            found.append(Score(high if high <= 10 else None, match.start(), match.end()))
        skip.append(match.span())
    for match in _NUMBER_TOKEN.finditer(text):
        raw, start = match.group(1), match.start(1)
        taken = [(s.start, s.end) for s in found] + skip
        if any(a <= start < b for a, b in taken) or not _plausible(raw):
            continue
        if _UNIT_AFTER.match(text, match.end()) or _BEFORE_NOT_SCORE.search(text[:start]):
            continue
        if raw in WORD_NUMBERS and not (
            _WORD_NUMBER_LEAD.search(text[:start]) or _ALONE.match(text)
            or (start == 0 and _OPENING_WORD.match(text, match.end()))
        ):
            continue  # "this one hurts" is not a score of 1
        if raw.startswith("-"):
            continue
        if re.search(r"\bat\s*$", text[max(0, start - 40) : start]) and not _PAIN_CONTEXT.search(
            text[max(0, start - 40) : start]
        ):
            continue  # "coming at 3": a time
        found.append(Score(_value(raw), start, match.end()))
    return sorted(found, key=lambda s: s.start)


def _clause(text: str, position: int) -> tuple[int, int]:
    """The clause (between commas, full stops, "but"...) that holds ``position``."""
    start = 0
    for match in _CLAUSE.finditer(text):
        if match.end() <= position:
            start = match.end()
        elif match.start() >= position:
            return start, match.start()
    return start, len(text)


def _around(text: str, score: Score, before: int, after: int) -> tuple[str, str]:
    """A few words either side of a score, within its clause."""
    start, end = _clause(text, score.start)
    words_before = text[start : score.start].split()[-before:]
    words_after = text[score.end : end].split()[:after]
    return " ".join(words_before), " ".join(words_after)


_DESTINATION = re.compile(r"\b(?:up|down|goes|gets|got|back) to (?:an? |about )?$")


def _weight(text: str, score: Score) -> int:
    """How much a score reads as the current one: past ones lose, "now" ones win."""
    before, after = _around(text, score, 3, 3)
    weight = 0
    if _PAST_NEAR.search(before) or _PAST_NEAR.search(after):
        weight -= 2
    if "was going to" in text[max(0, score.start - 40) : score.start]:
        weight -= 2
    if _NOW_NEAR.search(before) or _NOW_NEAR.search(after):
        weight += 1
    if _DESTINATION.search(before + " "):
        weight += 2
    return weight


@functools.lru_cache(maxsize=64)
def pick_score(clean: str) -> tuple[Score | None, tuple[Score, ...]]:
    """The current score among the candidates (best weight, then first), and all of them."""
    found = tuple(scores(clean))
    if not found:
        return None, found
    best = max(found, key=lambda s: (_weight(clean, s), -s.start))
    return best, found


def pain_free(clean: str) -> bool:
    """Whether the text says there is no pain at all ("pain free", "no pain")."""
    return bool(_PAIN_FREE.search(clean))


# --- when it hurts ------------------------------------------------------------------------

_NOT_WHEN = re.compile(
    r"\b(?:fine|ok|okay|good|alright) (?:during|after(?:wards)?)\b|^(?:good )?morn\w*\s*[,!.]+"
    r"|\bafter (?:the |my |an? |that )?(?:\w+ )?(?:injection|op|operation|surgery|bath|shower"
    r"|replacement)\b"
)
_EXERCISE_SUBJECT = (
    r"(?:exercises?|bridges?|clams?|clamshells?|walk|stretch(?:es)?\b|routine|squats?|step ups?"
    r"|heel raises|leg lifts|sit to stands?)"
)
_WHEN: tuple[tuple[PainWhen, re.Pattern[str]], ...] = (
    ("sitting", re.compile(
        r"\bafter (?:sitting|a long sit|the drive|driving)\b|\bsat\b|\bsit(?:ting)?\b(?! to)"
        r"|\bchairs?\b|\bin the car\b|\bcar journey\b|\bthe drive\b|\bon the train\b|\bcinema\b"
        r"|\bfilm\b|\bdesk\b|\bget(?:ting)? up from\b")),
    ("during", re.compile(
        r"\bduring\b|\bwhile (?:i'?m |i am |i )?(?:do|doing|holding|hold|stretch)\w*"
        r"|\bmid[\s-]?exercise\b|\bwhen i(?:'m| am)? do(?:ing)?\b|\bwhile i do\b"
        rf"|^(?:the )?{_EXERCISE_SUBJECT}(?: \w+)? (?:are|is|hurts?|make)\b")),
    ("after", re.compile(
        r"\bafter(?:wards)?\b|\bpost[\s-]?(?:walk|exercise)\b|\bwhen i got (?:back|home)\b"
        rf"|\b{_EXERCISE_SUBJECT}\s+(?:\w+\s+){{0,2}}?(?:made|make|makes|aggravat\w*)")),
    ("before", re.compile(
        r"\bbefore (?:the |my |i |doing |starting )?(?:exercis\w*|start\w*|did|do|doing"
        r"|anything|routine)\b|\bpre[\s-]?exercise\b")),
    ("walking", re.compile(
        r"\bwhen (?:i|she|he) walks?\b|\bwalking\b|\bon (?:my |the |her |his )?walks?\b"
        r"|\bstairs\b|\bgoing up\b|\bwalk (?:fast|my dog|the dog)\b|\bon the way back\b")),
    ("night", re.compile(
        r"\bnight\w*|\bin bed\b|\bbedtime\b|\bsleep\w*|\bslept\b|\bawake\b|\bnite\b")),
    ("morning", re.compile(
        r"\bmorn\w*|\bfirst thing\b|\ba\.m\.|\bwhen i (?:first )?get up\b"
        r"|\bout of bed\b|\bwoke\b|\bwake up\b")),
    ("now", re.compile(
        r"\btoday\b|\bnow\b|\bcurrently\b|\bat the minute\b|\brn\b|\btonight\b"
        r"|\bthis (?:evening|afternoon)\b|\btoday'?s\b")),
)


def pain_when(clean: str, score: Score | None) -> PainWhen:
    """When the pain is felt: the clause of the score first, then the whole message."""
    text = _NOT_WHEN.sub(" ", clean[:MAX_SCORE_TEXT])
    spans = [_clause(text, score.start)] if score is not None else []
    spans.append((0, len(text)))
    for start, end in spans:
        part = text[start:end]
        for when, pattern in _WHEN:
            if pattern.search(part):
                return when
    if score is not None and re.search(r"\b(?:than|as) yesterday\b", text):
        return "now"  # "7/10, worse than yesterday": today's score
    return "unspecified"


# --- trend ------------------------------------------------------------------------------

_TRENDS: tuple[tuple[Trend, re.Pattern[str]], ...] = (
    ("worse", re.compile(
        r"\bworse\b(?! (?:when|if|in the|at|after sitting))|\bsorer\b|\bstiffer\b"
        rf"|\bup from (?:an? )?(?:\d|{_WORD_NUM})"
        r"|\bback up to\b|\bbugging me more\b|\baggravat\w*|\bflar(?:e|ed|ing) up\b")),
    ("better", re.compile(
        r"\bbetter\b|\bimprov\w*|\beas(?:ed|ing|ier)\b|\blooser\b|\bless (?:stiff|sore|pain"
        r"\w*|achy)\b|\bhappier\b|\bsettled\b|\bbest in\b"
        rf"|\bdown (?:from|to) (?:an? )?(?:\d|{_WORD_NUM})"
        r"|\bfor the first time in\b|\bslept (?:right )?through\b|\banymore\b"
        r"|\byesterday was (?:bad|awful|worse)\b|\bloads better\b")),
    ("same", re.compile(
        r"\bsame\b(?! (?:exercises|everything|thing|question))|\bunchanged\b|\bno change\b"
        r"|\bstill\b"
        r"|\bthe usual\b|\bas (?:always|usual)\b|\bno (?:better|worse)\b|\bnot improv\w*")),
)
_PAST_TREND = re.compile(
    r"\b(?:was|were|yesterday|last (?:week|time|month)|before|used to|normally|usually)\b"
)
_FROM_TO_TREND = re.compile(rf"\bfrom (?:an? )?(\d+|{_WORD_NUM}) to (?:an? )?(\d+|{_WORD_NUM})\b")
_NEGATED_TREND = re.compile(r"\bnot (?:better|improv\w*|any better)\b|\bno better\b")
_SAME_FIRST = re.compile(r"\bnot improv\w*|\bno (?:better|worse)\b|\bno change\b")


def trend(clean: str, score: Score | None, found: Sequence[Score]) -> Trend | None:
    """Better, same or worse: from the words, or from a past score against this one."""
    text = clean[:MAX_SCORE_TEXT]
    if _SAME_FIRST.search(text):
        return "same"
    text = _NEGATED_TREND.sub(" ", text)
    moved = _FROM_TO_TREND.search(text)
    if moved:
        first, last = (_value(group) for group in moved.groups())
        if first is not None and last is not None and first != last:
            return "worse" if last > first else "better"
    hits = [(m.start(), kind) for kind, pattern in _TRENDS for m in pattern.finditer(text)]
    if hits:
        return min(hits)[1]
    if score is not None and score.value is not None:
        for other in found:
            if other is score or other.value is None:
                continue
            start, _ = _clause(text, other.start)
            before = text[max(start, other.start - 30) : other.start]
            after = text[other.end : other.end + 20]
            if (_PAST_TREND.search(before) or _PAST_TREND.search(after)) and (
                "was going to" not in before
            ):
                if other.value > score.value:
                    return "better"
                if other.value < score.value:
                    return "worse"
    return None
