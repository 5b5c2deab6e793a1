"""Tuning report for the red-flag scan, on the TUNE part of the corpus and the probe.

``python -m tests.domain.understanding.tune_red_flags [--quiet] [tune|probe|probe2]``
prints, for the tune part, the first probe and each probe file on its own
(``tests/data/understanding_probe/``, written independently of the rules; the second
probe, ``*_probe2.yaml``, included): recall, category and urgency accuracy, alarm rates
on look-alikes and other messages, how often the vague question would be asked, the
scan's latency, and every miss. It never reads the held-out
fifth (``split.parts(...)[1]``): that part measures the result, it is not tuned on.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from bot.domain.understanding import qualifiers, red_flags
from bot.domain.understanding.reading import FlagHit
from bot.domain.understanding.red_flags import ambiguous_red_flag, scan_red_flags
from tests.domain.understanding.corpus import Row, load_rows
from tests.domain.understanding.split import corpus, parts

#: Which category a message is "about" when several are hit: the most specific first.
PRIORITY = (
    "dislocation", "fracture_after_fall", "cauda_equina", "pe", "dvt", "wound", "infection",
    "cancer_weight_loss", "night_pain_sweats", "neuro_deficit", "cannot_bear_weight",
    "sudden_severe_pain",
)


def primary(hits: list[FlagHit]) -> str | None:
    categories = {hit.category for hit in hits}
    return next((c for c in PRIORITY if c in categories), None)


def show(hits: tuple[FlagHit, ...]) -> str:
    return "; ".join(
        f"{h.category}[{h.urgency[:3]}]{'' if h.live else '/' + str(h.qualifier)}:{h.phrase!r}"
        for h in hits
    ) or "-"


def latency(rows: list[Row], passes: int = 3) -> tuple[float, float]:
    """Median and 99th percentile of one uncached scan, in milliseconds.

    Each text is timed ``passes`` times (memo cleared) and its best time kept, so that a
    busy shared machine does not count against the scan.
    """
    best = [float("inf")] * len(rows)
    for _ in range(passes):
        for index, row in enumerate(rows):
            red_flags._scan_text.cache_clear()
            qualifiers._read.cache_clear()
            begin = time.perf_counter()
            scan_red_flags(row.text)
            best[index] = min(best[index], (time.perf_counter() - begin) * 1000)
    best.sort()
    return statistics.median(best), best[min(len(best) - 1, int(len(best) * 0.99))]


PROBE_DIR = Path(__file__).resolve().parents[2] / "data" / "understanding_probe"
PROBE_RED_FLAGS = PROBE_DIR / "redflags_probe.yaml"
PROBE_INTENTS = PROBE_DIR / "intents_probe.yaml"
PROBE2_RED_FLAGS = PROBE_DIR / "redflags_probe2.yaml"
PROBE2_INTENTS = PROBE_DIR / "intents_probe2.yaml"


def probe() -> list[Row]:
    """The probe rows, written independently of the rules: red flags and look-alikes,
    and the ordinary messages of the intents probe (its red flags, if any, too)."""
    return load_rows([p for p in (PROBE_RED_FLAGS, PROBE_INTENTS) if p.exists()])


def probe_files() -> list[tuple[str, list[Row]]]:
    """Each probe file on its own (name, rows), the second probe included."""
    files = (PROBE_RED_FLAGS, PROBE_INTENTS, PROBE2_RED_FLAGS, PROBE2_INTENTS)
    return [(p.stem, load_rows([p])) for p in files if p.exists()]


def evaluate(name: str, rows: list[Row], quiet: bool) -> None:
    """Print the figures (and, unless ``quiet``, every miss) for one set of rows."""
    median, p99 = latency(rows)
    flagged = [r for r in rows if r.intent == "redflag"]
    lookalikes = [r for r in rows if r.intent != "redflag" and r.lookalike]
    others = [r for r in rows if r.intent != "redflag" and not r.lookalike]
    misses: list[str] = []
    caught = among = first = urgent = 0
    for row in flagged:
        hits = scan_red_flags(row.text)
        live = [h for h in hits if h.live]
        want = row.slots["category"]
        if not live:
            misses.append(f"MISS     {want:<20} {row.text!r}\n         {show(hits)}")
            continue
        caught += 1
        among += want in {h.category for h in live}
        first += primary(live) == want
        got_urgency = "emergency" if any(h.urgency == "emergency" for h in live) else "same_day"
        urgent += got_urgency == row.slots["urgency"]
        if want not in {h.category for h in live}:
            misses.append(f"CATEGORY {want:<20} {row.text!r}\n         {show(hits)}")
        elif got_urgency != row.slots["urgency"]:
            misses.append(f"URGENCY  {want:<20} want {row.slots['urgency']} {row.text!r}\n"
                          f"         {show(hits)}")
    alarms: Counter[str] = Counter()
    for label, group in (("lookalike", lookalikes), ("other", others)):
        for row in group:
            hits = scan_red_flags(row.text)
            if any(h.live for h in hits):
                alarms[label] += 1
                misses.append(f"ALARM    {label}/{row.lookalike or row.intent:<13} "
                              f"{row.text!r}\n         {show(hits)}")
    asked = 0
    for row in [*lookalikes, *others]:
        vague = ambiguous_red_flag(row.text)
        if vague is not None:
            asked += 1
            misses.append(f"ASK      {row.intent:<20} {row.text!r}\n         {show((vague,))}")
    asked_flags = sum(
        1 for r in flagged if not any(h.live for h in scan_red_flags(r.text))
        and ambiguous_red_flag(r.text) is not None
    )
    n = max(len(flagged), 1)
    quiet_rows = max(len(lookalikes) + len(others), 1)
    if not quiet:
        print(f"=== {name}: misses ===")
        print("\n".join(misses))
        print()
    print(f"--- {name} ---")
    print(f"{name} rows {len(rows)}: red flags {len(flagged)}, look-alikes {len(lookalikes)}, "
          f"others {len(others)}")
    print(f"recall (a live hit)       {caught}/{len(flagged)} = {caught / n:.1%}")
    print(f"category among live hits  {among}/{len(flagged)} = {among / n:.1%}")
    print(f"category, most specific   {first}/{len(flagged)} = {first / n:.1%}")
    print(f"urgency (caught rows)     {urgent}/{caught} = {urgent / max(caught, 1):.1%}")
    print(f"look-alike alarms         {alarms['lookalike']}/{len(lookalikes)} = "
          f"{alarms['lookalike'] / max(len(lookalikes), 1):.1%}")
    print(f"other false alarms        {alarms['other']}/{len(others)} = "
          f"{alarms['other'] / max(len(others), 1):.1%}")
    print(f"vague question asked      {asked}/{len(lookalikes) + len(others)} = "
          f"{asked / quiet_rows:.1%} of non-red-flag rows "
          f"(and on {asked_flags} missed red flags)")
    print(f"scan latency              median {median:.3f} ms, p99 {p99:.3f} ms")


def main(argv: list[str]) -> int:
    quiet = "--quiet" in argv
    only = {a for a in argv if a in ("tune", "probe", "probe2")} or {"tune", "probe", "probe2"}
    tune, _ = parts(corpus())
    if "tune" in only:
        evaluate("tune", tune, quiet)
    if "probe" in only:
        evaluate("probe", probe(), quiet)
    if "probe2" in only:
        for name, rows in probe_files():
            evaluate(name, rows, quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
