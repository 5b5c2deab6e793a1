"""The held-out fifth of the corpus, fixed before any tuning.

A row is held out when the SHA-256 of its text, read as a number, is divisible by 5:
a choice as good as random (the hash knows nothing of the label), stable when rows are
added or reordered, and the same on every machine. ``split.yaml`` records the held-out
ids and a digest of their texts, so a held-out row that is edited, moved to the tuning
part or dropped makes ``tests/domain/understanding/test_corpus.py`` fail.

``python -m tests.domain.understanding.split`` writes ``split.yaml``; run it only when
rows are added, never to move a row between the parts.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

import yaml

from tests.domain.understanding.corpus import CORPUS_DIR, Row, load_rows
from tests.held_out import HELD_OUT_EVERY, digest, held_out, parts

__all__ = ["digest", "held_out", "parts"]  # the corpus tests import them from here

SPLIT_FILE = CORPUS_DIR / "split.yaml"


def row_key(text: str) -> str:
    """A row's id: the first 12 hex digits of the SHA-256 of its text."""
    return hashlib.sha256(text.strip().encode("utf-8")).hexdigest()[:12]


def corpus_files() -> list[Path]:
    return sorted(p for p in CORPUS_DIR.glob("*.yaml") if p.name != SPLIT_FILE.name)


def corpus() -> list[Row]:
    return load_rows(corpus_files())


def main() -> int:
    rows = corpus()
    tune, heldout = parts(rows)
    data = {
        "rule": f"sha256(text) % {HELD_OUT_EVERY} == 0",
        "rows": len(rows),
        "tune": len(tune),
        "heldout": len(heldout),
        "heldout_digest": digest(r.text for r in heldout),
        "heldout_ids": sorted(row_key(r.text) for r in heldout),
    }
    header = ("# The held-out part of the corpus: never read while tuning. Written by\n"
              "# python -m tests.domain.understanding.split; see split.py.\n")
    SPLIT_FILE.write_text(header + yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    print(f"{len(rows)} rows: {len(tune)} tune, {len(heldout)} held out -> {SPLIT_FILE.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
