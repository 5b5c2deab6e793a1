"""Tuning report for one or more batches of tuning rows, row by row.

``python -m tests.domain.understanding.tune_files FILE... [-v]`` prints, for the rows of
the given files (``tests/data/understanding_tune*/``, the probes): how many of each
class were read right, then every red flag not alarmed (and whether it was asked about),
every non-red-flag row that raised an alarm (with the phrase), and every ordinary row
asked the safety question; ``-v`` adds every intent read wrong. It refuses the corpus
itself (``tests/data/understanding/``): its held-out fifth is never read while tuning
(use ``report`` for totals).
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from bot.domain.understanding.interpret import interpret
from tests.domain.understanding.corpus import load_rows
from tests.domain.understanding.report import read_right


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    files = [Path(arg) for arg in argv if not arg.startswith("-")]
    if not files or any(path.resolve().parent.name == "understanding" for path in files):
        print("usage: tune_files FILE... [-v] (tuning batches only, never the corpus)",
              file=sys.stderr)
        return 2
    total: Counter[str] = Counter()
    right: Counter[str] = Counter()
    lines: list[str] = []
    for row in load_rows(files):
        reading = interpret(row.text)
        if row.intent == "redflag":
            total["redflag"] += 1
            right["redflag"] += reading.is_red_flag
            if not reading.is_red_flag:
                asked = reading.ask_about is not None
                lines.append(f"  MISS [{row.slots.get('category')}] asked={asked}: {row.text}")
            continue
        key = "look-alike" if row.lookalike else row.intent
        total[key] += 1
        if reading.is_red_flag:
            phrases = [(hit.category, hit.phrase) for hit in reading.live_flags]
            lines.append(f"  ALARM [{row.lookalike or row.intent}] {phrases}: {row.text}")
            continue
        if reading.ask_about is not None and not row.lookalike:
            lines.append(f"  ASKED [{row.intent}]: {row.text}")
        right[key] += read_right(row, reading.top.kind)
        if verbose and not row.lookalike and not read_right(row, reading.top.kind):
            lines.append(f"  READ {row.intent} -> {reading.top.kind} "
                         f"{reading.top.confidence:.2f}: {row.text}")
    for key in sorted(total):
        print(f"{key:12} {right[key]}/{total[key]}")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
