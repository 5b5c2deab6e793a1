"""A "done" report read for its slots: which exercises, sets, repetitions, sides, all.

"did the bridges 8 instead of 10" is 8 repetitions of 10 planned; "2 of 3 sets" is two
sets; "clams: 3 x 15 each side" is three sets of fifteen on both sides; "did the whole
lot" is the whole routine. Minutes, seconds, miles and steps are never repetitions.
Pure: no ``telegram``.
"""

from __future__ import annotations

import re

from bot.domain.understanding.exercise_names import mentions
from bot.domain.understanding.negation import clause_start_of, clause_starts, is_negated
from bot.domain.understanding.reading import Side, Slots

MAX_COUNT = 500
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
}
_N = r"(\d{1,3}|" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")"
_NOT_REPS = (
    r"(?:mins?|minutes?|secs?|seconds?|s\b|hours?|hrs?|miles?|km|k\b|steps|am\b|pm\b|days?"
    r"|weeks?|o'?clock|laps?|times a day|exercises|stone|kg|%|yards|metres|meters|m\b"
    r"|years?|yrs?|lots? of)"
)
_EX = (
    r"(?:bridges?|clams?|clamshells?|squats?|step ups?|heel raises|raises|lifts|slides"
    r"|pumps|ankle pumps|sit to stands?|reps?|leg lifts|kicks|squeezes|of them"
    r"|of each|each)"
)
_SETS_X_REPS = re.compile(rf"(?<![\w.]){_N}\s*x\s*{_N}(?![\w.])")
_REPS_X_SETS = re.compile(rf"\b{_N} reps? x {_N}\b")
_SETS_OF = re.compile(rf"\b{_N} sets? of {_N}\b")
_INSTEAD = re.compile(
    rf"\b{_N} (?:(?!instead)[a-z']+ ){{0,2}}?(?:instead of|not|rather than) (?:the |my )?"
    rf"{_N}(?! {_NOT_REPS})(\s+sets?\b)?"
)
_OUT_OF = re.compile(rf"\b{_N} (?:out )?of (?:the |my )?{_N}\b(\s+sets?\b)?(?! {_NOT_REPS})")
_PLANNED = re.compile(
    rf"\b(?:usually|normally|sheet says|says|supposed to(?: do| be)?|meant to(?: do)?"
    rf"|plan\w*|target|should(?: do| be)?|aim(?: for)?|list says)(?: do| is)? {_N}\b"
    rf"|\b(?:you'?ve|you) got {_N} on the list\b|\b{_N} on the (?:list|sheet)\b"
)
_SETS = re.compile(rf"\b{_N} (?:sets?|lots|rounds)\b|\bfirst {_N} sets\b|\ball {_N} sets\b")
_FIRST_SET = re.compile(r"\b(?:the )?first set\b|\bone set\b")
_REPS = (
    re.compile(rf"\b{_N} ?(?:reps?|repetitions|times)\b(?! a day)"),
    re.compile(rf"(?<![\w.])x ?{_N}\b|\b{_N}x\b"),
    re.compile(rf"\b{_N} (?:each|a|per|on each|on the|on my)(?: right| left)? (?:side|leg)\b"),
    re.compile(rf"\b{_N} (?:of them|of each|each)\b"),
    re.compile(rf"\b{_N} (?:{_EX})\b"),
    re.compile(rf"\b(?:did|done|do|managed|finished|completed) {_N}\b(?! {_NOT_REPS})"),
    re.compile(rf"\b{_N} (?:done|dun|completed|finished)\b"),
    re.compile(rf"\b(?:side|leg|raises|lifts|stands?) {_N}\b(?! {_NOT_REPS})"),
)
_BOTH = re.compile(
    r"\bboth (?:sides|legs|feet)\b|\beach (?:side|leg)\b|\ba side\b|\bper side\b"
    r"|\b(?:good|bad) side and the (?:good|bad)(?: side)?\b|\bon both\b|\bevery leg\b"
)
_ONE_SIDE = re.compile(
    r"\b(?P<a>left|right) (?:side|leg|hip|one)\b|\bon the (?P<b>left|right)\b"
    r"|\bmy (?P<c>left|right)\b|^(?P<d>left|right)\b(?![.,!])"
)
_ALL = re.compile(
    r"\ball (?:done|of (?:them|em|it|the|my|todays?|today's)|my|the|your|exercises|ticked"
    r"|th?e?m\b|[2-8]\b|two|three|four|five|six|seven|eight)"
    r"|\b(?:did|done|completed|finished|managed|do) (?:them |it |em |'em )?all\b"
    r"(?! (?:ten|eleven|twelve|fifteen|twenty|\d\d))"
    r"|\bevery (?:one|single|exercise|last|bit)\b|\beverything\b|\beverythin\b"
    r"|\bwhole (?:lot|routine|thing|list|shebang|set|session|programme)\b|\bthe lot\b"
    r"|\bfull (?:routine|programme|program|session|whack|set)\b"
    r"|\bcomplete (?:routine|programme|program|set)\b|\bentire\b|\bnone missed\b"
    r"|\b(?:them|it) all\b"
)
_WEAK_ALL = re.compile(r"\ball done\b")
_NOT_ALL = re.compile(r"\ball (?:\d+|\w+) sets\b|\bsets? of everything\b|\ball day\b")


def _number(raw: str, one: bool = False) -> int | None:
    """A count from digits or words; "one" only where it cannot mean "the ... one"."""
    if raw == "one" and not one:
        return None
    value = _WORDS.get(raw)
    if value is None:
        value = int(raw) if raw.isdigit() else None
    return value if value is not None and 0 < value <= MAX_COUNT else None


def _counts(text: str) -> tuple[int | None, int | None, int | None]:
    """(sets, reps, planned reps) as the text gives them."""
    sets = reps = planned = None
    for pattern, order in ((_REPS_X_SETS, "rs"), (_SETS_X_REPS, "sr"), (_SETS_OF, "sr")):
        match = pattern.search(text)
        if match:
            first, second = _number(match.group(1)), _number(match.group(2))
            sets, reps = (first, second) if order == "sr" else (second, first)
            break
    for pattern in (_INSTEAD, _OUT_OF):
        match = pattern.search(text)
        if match and reps is None:
            done, plan = _number(match.group(1)), _number(match.group(2))
            if match.group(3) or re.match(r"\s*sets?\b", text[match.end(1) :]):
                sets = sets or done
            else:
                reps, planned = done, plan
            break
    if planned is None:
        match = _PLANNED.search(text)
        if match:
            planned = _number(next(g for g in match.groups() if g))
    if sets is None:
        match = _SETS.search(text)
        if match:
            sets = _number(next(g for g in match.groups() if g), one=True)
        elif _FIRST_SET.search(text):
            sets = 1
    if reps is None:
        for pattern in _REPS:
            for match in pattern.finditer(text):
                value = _number(match.group(1) or match.group(2) or "")
                if value is None or value in (planned, sets):
                    continue
                if re.search(r"\b(?:all|fig|figure|figure of)\s*$", text[: match.start()]):
                    continue  # "all 5 done": five exercises; "figure 4": a name
                reps = value
                break
            if reps is not None:
                break
    return sets, reps, planned


def _sides(text: str) -> Side | None:
    if _BOTH.search(text):
        return "both"
    match = _ONE_SIDE.search(text)
    if match:
        side = next(g for g in match.groups() if g)
        return "left" if side == "left" else "right"
    return None


def whole_routine(text: str) -> bool:
    """Whether the text says the whole routine was done ("did the lot", "all of them")."""
    return bool(_ALL.search(text)) and not _NOT_ALL.search(text)


def done_slots(clean: str, corrected: str) -> Slots:
    """The slots of a "done" reading; ``corrected`` is ``clean`` with key words respelt."""
    starts = clause_starts(corrected)
    exercises = tuple(
        m.exercise
        for m in mentions(corrected)
        if not is_negated(corrected, m.start, window=1,
                          clause_start=clause_start_of(starts, m.start))
    )
    sets, reps, planned = _counts(clean)
    whole = whole_routine(corrected)
    if whole and len(exercises) > 1 and not _ALL.search(_WEAK_ALL.sub(" ", corrected)):
        whole = False  # "clams, bridges and step ups all done": those, not the routine
    return Slots(
        exercises=exercises,
        sets=sets,
        reps=reps,
        planned_reps=planned,
        sides=_sides(clean),
        all=whole,
    )
