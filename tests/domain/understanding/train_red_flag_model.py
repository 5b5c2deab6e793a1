"""Train the red-flag second opinion and choose its thresholds by 5-fold cross-validation.

``python -m tests.domain.understanding.train_red_flag_model`` writes
``bot/domain/understanding/red_flag_weights.json`` (see ``red_flag_model``) and prints
the cross-validation figures. It learns from the tune part of the corpus, probes 1
and 2 (``tests/data/understanding_probe``) and the tuning batches
(``tests/data/understanding_tune*``, ``BATCH_FILES``), every intent, red flags included,
features seen in a single row left out (``MIN_ROWS``); never the held-out fifth (a
probe row whose text is a held-out row is left out, by row key) and
never a third probe. Deterministic: seeded shuffles and integer arithmetic only (the
logistic function is a table of integers), so the same rows always give the same file
(``test_red_flag_model.py`` checks the digest of its inputs recorded in the file, and
with ``FULL=1`` rebuilds it and compares byte for byte).

Cross-validation: the rows are dealt into 5 folds by a hash of their text, within red
flags, look-alikes and other messages alike; each fold is scored by a model trained on the
other four. The rules are the committed ones, tuned on these same rows: in-sample they
alarm on every red flag and on no look-alike, so what the model adds where the rules fail
is read from "the model alone" figures (out-of-fold), and the combined figures show its
cost (questions asked, alarms turned into questions). The thresholds:

- ``ask_from_qualified``: the lowest score at which at most ``QUALIFIED_ASK_BUDGET`` of
  the look-alikes whose red-flag words the rules qualified ("no fever") would be asked
  about;
- ``ask_from``: the lowest score at which at most ``ASK_BUDGET`` of ordinary messages
  (neither red flags nor look-alikes) would be asked about, all questions counted;
- ``alarm_from``: the lowest score at which at most ``ALARM_BUDGET`` of the look-alikes
  would be alarmed, counting every message that is not a red flag (look-alikes and
  ordinary ones) on which the rules raise no alarm, and never below the score of a
  probability of ``MIN_SURE``: from there, the rules' qualified or vague hit is an alarm
  all the same, and so is a sign the model names where the rules found none;
- ``doubt_below``: the highest score below which at most ``DOUBT_BUDGET`` of red flags
  would be asked about instead of alarmed (those ``red_flag_review`` may doubt), and
  never above the score of a probability of ``MAX_DOUBT``: the model must say "not live"
  strongly.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import astuple, dataclass, replace
from pathlib import Path

import yaml

from bot.domain.understanding import red_flag_model, red_flag_review
from bot.domain.understanding.red_flag_model import (
    CHAR_NS,
    DOUBT_WORDS,
    SCALE,
    WEIGHTS_FILE,
    RedFlagModel,
    category_features,
    features,
)
from bot.domain.understanding.red_flag_review import (
    RulesView,
    live_spans,
    rules_view,
    sign_sentences,
    verdict,
)
from bot.domain.understanding.red_flags import (
    ambiguous_red_flag,
    prepared_message,
    scan_red_flags,
)
from tests.domain.understanding.code_digest import code_of
from tests.domain.understanding.corpus import RED_FLAG_CATEGORIES, Row, load_rows
from tests.domain.understanding.split import SPLIT_FILE, corpus, parts, row_key

PROBE_DIR = Path(__file__).resolve().parents[2] / "data" / "understanding_probe"
#: Probes 1 and 2, every row (red flags too), in this order after the tune part.
PROBE_FILES = (
    "redflags_probe.yaml",
    "intents_probe.yaml",
    "redflags_probe2.yaml",
    "intents_probe2.yaml",
)
_DATA = Path(__file__).resolve().parents[2] / "data"
#: The batches written for tuning (``tests/data/understanding_tune4``, ``_tune5``, ``_tune6``),
#: after them.
TUNE4_FILES = tuple(
    _DATA / f"understanding_tune{n}" / name
    for n in (4, 5, 6)
    for name in (f"redflags_tune{n}.yaml", f"intents_tune{n}.yaml")
)
#: The batches written later in the corpus's style (tune13 on; ``tests/data/understanding_tune*``).
BATCHES = range(13, 230)
#: Batches written later (tune8 and tune9's everyday messages, and tune13 on, every row).
#: Until tune86 the model learnt only from the rows above and these fed the intent model
#: alone; learning from them too halved the ordinary messages asked about in five fresh
#: batches measured untouched (41 -> 17), alarmed on the same red flags, and asked about
#: every one it did not alarm on.
BATCH_FILES = (
    *(_DATA / f"understanding_tune{n}" / f"intents_tune{n}.yaml" for n in (8, 9)),
    *(_DATA / f"understanding_tune{n}" / f"style_tune{n}.yaml" for n in BATCHES),
)
FOLDS = 5
#: A feature is learnt only when at least this many rows have it (the category head's:
#: this many red flags): one seen once can only memorise its row (3.27 -> 1.99 MB, the
#: same cross-validation figures).
MIN_ROWS = 2
#: Logistic regression by stochastic gradient descent: epochs, rate (divided by the
#: epoch's number), shuffle seed.
EPOCHS = 15
RATE = (3, 100)
SEED = 7
#: The category head: averaged perceptrons, one per seed, their weights summed (the same
#: linear model, less variance: 91 -> 96 % right in cross-validation).
CATEGORY_EPOCHS = 5
CATEGORY_SEEDS = (11, 23, 37, 41, 53, 61, 71, 83, 97, 101)
#: Weights while training, in 1/UNIT of a log-odds unit (stored in 1/SCALE).
UNIT = 1_000_000
#: The logistic table: entries per log-odds unit, and how far either side of 0 it reaches.
STEPS = 64
REACH = 16
SIGMOID = tuple(
    round(UNIT / (1.0 + math.exp(-(i - REACH * STEPS) / STEPS)))
    for i in range(2 * REACH * STEPS + 1)
)
#: Ordinary messages asked about, at most (cross-validated).
ASK_BUDGET = 0.04
#: Look-alikes the rules qualified that the model may ask about, at most.
QUALIFIED_ASK_BUDGET = 0.10
#: Red flags the model may turn from an alarm into a question, at most (cross-validated).
DOUBT_BUDGET = 0.015
#: The model doubts a live rule hit only below this probability, whatever the budget.
MAX_DOUBT = 0.2
#: Look-alikes the model may turn into an alarm, at most (cross-validated): 0.15 %.
ALARM_BUDGET = 0.0015
#: The model raises an alarm the rules did not only from this probability.
MIN_SURE = 0.999


def _held_keys() -> set[str]:
    return set(yaml.safe_load(SPLIT_FILE.read_text(encoding="utf-8"))["heldout_ids"])


def training_rows() -> list[Row]:
    """The tune part, probes 1 and 2, then the batches (tune4 on): each text once, none
    held out (by row key)."""
    held = _held_keys()
    tune, _ = parts(corpus())
    seen: set[str] = set()
    rows: list[Row] = []
    probes = [*(PROBE_DIR / name for name in PROBE_FILES), *TUNE4_FILES, *BATCH_FILES]
    for row in [*tune, *load_rows(probes)]:
        key = row_key(row.text)
        if key not in seen and key not in held:
            seen.add(key)
            rows.append(row)
    return rows


def trained_on(rows: Sequence[Row]) -> dict[str, object]:
    """What the model saw: how many rows and a digest of their row keys."""
    keys = sorted(row_key(row.text) for row in rows)
    digest = hashlib.sha256("\n".join(keys).encode("utf-8")).hexdigest()
    return {"rows": len(rows), "row_keys_sha256": digest}


def group_of(row: Row) -> str:
    if row.intent == "redflag":
        return "redflag"
    return "lookalike" if row.lookalike else "other"


def folds(rows: Sequence[Row]) -> list[int]:
    """Each row's fold: rows of each group in the order of a hash of their text, dealt."""
    fold = [0] * len(rows)
    for group in ("redflag", "lookalike", "other"):
        members = [i for i, row in enumerate(rows) if group_of(row) == group]
        members.sort(key=lambda i: hashlib.sha256(
            f"fold:{row_key(rows[i].text)}".encode()).hexdigest())
        for n, index in enumerate(members):
            fold[index] = n % FOLDS
    return fold


@dataclass(frozen=True)
class Data:
    """The rows as the trainer sees them: features as numbers, labels, the vocabulary."""

    rows: list[Row]
    cleans: list[str]  # each row's prepared text, as the model reads it
    vocabulary: list[str]
    feats: list[list[int]]
    category_feats: list[list[int]]
    live: list[bool]
    category: list[int]  # index in RED_FLAG_CATEGORIES, -1 for a row that is no red flag


def data_of(rows: list[Row]) -> Data:
    cleans = [prepared_message(row.text).text for row in rows]
    every = [features(clean) for clean in cleans]
    by_flag = [category_features(clean) if row.intent == "redflag" else []
               for clean, row in zip(cleans, rows, strict=True)]
    seen_in = Counter(name for names in every for name in set(names))
    flags_in = Counter(name for names in by_flag for name in names)
    index: dict[str, int] = {}
    feats = []
    category_feats = []
    for clean, names in zip(cleans, every, strict=True):
        feats.append([index.setdefault(name, len(index)) for name in names
                      if seen_in[name] >= MIN_ROWS])
        category_feats.append([index[name] for name in category_features(clean)
                               if flags_in[name] >= MIN_ROWS])
    categories = [
        RED_FLAG_CATEGORIES.index(row.slots["category"]) if row.intent == "redflag" else -1
        for row in rows
    ]
    return Data(rows, cleans, list(index), feats, category_feats,
                [row.intent == "redflag" for row in rows], categories)


def _sigmoid(score: int) -> int:
    at = score * STEPS // UNIT + REACH * STEPS
    return SIGMOID[min(max(at, 0), len(SIGMOID) - 1)]


def fit_live(data: Data, chosen: Sequence[int]) -> list[int]:
    """Logistic regression weights (1/UNIT) from the rows ``chosen`` (integers only)."""
    weights = [0] * len(data.vocabulary)
    order = list(chosen)
    rng = random.Random(SEED)
    for epoch in range(EPOCHS):
        rng.shuffle(order)
        den = 2 * RATE[1] * (epoch + 1)
        for i in order:
            feats = data.feats[i]
            gap = (UNIT if data.live[i] else 0) - _sigmoid(sum(map(weights.__getitem__, feats)))
            step = (2 * gap * RATE[0] + den // 2) // den
            if step:
                for feat in feats:
                    weights[feat] += step
    return [(w * SCALE * 2 + UNIT) // (2 * UNIT) for w in weights]  # rounded to 1/SCALE


def fit_category(data: Data, chosen: Sequence[int]) -> dict[int, list[int]]:
    """Averaged perceptrons over the categories, one per seed, summed (see ``perceptron``)."""
    summed: dict[int, list[int]] = {}
    for seed in CATEGORY_SEEDS:
        for feat, values in perceptron(data, chosen, seed).items():
            row = summed.setdefault(feat, [0] * len(RED_FLAG_CATEGORIES))
            for k, value in enumerate(values):
                row[k] += value
    return {feat: summed[feat] for feat in sorted(summed) if any(summed[feat])}


def perceptron(data: Data, chosen: Sequence[int], seed: int) -> dict[int, list[int]]:
    """An averaged perceptron over the categories, from the red flags among ``chosen``."""
    kinds = len(RED_FLAG_CATEGORIES)
    weights: dict[int, list[int]] = {}
    totals: dict[int, list[int]] = {}
    stamps: dict[int, list[int]] = {}
    order = [i for i in chosen if data.live[i]]
    rng = random.Random(seed)
    clock = 1
    for _ in range(CATEGORY_EPOCHS):
        rng.shuffle(order)
        for i in order:
            feats, gold = data.category_feats[i], data.category[i]
            found = [row for row in map(weights.get, feats) if row is not None]
            score = [sum(column) for column in zip(*found, strict=True)] if found else [0] * kinds
            rival = max((k for k in range(kinds) if k != gold), key=lambda k: (score[k], -k))
            if score[gold] > score[rival]:
                clock += 1
                continue
            for feat in feats:
                row = weights.setdefault(feat, [0] * kinds)
                total = totals.setdefault(feat, [0] * kinds)
                stamp = stamps.setdefault(feat, [0] * kinds)
                for k, change in ((gold, 1), (rival, -1)):
                    total[k] += (clock - stamp[k]) * row[k]
                    stamp[k] = clock
                    row[k] += change
            clock += 1
    averaged: dict[int, list[int]] = {}
    for feat in sorted(weights):
        row, total, stamp = weights[feat], totals[feat], stamps[feat]
        values = [
            (2 * (total[k] + (clock - stamp[k]) * row[k]) * 100 + clock) // (2 * clock)
            for k in range(kinds)
        ]
        if any(values):
            averaged[feat] = values
    return averaged


def model_of(data: Data, chosen: Sequence[int], thresholds: Sequence[int] = (0, 0, 0, 0)
             ) -> RedFlagModel:
    live = fit_live(data, chosen)
    category = fit_category(data, chosen)
    names = data.vocabulary
    return RedFlagModel(
        {names[f]: w for f, w in enumerate(live) if w},
        RED_FLAG_CATEGORIES,
        {names[f]: row for f, row in category.items()},
        *thresholds,
    )


@dataclass(frozen=True)
class Seen:
    """What the committed rules make of one row, as the second opinion weighs it."""

    view: RulesView
    doubtable_if_live: bool  # would be doubtable, had the rules read its hits as live
    spans: list[tuple[int, int]]  # the live hits' words (``live_spans``): they never count


def seen(text: str) -> Seen:
    prepared = prepared_message(text)
    hits = scan_red_flags(text)
    view = rules_view(prepared, hits, ambiguous_red_flag(text))
    as_live = [replace(hit, qualifier=None) for hit in hits]
    return Seen(view, rules_view(prepared, as_live, None).doubtable,
                live_spans(text, prepared, hits))


@dataclass(frozen=True)
class OutOfFold:
    """Each row's score and category from a model that did not see it."""

    logit: list[int]
    against: list[int]
    category: list[str]
    local: list[int | None]  # the live hits' own sentences' score (``sign_sentences``)

    def doubt_score(self, i: int) -> int:
        """The score a doubt needs below ``doubt_below``: the message's, and its live hits'
        sentences' too."""
        local = self.local[i]
        return self.logit[i] if local is None else max(self.logit[i], local)


def out_of_fold(data: Data, views: Sequence[Seen]) -> OutOfFold:
    fold = folds(data.rows)
    logit = [0] * len(data.rows)
    against = [0] * len(data.rows)
    category = [""] * len(data.rows)
    local: list[int | None] = [None] * len(data.rows)
    sentences = [sign_sentences(clean, one.spans) if one.view.live else None
                 for clean, one in zip(data.cleans, views, strict=True)]
    for k in range(FOLDS):
        model = model_of(data, [i for i in range(len(data.rows)) if fold[i] != k])
        for i in (i for i in range(len(data.rows)) if fold[i] == k):
            clean = data.cleans[i]
            logit[i] = model.logit(clean)
            against[i] = model.against(clean, views[i].spans)
            sentence = sentences[i]
            if sentence is not None:
                local[i] = model.logit(sentence)
            if data.live[i]:
                category[i] = model.category(clean)
    return OutOfFold(logit, against, category, local)


def logit_of(probability: float) -> int:
    return round(math.log(probability / (1 - probability)) * SCALE)


def _lowest_above(scores: Sequence[int], allowed: int) -> int:
    """The lowest score at which at most ``allowed`` of ``scores`` reach it."""
    ranked = sorted(scores, reverse=True)
    if allowed >= len(ranked):
        return ranked[-1] if ranked else 0
    return ranked[max(allowed, 0)] + 1


def thresholds(rows: Sequence[Row], views: Sequence[Seen], oof: OutOfFold
               ) -> tuple[int, int, int, int]:
    """(ask_from, ask_from_qualified, doubt_below, alarm_from), chosen as the module
    docstring says."""
    logit = oof.logit
    qualified_looks = [logit[i] for i, row in enumerate(rows)
                       if group_of(row) == "lookalike" and views[i].view.qualified]
    ask_from_qualified = _lowest_above(
        qualified_looks, math.floor(QUALIFIED_ASK_BUDGET * len(qualified_looks)))
    ordinary = [i for i, row in enumerate(rows) if group_of(row) == "other"]
    taken = sum(1 for i in ordinary if views[i].view.asks or (
        views[i].view.qualified and logit[i] >= ask_from_qualified))
    plain = [logit[i] for i in ordinary if not (
        views[i].view.live or views[i].view.asks or views[i].view.qualified)]
    ask_from = _lowest_above(plain, math.floor(ASK_BUDGET * len(ordinary)) - taken)
    flags = sum(1 for row in rows if row.intent == "redflag")
    doubtable = sorted(oof.doubt_score(i) for i, row in enumerate(rows)
                       if row.intent == "redflag" and views[i].view.doubtable
                       and oof.against[i] >= DOUBT_WORDS)
    allowed = math.floor(DOUBT_BUDGET * flags)
    doubt_below = doubtable[allowed] if allowed < len(doubtable) else doubtable[-1] + 1
    quiet = [logit[i] for i, row in enumerate(rows)
             if group_of(row) != "redflag" and not views[i].view.live]
    looks = sum(1 for row in rows if group_of(row) == "lookalike")
    alarm_from = max(_lowest_above(quiet, math.floor(ALARM_BUDGET * looks)),
                     logit_of(MIN_SURE))
    return (ask_from, max(ask_from, ask_from_qualified),
            min(doubt_below, logit_of(MAX_DOUBT)), alarm_from)


def _pct(count: int, total: int) -> str:
    return f"{count}/{total} ({count / total:.1%})" if total else "-"


def figures(rows: Sequence[Row], views: Sequence[Seen], oof: OutOfFold,
            model: RedFlagModel) -> dict[str, str]:
    """The cross-validation figures (out-of-fold scores, the committed rules)."""
    count: Counter[str] = Counter()
    total: Counter[str] = Counter()
    asks = ("ask_rules", "ask_model", "ask_doubt")

    def doubts(i: int) -> bool:
        return oof.doubt_score(i) < model.doubt_below and oof.against[i] >= DOUBT_WORDS

    for i, row in enumerate(rows):
        seen_, score = views[i], oof.logit[i]
        said = verdict(seen_.view, score, oof.against[i], model, local=oof.local[i])
        group = group_of(row)
        total[group] += 1
        count[f"{group}:{said}"] += 1
        count[f"{group}:alarms"] += said in ("alarm", "alarm_model", "alarm_alone")
        if group == "redflag":
            count["alone: asks"] += score >= model.ask_from
            count["category"] += oof.category[i] == row.slots["category"]
            continue
        if group == "lookalike":
            kind = f"look:{row.lookalike}"
            total[kind] += 1
            count[kind] += said in asks
            count["look: alone doubts"] += seen_.doubtable_if_live and doubts(i)
        else:
            total[f"intent:{row.intent}"] += 1
            count[f"intent:{row.intent}"] += said in asks
    flags, looks, others = total["redflag"], total["lookalike"], total["other"]
    out = {
        "red flags alarmed": _pct(count["redflag:alarms"], flags),
        "  ... by the model, sure of words the rules qualified": _pct(
            count["redflag:alarm_model"], flags),
        "red flags alarmed or asked": _pct(
            count["redflag:alarms"] + sum(count[f"redflag:{a}"] for a in asks), flags),
        "red flags asked instead of alarmed (doubt)": _pct(count["redflag:ask_doubt"], flags),
        "  ... by the model, sure of a sign the rules did not find": _pct(
            count["redflag:alarm_alone"], flags),
        "look-alikes alarmed": _pct(count["lookalike:alarms"], looks),
        "  ... by the model, sure of words the rules qualified (look-alikes)": _pct(
            count["lookalike:alarm_model"], looks),
        "  ... by the model, sure of a sign the rules did not find (look-alikes)": _pct(
            count["lookalike:alarm_alone"], looks),
        "ordinary messages alarmed by the model": _pct(
            count["other:alarm_model"] + count["other:alarm_alone"], others),
        "look-alikes asked": _pct(sum(count[f"lookalike:{a}"] for a in asks), looks),
        "ordinary messages asked": _pct(sum(count[f"other:{a}"] for a in asks), others),
        "  ... by the model": _pct(count["other:ask_model"], others),
        "model alone: red flags it asks about (no rules)": _pct(count["alone: asks"], flags),
        "model alone: look-alikes it doubts, if alarmed": _pct(count["look: alone doubts"],
                                                              looks),
        "category head right": _pct(count["category"], flags),
    }
    for key in sorted(k for k in total if k.startswith(("intent:", "look:"))):
        name = key.split(":", 1)[1]
        label = f"asked, look-alike {name}" if key.startswith("look:") else f"asked, {name}"
        out[label] = _pct(count[key], total[key])
    return out


#: The code training runs on its inputs: this module, the model (its scores, read out of
#: fold) and the review (``verdict``, which the thresholds are chosen by).
TRAINING_CODE = (Path(__file__), Path(red_flag_model.__file__), Path(red_flag_review.__file__))


def inputs() -> tuple[Data, list[Seen]]:
    """What training learns from: the rows, their features and what the rules make of them."""
    rows = training_rows()
    return data_of(rows), [seen(row.text) for row in rows]


def inputs_digest(data: Data, views: Sequence[Seen]) -> str:
    """A SHA-256 of everything training reads: the rows as the trainer sees them (features,
    labels, folds' keys, the rules' views) and the training code (``code_of``: comments
    and docstrings left out). Training is deterministic,
    so the same digest means the same weights: ``test_red_flag_model.py`` checks the digest
    on every run and retrains in full with ``FULL=1``."""
    digest = hashlib.sha256()
    for path in TRAINING_CODE:
        digest.update(code_of(path).encode("utf-8"))
    rows = [[row_key(row.text), row.text, row.intent, row.lookalike,
             row.slots.get("category")] for row in data.rows]
    seen_ = [[*astuple(one.view), one.doubtable_if_live, one.spans] for one in views]
    for part in (RED_FLAG_CATEGORIES, rows, data.cleans, data.vocabulary, data.feats,
                 data.category_feats, data.live, data.category, seen_):
        digest.update(json.dumps(part, ensure_ascii=False).encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()


def build() -> tuple[str, dict[str, str]]:
    """The weights file's text for the current rows and code, and the CV figures."""
    data, views = inputs()
    rows = data.rows
    oof = out_of_fold(data, views)
    chosen = thresholds(rows, views, oof)
    model = model_of(data, range(len(rows)), chosen)
    cv = figures(rows, views, oof, model)
    ask_from, ask_from_qualified, doubt_below, alarm_from = chosen
    payload = {
        "about": "Written by python -m tests.domain.understanding.train_red_flag_model; "
                 "do not edit.",
        "scale": SCALE,
        "char_ns": list(CHAR_NS),
        "categories": list(RED_FLAG_CATEGORIES),
        "thresholds": {"ask_from": ask_from, "ask_from_qualified": ask_from_qualified,
                       "doubt_below": doubt_below, "ask_budget": ASK_BUDGET,
                       "qualified_ask_budget": QUALIFIED_ASK_BUDGET,
                       "doubt_budget": DOUBT_BUDGET, "max_doubt": MAX_DOUBT,
                       "alarm_from": alarm_from, "alarm_budget": ALARM_BUDGET,
                       "min_sure": MIN_SURE},
        "cross_validation": cv,
        "trained_on": trained_on(rows),
        "inputs_sha256": inputs_digest(data, views),
        "live": dict(sorted(model.live.items())),
        "category": dict(sorted(model.category_weights.items())),
    }
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text + "\n", cv


def main() -> int:
    text, cv = build()
    WEIGHTS_FILE.write_text(text, encoding="utf-8")
    print(f"{WEIGHTS_FILE.name}: {len(text.encode('utf-8')) / 1024:.0f} KiB")
    for key, value in cv.items():
        print(f"{key:52} {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
