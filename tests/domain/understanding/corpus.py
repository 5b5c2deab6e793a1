"""The labelled corpus of patient messages (``tests/data/understanding/``): load and check.

Written for the understanding issue: realistic messages, labelled with what the patient
meant, so the interpretation step is measured on data it was not tuned on. The rows are
split once, at random, into ``tune`` and ``heldout`` (a fifth); see ``split.py``.

Run ``python -m tests.domain.understanding.corpus FILE...`` to check files by hand.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

CORPUS_DIR = Path(__file__).resolve().parents[2] / "data" / "understanding"

INTENTS = ("redflag", "done", "undo", "rest", "pain", "exercise", "question", "social",
           "unknown")
RED_FLAG_CATEGORIES = (
    "fracture_after_fall",  # a fall or knock, then pain, a short or turned-out leg
    "cannot_bear_weight",  # cannot stand or put weight on the leg
    "infection",  # fever, chills, a hot, red, swollen hip or groin, feeling very unwell
    "cauda_equina",  # bladder or bowel control, numbness between the legs (saddle)
    "neuro_deficit",  # foot drop, spreading numbness or weakness in the leg
    "cancer_weight_loss",  # cancer history, unexplained weight loss
    "night_pain_sweats",  # pain that wakes at night whatever the position, night sweats
    "dvt",  # hot, swollen, tender calf (especially after an operation)
    "pe",  # chest pain, breathlessness, coughing blood (especially after an operation)
    "dislocation",  # a replaced hip that popped out, leg suddenly shorter or turned
    "wound",  # an operation wound that is red, weeping, smelly or opening
    "sudden_severe_pain",  # sudden severe pain with no reason
)
URGENCIES = ("emergency", "same_day")
LOOKALIKES = ("negated", "past", "hypothetical", "other_person", "figurative")
ABOUT = ("patient", "other")
REST_SPANS = ("today", "days", "week", "until", "unspecified")
PAIN_WHEN = ("now", "before", "after", "during", "walking", "sitting", "night", "morning",
             "unspecified")
TRENDS = ("better", "same", "worse")

#: Keys each intent may carry besides ``text`` and ``intent``.
SLOTS: dict[str, frozenset[str]] = {
    "redflag": frozenset({"category", "urgency", "about"}),
    "done": frozenset({"exercises", "sets", "reps", "planned_reps", "sides", "all", "about"}),
    "undo": frozenset(),
    "rest": frozenset({"span", "reason"}),
    "pain": frozenset({"score", "when", "trend"}),
    "exercise": frozenset({"exercise"}),
    "question": frozenset({"topic"}),
    "social": frozenset(),
    "unknown": frozenset(),
}
COMMON = frozenset({"text", "intent", "lookalike", "note", "id"})


class CorpusError(ValueError):
    """A malformed corpus row, with the file and row number."""


@dataclass(frozen=True)
class Row:
    id: str
    text: str
    intent: str
    slots: Mapping[str, Any] = field(default_factory=dict)
    lookalike: str | None = None

    @property
    def alarming(self) -> bool:
        """Whether the bot must answer this with stop-and-seek-care."""
        return self.intent == "redflag"


def _check(row: Mapping[str, Any], where: str) -> None:
    text, intent = row.get("text"), row.get("intent")
    if not isinstance(text, str) or not text.strip():
        raise CorpusError(f"{where}: text must be a non-empty string")
    if intent not in INTENTS:
        raise CorpusError(f"{where}: intent {intent!r} is not one of {', '.join(INTENTS)}")
    extra = set(row) - COMMON - SLOTS[intent]
    if extra:
        raise CorpusError(f"{where}: {intent} rows cannot have {', '.join(sorted(extra))}")
    lookalike = row.get("lookalike")
    if lookalike is not None and (lookalike not in LOOKALIKES or intent == "redflag"):
        raise CorpusError(f"{where}: lookalike {lookalike!r} (one of {LOOKALIKES}, "
                          "and only on rows that are not red flags)")
    if intent == "redflag":
        if row.get("category") not in RED_FLAG_CATEGORIES:
            raise CorpusError(f"{where}: category {row.get('category')!r} is unknown")
        if row.get("urgency") not in URGENCIES:
            raise CorpusError(f"{where}: urgency must be one of {URGENCIES}")
        if row.get("about", "patient") not in ABOUT:
            raise CorpusError(f"{where}: about must be one of {ABOUT}")
    if intent == "pain":
        score = row.get("score")
        if score is not None and (not isinstance(score, int) or not 0 <= score <= 10):
            raise CorpusError(f"{where}: score must be 0-10 or null")
        if row.get("when", "unspecified") not in PAIN_WHEN:
            raise CorpusError(f"{where}: when must be one of {PAIN_WHEN}")
        if row.get("trend") is not None and row.get("trend") not in TRENDS:
            raise CorpusError(f"{where}: trend must be one of {TRENDS}")
    if intent == "rest" and row.get("span", "unspecified") not in REST_SPANS:
        raise CorpusError(f"{where}: span must be one of {REST_SPANS}")
    for key in ("sets", "reps", "planned_reps"):
        value = row.get(key)
        if value is not None and (not isinstance(value, int) or value < 0):
            raise CorpusError(f"{where}: {key} must be a whole number")


#: libyaml's safe loader where PyYAML was built with it: it reads the 230 corpus and batch
#: files in 2.0 s against 15.5 s, into the same Python values (compared file by file).
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path) -> Any:
    """A YAML file's data, read with the safe loader (the C one when there is one)."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)


def load_rows(paths: Iterable[Path]) -> list[Row]:
    """Every row of the given files, checked; ids are ``<file stem>:<n>`` unless given."""
    rows: list[Row] = []
    for path in paths:
        raw = read_yaml(path) or []
        if not isinstance(raw, list):
            raise CorpusError(f"{path.name}: the file must be a list of rows")
        for n, item in enumerate(raw, start=1):
            where = f"{path.name} row {n}"
            if not isinstance(item, dict):
                raise CorpusError(f"{where}: each row is a mapping")
            _check(item, where)
            slots = {k: v for k, v in item.items() if k not in COMMON}
            rows.append(Row(str(item.get("id") or f"{path.stem}:{n}"), item["text"],
                            item["intent"], slots, item.get("lookalike")))
    return rows


def main(argv: list[str]) -> int:
    try:
        rows = load_rows(Path(a) for a in argv)
    except (CorpusError, yaml.YAMLError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    counts: dict[str, int] = {}
    for row in rows:
        counts[row.intent] = counts.get(row.intent, 0) + 1
    print(f"{len(rows)} rows OK: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
