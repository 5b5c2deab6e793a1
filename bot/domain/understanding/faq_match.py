"""Which everyday question (``content/faq.yaml``) a message asks, if any.

"is it ok to have a bath", "can i drive yet its been 5 weeks since the op", "my hip is so
stiff when i wake up whats that about": patients rarely use an entry's words, but they
share some of them, or a lay word for one. As for exercise descriptions
(``bot.domain.exercise_descriptions``), each entry becomes a bag of words with weights
(its title and keywords count more than its answer), and a message scores each entry by
the rarer words they share (inverse document frequency), plus a bonus for a keyword of
several words found as written ("how often", "sleep with") and for two title words in
order. Small words count only inside such phrases (``STOP``), lay words are brought to
one word first (``SYNONYMS``), and a word with a letter left out, doubled or swapped is
read as the entries' word ("swiming"). The best entry wins when its score is high
enough (``MIN_SCORE``); otherwise there is no answer, and the patient is offered /ask.
The entries and their words are the content's; only the lay synonyms and small words
are written here. Pure: no ``telegram``.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise

from rapidfuzz.distance import OSA

from bot.content.model import Content, FaqEntry
from bot.domain.understanding.text_norm import normalise

#: Only this much of a message is read: a question comes early.
MAX_CHARS = 400
#: The least score an entry needs to be the answer (a keyword, or two telling words).
MIN_SCORE = 6.0
#: Field weights: a word of the title or a keyword says more than one of the answer.
_WEIGHTS = {"title": 2.5, "keyword": 3.0, "phrase": 1.5, "answer": 0.6}
#: A keyword of several words found as written ("how often", "sleep with").
PHRASE_BONUS = 8.0
#: Words shorter than this are never read as misspellings of another word.
_FUZZY_FROM = 5


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one spaced string (easier to read and edit)."""
    return frozenset(words.split())


#: Words that never tell one question from another; kept only inside a phrase.
STOP = _wordset(
    """a about after again all also am an and any anything are as at be been being but by
    can could cud did do does doing dont done for from get gets getting go going got had
    has have having he her hers him his how i id if im in into is isnt it its ive know
    let lets like ll me mine my myself no not now of oh ok okay on one or our out please
    pls plz right s she should shud some something t than that thats the their them then
    there theres these they thing things this those to too u uh um up down ur us ve want
    wanna was way we well were what whats when where whether which while who why will
    with wont would wouldnt yet you your youre yours hi hello hey thanks thank cheers
    mate love bit bad good best better alright allowed safe fine normal need needs meant
    supposed tell told say says said think thought try usual usually much many most
    lot lots off time times make makes making hip hips replacement op operation surgery
    surgical new last help helps change instead mean means keep other programme program
    plan before leg legs come comes manage exercise exercises exercising routine routines
    session sessions workout half"""
)
#: Words dropped altogether, even from phrases ("what can you actually do").
FILLER = _wordset("actually really just even still so very quite pretty totally anyway")
#: Forms of the small words that phrases should meet as one ("getting out of bed").
_SMALL_FORMS = {"gets": "get", "getting": "get", "got": "get", "does": "do", "doing": "do",
                "did": "do", "goes": "go", "going": "go", "went": "go", "im": "i",
                "whats": "what", "its": "it", "am": "is", "are": "is", "was": "is",
                "a": "the", "an": "the", "my": "the", "your": "the", "our": "the",
                "his": "the", "her": "the"}

# Lay words for the same thing, each line brought to its first word. Written from the
# entries and from what patients type (the tuning part of tests/data/faq).
_GROUPS = """
ice frozen pea peas icepack chill compress
heat warmth heating heatpad wheat hottie
painkiller pill tablet paracetamol ibuprofen naproxen codeine cocodamol codamol
  medication medicine meds drug analgesic relief tramadol morphine oramorph diclofenac
  celecoxib gabapentin pregabalin nsaid aspirin dihydrocodeine opioid prescription
recover recovery heal healing improve improvement result difference
sleep sleeping asleep slept sleeper bedtime comfy night nights toss
evening tonight
pillow cushion
stair stairs staircase upstairs downstairs banister bannister handrail landing step steps
drive driving driver wheel
sex intimate intimacy intercourse lovemaking bedroom
see sees seen read reads
yesterday
harm damage damaging harming injure injuring
miss missed skip skipped forgot forget slack lapse lost
cross crossed crossing
often daily frequency frequently frequent
sore soreness ache aching achy aches
stiff stiffness stiffen seize seized
move moving moved movement
prepare preparation ready limber
more extra additional beyond further
swim swimming swimmer pool breaststroke crawl backstroke aqua aquarobics
stick sticks crutch crutches cane frame walker zimmer rollator
sit sitting seated sat sofa couch settee armchair tv telly television
desk computer
work job working office shift boss site employer career
weight overweight heavy diet slim pound pounds kilo kilos stone lbs fat
shoe shoes footwear slipper slippers trainer trainers heel heels boot boots barefoot insole
  insoles sandal sandals flip flop crocs wellies
click clicking clunk clunking pop popping crack cracking snap snapping grind grinding
  noise sound clicky creak creaking
morning mornings wake waking woke
tired exhausted shattered knackered fatigue fatigued drained energy worn weary
weather damp rain rainy wet winter freezing storm chilly humid
bend bending stoop stooping crouch reach reaching pick grab grabber lean
car passenger taxi vehicle
bath bathing tub shower showering soak wash washing
golf cycling cycle bike biking dance dancing yoga tennis run running jog jogging
  sport sports bowling pilates gardening garden hobby hobbies gym
walk walks walking stroll hike hiking mile miles
equipment kit mat band gear buy
weights dumbbell dumbbells
rest resting
easier gentle gentler simple simpler beginner
easy easily breeze
harder tougher challenge challenging
hard tough difficult
hold holding seconds
rep reps repetition repetitions sets
remind reminder reminders notification notifications alert alerts ping nudge prompt
progress streak chart record improved history
pause holiday break freeze
robot bot human automatic person ai chatbot machine
physio physiotherapist clinician clinic surgeon doctor nurse consultant therapist
privacy data private information delete download
"""

SYNONYMS: dict[str, str] = {}
#: Words whose "-ing" or "-ed" is not a suffix ("morning" is not "morn").
_WHOLE = _wordset(
    """morning evening nothing something during ceiling string spring bring swing thing
    bed need speed feed red shed wed bleed sets weights"""
)


def stem(word: str) -> str:
    """A light suffix strip so "swimming", "crossed" and "stairs" meet their entries."""
    if word in _WHOLE:
        return word
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith("ed") and not word.endswith("eed"):
        word = word[:-2]
    elif len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
        word = word[:-1]  # "swimm" -> "swim", "stopp" -> "stop"
    return word


#: The lay words as written, which a misspelling may be read as.
_GROUP_WORDS: frozenset[str] = frozenset(_GROUPS.split())
_canon = ""
for _line in _GROUPS.strip("\n").splitlines():
    _words = _line.split()
    if not _line.startswith(" "):  # an indented line continues the group above it
        _canon = stem(_words[0])
    for _word in _words:
        SYNONYMS.setdefault(stem(_word), _canon)

_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def words(text: str) -> list[str]:
    """The words, lower case, apostrophes gone ("can't" is "cant")."""
    return [token.replace("'", "") for token in _TOKEN.findall(normalise(text))]


def tokens(text: str, correct: Callable[[str], str] | None = None) -> list[str]:
    """Every word as the index compares them: small words kept (in one form), others
    respelt by ``correct`` when given, stemmed and with their synonyms merged (so phrases
    such as "how often" still match)."""
    out = []
    for word in words(text[:MAX_CHARS]):
        if word in FILLER:
            continue
        if word in STOP or word.isdigit():
            out.append(_SMALL_FORMS.get(word) or (stem(word) if len(word) > 3 else word))
            continue
        if correct is not None:
            word = correct(word)
        stemmed = stem(word)
        out.append(SYNONYMS.get(stemmed, SYNONYMS.get(word, stemmed)))
    return out


def terms(text: str) -> list[str]:
    """Words that can tell questions apart: stop words gone, stemmed, synonyms merged."""
    return [t for t in tokens(text) if t not in STOP and not t.isdigit()]


def _one_slip(word: str, known: str) -> bool:
    """A letter left out, doubled or swapped ("swiming", "excercise", "wieght"); not a
    letter changed, which too often makes another real word ("stuck", "stick")."""
    if len(word) == len(known):
        return sorted(word) == sorted(known) and OSA.distance(word, known, score_cutoff=1) == 1
    return abs(len(word) - len(known)) == 1 and OSA.distance(word, known, score_cutoff=1) == 1


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(words[i:i + size] == phrase for i in range(len(words) - size + 1))


@dataclass(frozen=True)
class FaqMatch:
    """The entry a message asks about, how sure (``score``), how far ahead of the
    runner-up (``margin``: the share of the two best scores that is the best's), and on
    how much (``evidence``: the entry's words and phrases the message has)."""

    entry: str
    score: float
    margin: float
    evidence: int = 1


class FaqIndex:
    """Every entry's words with weights; ``match`` finds the entry a message asks."""

    def __init__(self, entries: Iterable[FaqEntry]) -> None:
        entries = list(entries)
        self.weights: dict[str, dict[str, float]] = {}
        self.pairs: dict[str, set[tuple[str, str]]] = {}
        self.phrases: dict[str, set[tuple[str, ...]]] = {}
        for entry in entries:
            weight: dict[str, float] = defaultdict(float)
            pairs: set[tuple[str, str]] = set()
            phrases: set[tuple[str, ...]] = set()
            fields = [("title", entry.title), ("answer", entry.answer)]
            for keyword in entry.keywords:
                phrase = tuple(tokens(keyword))
                if len(phrase) > 1:
                    phrases.add(phrase)
                fields.append(("keyword" if len(phrase) == 1 else "phrase", keyword))
            for field, text in fields:
                found = terms(text)
                for term in found:
                    weight[term] = max(weight[term], _WEIGHTS[field])
                if field == "title":
                    pairs.update(pairwise(found))
            self.weights[entry.id] = dict(weight)
            self.pairs[entry.id] = pairs
            self.phrases[entry.id] = phrases
        #: The entry for a question that mentions a warning sign, if the content has one.
        self.warning_signs = next((e.id for e in entries if e.warning_signs), None)
        count = len(self.weights) or 1
        seen: dict[str, float] = defaultdict(float)
        for weight in self.weights.values():
            for term, value in weight.items():
                seen[term] += value / _WEIGHTS["keyword"]  # an answer's word counts less
        self.idf = {term: math.log(1 + count / n) for term, n in seen.items()}
        # every word the entries and the lay synonyms are written with, for respelling
        spelt = _GROUP_WORDS | {w for e in entries for w in words(
            " ".join((e.title, e.answer, *e.keywords)))}
        self._by_first: dict[str, tuple[str, ...]] = {}
        for word in sorted(w for w in spelt if len(w) >= _FUZZY_FROM and w.isalpha()):
            self._by_first[word[0]] = (*self._by_first.get(word[0], ()), word)
        self._spelt = frozenset(spelt)
        self._respelt: dict[str, str] = {}

    def _correct(self, word: str) -> str:
        """The word, or the entries' (or synonyms') word it most likely misspells."""
        if word in self._spelt or len(word) < _FUZZY_FROM or not word.isalpha():
            return word
        if word not in self._respelt:
            if len(self._respelt) > 4096:
                self._respelt.clear()
            self._respelt[word] = next(
                (known for known in self._by_first.get(word[0], ()) if _one_slip(word, known)),
                word,
            )
        return self._respelt[word]

    def _read(self, text: str) -> tuple[tuple[str, ...], list[str]]:
        """The message's words as the index compares them, and its known terms."""
        said = tuple(tokens(text, self._correct))
        return said, list(dict.fromkeys(t for t in said if t in self.idf))

    def _score(self, entry_id: str, said: tuple[str, ...], found: list[str]
               ) -> tuple[float, int]:
        """One entry's score, and its evidence: how many of its words and phrases."""
        weight = self.weights[entry_id]
        shared = [t for t in found if t in weight]
        phrases = sum(1 for p in self.phrases[entry_id] if _contains(said, p))
        score = sum(self.idf[t] * weight[t] for t in shared) + PHRASE_BONUS * phrases
        score += sum(self.idf[a] + self.idf[b]
                     for a, b in set(pairwise(found)) & self.pairs[entry_id])
        return score, len(shared) + phrases

    def scores(self, text: str) -> dict[str, float]:
        """Each entry's score for ``text`` (only those sharing a word with it)."""
        said, found = self._read(text)
        result = {entry_id: self._score(entry_id, said, found)[0] for entry_id in self.weights}
        return {entry_id: score for entry_id, score in result.items() if score}

    def match(self, text: str) -> FaqMatch | None:
        """The best entry for ``text``, or None when none scores ``MIN_SCORE``."""
        said, found = self._read(text)
        scored = {entry_id: self._score(entry_id, said, found) for entry_id in self.weights}
        ranked = sorted(scored, key=lambda entry_id: -scored[entry_id][0])
        if not ranked or scored[ranked[0]][0] < MIN_SCORE:
            return None
        best = ranked[0]
        score, evidence = scored[best]
        second = scored[ranked[1]][0] if len(ranked) > 1 else 0.0
        return FaqMatch(best, round(score, 2), round(score / (score + second), 2), evidence)


_CACHE: dict[int, tuple[Mapping[str, FaqEntry], FaqIndex]] = {}


def faq_index(content: Content) -> FaqIndex:
    """The index of this Content's FAQ, built on first use."""
    faq = content.faq
    cached = _CACHE.get(id(faq))
    if cached is None or cached[0] is not faq:
        if len(_CACHE) >= 8:
            _CACHE.clear()
        cached = _CACHE[id(faq)] = (faq, FaqIndex(faq.values()))
    return cached[1]
