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
#: A negator followed by one of these is a hedge, not a denial ("not sure if it's numb"),
#: or a complaint of its own ("not hungry and I've lost 10 pounds": no appetite).
_HEDGES = frozenset(
    {"sure", "certain", "know", "knowing", "idea", "only", "just", "clear", "convinced",
     "hungry", "eating",
     # "didn't do nothing", "hadn't done anything", "never done a thing to it": no cause
     "do", "done", "doing", "changed",
     # "not today, tripped over the cat's bowl...": an answer about exercising
     "today", "tonight",
     # "nothing major, well actually it's a 9": an understatement
     "major",
     # "no warning, the worst pain": how it began, not a denial
     "warning", "reason",
     # "nothing happened, worst pain ever": no cause, the point of the report (round 31)
     "happened", "happen",
     # "that's not true any more, toes keep catching": the earlier claim, not the sign
     "true", "correct",
     # "I'm not dieting, lost 8 kilos": the weight loss is unintended, not denied
     "dieting", "diet", "trying",
     # "did the walk, no bother": no trouble at all
     "bother", "bovver",
     # "no walk, leg won't take my weight", "no appetite and lost 5 kilos": an activity
     # skipped, or a sign itself, not a denial of what follows
     "walk", "walking", "exercise", "exercises", "routine", "stretches", "physio",
     "appetite",
     # "crossed my legs without thinking and felt it slip out": careless, not a denial
     "thinking",
     # "getting worse not better, can't bend it": a trend, not a denial of what follows
     "better", "improving", "improved", "easing", "settling",
     # "bed's no good, the ache wakes me", "nothing helps", "not sleeping": a complaint of
     # its own
     "good", "helps", "helped", "works", "worked", "sleeping", "sleep", "slept",
     # "a gnawing pain nothing shifts", "doesn't care which side I'm on": the same
     "shifts", "shifted", "shift", "eases", "eased", "ease", "touches", "touched", "care",
     "cares", "matter", "matters",
     # "not gonna lie, the scar smells", "not being funny but": a way of speaking
     "gonna", "being",
     # "I'm not ok, can't feel my bum", "he's not himself": unwell, not a denial
     "ok", "okay", "well", "himself", "herself", "myself"}
)
#: A new subject or contrast ends a negation's reach ("no pain, my leg is numb").
_BLOCKERS = frozenset(
    {
        "i", "i'm", "im", "i've", "ive", "i'd", "it", "it's", "its", "my", "he", "she",
        "they", "we", "you", "but", "now", "though", "although", "however", "still",
        "yet", "except", "just",
    }
)
_WINDOW = 4  # at most this many words between a negator and the symptom
#: After "didn't", "haven't"...: verbs whose object a denial reaches across a comma
#: ("haven't had any fever, chills or numbness"); after any other verb it stops there.
_PERCEIVING = frozenset(
    {"have", "had", "has", "feel", "felt", "get", "got", "notice", "noticed", "see", "seen",
     "experience", "experienced", "think", "been", "suffer", "suffered"}
)
_INTERJECTIONS = frozenset({"no", "nope", "nah"})
#: Between a negator and its hedge: "haven't been trying", "not really dieting".
_BEEN = frozenset({"been", "be", "really", "even", "actually"})
#: "probably nothing, ...", "might be nothing, ...": a sign played down, not denied.
_PLAYED_DOWN = frozenset({"be", "probably", "prob", "prolly", "maybe", "likely"})


def _any(*alternatives: str) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{alt})" for alt in alternatives))


#: Negations a word window misses: "nothing wrong with my bowels", "no sign of fever".
_NEGATED_BEFORE = _any(
    r"\b(?:nothing|no(?:thing)?\s+(?:problems?|issues?|trouble|change))(?:\s+wrong)?\s+"
    r"(?:with|in|to)\s+(?:my\s+|the\s+|his\s+|her\s+)?(?:[a-z']+\s+(?:or|and|n|&)\s+)?"
    r"(?:my\s+|the\s+)?$",
    r"\bno\s+signs?\s+of\s+(?:any\s+)?$|\bfree\s+of\s+$",
    r"\b(?:wouldn'?t|would\s+not|can'?t|cannot|couldn'?t|don'?t)\s+(?:say|call\s+it)\s+(?:i'?m|i\s+am"
    r"|it'?s|its|i'?ve|i\s+have|i'?d|that)?\s*(?:\w+\s+){0,2}$",
    r"\b(?:no|not|nothing|never)\b[^.!?\n]{0,40}\bor\s+anything\s+$",
    r"\b(?:haven'?t|hasn'?t|didn'?t|don'?t|never)\s+(?:\w+\s+){0,3}(?:had|got|noticed|felt)"
    r"\s+(?:any\s+)?(?:\w+\s+)?(?:or|and)\s+$",
)
#: "the nurse asked if I'd had a fever, I said no".
_ANSWERED_NO = re.compile(
    r"[^.!?\n]{0,30}?\b(?:i\s+said|and\s+i\s+said|answer(?:ed)?|told\s+(?:her|him|them))\s+"
    r"(?:no|nope)\b"
)
#: A denial just after the phrase: "fever? none", "numbness - no".
_NEGATED_AFTER = re.compile(
    r"\s*[?:=\-]\s*(?:none|no|nope|nil|negative|not\s+really)\b\s*(?:[,.;!\n]|$)"
    # "the saddle area is normal", "feeling down there is fine"
    r"|\s+(?:is|are|feels?|felt|was)\s+(?:all\s+|totally\s+|completely\s+|perfectly\s+)?"
    r"(?:normal|fine)\b(?!\s+(?:except|but|apart|until|till))"
    # "calves not hot or tender": signs denied, as a list, just after the body part (not
    # "calf swollen not hot": one sign told, another denied)
    r"|\s+(?:are\s+|is\s+|feel\s+|feels\s+)?not\s+(?:hot|swollen|tender|red|warm|sore)\s+"
    r"(?:or|nor|and)\s+(?:hot|swollen|tender|red|warm|sore)\b"
)


def is_negated(text: str, start: int, window: int = _WINDOW, clause_start: int = 0) -> bool:
    """Whether a negator governs the phrase that starts at ``start``.

    Only words after ``clause_start`` (and at most 200 characters back) are read, so a
    negator in an earlier clause never reaches this one.
    """
    tokens = _TOKEN.findall(text[max(clause_start, start - 200) : start])
    first = _TOKEN.match(text, start)
    if tokens[-1:] == [","] and first is not None and first.group() in _BLOCKERS:
        return False  # "not agony, it just won't take me": a new subject after the comma
    words_seen = 0
    for index in range(len(tokens) - 1, -1, -1):
        word = tokens[index]
        if word == ",":
            continue
        if word in _BLOCKERS:
            return False
        if word in NEGATORS:
            following = tokens[index + 1] if index + 1 < len(tokens) else ""
            after = tokens[index + 2] if index + 2 < len(tokens) else ""
            hedged = following in _HEDGES or (following in _BEEN and after in _HEDGES)
            if hedged or (word == "nothing" and index and tokens[index - 1] in (
                    "do", "did", "done", "doing")) or tokens[index + 1:index + 4] == [
                    "going", "to", "lie"]:  # "didn't do nothing": no cause
                words_seen += 1
                continue
            if word == "nothing" and following == "," and index and tokens[index - 1] in (
                    _PLAYED_DOWN):  # "might be nothing, the dressing smells": played down
                words_seen += 1
                continue
            if word == "nothing" and following == "," and index and tokens[index - 1] == "or":
                return False  # "no slip or nothing, and out of nowhere...": a closed list
            if (word.endswith(("n't", "nt")) and following not in _PERCEIVING
                    and "," in tokens[index + 1:]):
                return False  # "the leg won't lift, and the numbness...": the verb's, not it
            if word == "not" and following == ",":
                return False  # "says he's fine but he's not, he's dragging his foot"
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


def is_denied(text: str, start: int, end: int, clause_start: int = 0) -> bool:
    """Whether the phrase ``text[start:end]`` is denied, by a negator before it in its
    clause ("no numbness"), a denial a word window misses ("nothing wrong with my
    bowels", "no sign of a fever", "not sharp or anything sudden"), or one just after
    it ("fever? none", "... I said no").
    """
    if is_negated(text, start, clause_start=clause_start):
        return True
    if _NEGATED_BEFORE.search(text[max(clause_start, start - 80) : start]):
        return True
    if _NEGATED_AFTER.match(text, end) is not None:
        return True
    return _ANSWERED_NO.match(text, end) is not None
