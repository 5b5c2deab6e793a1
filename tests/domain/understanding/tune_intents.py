"""How the understanding step does on the TUNING part of the corpus: figures and misses.

``python -m tests.domain.understanding.tune_intents`` prints, for the tuning part only
(never the held-out fifth): accuracy per kind (the top reading against the row's intent,
red-flag rows left out), how often a message of another kind was read as "unknown", the
look-alike rows, slot accuracy, latency, and every miss.

``--cv`` also estimates what unseen text would score: the model is retrained on four
fifths of the tuning rows and scored on the fifth it did not see, five times over.
``--quiet`` leaves the misses out.
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
from tests.domain.understanding.train_model import examples_of, train

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


def cross_validate(rows: Sequence[Row], folds: int = 5) -> dict[str, Any]:
    """Each fifth of the tuning rows scored by a model trained on the other four."""
    merged: dict[str, Any] = {}
    original = meaning.load
    try:
        for fold in range(folds):
            learn = [row for n, row in enumerate(rows) if n % folds != fold]
            held = [row for n, row in enumerate(rows) if n % folds == fold]
            model = Model(train(examples_of(learn)), MODEL_KINDS)
            meaning.load = lambda model=model: model  # type: ignore[misc]
            part = evaluate(held, meaning.readings)
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
    finally:
        meaning.load = original  # type: ignore[misc]
    return merged


def main(argv: list[str]) -> int:
    rows = tune_rows()
    quiet = "--quiet" in argv
    if "--cv" in argv:
        report(cross_validate(rows), "tuning part, 5-fold cross-validation", quiet)
        return 0
    report(evaluate(rows, lambda text: interpret(text).readings), "tuning part", quiet)
    latency(tune_rows() + [r for r in parts(corpus())[0] if r.intent == "redflag"])
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
