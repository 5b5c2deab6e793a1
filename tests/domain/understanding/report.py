"""How the understanding step and the policy do on the corpus, on both parts: a report.

``python -m tests.domain.understanding.report`` prints, for the tuning part and the
held-out part separately: accuracy per intent (a red-flag row is right when the message
gets stop-and-seek-care), the red-flag category and urgency, red flags that got the alarm
or at least the yes/no safety question (``ask_about``: the rules' vague hit or the
model's second opinion), look-alikes alarmed and asked, other false alarms, how often an
ordinary message (no red flag, no look-alike) was asked the question, per intent, and how
often a message got the "did you mean" answer instead of being understood. A question or
rest row that asks for a reminder and is read as a reminder request counts as read right
(``read_right``); how many did is printed. Only totals are
printed, so running it does not show the held-out rows. Run it to report, never while
tuning.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from bot.domain import routine as sm
from bot.domain.conversation import actions as act
from bot.domain.conversation.policy import STATES, decide
from bot.domain.understanding.interpret import interpret
from tests.domain.understanding.corpus import INTENTS, Row, load_rows
from tests.domain.understanding.split import corpus, parts

#: A question or rest row that asks for a reminder ("can you remind me at 6pm instead",
#: "remind me later"): the bot reads it as a reminder request and does it, which is what
#: the writer meant (the corpus has no "reminder" intent).
_REMINDER_WORDS = re.compile(r"\b(?:remind\w*|notification\w*|notifs?|snooze\w*|alarms?)\b",
                             re.IGNORECASE)


def read_right(row: Row, kind: str) -> bool:
    """Whether a reading of ``kind`` is the row's meaning (see ``_REMINDER_WORDS``)."""
    if kind == row.intent:
        return True
    return (kind == "reminder" and row.intent in ("question", "rest")
            and _REMINDER_WORDS.search(row.text) is not None)


def _pct(right: int, total: int) -> str:
    return f"{right}/{total} ({right / total:.1%})" if total else "-"


def score(rows: list[Row]) -> dict[str, str]:
    """The report's figures for one part of the corpus."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    caught = asked_flags = category = urgency = every_state = 0
    lookalike_alarms = lookalike_asked = other_alarms = unsure = unsure_meant = 0
    as_reminder = 0
    asked: Counter[str] = Counter()
    for row in rows:
        reading = interpret(row.text)
        total[row.intent] += 1
        if row.intent == "redflag":
            hit = reading.is_red_flag
            caught += hit
            asked_flags += not hit and reading.ask_about is not None
            right["redflag"] += hit
            live = {h.category for h in reading.live_flags}
            category += row.slots.get("category") in live
            urgency += hit and reading.emergency == (row.slots.get("urgency") == "emergency")
            every_state += all(
                isinstance(decide(reading, state, sm.interpret_text(row.text))[0], act.Safety)
                for state in STATES
            )
            continue
        if reading.is_red_flag:
            if row.lookalike:
                lookalike_alarms += 1
            else:
                other_alarms += 1
            continue
        if row.lookalike:
            lookalike_asked += reading.ask_about is not None
        else:
            asked[row.intent] += reading.ask_about is not None
        kind = reading.top.kind
        right[row.intent] += read_right(row, kind)
        as_reminder += kind == "reminder" and row.intent != "reminder" and read_right(row, kind)
        idle = decide(reading, "idle", sm.interpret_text(row.text))
        suggested = any(isinstance(a, act.Suggest) for a in idle)
        unsure += suggested
        unsure_meant += suggested and row.intent != "unknown"
    flags = total["redflag"]
    lookalikes = sum(1 for r in rows if r.lookalike)
    ordinary: Counter[str] = Counter(r.intent for r in rows
                                     if r.intent != "redflag" and not r.lookalike)
    out = {k: _pct(right[k], total[k]) for k in INTENTS if total[k]}
    out["  of which reminder requests done"] = str(as_reminder)
    out["red flags alarmed (stop, seek care)"] = _pct(caught, flags)
    out["  ... in every state"] = _pct(every_state, flags)
    out["  right category"] = _pct(category, flags)
    out["  right urgency"] = _pct(urgency, flags)
    out["red flags alarmed or asked"] = _pct(caught + asked_flags, flags)
    out["look-alikes alarmed"] = _pct(lookalike_alarms, lookalikes)
    out["look-alikes asked"] = _pct(lookalike_asked, lookalikes)
    out["other false alarms"] = _pct(other_alarms, len(rows) - flags - lookalikes)
    out["ordinary messages asked"] = _pct(sum(asked.values()), sum(ordinary.values()))
    for intent in INTENTS:
        if ordinary[intent]:
            out[f"  ... {intent}"] = _pct(asked[intent], ordinary[intent])
    out["'did you mean' (not sure)"] = _pct(unsure, len(rows))
    out["  ... when it meant something"] = _pct(unsure_meant, len(rows) - total["unknown"])
    return out


PROBE3 = Path(__file__).resolve().parents[2] / "data" / "understanding_probe3"


def main() -> int:
    """Tune and held-out parts; ``probe3``: tune and the third probe instead (untouched:
    written independently and never used to train or tune anything)."""
    tune, heldout = parts(corpus())
    head = "held out"
    if sys.argv[1:] == ["probe3"]:
        heldout, head = load_rows(sorted(PROBE3.glob("*.yaml"))), "probe 3"
    a, b = score(tune), score(heldout)
    heads = (f"tune ({len(tune)})", f"{head} ({len(heldout)})")
    print(f"{'':36} {heads[0]:>22} {heads[1]:>22}")
    for key in a:
        print(f"{key:36} {a[key]:>22} {b.get(key, '-'):>22}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
