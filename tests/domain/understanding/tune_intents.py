"""How the understanding step does on the TUNING part of the corpus: figures and misses.

``python -m tests.domain.understanding.tune_intents`` prints, for the tuning part only
(never the held-out fifth): accuracy per kind (the top reading against the row's intent,
red-flag rows left out), how often a message of another kind was read as "unknown", the
look-alike rows, slot accuracy, latency, and every miss.

The same figures for the probe rows (``tests/data/understanding_probe``, red flags left
out), which the committed model was trained on too.

``--cv`` estimates what unseen text would score: the model is retrained on four fifths of
its training rows (tune + probe) and scored on the fifth it did not see, five times over;
the probe rows' share of that is reported apart. ``--unseen-probe`` scores the probe rows
with a model trained on the tuning part only (how the rules and model carry over to a new
writer). ``--quiet`` leaves the misses out.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from typing import Any

from bot.domain.understanding import meaning
from bot.domain.understanding.interpret import interpret
from bot.domain.understanding.model import MODEL_KINDS, Model
from bot.domain.understanding.reading import Reading
from tests.domain.understanding.corpus import Row
from tests.domain.understanding.split import corpus, parts
from tests.domain.understanding.train_model import (
    examples_of,
    probe_rows,
    train,
    training_rows,
)

SLOT_KEYS: dict[str, tuple[str, ...]] = {
    "done": ("exercises", "sets", "reps", "planned_reps", "sides", "all"),
    "rest": ("span", "reason"),
    "pain": ("score", "when", "trend"),
    "exercise": ("exercise",),
    "question": ("topic",),
}
DEFAULTS = {"span": "unspecified", "when": "unspecified", "all": False}


def tune_rows() -> list[Row]:
    """The tuning part, red flags left out (they are the red-flag module's)."""
    tune, _ = parts(corpus())
    return [row for row in tune if row.intent != "redflag"]


def _value(reading: Reading, key: str) -> Any:
    value = getattr(reading.slots, "exercise" if key == "exercise" else key)
    return list(value) if isinstance(value, tuple) else value


def evaluate(rows: Sequence[Row], read: Callable[[str], tuple[Reading, ...]]) -> dict[str, Any]:
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    slot_total: Counter[str] = Counter()
    slot_right: Counter[str] = Counter()
    slot_extra: Counter[str] = Counter()
    unknown = look_total = look_right = 0
    misses: list[str] = []
    slot_misses: list[str] = []
    for row in rows:
        found = read(row.text)
        top = found[0]
        total[row.intent] += 1
        ok = top.kind == row.intent
        right[row.intent] += ok
        unknown += top.kind == "unknown" and row.intent != "unknown"
        if row.lookalike:
            look_total += 1
            look_right += ok
        if not ok:
            others = ", ".join(f"{r.kind} {r.confidence:.2f}" for r in found[1:])
            misses.append(f"{row.intent:>8} -> {top.kind:<8} {row.text!r}  [{others}]")
            continue
        for key in SLOT_KEYS.get(row.intent, ()):
            expected = row.slots.get(key, DEFAULTS.get(key))
            got = _value(top, key)
            if key in ("reason", "topic") and expected is None:
                continue
            if key not in row.slots and expected in (None, False):
                if got not in (None, False, [], "unspecified") and key not in ("reason",):
                    slot_extra[f"{row.intent}.{key}"] += 1
                continue
            name = f"{row.intent}.{key}"
            slot_total[name] += 1
            if got == expected:
                slot_right[name] += 1
            else:
                slot_misses.append(f"{name}: want {expected!r} got {got!r}  {row.text!r}")
    return {
        "total": total, "right": right, "unknown": unknown, "rows": len(rows),
        "look": (look_right, look_total), "slot_total": slot_total, "slot_right": slot_right,
        "slot_extra": slot_extra, "misses": misses, "slot_misses": slot_misses,
    }


def report(result: dict[str, Any], title: str, quiet: bool) -> None:
    total, right = result["total"], result["right"]
    print(f"\n== {title}: {result['rows']} rows (red flags left out)")
    print(f"{'kind':<10} {'right/total':>12} {'accuracy':>9}")
    for kind in MODEL_KINDS:
        if total[kind]:
            share = right[kind] / total[kind]
            print(f"{kind:<10} {right[kind]:>5}/{total[kind]:<6} {share:>9.1%}")
    all_right, all_total = sum(right.values()), sum(total.values())
    print(f"{'all':<10} {all_right:>5}/{all_total:<6} {all_right / all_total:>9.1%}")
    print(f"other kinds read as unknown: {result['unknown']}/{result['rows']} "
          f"({result['unknown'] / result['rows']:.1%})")
    look_right, look_total = result["look"]
    print(f"look-alikes read as their real kind: {look_right}/{look_total}")
    print("slots (rows whose kind was right; 'extra' = a value the row does not give):")
    for name in sorted(result["slot_total"]):
        got, of = result["slot_right"][name], result["slot_total"][name]
        extra = result["slot_extra"][name]
        print(f"  {name:<20} {got:>4}/{of:<4} {got / of:>7.1%}   extra {extra}")
    if not quiet:
        print("\nmisses:")
        print("\n".join(result["misses"]) or "  none")
        print("\nslot misses:")
        print("\n".join(result["slot_misses"]) or "  none")


def latency(rows: Sequence[Row]) -> None:
    """interpret() per message, red-flag scan included, memo cleared, weights loaded."""
    interpret.cache_clear()
    interpret("warm up")
    times = []
    for row in rows:
        interpret.cache_clear()
        start = time.perf_counter()
        interpret(row.text)
        times.append(time.perf_counter() - start)
    times.sort()
    p99 = times[int(len(times) * 0.99)]
    print(f"\nlatency over {len(times)} texts: median {statistics.median(times) * 1000:.2f} ms,"
          f" p99 {p99 * 1000:.2f} ms, max {times[-1] * 1000:.2f} ms")


def _merge(merged: dict[str, Any], part: dict[str, Any]) -> None:
    for key, value in part.items():
        if isinstance(value, Counter):
            merged.setdefault(key, Counter()).update(value)
        elif isinstance(value, list):
            merged.setdefault(key, []).extend(value)
        elif isinstance(value, tuple):
            a, b = merged.get(key, (0, 0))
            merged[key] = (a + value[0], b + value[1])
        else:
            merged[key] = merged.get(key, 0) + value


def _with_model(
    learn: Sequence[Row], *groups: Sequence[Row]
) -> list[dict[str, Any]]:
    """Each group scored by a model trained on ``learn`` (the committed weights untouched)."""
    model = Model(train(examples_of(learn)), MODEL_KINDS)
    module: Any = meaning  # the weights are swapped in for the reader, then restored
    original = module.load
    module.load = lambda: model
    try:
        return [evaluate(rows, meaning.readings) for rows in groups]
    finally:
        module.load = original


def cross_validate(
    rows: Sequence[Row], folds: int = 5, apart: frozenset[str] = frozenset()
) -> tuple[dict[str, Any], dict[str, Any]]:
    """Each fifth of ``rows`` scored by a model trained on the other four: all of them, and
    the rows whose id is in ``apart`` alone."""
    merged: dict[str, Any] = {}
    merged_apart: dict[str, Any] = {}
    for fold in range(folds):
        learn = [row for n, row in enumerate(rows) if n % folds != fold]
        held = [row for n, row in enumerate(rows) if n % folds == fold]
        every, some = _with_model(learn, held, [row for row in held if row.id in apart])
        _merge(merged, every)
        _merge(merged_apart, some)
    return merged, merged_apart


def main(argv: list[str]) -> int:
    rows = tune_rows()
    quiet = "--quiet" in argv
    if "--cv" in argv:
        probe_ids = frozenset(row.id for row in probe_rows())
        every, probe = cross_validate(training_rows(), apart=probe_ids)
        report(every, "tune + probe, 5-fold cross-validation", quiet)
        report(probe, "probe rows of that cross-validation", True)
        return 0
    if "--unseen-probe" in argv:
        report(_with_model(rows, probe_rows())[0], "probe rows, model trained on tune only", quiet)
        return 0
    read = lambda text: interpret(text).readings  # noqa: E731
    report(evaluate(rows, read), "tuning part", quiet)
    report(evaluate(probe_rows(), read), "probe rows (red flags left out)", quiet)
    latency(tune_rows() + [r for r in parts(corpus())[0] if r.intent == "redflag"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
