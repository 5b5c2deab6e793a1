"""A learned second opinion on red flags: "is this a live red flag about the patient now?"

The phrase rules (``red_flags``) decide every alarm and say why; they miss phrasings no
one wrote a rule for, and now and then read a look-alike ("my friend's leg went numb") as
live. This model reads the same prepared text (``red_flag_phrases.prepare``) and leads
to a yes/no question (``red_flag_review``), or to an alarm on words the rules matched but
qualified when it is sure they are live; never to a silence.

Two heads over one set of features (words, word pairs, and the letter n-grams of each
word, which survive typos):

- ``live``: a logistic regression, its score the log-odds that the message reports a
  live red flag about the patient (a relative writing for them included);
- ``category``: averaged perceptrons over the 12 red-flag categories (words, pairs and
  letter 4-grams), trained on red flags only, so a question can name the concept.

Every opinion is explained by the words that weighed most (``evidence``): each word with
its letter n-grams, and word pairs.

Weights are integers (``1 / SCALE`` of a log-odds unit) in ``red_flag_weights.json``,
written by ``python -m tests.domain.understanding.train_red_flag_model`` from the tune
part of the corpus, probes 1-2 and the tuning batches, never the held-out fifth, with the
thresholds chosen by 5-fold cross-validation (``python -m
tests.domain.understanding.train_model`` runs it too). The logistic regression is trained
in integers only, so the file is reproducible byte for byte. Scoring is plain Python: a
word's weight (its own plus its letter n-grams) is summed once and memoised, so a message
costs one dictionary lookup per word and one per word pair. Pure: no ``telegram``.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

WEIGHTS_FILE = Path(__file__).with_name("red_flag_weights.json")
#: Letter n-grams of each word, the word padded by a space either side.
CHAR_NS = (3, 4, 5)
#: The category head reads words, pairs and letter n-grams of this length only, each once.
CATEGORY_CHAR_N = 4
#: Weights and scores are integers in 1/SCALE of a log-odds unit.
SCALE = 10_000
#: Words whose summed weight is remembered (then the memo starts again).
WORD_MEMO = 20_000
#: Evidence items named per opinion.
EVIDENCE = 3
#: Words never named as evidence on their own (a pair of them neither).
FUNCTION_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "i", "i'm", "im", "i've", "ive", "i'd", "me", "my", "it",
     "it's", "its", "is", "am", "are", "to", "of", "in", "on", "at", "for", "with", "this",
     "that", "be", "so", "s", "up", "there", "there's", "some", "bit", "then", "just"}
)
#: Words that name no person, time or manner: never evidence that a sign is not live.
NEUTRAL_WORDS = frozenset(
    {"a", "an", "the", "and", "or", "is", "am", "are", "it", "it's", "its", "to", "of", "in",
     "on", "at", "that", "this", "there", "there's", "be"}
)
#: A live rule hit is doubted only when the message's words against it weigh at least
#: this much together (1/SCALE log-odds): a low score that comes from the bias alone
#: means the model does not know the words, not that they say "not live".
DOUBT_WORDS = 10_000
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+")
_START, _END = "<s>", "</s>"


def word_features(word: str) -> list[str]:
    """The features one word brings, wherever it stands: itself and its letter n-grams."""
    padded = f" {word} "
    out = [f"w:{word}"]
    for n in CHAR_NS:
        out += [f"c:{padded[i : i + n]}" for i in range(len(padded) - n + 1)]
    return out


def pair_feature(first: str, second: str) -> str:
    return f"b:{first} {second}"


def features(clean: str) -> list[str]:
    """Every feature of prepared text, repeats kept (each counts): the bias, each word's,
    and each pair of neighbouring words (the message's start and end count as words)."""
    words = _TOKEN.findall(clean)
    out = ["bias"]
    for word in words:
        out += word_features(word)
    out += [pair_feature(a, b) for a, b in pairwise([_START, *words, _END])]
    return out


def category_features(clean: str) -> list[str]:
    """The category head's features of prepared text (see ``CATEGORY_CHAR_N``)."""
    size = 2 + CATEGORY_CHAR_N
    return list(dict.fromkeys(
        feat for feat in features(clean) if not feat.startswith("c:") or len(feat) == size
    ))


@dataclass(frozen=True)
class Evidence:
    """Words of the message that weighed in an opinion: prepared text, span, weight."""

    words: str
    start: int
    end: int
    weight: int  # 1/SCALE of a log-odds unit; positive: towards a live red flag


def probability(logit: int) -> float:
    """A score (1/SCALE log-odds) as a probability."""
    value = max(-60.0, min(60.0, logit / SCALE))
    return 1.0 / (1.0 + math.exp(-value))


class RedFlagModel:
    """The two heads and the thresholds the cross-validation chose (see the module doc).

    ``ask_from``: a message the rules find nothing in is asked about from this score up;
    ``ask_from_qualified``: the same, when the rules found red-flag words and a reason
    they are not live ("no fever"). ``alarm_from``: from this score up, such qualified
    words are an alarm all the same. ``doubt_below``: a live rule hit in a message with
    qualifier cues is asked about instead of alarmed below this score
    (``red_flag_review``).
    """

    def __init__(
        self,
        live: Mapping[str, int],
        categories: Sequence[str],
        category_weights: Mapping[str, Sequence[int]],
        ask_from: int,
        ask_from_qualified: int,
        doubt_below: int,
        alarm_from: int,
    ) -> None:
        self.live = dict(live)
        self.categories = tuple(categories)
        self.category_weights = dict(category_weights)
        self.ask_from = ask_from
        self.ask_from_qualified = ask_from_qualified
        self.doubt_below = doubt_below
        self.alarm_from = alarm_from
        self._bias = self.live.get("bias", 0)
        self._words: dict[str, int] = {}

    def word_weight(self, word: str) -> int:
        """The summed weight of a word's own features (memoised)."""
        weight = self._words.get(word)
        if weight is None:
            if len(self._words) >= WORD_MEMO:
                self._words.clear()
            get = self.live.get
            weight = sum(get(feat, 0) for feat in word_features(word))
            self._words[word] = weight
        return weight

    def logit(self, clean: str) -> int:
        """The score of prepared text: log-odds of a live red flag, in 1/SCALE."""
        words = _TOKEN.findall(clean)
        get = self.live.get
        total = self._bias + sum(map(self.word_weight, words))
        return total + sum(get(pair_feature(a, b), 0)
                           for a, b in pairwise([_START, *words, _END]))

    def weighed(self, clean: str) -> list[Evidence]:
        """What each word and each pair of words of prepared text weighs in the score.

        A word counts with its letter n-grams; the message's start or end, paired with a
        word, counts for that word. The bias is not a word: it is left out.
        """
        matches = list(_TOKEN.finditer(clean))
        if not matches:
            return []
        get = self.live.get
        words = [m.group() for m in matches]
        weights = [self.word_weight(word) for word in words]
        weights[0] += get(pair_feature(_START, words[0]), 0)
        weights[-1] += get(pair_feature(words[-1], _END), 0)
        items = [Evidence(word, m.start(), m.end(), weight)
                 for word, m, weight in zip(words, matches, weights, strict=True)]
        items += [
            Evidence(f"{a.group()} {b.group()}", a.start(), b.end(),
                     get(pair_feature(a.group(), b.group()), 0))
            for a, b in pairwise(matches)
        ]
        return items

    def against(self, clean: str, spans: Sequence[tuple[int, int]] = ()) -> int:
        """How much the words that weigh against a live red flag weigh, together (>= 0),
        leaving out those inside ``spans`` (the live hits: the sign's own words are no
        evidence against it) and words that say nothing about anyone or anything ("or",
        "the", "that"): they lean with whatever the training rows happened to say, and
        never make a sign doubtful. "my" and "so" still count ("my neighbour fell", "so
        sad I couldn't breathe")."""
        return -sum(item.weight for item in self.weighed(clean) if item.weight < 0
                    and not any(s <= item.start < e for s, e in spans)
                    and not set(item.words.split()) <= NEUTRAL_WORDS)

    def evidence(self, clean: str, *, live: bool, most: int | None = EVIDENCE
                 ) -> tuple[Evidence, ...]:
        """The words that weighed most towards a live flag (``live``) or against one:
        heaviest first, only items that pushed that way, bare function words ("and",
        "the") left out (they say nothing a person could check); ``most`` None: all of them."""
        sign = 1 if live else -1
        ranked = sorted(
            (item for item in self.weighed(clean)
             if sign * item.weight > 0 and not set(item.words.split()) <= FUNCTION_WORDS),
            key=lambda item: (-sign * item.weight, item.start),
        )
        return tuple(ranked[:most])

    def category(self, clean: str) -> str:
        """The likeliest red-flag category of prepared text."""
        scores = [0] * len(self.categories)
        get = self.category_weights.get
        for feat in category_features(clean):
            row = get(feat)
            if row is not None:
                for k, value in enumerate(row):
                    scores[k] += value
        return self.categories[max(range(len(scores)), key=lambda k: (scores[k], -k))]


def from_data(data: Mapping[str, object]) -> RedFlagModel:
    """A model from the weights file's data (``train_red_flag_model`` writes it)."""
    thresholds = data["thresholds"]
    categories = data["categories"]
    assert isinstance(thresholds, dict) and isinstance(categories, list)
    live = data["live"]
    category_weights = data["category"]
    assert isinstance(live, dict) and isinstance(category_weights, dict)
    return RedFlagModel(live, categories, category_weights, int(thresholds["ask_from"]),
                        int(thresholds["ask_from_qualified"]), int(thresholds["doubt_below"]),
                        int(thresholds["alarm_from"]))


@functools.cache
def load() -> RedFlagModel | None:
    """The committed model, read once; None when the file is missing or unreadable (the
    rules alone then decide, as before the model)."""
    try:
        data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
        if data.get("scale") != SCALE or tuple(data.get("char_ns", ())) != CHAR_NS:
            return None  # weights for other features: retrain
        return from_data(data)
    except (OSError, ValueError, KeyError, TypeError, AssertionError):
        return None
