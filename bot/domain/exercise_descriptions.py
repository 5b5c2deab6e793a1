"""Find an exercise from a description in the patient's own words.

"The one where you lie on your side and open your knees", "up on tiptoes holding the
chair", "walking with my zimmer": no name in them, but the words of the card (its
names, lay descriptions, goals, position and steps) are. Each card becomes a bag of
words; a message scores each card by the rarer words they share (inverse document
frequency), more for words from names and descriptions than from steps, plus a bonus
for two words in the same order (less with one word between). Words are cut to a root
("raising", "raise"), lay synonyms brought to one word, a word after "not" or "without"
dropped, and a misspelt word read as the nearest word the cards use. A card done in
another position than the message says (standing, lying, on one's back or side) counts
less (``misplaced``). Pure.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from itertools import pairwise

from rapidfuzz import fuzz, process

from bot.content.model import Content, Exercise
from bot.domain.exercise_words import (
    FILLER,
    NOT_WORDS,
    ORDINARY,
    REPORT_CUES,
    stem,
    unswapped,
    words,
)

# Lay words for the same thing, each group brought to its first word. Written from what
# patients type (the tuning part of tests/data/exercise_requests and the corpus).
_GROUPS = """
buttock bum backside butt bottom glute glutei cheek hiney
toe toes
tiptoe tiptoes tippy
frame zimmer walker rollator crutch crutches stick cane aid
stair step stairs staircase banister bannister bottom-step
towel strap belt scarf dressing-gown-cord
lie lying laying lay supine flat
side sideways sidelying side-lying
lift raise raising lifting hoist rise rising
squeeze clench tighten tense pinch squash press push-down contract
pump pedal point flex wiggle flap
walk walking wander stroll potter outing stroll amble trot saunter
balance balancing steady flamingo stork wobble wobbly
march marching soldier
knee knees kneecap
bed mattress
chair seat sofa armchair stool
counter worktop sink kitchen-side side-board bench
thigh quad quads quadricep quadriceps
hamstring hammy hamstrung
stand standing stood upright
sit sitting seated perched perch
open opening apart
shoulder shoulders
heel heels
calf calves
slide sliding slid glide
bend bending bent
cross crossed crossing
back backward backwards
floor ground
move moves moving moved
foot feet
chest chests tummy belly stomach
front forward
"""


def root(word: str) -> str:
    """A light suffix strip on top of ``stem``: "raising", "raised" and "raise" meet, as do
    "flexing" and "flex", "slipping" and "slip" (both sides are cut the same way)."""
    word = stem(word)
    for suffix in ("ing", "ed"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if len(word) >= 4 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]
            break
    return word[:-1] if len(word) > 4 and word.endswith("e") else word


SYNONYMS: dict[str, str] = {}
for _line in _GROUPS.strip().splitlines():
    _head, *_rest = _line.split()
    for _word in (_head, *_rest):
        SYNONYMS.setdefault(root(_word), root(_head))

#: Field weights: a word from a name or nickname says more than one from the steps.
_WEIGHTS = {"name": 3.0, "description": 2.0, "goal": 1.0, "body": 0.6}
#: What two words in order with one between count, next to two side by side.
SKIP_WEIGHT = 0.5
#: Words shorter than this are never read as misspellings of another word.
_FUZZY_FROM = 5


#: Words a description never holds; "up" stays ("knee up" is not "knee across"), and
#: "move" ("moving my feet up and down").
_DROPPED = (FILLER | REPORT_CUES) - {"up", "move", "moves"}
_DROPPED_ROOTS = frozenset(root(word) for word in _DROPPED)


def terms(text: str) -> list[str]:
    """Words that can tell exercises apart: filler gone, cut to a root, synonyms merged,
    and the word a negation rules out dropped ("not standing", "without the frame")."""
    return list(_terms(text))


@lru_cache(maxsize=1024)
def _terms(text: str) -> tuple[str, ...]:
    """``terms``, remembered: the scores and the positions read the same message."""
    out = []
    negated = False
    for word in words(text):
        if word in NOT_WORDS:
            negated = True
            continue
        token = root(word)
        if word in _DROPPED or token in _DROPPED_ROOTS or word in ORDINARY or word.isdigit():
            continue
        if negated:
            negated = False
            continue
        out.append(SYNONYMS.get(token, token))
    return tuple(out)


#: Words that say how the body is placed: "on my side in bed" is not a standing exercise.
_POSTURE_WORDS = {"lie": "lie", "bed": "lie", "mat": "lie", "stand": "stand", "sit": "sit"}


def postures(text: str) -> frozenset[str]:
    """The body positions a message names (lie, stand, sit), if any, and which way one
    lies: "back" (on my back, supine) or "side" (on my side, side-lying)."""
    found = {_POSTURE_WORDS[t] for t in terms(text) if t in _POSTURE_WORDS}
    said = words(text)
    if "supine" in said:
        found |= {"lie", "back"}
    if ("side", "lying") in set(pairwise(said)) or "sidelying" in said:
        found |= {"lie", "side"}
    return frozenset(found)


def posture_of(exercise: Exercise) -> str | None:
    """How the card starts: lying, standing or sitting (the first word of its position)."""
    first = terms(exercise.position)[:1]
    posture = _POSTURE_WORDS.get(first[0]) if first else None
    if posture is None and postures(exercise.position) & {"back", "side"}:
        return "lie"  # "Lying on your side" reads "side lying"
    return posture


def _lying_on(exercise: Exercise) -> str | None:
    """Which way a lying card lies: "back", "side" or None."""
    said = postures(exercise.position)
    return next((way for way in ("back", "side") if way in said), None)


def _pairs(found: list[str]) -> set[tuple[str, str]]:
    """Words in order, side by side."""
    return set(pairwise(found))


def _skips(found: list[str]) -> set[tuple[str, str]]:
    """Words in order with one word between ("lift my bad leg" and "lift the leg")."""
    return set(zip(found, found[2:], strict=False))


class DescriptionIndex:
    """Every card's words with weights; ``scores`` ranks cards for one message."""

    def __init__(self, exercises: Iterable[Exercise]) -> None:
        exercises = list(exercises)
        self.posture = {ex.id: posture_of(ex) for ex in exercises}
        self.lying_on = {ex.id: _lying_on(ex) for ex in exercises}
        self.weights: dict[str, dict[str, float]] = {}
        self.pairs: dict[str, set[tuple[str, str]]] = {}
        self.skips: dict[str, set[tuple[str, str]]] = {}
        for ex in exercises:
            weight: dict[str, float] = defaultdict(float)
            pairs: set[tuple[str, str]] = set()
            skips: set[tuple[str, str]] = set()
            fields = [("name", t) for t in (ex.name, ex.id.replace("_", " "), *ex.aliases)]
            fields += [("description", t) for t in ex.descriptions]
            fields += [("goal", t) for t in ex.goals]
            fields += [("body", t) for t in (ex.position, *ex.steps)]
            for field, text in fields:
                found = terms(text)
                for term in found:
                    weight[term] = max(weight[term], _WEIGHTS[field])
                if field != "body":
                    pairs.update(_pairs(found))
                    skips.update(_skips(found))
            self.weights[ex.id] = dict(weight)
            self.pairs[ex.id] = pairs
            self.skips[ex.id] = skips - pairs
        count = len(self.weights) or 1
        seen: dict[str, int] = defaultdict(int)
        for weight in self.weights.values():
            for term in weight:
                seen[term] += 1
        self.idf = {term: math.log(1 + count / n) for term, n in seen.items()}
        self._vocabulary = sorted(term for term in self.idf if len(term) >= _FUZZY_FROM)

    def _known(self, term: str) -> str | None:
        """The term, or the card word it most likely misspells, or None."""
        if term in self.idf:
            return term
        if len(term) < _FUZZY_FROM:
            swapped = unswapped(term, self.idf)
            return swapped if swapped in self.idf else None
        best = process.extractOne(term, self._vocabulary, scorer=fuzz.ratio, score_cutoff=80)
        return best[0] if best else None

    def misplaced(self, text: str) -> frozenset[str]:
        """Exercises done in a position the message rules out ("leg lift on my side in
        bed" is not a standing one). Sitting is left alone: "standing up from a chair"
        names both."""
        said = postures(text)
        ways = said & {"back", "side"}
        said -= ways
        if said == {"lie"}:  # on the back, the side or in bed: not the standing ones,
            # and on one's side is not on one's back (nor the other way round)
            return frozenset(ex_id for ex_id, posture in self.posture.items()
                             if posture in ("stand", "sit")
                             or (len(ways) == 1 and self.lying_on[ex_id] not in (*ways, None)))
        if said == {"stand"}:  # standing (and not sitting down): not the lying ones
            return frozenset(ex_id for ex_id, posture in self.posture.items()
                             if posture == "lie")
        return frozenset()

    def scores(self, text: str) -> dict[str, float]:
        """Each exercise's score for ``text`` (only those sharing a word with it)."""
        found = [k for term in terms(text) if (k := self._known(term)) is not None]
        found = list(dict.fromkeys(found))
        pairs, skips = _pairs(found), _skips(found)
        result: dict[str, float] = {}
        for ex_id, weight in self.weights.items():
            score = sum(self.idf[t] * weight[t] for t in found if t in weight)
            score += sum(self.idf[a] + self.idf[b] for a, b in pairs & self.pairs[ex_id])
            near = (pairs | skips) & self.skips[ex_id] | skips & self.pairs[ex_id]
            score += SKIP_WEIGHT * sum(self.idf[a] + self.idf[b] for a, b in near)
            if score:
                result[ex_id] = score
        return result


_CACHE: dict[int, tuple[Content, DescriptionIndex]] = {}


def description_index(content: Content) -> DescriptionIndex:
    """The index of this Content, built on first use."""
    cached = _CACHE.get(id(content))
    if cached is None or cached[0] is not content:
        if len(_CACHE) >= 8:
            _CACHE.clear()
        cached = _CACHE[id(content)] = (content, DescriptionIndex(content.exercises.values()))
    return cached[1]
