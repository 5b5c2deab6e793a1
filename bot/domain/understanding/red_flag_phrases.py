"""The shared vocabulary of red-flag phrasings, the ``Rule`` type, and text preparation.

Each red flag is a clinical concept said many ways ("my calf is hot and swollen", "swolen
hot calf", "the back of my leg below the knee is swollen hard"). A ``Rule`` is one way:
a key phrase and, when the key alone is not enough, a second phrase that must stand near
it ("calf" near "swollen"). The rules live in ``red_flag_phrases_*`` by body system;
``red_flags`` runs them and ``qualifiers`` says whether each match is a live report.

``prepare`` normalises a message like ``text_norm.normalise`` does, puts misspelt key
words right ("swolen", "brething", "weigt"), and keeps where each character came from,
so every alarm can quote the patient's own words. Pure: no ``telegram``.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from bot.domain.understanding.red_flag_words import SHORT_FIXES
from bot.domain.understanding.spelling import nearest
from bot.domain.understanding.text_norm import normalise


def rx(*alternatives: str) -> re.Pattern[str]:
    """One compiled pattern matching any of ``alternatives``."""
    return re.compile("|".join(f"(?:{alt})" for alt in alternatives))


# --- building blocks (regular-expression text) ---------------------------------------

#: Words that turn a phrase around; a gap between two words of a phrase never holds one.
NEG = (
    r"(?:no|not|never|nor|without|nothing|none|doesn'?t|didn'?t|don'?t|won'?t|isn'?t"
    r"|wasn'?t|aren'?t|hasn'?t|haven'?t|hadn'?t|nope)\b"
)
#: One word.
W = r"[a-z0-9]+(?:'[a-z]+)?"
#: What separates two words inside a sentence.
SEP = r"[^\w\n.!?]{1,4}"


def gap(most: int) -> str:
    """Up to ``most`` words (none a negator) and their separators, as few as possible."""
    return rf"(?:(?!{NEG}){W}{SEP}){{0,{most}}}?"


CANT = (
    r"(?:can'?t|cannot|can not|cnt|carnt|cyah|cyaan|kyaan|couldn'?t|could not|unable to"
    r"|not able to|impossible to|can ?(?:barely|hardly|only just)|could ?(?:barely|hardly)"
    r"|(?:not|haven'?t|hasn'?t|have not|has not) been able to)"
    r"(?:\s+(?:really|even|properly|actually|seem\s+to|always))?"
)
#: Who a body part belongs to (or nothing).
WHOSE = r"(?:(?:my|his|her|their|the|this|that|your|both|[a-z]+'s)\s+)?"
LEG = (
    r"(?:legs?|foot|feet|knees?|ankles?|toes?|thighs?|calf|calves|shins?|heels?|hip\s+down)"
)
PAIN = (
    r"(?:pain|pains|painful|hurts?|hurting|aches?|aching|achy|sore|throb\w*|agony|stabbing"
    r"|burning)"
)
#: A score of 8 to 10 out of 10.
HIGH_SCORE = r"(?:\b(?:[89]|10)\s*(?:/|out of|outta)\s*(?:10|ten)\b)"
#: Not the patient's slip or pain: a finger slipping on the phone ("my thumb slipped, not
#: done"), "horrendous" said of hay fever or the traffic. Ambiguous rules ask nothing then.
NOT_A_BODY_SLIP = (
    r"\b(?:finger|fingers|thumb|hand|pen|mouse|phone|tongue)\s+(?:just\s+)?slipped\b"
    r"|\bslipped\s+(?:my|her|his)\s+mind\b"
)
NOT_A_BODY_AWFUL = (
    r"\b(?:hay\s*fever|pollen|traffic|weather|queues?|rain|wind|wi-?fi|signal|noise|heat"
    r"|prices?|telly|tv)(?:\s+(?:is|was|are|were|has\s+been)|'s(?:\s+been)?)\s+(?:\w+\s+)?"
    r"(?:excruciating|unbearable|horrendous)\b"
)
#: A unit of body weight ("4 kilos down", "down nearly a stone").
#: Words that make a leg that will not hold weight part of an exercise ("single-leg
#: balance"), not a sign...
EXERCISING = r"\b(?:balanc\w*|exercis\w*|stretch\w*|single[\s-]leg)\b"
#: ...unless the message asks whether to go on, or dates the start ("since this
#: morning, ... kindly advise whether to continue exercises").
GOES_ON = (
    r"\b(?:whether|if)\s+(?:i\s+(?:should|can|must)\s+)?(?:to\s+)?(?:continue|carry\s+on|keep\s+"
    r"(?:up|on|going|doing))\b|\bsince\s+(?:this\s+)?(?:morning|evening|afternoon|last\s+night"
    r"|yesterday|the\s+fall|the\s+weekend)\b"
)
WEIGHT_UNIT = r"(?:kg|kgs|kilos?|lbs?|pounds?|stone|st)"
#: Weight lost with no reason the writer knows of ("not dieting", "without me meaning to").
NO_DIET = (r"\bnot\s+(?:been\s+)?(?:trying|dieting)\b|\bwithout\s+(?:me\s+)?(?:trying|dieting"
           r"|meaning|wanting)\b|\beating\s+(?:the\s+)?same\b|\bno\s+idea\s+why\b"
           r"|\bnot\s+on\s+a\s+diet\b|\bhaven'?t\s+(?:been\s+)?(?:trying|dieting)\b"
           r"|\bnot\s+meaning\s+to\b|\bhaven'?t\s+changed\s+(?:a\s+thing|anything|what\s+i\s+eat"
           r"|my\s+diet)\b")
#: A pain of 9 or 10, or in words as strong ("10. came on out of nowhere").
TOP_PAIN = (r"(?:^|[\s,.])(?:9|10|nine|ten)\b(?!\s*(?:am|pm|mins?|minutes|hours?|days|weeks|years"
            r"|o'?clock|kg|lbs?|pounds|st\b|stone))|\bvery\s+strong\b|\bworst\b|\bagony\b")
#: An operation on the hip, in the words people use ("since I had it done").
OPERATION = (
    r"(?:\bop\b|\bops\b|operation|surgery|post[\s-]?op|replacement|replaced|new hip|new joint"
    r"|operated|had (?:it|my hip|her hip|his hip|the hip) done|hip done|discharged"
    r"|out of hospital|since (?:the|my) hospital|revision)"
)


def not_right(*things: str) -> str:
    """A vague worry about one of ``things`` ("something's not right with my wound")."""
    names = "|".join(things)
    return (
        r"\bsomething(?:'?s|\s+is)?\s+(?:not\s+(?:right|quite\s+right)|wrong|off|up|funny|weird"
        rf"|odd)\s+(?:with|about|in)\s+(?:my|the|her|his)\s+(?:\w+\s+)?(?:{names})\b"
        rf"|\b(?:{names})\s+(?:\w+\s+){{0,2}}(?:doesn'?t|does\s+not|don'?t|isn'?t)\s+(?:look|feel"
        r"|seem)(?:ing)?\s+right\b"
    )


@dataclass(frozen=True)
class Rule:
    """One phrasing of a red flag.

    ``key`` is the phrase reported. When ``needs`` is set, a match of it must stand within
    ``window`` characters of the key (in the same sentence when ``same_sentence``) for the
    rule to fire; its qualifier counts too ("calf ... not tender" is negated). ``unless``
    vetoes the rule when it matches in the key's sentence ("lost weight on my diet"),
    unless ``keep`` matches there too ("not on a diet"). A ``history`` key counts even
    when it is past ("had cancer years ago"): the live part is what it needs.
    """

    category: str
    key: re.Pattern[str]
    needs: re.Pattern[str] | None = None
    window: int = 60
    same_sentence: bool = True
    unless: re.Pattern[str] | None = None
    keep: re.Pattern[str] | None = None
    history: bool = False
    subject: re.Pattern[str] | None = None  # vetoes when it ends just before the key


def rule(
    category: str,
    key: str | tuple[str, ...],
    needs: str | tuple[str, ...] | None = None,
    window: int = 60,
    same_sentence: bool = True,
    unless: str | tuple[str, ...] | None = None,
    keep: str | tuple[str, ...] | None = None,
    history: bool = False,
    not_after: str | None = None,
) -> Rule:
    """A ``Rule`` from pattern text (a tuple is a list of alternatives).

    ``not_after`` lists words that may not be the key's subject ("the bins fell"): the
    rule is vetoed when one of them stands up to two words before the key.
    """

    def compiled(value: str | tuple[str, ...]) -> re.Pattern[str]:
        return rx(*value) if isinstance(value, tuple) else re.compile(value)

    return Rule(
        category,
        compiled(key),
        compiled(needs) if needs is not None else None,
        window,
        same_sentence,
        compiled(unless) if unless is not None else None,
        compiled(keep) if keep is not None else None,
        history,
        re.compile(rf"\b(?:{not_after})\s+(?:\w+\s+)?$") if not_after is not None else None,
    )


# --- preparing a message --------------------------------------------------------------

#: Key words caught when misspelt (one slip, two for long words).
_TARGETS = (
    "numbness", "tingling", "tingly", "swollen", "swelling", "swelled", "feverish",
    "temperature", "breath", "breaths", "breathe", "breathing", "breathless", "weight",
    "bladder", "bowels",
    "wound", "incision", "stitches", "staples", "excruciating", "unbearable", "agonising",
    "agonizing", "dislocated", "dislocate", "weaker", "weakness", "cancer", "shivering",
    "shivery", "sweats", "sweating", "leaking", "weeping", "oozing", "redness", "tender",
    "incontinent", "incontinence", "urine", "collapsed", "suddenly", "sudden", "severe",
    "fallen", "operation", "surgery", "replacement", "shorter", "outwards", "inwards",
    "horrendous", "coughing", "appetite", "thrombosis", "embolism",
    "drenched", "discharge", "dressing", "stabbing", "throbbing", "falling", "tripped",
    "slipped", "chemotherapy", "steroids", "radiotherapy", "swolen", "swallen", "fever",
    "terrible",
)
#: Ordinary words one slip from a key word: never "corrected".
_KEEP = frozenset(
    {
        "would", "weigh", "weighs", "weighed", "weights", "wright", "height", "bowls", "bowed",
        "chess", "cheat", "crest", "tenner", "tinder", "tended", "tenders", "tenser",
        "sweets", "swears", "swats", "sweaty", "swearing", "cancel", "cancels", "canter",
        "stables", "staple", "leaning", "leaping", "weeding", "weeing", "peeing", "breaching",
        "breather",
        "breathes", "bleating", "wetness", "chilli", "sadden", "sodden", "spelling",
        "smelling", "selling", "shelling", "swilling", "swallow", "tangling",
        "tinkling", "weaver", "weaken", "wearer", "unwearable", "inflection", "infested",
        "filling", "felling", "calling", "failing", "telling", "rolling",
        "tapped", "tipped", "trapped", "clipped", "snipped", "shipped", "slapped", "slipper",
        "flipped", "sipped", "skipped", "stripped", "dripped", "ripped", "gripped",
        "whipped", "tripled", "supped", "stopped", "sever", "severn", "severs", "shorten",
        "shorted", "sorter", "snorter", "dressings", "dresser", "operations", "operatic",
        "fellow", "urinal", "urines", "trodden", "sullen", "swelter", "smelled", "spelled",
        "welling", "dwelling", "throbbed", "weakly", "outward", "inward",
        "sweat", "coaching", "crouching", "injected", "injection", "injections",
        "discharged", "stubbing", "stubbed", "stolen", "sterling", "stalling", "swirling",
        "spilling", "shilling", "sweeping", "shimmering", "operating", "operator",
        "unbeatable", "breathers", "collapse", "collapses", "collapsing", "fiver", "fewer",
        "lever", "fevers",
    }
)
_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _target in _TARGETS:
    _BY_FIRST[_target[0]] = (*_BY_FIRST.get(_target[0], ()), _target)
_TARGET_SET = frozenset(_TARGETS)
_FIXES = {"swolen": "swollen", "swallen": "swollen", "calve": "calf", "painfull": "painful"}


@functools.lru_cache(maxsize=8192)
def correct_word(word: str) -> str:
    """The key word ``word`` was meant to be, or ``word`` itself."""
    if word in _TARGET_SET or word in _KEEP or len(word) < 5:
        return _FIXES.get(word, word)
    best = nearest(word, _BY_FIRST, long_from=9)
    return _FIXES.get(best, best)


_QUOTES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "′": "'"})
_LONG_RUN = re.compile(r"([^\W\d_])\1{2,}")
_SPACES = re.compile(r"[^\S\n]{2,}|[^\S\n ]")
_NEWLINES = re.compile(r"[^\S\n]*\n\s*")
_ASCII_CONTROLS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f]")
_WORD = re.compile(r"[a-z]{5,}")
#: Short misspellings, shorthand, Scots and mixed-language words (``red_flag_words``),
#: the longest first so a phrase wins over a word inside it.
_SHORT = re.compile(
    rf"\b(?:{'|'.join(re.escape(k) for k in sorted(SHORT_FIXES, key=len, reverse=True))})\b")
#: "my leg's swollen", "calf's hot": the patterns read "leg swollen", "calf hot".
_BODY_IS = re.compile(
    r"\b(legs?|calf|hips?|foot|knees?|ankles?|thighs?|wound|scar|cut|chest|breathing|bladder"
    r"|temperature|temp|groin|back|bum|bottom|incision|stitch|joint|pelvis|toes?|shin|heel"
    r"|weight|waterworks|bowels?|pain|ache|wound|belt|bladder)'s\b"
)

Replacer = Callable[[re.Match[str]], tuple[str, list[int]]]


def _sub(text: str, origin: list[int], pattern: re.Pattern[str], replace: Replacer
         ) -> tuple[str, list[int]]:
    """``pattern.sub`` that keeps, for each character left, where it came from."""
    pieces: list[str] = []
    where: list[int] = []
    last = 0
    for match in pattern.finditer(text):
        new, offsets = replace(match)
        if new == match.group():
            continue
        pieces.append(text[last : match.start()])
        where.extend(origin[last : match.start()])
        pieces.append(new)
        where.extend(origin[match.start() + k] for k in offsets)
        last = match.end()
    if not pieces:
        return text, origin
    pieces.append(text[last:])
    where.extend(origin[last:])
    return "".join(pieces), where


def _normalise_tracked(text: str) -> tuple[str, list[int]]:
    """``text_norm.normalise`` done by hand, keeping the origin of every character."""
    if text.isascii():
        cleaned = _ASCII_CONTROLS.sub(" ", text).lower().translate(_QUOTES)
        origin = list(range(len(text)))
    else:
        chars: list[str] = []
        origin = []
        for index, char in enumerate(text):
            for part in unicodedata.normalize("NFKC", char):
                category = unicodedata.category(part)
                if category == "Cf":
                    continue
                piece = " " if category == "Cc" and part != "\n" else part
                for out in piece.casefold().translate(_QUOTES):
                    chars.append(out)
                    origin.append(index)
        cleaned = "".join(chars)
    cleaned, origin = _sub(cleaned, origin, _LONG_RUN, lambda m: (m.group()[:2], [0, 1]))
    cleaned, origin = _sub(cleaned, origin, _SPACES, lambda m: (" ", [0]))
    cleaned, origin = _sub(
        cleaned, origin, _NEWLINES, lambda m: ("\n", [m.group().index("\n")])
    )
    left = len(cleaned) - len(cleaned.lstrip())
    right = len(cleaned.rstrip())
    return cleaned[left:right], origin[left:right]


@dataclass(frozen=True)
class Prepared:
    """A message ready for the rules: normalised, spelling put right, origins kept."""

    original: str
    text: str
    origin: tuple[int, ...] | None  # None: offsets could not be kept (odd Unicode)

    def quote(self, start: int, end: int) -> tuple[str, int]:
        """The patient's own words behind ``text[start:end]``, and where they start."""
        if self.origin is None or end <= start:
            return self.text[start:end], start
        first = self.origin[start]
        last = self.origin[end - 1] + 1
        return self.original[first:last], first


def prepare(text: str) -> Prepared:
    """Normalise ``text`` and put misspelt key words right, keeping each origin."""
    clean, origin = _normalise_tracked(text)
    kept: list[int] | None = origin
    if clean != normalise(text):
        clean, kept = normalise(text), None

    if kept is None:
        corrected = _WORD.sub(lambda m: correct_word(m.group()), clean)
        corrected = _SHORT.sub(lambda m: SHORT_FIXES[m.group()], corrected)
        return Prepared(text, _BODY_IS.sub(r"\1", corrected), None)
    corrected, where = _sub(clean, kept, _WORD, lambda m: _respelt(m.group(), correct_word))
    corrected, where = _sub(corrected, where, _SHORT,
                            lambda m: _respelt(m.group(), SHORT_FIXES.__getitem__))
    corrected, where = _sub(corrected, where, _BODY_IS,
                            lambda m: (m.group(1), list(range(len(m.group(1))))))
    return Prepared(text, corrected, tuple(where))


def _respelt(word: str, respell: Callable[[str], str]) -> tuple[str, list[int]]:
    """A respelt word, each of its letters taken from the same place in the old one."""
    new = respell(word)
    return new, [min(k, len(word) - 1) for k in range(len(new))]
