"""The words of exercise requests: tokens, filler, request cues, and lay synonyms.

Shared by the name matcher (``exercise_finder``) and the description matcher
(``exercise_descriptions``) so both read a message the same way: lower case, accents and
emoji gone, light plural stripping, and words patients use for the same thing ("bum",
"backside", "buttock"; "zimmer", "walker", "frame") brought to one word. Pure.
"""

from __future__ import annotations

import re
import unicodedata

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
    long often times should meant supposed again physio told said gave"""
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


#: Phrases whose small words matter ("one" is filler, "one leg" is not), made one form.
_PHRASES = (
    (re.compile(r"\b(?:one|1)[\s-]+(leg|foot|legged)\b"), r"single \1"),
    (re.compile(r"\b(?:tippy|tip)[\s-]*toes?\b"), "tiptoes"),
)


def words(text: str) -> list[str]:
    """Lower-case word tokens with emoji, punctuation and accents' odd forms removed."""
    clean = unicodedata.normalize("NFKC", text[:MAX_CHARS]).casefold()
    for pattern, replacement in _PHRASES:
        clean = pattern.sub(replacement, clean)
    return [word for word in _NON_WORD.split(clean) if word][:MAX_TOKENS]


def tokens(text: str) -> tuple[str, ...]:
    """The words that can identify an exercise: stemmed; filler and the words of asking
    ("steps", "show") or reporting ("hurts", "did") removed, as no name holds them."""
    return tuple(stem(word) for word in words(text) if word not in _NOT_NAMES)


