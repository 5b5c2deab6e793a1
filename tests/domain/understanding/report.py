"""How the current understanding step does on the corpus, on both parts: a report, not a test.

``python -m tests.domain.understanding.report`` prints, for the tuning part and the
held-out part separately: accuracy per intent, red flags caught (any alarm), look-alikes
that raised an alarm, and how often nothing was understood. Only totals are printed, so
running it does not show the held-out rows.
"""

from __future__ import annotations

import sys
from collections import Counter

from bot.domain.understanding.intents import classify
from tests.domain.understanding.corpus import INTENTS, Row
from tests.domain.understanding.split import corpus, parts


def _score(rows: list[Row]) -> dict[str, str]:
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    alarms = unknown = caught = lookalike_alarms = 0
    for row in rows:
        kind = classify(row.text).kind
        total[row.intent] += 1
        right[row.intent] += kind == row.intent
        unknown += kind == "unknown" and row.intent != "unknown"
        if row.intent == "redflag":
            caught += kind == "redflag"
        elif kind == "redflag":
            alarms += 1
            lookalike_alarms += row.lookalike is not None
    lookalikes = sum(1 for r in rows if r.lookalike)
    out = {k: f"{right[k]}/{total[k]} ({right[k] / total[k]:.0%})" for k in INTENTS if total[k]}
    out["red flags caught"] = f"{caught}/{total['redflag']} ({caught / total['redflag']:.0%})"
    out["look-alikes alarmed"] = f"{lookalike_alarms}/{lookalikes}"
    out["other false alarms"] = str(alarms - lookalike_alarms)
    out["not understood"] = f"{unknown}/{len(rows)} ({unknown / len(rows):.1%})"
    return out


def main() -> int:
    tune, heldout = parts(corpus())
    a, b = _score(tune), _score(heldout)
    heads = (f"tune ({len(tune)})", f"held out ({len(heldout)})")
    print(f"{'':22} {heads[0]:>22} {heads[1]:>22}")
    for key in a:
        print(f"{key:22} {a[key]:>22} {b.get(key, '-'):>22}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
