"""The labelled ways of asking for an exercise, and their held-out fifth, fixed before tuning.

``tests/data/exercise_requests/requests.yaml`` was written by a writer who saw neither
the code nor the exercise cards' aliases. A row is held out when the SHA-256 of its text,
read as a number, is divisible by 5 (as random as a coin, stable when rows are added).
``split.yaml`` records the held-out ids and a digest of their texts, so a held-out row
that is edited or moved makes ``test_requests_corpus.py`` fail. ``extra_tune.yaml`` holds
220 more ways of asking (10 per exercise) written for issue #18 before the finder's
failures were looked at: tuning data, reported beside the tuning part.

``python -m tests.domain.library.requests_corpus`` writes ``split.yaml`` (only when rows
are added); ``python -m tests.domain.library.requests_corpus report`` prints how often the
right exercise comes first, on each part, totals only: it never prints a held-out row;
``... requests_corpus tune`` prints the tuning parts only (tune, probe, extra), for tuning.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

from tests.held_out import parts
from tests.held_out import write_split as write_split_file

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "exercise_requests"
REQUESTS_FILE = DATA_DIR / "requests.yaml"
#: A second set by another writer, measured once untouched, then used for tuning only.
PROBE_FILE = DATA_DIR / "probe_requests.yaml"
SPLIT_FILE = DATA_DIR / "split.yaml"
#: Fresh ways of asking written for issue #18 before its failures were looked at: tuning only.
EXTRA_FILE = DATA_DIR / "extra_tune.yaml"


@dataclass(frozen=True)
class Request:
    id: str
    text: str
    expect: str


def load(path: Path = REQUESTS_FILE) -> list[Request]:
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))["requests"]
    return [Request(str(r["id"]), str(r["text"]), str(r["expect"])) for r in rows]


def write_split() -> None:
    write_split_file(SPLIT_FILE, load(),
                     "# The held-out fifth of requests.yaml (see "
                     "tests/domain/library/requests_corpus.py).\n"
                     "# Never look at these rows while tuning the exercise finder.\n")


def _first(content: object, text: str) -> str | None:
    """The id of the exercise the finder puts first (sure or the first choice), or None."""
    from bot.domain.exercise_finder import find_exercise

    match = find_exercise(content, text)  # type: ignore[arg-type]
    return match.exercises[0].id if match.exercises else None


def report(with_held_out: bool = True) -> None:
    """Top-1 accuracy on each part, and per exercise on the tuning part only."""
    from bot.content.loader import DEFAULT_CONTENT_DIR, load_content
    content = load_content(DEFAULT_CONTENT_DIR)
    tune, heldout = parts(load())
    sets = [("tune", tune), ("probe", load(PROBE_FILE)), ("extra", load(EXTRA_FILE))]
    if with_held_out:
        sets.append(("held-out", heldout))
    for name, rows in sets:
        right = sum(_first(content, r.text) == r.expect for r in rows)
        print(f"{name}: {right}/{len(rows)} ({right / len(rows):.1%}) right exercise first")
    misses: Counter[str] = Counter()
    for r in tune:
        if _first(content, r.text) != r.expect:
            misses[r.expect] += 1
    print("tune misses per exercise:", dict(misses.most_common()))


if __name__ == "__main__":
    if sys.argv[1:] == ["report"]:
        report()
    elif sys.argv[1:] == ["tune"]:
        report(with_held_out=False)
    else:
        write_split()
