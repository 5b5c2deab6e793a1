"""Tuning report for the red-flag scan, on the TUNE part of the corpus only.

``python -m tests.domain.understanding.tune_red_flags [--quiet]`` prints recall, category
and urgency accuracy, alarm rates on look-alikes and other messages, how often the vague
question would be asked, the scan's latency, and every miss. It never reads the held-out
fifth (``split.parts(...)[1]``): that part measures the result, it is not tuned on.
"""

from __future__ import annotations

import statistics
import sys
import time
from collections import Counter

from bot.domain.understanding import qualifiers, red_flags
from bot.domain.understanding.reading import FlagHit
from bot.domain.understanding.red_flags import ambiguous_red_flag, scan_red_flags
from tests.domain.understanding.corpus import Row
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


def main(argv: list[str]) -> int:
    quiet = "--quiet" in argv
    tune, _ = parts(corpus())
    median, p99 = latency(tune)
    flagged = [r for r in tune if r.intent == "redflag"]
    lookalikes = [r for r in tune if r.intent != "redflag" and r.lookalike]
    others = [r for r in tune if r.intent != "redflag" and not r.lookalike]
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
    for label, rows in (("lookalike", lookalikes), ("other", others)):
        for row in rows:
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
    n = len(flagged)
    if not quiet:
        print("\n".join(misses))
        print()
    print(f"tune rows {len(tune)}: red flags {n}, look-alikes {len(lookalikes)}, "
          f"others {len(others)}")
    print(f"recall (a live hit)       {caught}/{n} = {caught / n:.1%}")
    print(f"category among live hits  {among}/{n} = {among / n:.1%}")
    print(f"category, most specific   {first}/{n} = {first / n:.1%}")
    print(f"urgency (caught rows)     {urgent}/{caught} = {urgent / max(caught, 1):.1%}")
    print(f"look-alike alarms         {alarms['lookalike']}/{len(lookalikes)} = "
          f"{alarms['lookalike'] / len(lookalikes):.1%}")
    print(f"other false alarms        {alarms['other']}/{len(others)} = "
          f"{alarms['other'] / len(others):.1%}")
    print(f"vague question asked      {asked}/{len(lookalikes) + len(others)} = "
          f"{asked / (len(lookalikes) + len(others)):.1%} of non-red-flag rows "
          f"(and on {asked_flags} missed red flags)")
    print(f"scan latency              median {median:.3f} ms, p99 {p99:.3f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
