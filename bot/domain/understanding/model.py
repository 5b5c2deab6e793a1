"""The ranking model: which kind of message this is, when the rules alone are unsure.

A linear model (averaged perceptrons) over words, word pairs, letter triples (which
survive typos) and the rule cues of ``cues``, which count three times: they generalise
better than words. It is trained from the tuning part of the labelled corpus and the
independent probe rows (never the held-out fifth), by
``python -m tests.domain.understanding.train_model``, which writes
``model_weights.json`` beside this file; the file is read once, on first use.
Scoring is plain Python (no numpy): a message costs a few hundred dictionary lookups.
Pure: no ``telegram``.
"""

from __future__ import annotations

import functools
import json
import math
import re
from collections.abc import Iterable, Mapping
from itertools import combinations, pairwise
from pathlib import Path

from bot.domain.understanding.cues import cue_features
from bot.domain.understanding.exercise_names import mentions
from bot.domain.understanding.pain_reading import alone_score, pain_free, parse_pain, pick_score
from bot.domain.understanding.questions import question_topic
from bot.domain.understanding.reading import IntentKind

#: The kinds the model ranks (a red flag is never a reading: the flags say that).
MODEL_KINDS: tuple[IntentKind, ...] = (
    "done", "undo", "rest", "pain", "exercise", "question", "social", "unknown",
)
WEIGHTS_FILE = Path(__file__).with_name("model_weights.json")
#: Letter triples are read from this much of the text; words from all of it.
CHAR_CHARS = 300
#: The rule cues count this many times over a word (they generalise better).
CUE_WEIGHT = 3
_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+|[^\w\s]")
_VOWELS = frozenset("aeiouy")
_EMOJI_OR_MARK = re.compile(r"^[^\w\s]+$")


def _length_bucket(count: int) -> str:
    for limit, name in ((1, "1"), (3, "2-3"), (7, "4-7"), (15, "8-15")):
        if count <= limit:
            return name
    return "16+"


#: Cues that say a message is about something (not only a greeting or a thanks).
_CONTENT = frozenset(
    {"done_word", "did", "walked", "count", "undo", "rest", "pain", "trend", "q_start",
     "q_mid", "request", "exercise", "score", "score_invalid", "number", "score_alone",
     "topic", "rest_request", "why_move", "said_no", "not_done", "asks_exercise",
     "pain_free"}
)
_ANY_CLASS = _CONTENT | {"social", "small_talk", "resolved", "negated_symptom", "off_topic"}


def _composite(cues: list[str], only_marks: bool) -> list[str]:
    """Cues about the other cues: a greeting and nothing else, nothing at all..."""
    fired = set(cues)
    if "how_are_you" in fired:
        fired -= {"q_start", "q_mid", "qmark"}
    extra = []
    if "social" in fired and not fired & _CONTENT:
        extra.append("pure_social")
    if not fired & _ANY_CLASS:
        extra.append("no_cue")
    if only_marks:
        extra.append("only_marks")
    return extra


def features(text: str) -> list[str]:
    """The model's features of respelt normalised ``text`` (see the module docstring)."""
    tokens = _TOKEN.findall(text)
    words = [t for t in tokens if t[0].isalpha()]
    out = ["bias", f"len:{_length_bucket(len(tokens))}"]
    out += [f"w:{t}" for t in tokens]
    padded = ["<s>", *tokens, "</s>"]
    out += [f"b:{a}_{b}" for a, b in pairwise(padded)]
    joined = " " + " ".join(words)[:CHAR_CHARS] + " "
    out += [f"c:{joined[i : i + 3]}" for i in range(len(joined) - 2)]
    if tokens and all(_EMOJI_OR_MARK.match(t) for t in tokens):
        out.append("only_marks")
    if any(len(w) >= 4 and not (set(w) & _VOWELS) for w in words):
        out.append("no_vowel_word")
    if any(len(set(w)) <= 2 and len(w) >= 4 for w in words):
        out.append("repeated_letters")
    cues = cue_features(text)
    named = mentions(text)
    if named:
        cues.append("exercise")
        if "pain" in cues and not {"request", "qmark", "asks_exercise"} & set(cues):
            cues.append("exercise_hurts")
        cues.append("exercises_2+" if len(named) > 1 else "exercise_1")
        if named[0].start <= 4:
            cues.append("exercise_first")
        out += [f"ex:{m.exercise}" for m in named[:3]]
    found, score = parse_pain(text)
    if found:
        cues.append("score" if score is not None else "score_invalid")
    if alone_score(text)[0]:
        cues.append("score_alone")
    number = pick_score(text)[0]
    if number is not None and number.value is not None:
        cues.append("number")
    if pain_free(text):
        cues.append("pain_free")
    if question_topic(text) is not None:
        cues.append("topic")
    cues += _composite(cues, only_marks="only_marks" in out)
    rules = [f"r:{cue}" for cue in cues] + [f"r:{a}&{b}" for a, b in combinations(cues, 2)]
    return list(dict.fromkeys([*out, *rules]))  # each once; ``Model`` weighs the rules


class Model:
    """Linear weights per feature, one per kind, as integers (hundredths).

    A rule cue's weights count ``CUE_WEIGHT`` times, as in training (``weighted``).
    """

    def __init__(self, weights: Mapping[str, list[int]], kinds: Iterable[str]) -> None:
        self.weights = {
            feat: [value * CUE_WEIGHT for value in row] if feat.startswith("r:") else row
            for feat, row in weights.items()
        }
        self.kinds = tuple(kinds)

    def scores(self, feats: Iterable[str]) -> list[float]:
        """One raw score per kind (``self.kinds`` order)."""
        get = self.weights.get
        rows = [row for row in map(get, feats) if row is not None]
        if not rows:
            return [0.0] * len(self.kinds)
        return [sum(column) / 100.0 for column in zip(*rows, strict=True)]


def weighted(feats: list[str]) -> list[str]:
    """Features as training sees them: each rule cue ``CUE_WEIGHT`` times."""
    return feats + [feat for feat in feats if feat.startswith("r:")] * (CUE_WEIGHT - 1)


def softmax(values: list[float], temperature: float) -> list[float]:
    """Scores as probabilities; ``temperature`` spreads or sharpens them."""
    top = max(values)
    exps = [math.exp((v - top) / temperature) for v in values]
    total = sum(exps)
    return [e / total for e in exps]


@functools.cache
def load() -> Model | None:
    """The committed weights, read once; None when the file is missing or unreadable."""
    try:
        data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
        if tuple(data["kinds"]) != MODEL_KINDS:
            return None  # weights for other kinds: retrain
        return Model(data["weights"], MODEL_KINDS)
    except (OSError, ValueError, KeyError, TypeError):
        return None
