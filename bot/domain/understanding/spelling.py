"""Misspelt key words put right before the patterns read a message.

People type "excercises", "finnished", "pirifomis" and "tierd"; the patterns of the
understanding step are written for the right spelling, so one pass here maps a word one
slip away (two for long words) from a key word onto it. Only words of the bot's own
vocabulary are targets, and only words that are not themselves ordinary English near a
target are changed. Pure: no ``telegram``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

from rapidfuzz.distance import OSA


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one spaced string (easier to read and edit)."""
    return frozenset(words.split())


#: The key words of the understanding step, as they should be spelt.
VOCABULARY: frozenset[str] = _wordset(
    """
    exercise exercises exercising stretch stretches stretching stretched bridge bridges
    bridging clamshell clamshells piriformis hamstring hamstrings abduction abductions
    extension extensions rotator flexor flexors balance balancing squat squats ankle
    pumps raises slides assisted walking walked finished finish completed complete
    complement tired tiredness holiday holidays weather visitors tomorrow reminder
    reminders programme program physio painful aching achey stiffness squeezes exhausted
    knackered bothered accidentally accident mistake mistakes cancel undo yesterday
    morning tonight instructions explain remind single standing lying heels tiptoes
    rotation extension hamstrings quadriceps routine session everything skipping skipped
    motivation appreciate thanks thank question improving better worse raise slide pump
    heel lift lifts squeeze
    """
)
#: Ordinary words one slip from a key word: never "corrected".
_KEEP = _wordset(
    """
    fridge brides bridle ridge ridges pumpkins slices slider sliders sides raised raiser
    ranked stench strength strengthen standing stranding lying lining dying tying trying
    balanced balances complex compete competed competes compute computed finish finishes
    finisher fished famished tiered timed tied tiled tired tries tires tones tonight
    weathers whether heather feather leather visiting visited visitor remainder remained
    reminded remind reminds reminding bitter batter butter letter setter worst
    walker walkers walling waking talking stalking balking welding hulking wasting
    morning mourning routines session sessions poster postage quarters squash squad
    squads squats hamster sprain strain strains rotate motor motors motion lotion
    accidents incidents incident mistaken explained explains explaining exercised
    exorcise excise cancels cancer canned answer thanked tanks thanking stretcher tried
    tries thinks angle angles moaning moaned moaner
    """
)
_WORD = re.compile(r"[a-z]{5,}")
_BY_FIRST: dict[str, tuple[str, ...]] = {}
for _word in sorted(VOCABULARY):
    _BY_FIRST[_word[0]] = (*_BY_FIRST.get(_word[0], ()), _word)


def nearest(word: str, by_first: Mapping[str, tuple[str, ...]], long_from: int) -> str:
    """The closest word of a vocabulary (grouped by first letter), or ``word`` itself.

    One edit is allowed for words shorter than ``long_from`` letters, two from there on,
    and a candidate's length may differ by at most two. Shared by the intent readers and
    the red-flag phrases, each with its own vocabulary.
    """
    best, best_distance = word, 3
    for target in by_first.get(word[0], ()):
        if abs(len(target) - len(word)) > 2:
            continue
        limit = 1 if len(target) < long_from else 2
        distance = OSA.distance(word, target, score_cutoff=limit)
        if distance <= limit and distance < best_distance:
            best, best_distance = target, distance
    return best


@functools.lru_cache(maxsize=4096)
def correct_word(word: str) -> str:
    """The key word ``word`` was meant to be, or ``word`` itself."""
    if word in VOCABULARY or word in _KEEP or len(word) < 5:
        return word
    return nearest(word, _BY_FIRST, long_from=8)


def correct(clean: str) -> str:
    """Normalised text with misspelt key words put right (same length not guaranteed)."""
    return _WORD.sub(lambda match: correct_word(match.group()), clean)
