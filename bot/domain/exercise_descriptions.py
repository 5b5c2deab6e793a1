"""Find an exercise from a description in the patient's own words.

"The one where you lie on your side and open your knees", "up on tiptoes holding the
chair", "walking with my zimmer": no name in them, but the words of the card (its
names, lay descriptions, goals, position and steps) are. Each card becomes a bag of
words; a message scores each card by the rarer words they share (inverse document
frequency), more for words from names and descriptions than from steps, plus a bonus
for two words in the same order. Lay synonyms are brought to one word first, and a
misspelt long word is read as the nearest word the cards use. Pure.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from itertools import pairwise

from rapidfuzz import fuzz, process

from bot.content.model import Content, Exercise
from bot.domain.exercise_words import FILLER, REPORT_CUES, stem, words

# Lay words for the same thing, each group brought to its first word. Written from what
# patients type (the tuning part of tests/data/exercise_requests and the corpus).
_GROUPS = """
buttock bum backside butt bottom glute glutei cheek behind hiney
toe tiptoe tippy tip-toe tiptoes
frame zimmer walker rollator crutch crutches stick cane aid
stair step stairs staircase banister bannister bottom-step
towel strap belt scarf dressing-gown-cord
lie lying laying lay supine flat
side sideways sidelying side-lying
lift raise raising lifting hoist
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
chest chests
heel heels
calf calves
slide sliding slid glide
bend bending bent
cross crossed crossing
back backward backwards behind-me
front forward
"""

SYNONYMS: dict[str, str] = {}
for _line in _GROUPS.strip().splitlines():
    _head, *_rest = _line.split()
    for _word in (_head, *_rest):
        SYNONYMS.setdefault(stem(_word), stem(_head))

#: Field weights: a word from a name or nickname says more than one from the steps.
_WEIGHTS = {"name": 3.0, "description": 2.0, "goal": 1.0, "body": 0.6}
#: Words shorter than this are never read as misspellings of another word.
_FUZZY_FROM = 5


def terms(text: str) -> list[str]:
    """Words that can tell exercises apart: filler gone, stemmed, synonyms merged."""
    out = []
    for word in words(text):
        if word in FILLER or word in REPORT_CUES or word.isdigit():
            continue
        token = stem(word)
        out.append(SYNONYMS.get(token, token))
    return out


#: Words that say how the body is placed: "on my side in bed" is not a standing exercise.
_POSTURE_WORDS = {"lie": "lie", "bed": "lie", "mat": "lie", "stand": "stand", "sit": "sit"}


def postures(text: str) -> frozenset[str]:
    """The body positions a message names (lie, stand, sit), if any."""
    return frozenset(_POSTURE_WORDS[t] for t in terms(text) if t in _POSTURE_WORDS)


def posture_of(exercise: Exercise) -> str | None:
    """How the card starts: lying, standing or sitting (the first word of its position)."""
    first = terms(exercise.position)[:1]
    return _POSTURE_WORDS.get(first[0]) if first else None


class DescriptionIndex:
    """Every card's words with weights; ``scores`` ranks cards for one message."""

    def __init__(self, exercises: Iterable[Exercise]) -> None:
        exercises = list(exercises)
        self.posture = {ex.id: posture_of(ex) for ex in exercises}
        self.weights: dict[str, dict[str, float]] = {}
        self.pairs: dict[str, set[tuple[str, str]]] = {}
        for ex in exercises:
            weight: dict[str, float] = defaultdict(float)
            pairs: set[tuple[str, str]] = set()
            fields = [("name", t) for t in (ex.name, ex.id.replace("_", " "), *ex.aliases)]
            fields += [("description", t) for t in ex.descriptions]
            fields += [("goal", t) for t in ex.goals]
            fields += [("body", t) for t in (ex.position, *ex.steps)]
            for field, text in fields:
                found = terms(text)
                for term in found:
                    weight[term] = max(weight[term], _WEIGHTS[field])
                if field != "body":
                    pairs.update(pairwise(found))
            self.weights[ex.id] = dict(weight)
            self.pairs[ex.id] = pairs
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
            return None
        best = process.extractOne(term, self._vocabulary, scorer=fuzz.ratio, score_cutoff=80)
        return best[0] if best else None

    def misplaced(self, text: str) -> frozenset[str]:
        """Exercises done in a position the message rules out ("leg lift on my side in
        bed" is not a standing one). Sitting is left alone: "standing up from a chair"
        names both."""
        said = postures(text)
        if said == {"lie"}:  # on the back, the side or in bed: not the standing ones
            return frozenset(ex_id for ex_id, posture in self.posture.items()
                             if posture in ("stand", "sit"))
        if said == {"stand"}:  # standing (and not sitting down): not the lying ones
            return frozenset(ex_id for ex_id, posture in self.posture.items()
                             if posture == "lie")
        return frozenset()

    def scores(self, text: str) -> dict[str, float]:
        """Each exercise's score for ``text`` (only those sharing a word with it)."""
        found = [k for term in terms(text) if (k := self._known(term)) is not None]
        found = list(dict.fromkeys(found))
        pairs = set(pairwise(found))
        result: dict[str, float] = {}
        for ex_id, weight in self.weights.items():
            score = sum(self.idf[t] * weight[t] for t in found if t in weight)
            score += sum(self.idf[a] + self.idf[b] for a, b in pairs & self.pairs[ex_id])
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
