"""What a free-text message means: done, rest, a pain score, a red flag, a question...

Patients type on phones, in pain, with typos and emoji; the bot must still understand
"dun 👍", "about a 7/10" or "too tired today". Red flags are checked first because
safety wins over everything ("done but my leg went numb" is a red flag). Pure: no
``telegram``; context-free (the handler knows which question was asked).

Pain results: ``Intent("pain", pain=n)`` for a score 0-10; ``Intent("pain", pain=None)``
when the message talks about pain but gives no usable score, including numbers outside
0-10 ("11/10", "-3"), so the handler can ask for "a number from 0 to 10".
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal

from rapidfuzz.distance import OSA

from bot.domain.understanding.negation import clause_start_of, clause_starts, is_negated
from bot.domain.understanding.red_flags import MAX_SCAN_CHARS, detect_red_flags
from bot.domain.understanding.text_norm import normalise

IntentKind = Literal["done", "rest", "pain", "redflag", "exercise", "social", "unknown"]
INTENT_KINDS: tuple[IntentKind, ...] = (
    "done", "rest", "pain", "redflag", "exercise", "social", "unknown",
)

#: Only this much of a message is read for meaning (the red-flag scan reads more).
MAX_INTENT_CHARS = 1000
MAX_REPS = 500


@dataclass(frozen=True)
class Intent:
    """A classified message; ``pain`` is 0-10 or None, ``flags`` holds red-flag ids."""

    kind: IntentKind
    pain: int | None = None
    reps: int | None = None
    flags: tuple[str, ...] = ()


def _any(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns))


# --- pain --------------------------------------------------------------------------------

_WORD_NUMBERS = {
    "zero": 0, "nil": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10,
}
_WORD_NUM = "|".join(_WORD_NUMBERS)
_DIGITS = r"-?\d+(?:[.,]\d+)?"
_NUMBER = rf"(?:{_DIGITS}|{_WORD_NUM})"
_OUT_OF_TEN = r"\s*(?:/|out of|outta|of)\s*(?:10|ten)\b(?!\s*(?:reps?|sets?|times|x)\b)"
_SCALE = re.compile(rf"(?<![\w.])({_NUMBER}){_OUT_OF_TEN}")
_RANGE = re.compile(r"(?<![\w.-])(\d{1,2})\s*(?:-|–|to|or)\s*(\d{1,2})(?![\w.])")
_LEAD_WORDS = (
    r"pain|score|level|rating|is|it'?s|its|it|i'?d|id|say|about|around|like|maybe|probably"
    r"|roughly|approx\w*|just|now|today|currently|still|at|was|a|an|my|hip|the|prob|i"
    r"|would|i'?ll|solid|only|good|perhaps|guess|think|feels?|low|high|strong|definitely"
    r"|more|less|than|under|over|nearly|almost|barely|honestly|hmm+|um+|er+|uh+"
)
_ALONE = re.compile(
    # Each lead word ends at a non-letter, and the loop never backtracks (*+): "ididid..."
    # could otherwise be split in 2^n ways before failing (seconds per message).
    rf"^(?:(?:{_LEAD_WORDS})(?![^\W\d_]|')\s*(?:[:=]\s*)?)*+({_NUMBER})(?:ish)?\s*"
    r"(?:/\s*10|out of (?:10|ten)|of 10)?\s*"
    r"(?:(?:today|now|ish|atm|right now|tonight|this morning|at the moment|i think|i guess)"
    r"\s*)*[.!?]*$"
)
_PAIN_CONTEXT = re.compile(
    r"\b(?:pain\w*|hurt\w*|sore\w*|aches?|aching|achy|score|level|rating|rate it|rate"
    r"|discomfort|twinges?|it'?s an?|its an?|about an?|around an?|like an?|maybe an?"
    r"|i'?d say|say an?|probably an?|at an?|feels? like)\b"
)
_UNIT_AFTER = re.compile(
    r"\s*(?:reps?|x\b|times|sets?|sec\w*|s\b|mins?\b|minutes?|hours?|hrs?|days?|weeks?"
    r"|months?|years?|yrs?|kg|kilos?|lbs?|pounds|stone|am\b|pm\b|o'?clock|%|km|miles?"
    r"|steps|metres|meters|m\b|glasses|cups|pills|tablets|mg)"
)
_WORD_NUMBER_LEAD = re.compile(
    r"(?:\b(?:is|a|an|about|around|like|maybe|say|at|be|pain|level|score|rating)\s+|:\s*)$"
)
_NUMBER_TOKEN = re.compile(rf"(?<![\w.])({_NUMBER})(?:ish)?(?!\w)")
_PAIN_WORDS = re.compile(r"\b(?:pain\w*|hurt\w*|sore\w*|ache|aches|aching|achy)\b")
_PAIN_FREE = re.compile(
    r"\b(?:no pain|pain[\s-]?free|painless|zero pain|without (?:any )?pain|no soreness"
    r"|(?:does|did)(?:n'?t| not) hurt|not (?:hurting|sore|painful)|no aches?)\b"
)


def _to_score(raw: str) -> int | None:
    """A raw number as a 0-10 score; decimals round up (the cautious reading)."""
    if raw in _WORD_NUMBERS:
        return _WORD_NUMBERS[raw]
    value = float(raw.replace(",", "."))
    return math.ceil(value) if 0 <= value <= 10 else None


def _plausible(raw: str) -> bool:
    """A number someone might mean as a score (not a year or a step count)."""
    if raw in _WORD_NUMBERS:
        return True
    return -10 <= float(raw.replace(",", ".")) <= 100


def parse_pain(text: str) -> tuple[bool, int | None]:
    """(found, score) for normalised text; found with None means "not a valid 0-10"."""
    alone = _ALONE.match(text)
    if alone:
        return True, _to_score(alone.group(1))
    scale = _SCALE.search(text)
    if scale:
        return True, _to_score(scale.group(1))
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
        if raw in _WORD_NUMBERS and not _WORD_NUMBER_LEAD.search(text[: match.start()]):
            continue  # "this one hurts" is not a score of 1
        distance = match.start() - context.end()
        candidates.append((distance if distance >= 0 else 1000 - distance, raw))
    if not candidates:
        return False, None
    return True, _to_score(min(candidates)[1])


# --- rest, done, exercise, social ------------------------------------------------------

_REST_STRONG = _any(
    (
        r"\brest(?:ing|ed)?\b(?!\s+of\b)",
        r"\brest\s*day\b",
        r"\bskip\w*",
        r"\bskp\b",
        r"\bday off\b|\boff day\b|\bnight off\b",
        r"\b(?:take|taking|need|needing|have|having|want|took)\s+(?:a\s+|the\s+)?(?:\w+\s+)?"
        r"(?:break|breather|pause)\b",
        r"\ba break\b",
        r"\bnot\s+(?:today|now|tonight|right now|this morning|this evening|this afternoon"
        r"|up for it|up to it|in the mood|feeling it|feeling up to it|doing (?:it|them|any)"
        r"|gonna|going to do)\b",
        r"\b(?:tomorrow|tmrw|tmr|tmrw|tomoz|2moro|2morrow|tomorow|tommorow|tommorrow"
        r"|tomorro)\b",
        r"\blater\b(?<!see you later)(?<!see ya later)(?<!talk later)(?<!speak later)",
        r"\bcan'?t\s+be\s+(?:bothered|arsed|asked|fussed)\b|\bcba\b|\bcannot be bothered\b",
        r"\bnot bothered\b",
        r"\b(?:don'?t|do not|dont)\s+(?:really\s+)?(?:feel like|fancy|want to(?!\s+(?:rest|skip"
        r"|stop|miss|break)))",
        r"\bno\s+(?:energy|motivation|time|exercis\w*|stretch\w*|workout|routine|session)\b",
        r"\bnot motivated\b|\btoo busy\b|\bbusy (?:today|day)\b|\bno chance\b",
        r"\b(?:give|giving)\s+(?:it|today)\s+a\s+miss\b",
        r"\bsit(?:ting)?\s+(?:this(?: one)?|it|today)\s+out\b",
        r"\btak(?:e|ing)\s+it\s+easy\b",
        r"\b(?:lie|lying|lay|laying|stay|staying)\s+(?:down|in bed)\b",
        r"\bon the (?:sofa|couch)\b",
        r"\b(?:didn'?t|did not|haven'?t|have not|havent|not|won'?t|couldn'?t|can'?t)\s+"
        r"(?:yet\s+)?(?:do|done|doing|did|manage|get round|get around|finish|finished)\b",
        r"\bhalf done\b|\bnot yet\b",
        r"^(?:nah|no thanks|no thank you|pass)\b",
        r"\bmiss(?:ing)?\s+(?:it|today|this one|a day|today's)\b",
    )
)
_REST_WEAK = _any(
    (
        r"\b(?:tired|exhausted|knackered|wiped|drained|shattered|sleepy|worn out|fatigued"
        r"|lazy|unmotivated|pooped)\b",
    )
)
_DONE_NEGATORS = frozenset({"almost", "nearly", "half", "partly", "partially"})
_DONE = _any(
    (
        r"\b(?:done|dun|dne|donee|doen|dnoe|dome)\b",
        r"\bdid\s+(?:it|them|em|'em|all|my|the|both|everything|that|those|these|\d+|some"
        r"|today'?s|each)\b",
        r"\bi\s+did\b",
        r"^did\b(?!\s+(?:you|u|we|they|he|she|i)\b)",
        r"\b(?:finished|finshed|fnished|finised|finnished|finito|finish)\b",
        r"\bcomplete[d]?\b|\bcompleted\b|\bcomplet\b",
        r"\bthat'?s\s+(?:it|all|them|me)\b",
        r"\bgot\s+(?:it|them|em|'em|that)\s+done\b",
        r"\b(?:smashed|nailed|aced|crushed)\s+it\b",
        r"\bknocked\s+(?:it|them|em)\s+out\b",
        r"\bticked\s+off\b",
        r"\b(?:just|already)\s+did\b",
        r"\b\d{1,3}\s*(?:reps?|x)\b|\bx\s*\d{1,3}\b",
        r"[✅✔☑]",
    )
)
_EMOJI_DONE = re.compile(r"[👍💪👌🎉🙌]")
_REPS = (
    re.compile(r"\b(\d{1,3})\s*(?:reps?|x|times)\b"),
    re.compile(r"\bx\s*(\d{1,3})\b"),
    re.compile(r"\b(?:done|dun|did|finished|completed)\s+(?:all\s+)?(\d{1,3})\b"),
    re.compile(r"(?<![\w.-])(\d{1,3})\s+(?:done|dun|did|finished|completed)\b"),
)

_REQUEST = re.compile(
    r"\b(?:how|what|whats|what's|which|show|teach|explain|demo\w*|video|picture|pic|image"
    r"|photo|any|anything|something|some|give me|need|want|looking for|recommend\w*"
    r"|suggest\w*|tips?|advice|help|helps|good for|best|pls|plz|please|can you|could you"
    r"|ideas?|for)\b|\?"
)
_EXERCISE_WORDS = re.compile(
    r"\b(?:str[ea]{0,2}t?c?h\w*|exc?er?[cs]+[iy][sz]\w*|bridg\w*|clams?|clamshells?|abduct\w*"
    r"|adduct\w*|rotators?|piriformis|figure\s*(?:four|4|of four|of 4)|leg (?:raise|lift)s?"
    r"|side[\s-]?lying|squats?|lunges?|planks?|workouts?|mobility|strengthening|moves?"
    r"|movements?|flexors?|flexer)\b"
)
_BODY_WORDS = re.compile(
    r"\b(?:hips?|glutes?|glut|gluteal|butt|bum|buttocks?|thighs?|groin|hamstrings?|quads?"
    r"|knees?|back|legs?|core|tight\w*|stiff\w*|weak|strength\w*|flexib\w*|balance"
    r"|posture|sitting|mobile|loosen\w*|range|seated|standing|lying)\b"
)
_FUZZY_EXERCISE = (
    "stretch", "stretches", "stretching", "exercise", "exercises", "bridge", "flexor",
    "flexors", "glutes", "abduction", "rotator", "piriformis", "mobility",
)
_SOCIAL = _any(
    (
        r"^(?:hi+|hey+|heya|hiya|hello+|helo|hallo|yo|howdy|hola|sup|gm|gn)\b",
        r"\bgood\s+(?:morning|afternoon|evening|night|day)\b|\bmorning\b|\bevening\b",
        r"\bhow\s+(?:are|r)\s+(?:you|u|ya)\b|\bhow'?s it going\b|\bwhat'?s up\b",
        r"\bthank\w*\b|\bthnx\b|\bthanx\b|\bthx\b|\bty\b|\btyvm\b|\bcheers\b|\bta\b",
        r"\bthank u\b|\bappreciate\w*\b|\bgrateful\b",
        r"\byou'?re\s+(?:great|the best|a star|amazing|awesome|brilliant|lovely)\b",
        r"^(?:ok|okay|okey|k|kk|alright|sure|got it|gotcha|cool|great|nice|lovely|awesome"
        r"|brilliant|perfect|fab|fantastic|excellent|wonderful|super|noted|understood"
        r"|will do|sounds good)\b",
        r"\b(?:bye|goodbye|see you|see ya|night night|talk later|speak later)\b",
        r"[👋🙏😊🙂❤💕😀😃😄🤗]",
    )
)


def _unnegated(text: str, position: int, window: int) -> bool:
    """Whether the phrase at ``position`` stands (no negator in its clause governs it)."""
    start = clause_start_of(clause_starts(text), position)
    return not is_negated(text, position, window=window, clause_start=start)


def _first_unnegated(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first match of ``pattern`` that no negator governs."""
    for match in pattern.finditer(text):
        if _unnegated(text, match.start(), window=3):
            return match
    return None


def _done_match(text: str) -> bool:
    """A positive "I did it", ignoring "not done", "haven't finished", "almost done"."""
    for match in _DONE.finditer(text):
        before = re.findall(r"[a-z']+", text[: match.start()])[-2:]
        if any(word in _DONE_NEGATORS for word in before):
            continue
        if _unnegated(text, match.start(), window=2):
            return True
    return bool(_EMOJI_DONE.search(text)) and not re.search(r"[^\W\d_]", text)


def _reps(text: str) -> int | None:
    """A repetition count mentioned with a "done" message ("done 10", "12 reps")."""
    for pattern in _REPS:
        match = pattern.search(text)
        if match:
            value = int(match.group(1))
            return value if 0 < value <= MAX_REPS else None
    return None


def _exercise_match(text: str) -> bool:
    """A request about exercises: an exercise word, or a request plus a body word."""
    if _EXERCISE_WORDS.search(text):
        return True
    for word in re.findall(r"[a-z]{5,}", text):
        for target in _FUZZY_EXERCISE:
            limit = 1 if len(target) < 9 else 2
            if word[0] == target[0] and OSA.distance(word, target, score_cutoff=limit) <= limit:
                return True
    return bool(_REQUEST.search(text) and _BODY_WORDS.search(text))


def classify(text: str) -> Intent:
    """Classify one message. Never raises; the order is the order of what matters most."""
    flags = detect_red_flags(text[:MAX_SCAN_CHARS])
    if flags:
        return Intent("redflag", flags=tuple(flag.id for flag in flags))
    clean = normalise(text[:MAX_INTENT_CHARS])
    if not clean:
        return Intent("unknown")
    found, score = parse_pain(clean)
    if found:
        return Intent("pain", pain=score)
    done = _done_match(clean)
    if _first_unnegated(_REST_STRONG, clean) or (
        not done and _first_unnegated(_REST_WEAK, clean)
    ):
        return Intent("rest")
    if done:
        return Intent("done", reps=_reps(clean))
    if _exercise_match(clean):
        return Intent("exercise")
    if _PAIN_FREE.search(clean):
        return Intent("pain", pain=0)
    if any(_unnegated(clean, m.start(), window=3) for m in _PAIN_WORDS.finditer(clean)):
        return Intent("pain")
    if _SOCIAL.search(clean):
        return Intent("social")
    return Intent("unknown")
