"""Which everyday question (``content/faq.yaml``) a message asks, if any.

"is it ok to have a bath", "can i drive yet its been 5 weeks since the op", "my hip is so
stiff when i wake up whats that about": patients rarely use an entry's words, but they
share some of them, or a lay word for one. As for exercise descriptions
(``bot.domain.exercise_descriptions``), each entry becomes a bag of words with weights
(its title and keywords count more than its answer, and a command the answer offers,
"send /ask", not at all), and a message scores each entry by the rarer words they share
(inverse document frequency), plus a bonus for a keyword of several words found in
order, a small word or two allowed between ("how often", "who sees" in "who can read"),
and for two title words in order. Messages and entries are read alike by
``faq_words``: small words count only inside such phrases (``STOP``), lay expressions
and words are brought to one word first (``SYNONYMS``), and a word with a letter left
out, doubled or swapped is read as the entries' word ("swiming"). The best entry wins
when its score is high enough (``MIN_SCORE``); otherwise there is no answer, and the
patient is offered /ask. The entries and their words are the content's; only the lay
vocabulary is written in code.

Words miss askings that share none with the entry ("frozen peas or a wheat bag?"). Given
a sentence encoder (``bot.semantics``, passed in: this module loads nothing), each entry
also scores by how close in meaning the message is to its title or to one of the ways
patients have asked it (``content/faq_askings.yaml``): the closest one's cosine
similarity, above ``SIMILARITY_FLOOR`` and times ``SEMANTIC_WEIGHT``, is added to the
words' score, and an entry close enough (``MIN_SIMILARITY``) is an answer even when the
words alone score too little. Pure: no ``telegram``, no files.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import TYPE_CHECKING, Protocol

from rapidfuzz.distance import OSA

from bot.content.model import Content, FaqEntry
from bot.domain.understanding.faq_words import (
    GROUP_WORDS,
    SMALL,
    STOP,
    SYNONYMS,
    stem,
    terms,
    tokens,
    words,
)

if TYPE_CHECKING:  # numpy itself is loaded with the encoder, not with this module
    import numpy as np
    from numpy.typing import NDArray

__all__ = ["STOP", "SYNONYMS", "FaqIndex", "FaqMatch", "faq_index", "stem", "terms"]
#: The least score an entry needs to be the answer (a keyword, or two telling words).
MIN_SCORE = 6.0
#: Field weights: a word of the title or a keyword says more than one of the answer.
_WEIGHTS = {"title": 2.5, "keyword": 3.0, "phrase": 1.5, "answer": 0.6}
#: A keyword of several words found as written ("how often", "sleep with").
PHRASE_BONUS = 8.0
#: How many small words may sit between two words of such a keyword ("who sees" in
#: "who can see", "why exercise" in "why should i exercise").
PHRASE_GAP = 2
#: Words shorter than this are never read as misspellings of another word.
_FUZZY_FROM = 5
#: What closeness in meaning adds to an entry's score: its similarity above the floor,
#: times the weight (0.8 similar adds 25, a keyword about 10). Chosen on the tuning sets
#: tune2 and tune3 (tests/data/faq), never on the held-out fifth.
SEMANTIC_WEIGHT = 50.0
SIMILARITY_FLOOR = 0.3
#: An entry this close in meaning is an answer even when the words score too little.
MIN_SIMILARITY = 0.6


class Encoder(Protocol):
    """A sentence encoder: texts to unit vectors, close vectors for close meanings."""

    def encode(self, text: str) -> NDArray[np.float32]: ...

    def encode_all(self, texts: Sequence[str]) -> NDArray[np.float32]: ...


#: A command in an answer ("send /ask"): what the answer offers, not what it is about.
_COMMAND = re.compile(r"/[a-z_]+")


def _one_slip(word: str, known: str) -> bool:
    """A letter left out, doubled or swapped ("swiming", "excercise", "wieght"); not a
    letter changed, which too often makes another real word ("stuck", "stick")."""
    if len(word) == len(known):
        return sorted(word) == sorted(known) and OSA.distance(word, known, score_cutoff=1) == 1
    return abs(len(word) - len(known)) == 1 and OSA.distance(word, known, score_cutoff=1) == 1


def _contains(words: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    """Whether the phrase's words come in order, with at most ``PHRASE_GAP`` small words
    between two of them ("who sees" in "who can read", "why exercise" in "why should i
    exercise"), never another telling word."""
    last = len(words)
    for start, word in enumerate(words):
        if word != phrase[0]:
            continue
        at = start
        for want in phrase[1:]:
            step = 1
            while (step <= PHRASE_GAP and at + step < last and words[at + step] != want
                   and words[at + step] in SMALL):
                step += 1
            if at + step < last and words[at + step] == want:
                at += step
            else:
                break
        else:
            return True
    return False


@dataclass(frozen=True)
class FaqMatch:
    """The entry a message asks about, how sure by words (``score``), how far ahead of
    the runner-up by words (``margin``: the share of the two scores that is this
    entry's), on how much (``evidence``: the entry's words and phrases the message has),
    and how close in meaning (``similarity``)."""

    entry: str
    score: float
    margin: float
    evidence: int = 1
    #: How close in meaning to the entry's nearest asking (0 without an encoder).
    similarity: float = 0.0


class FaqIndex:
    """Every entry's words with weights; ``match`` finds the entry a message asks."""

    def __init__(self, entries: Iterable[FaqEntry], encoder: Encoder | None = None) -> None:
        entries = list(entries)
        self._encoder = encoder
        #: Each example's vector (its title, then its askings), entry by entry: ``_owners``
        #: names the entries in order, ``_starts`` where each one's rows begin.
        self._owners: list[str] = []
        self._starts: list[int] = []
        self._vectors: NDArray[np.float32] | None = None
        if encoder is not None:
            texts: list[str] = []
            for entry in entries:
                self._owners.append(entry.id)
                self._starts.append(len(texts))
                texts += [entry.title, *entry.askings]
            self._vectors = encoder.encode_all(texts)
        self.weights: dict[str, dict[str, float]] = {}
        self.pairs: dict[str, set[tuple[str, str]]] = {}
        self.phrases: dict[str, set[tuple[str, ...]]] = {}
        for entry in entries:
            weight: dict[str, float] = defaultdict(float)
            pairs: set[tuple[str, str]] = set()
            phrases: set[tuple[str, ...]] = set()
            fields = [("title", entry.title), ("answer", _COMMAND.sub(" ", entry.answer))]
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
        spelt = GROUP_WORDS | {w for e in entries for w in words(
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
        """Each entry's score for ``text`` by words alone (those sharing a word with it)."""
        said, found = self._read(text)
        result = {entry_id: self._score(entry_id, said, found)[0] for entry_id in self.weights}
        return {entry_id: score for entry_id, score in result.items() if score}

    def similarities(self, text: str) -> dict[str, float]:
        """Each entry's closeness in meaning to ``text``: its nearest example's cosine
        similarity (empty without an encoder)."""
        if self._encoder is None or self._vectors is None or not self._owners:
            return {}
        cosines = self._vectors @ self._encoder.encode(text)
        ends = [*self._starts[1:], len(cosines)]
        return {owner: float(cosines[start:end].max())
                for owner, start, end in zip(self._owners, self._starts, ends, strict=True)}

    def match(self, text: str) -> FaqMatch | None:
        """The best entry for ``text``, or None when its words score less than
        ``MIN_SCORE`` and no entry is ``MIN_SIMILARITY`` close in meaning."""
        said, found = self._read(text)
        scored = {entry_id: self._score(entry_id, said, found) for entry_id in self.weights}
        close = self.similarities(text)
        total = {entry_id: words + SEMANTIC_WEIGHT * max(0.0, close.get(entry_id, 0.0)
                                                          - SIMILARITY_FLOOR)
                 for entry_id, (words, _) in scored.items()}
        ranked = sorted(total, key=lambda entry_id: -total[entry_id])
        if not ranked:
            return None
        best = ranked[0]
        if (max(words for words, _ in scored.values()) < MIN_SCORE
                and close.get(best, 0.0) < MIN_SIMILARITY):
            return None
        score, evidence = scored[best]
        second = max((words for entry_id, (words, _) in scored.items() if entry_id != best),
                     default=0.0)
        margin = score / (score + second) if score else 0.0
        return FaqMatch(best, round(score, 2), round(margin, 2), evidence,
                        round(close.get(best, 0.0), 3))


_CACHE: dict[tuple[int, int], tuple[Mapping[str, FaqEntry], Encoder | None, FaqIndex]] = {}


def faq_index(content: Content, encoder: Encoder | None = None) -> FaqIndex:
    """The index of this Content's FAQ (with this encoder, if any), built on first use."""
    faq = content.faq
    key = (id(faq), id(encoder))
    cached = _CACHE.get(key)
    if cached is None or cached[0] is not faq or cached[1] is not encoder:
        if len(_CACHE) >= 8:
            _CACHE.clear()
        cached = _CACHE[key] = (faq, encoder, FaqIndex(faq.values(), encoder))
    return cached[2]
