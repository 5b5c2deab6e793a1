"""The words of exercise requests: tokens, filler, request cues, and lay synonyms.

Shared by the name matcher (``exercise_finder``) and the description matcher
(``exercise_descriptions``) so both read a message the same way: lower case, accents and
emoji gone, light plural stripping, and words patients use for the same thing ("bum",
"backside", "buttock"; "zimmer", "walker", "frame") brought to one word. Pure.
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import lru_cache

from rapidfuzz import fuzz

#: Only this much of a message is read: names come early, and it keeps matching fast.
MAX_CHARS = 600
MAX_TOKENS = 40


def wordset(words: str) -> frozenset[str]:
    """A set of words written as one spaced string (easier to read and edit)."""
    return frozenset(words.split())


# Words that never identify an exercise; removed from the text and from names alike.
FILLER = wordset(
    """a about am an and any are at be can could cud do does doing done for from get give
    go going got have hey hi hello how i im is it its just know let lets like me my need
    now of oh ok okay on one or please pls plz s show so some tell thank thanks that the
    this to today u uh um up want wanna was what whats which with would you your again
    exercise exercises move moves movement card info instructions instruction many much
    long often times should meant supposed again physio told said gave if when them
    they there their thing things thingy bit but while whilst ones each"""
)
# Words that plainly ask to be shown an exercise.
SHOW_CUES = wordset(
    """how show explain teach tell card instructions instruction demo form technique steps
    describe remind"""
)
# Words (or "?") that suggest a request, unless the text reports pain or a finished set.
ASK_CUES = wordset(
    """what whats which help do doing try start give want need recommend suggest something
    any anything good exercise exercises stretch stretches please pls"""
)
# Words of a report ("the bridge hurts", "did 10 bridges"): other features answer those.
REPORT_CUES = wordset(
    """hurt hurts hurting hurted pain painful sore ache aches aching achy did done finished
    stopped skipped twinge sharp worse"""
)
# Words that, just before a name, mean the person may want a different exercise.
NEGATIONS = wordset("not no instead except other than without beside")
# Words that may sit beside a name without changing what is asked ("the bridge exercise").
NEUTRAL = wordset("stretch stretching exercise routine version")

_NOT_NAMES = FILLER | SHOW_CUES | REPORT_CUES
_NON_WORD = re.compile(r"[^\w]+|_")


def stem(token: str) -> str:
    """A very light plural strip so 'hips', 'glutes' and 'stretches' meet their names."""
    if len(token) > 4 and token.endswith(("ches", "shes", "xes")):
        return token[:-2]
    if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


_MY = r"(?:my|your|ur|the|his|her|one|a|both)"
_WHICH = r"(?:good|bad|other|left|right|operated|unoperated|non-operated|sore|weak|new|dodgy)"
_LYING = r"(?:(?:lying|lie|laying|lay|lays|lies)\s+)?"
#: Phrases whose small words matter, made one form: "one" is filler, "one leg" is not;
#: "on my side" and "on my back" say how the body lies; "get up" is standing up.
_PHRASES = (
    (re.compile(r"\b(?:one|1)[\s-]+(leg|foot|legged)\b"), r"single \1"),
    (re.compile(rf"\b(stand|standing|stood|balance|balancing) on (?:{_MY} )?(?:{_WHICH} )?"
                r"(leg|foot)\b"), r"\1 on single \2"),
    (re.compile(r"\b(?:tippy|tip)[\s-]*toes?\b"), "tiptoes"),
    (re.compile(rf"\b(?:up on|onto|on to|up onto|through|on) (?:{_MY} )?"
                rf"(?:toes|balls of (?:{_MY} )?feet)\b"), "tiptoes"),
    (re.compile(rf"\b{_LYING}(?:on|onto) (?:{_MY} )?(?:{_WHICH} )?side\b(?! of\b)"),
     "side lying"),
    (re.compile(rf"\b{_LYING}(?:on|onto) {_MY} back\b"), "lying supine"),
    (re.compile(r"\b(?:get|gets|getting|got) (?:up (?:from|off|out of)|out of)\b"),
     "stand up from"),
    (re.compile(r"\b(?:a)?cross[\s-]*(?:the |my |your |ur )?body\b"), "across body"),
    (re.compile(r"\b(the|figure|fig|number) (?:for|fore)\b"), r"\1 four"),
    (re.compile(r"\b(?:4(?=[\s-]*shape)|(?<=like a )4|(?<=shape of a )4)\b"), "four"),
    (re.compile(r"\b(my|your|ur|his|her) behind\b"), r"\1 bum"),
    (re.compile(r"\b(?:up and down|down and up)\b"), "updown"),
)
#: Words after which the next word is ruled out ("not standing", "without the frame").
NOT_WORDS = wordset("not no without never instead except dont don't")


def words(text: str) -> list[str]:
    """Lower-case word tokens with emoji, punctuation and accents' odd forms removed."""
    return list(_words(text[:MAX_CHARS]))


@lru_cache(maxsize=1024)
def _words(text: str) -> tuple[str, ...]:
    """``words``, remembered: one message is read by several matchers in turn."""
    clean = unicodedata.normalize("NFKC", text).casefold()
    for pattern, replacement in _PHRASES:
        clean = pattern.sub(replacement, clean)
    return tuple(word for word in _NON_WORD.split(clean) if word)[:MAX_TOKENS]


def tokens(text: str) -> tuple[str, ...]:
    """The words that can identify an exercise: stemmed; filler and the words of asking
    ("steps", "show") or reporting ("hurts", "did") removed, as no name holds them."""
    return tuple(stem(word) for word in words(text) if word not in _NOT_NAMES)


#: Ordinary words one swap from a card's word ("calm", "clam"): never "corrected".
ORDINARY = wordset("calm arise suing farm colt cols lien pots pats")


def unswapped(token: str, known: frozenset[str] | set[str] | dict[str, float]) -> str:
    """A short word with two neighbouring letters swapped ("wakl") read as the known word
    it spells; long words are left to the fuzzy matchers."""
    if token in known or len(token) < 4 or token in ORDINARY:
        return token
    for i in range(len(token) - 1):
        swapped = stem(token[:i] + token[i + 1] + token[i] + token[i + 2 :])
        if swapped in known:
            return swapped
    return token


#: Two words this alike (0-100) count as the same word of a name, a slip of spelling.
WORD_MATCH = 60.0


def coverage(name: tuple[str, ...], window: tuple[str, ...]) -> float:
    """How much of a name's words a run of the message's words holds, slips of spelling
    and run-together words allowed: 1.0 when all are there, else the square root of the
    share ("raise towel" holds half of "toe raise")."""
    found = sum(
        word in window or (len(word) > 2 and any(
            word in w or w in word or fuzz.ratio(word, w) >= WORD_MATCH for w in window))
        for word in name
    )
    return 1.0 if found == len(name) else math.sqrt(found / len(name))
