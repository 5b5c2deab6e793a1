"""The held-out fifth of a labelled corpus, fixed before any tuning (every corpus uses it).

A row is held out when the SHA-256 of its text, read as a number, is divisible by 5: a
choice as good as random (the hash knows nothing of the label), stable when rows are
added or reordered, the same on every machine. A corpus's ``split.yaml`` records the
held-out ids and a digest of their texts, so a held-out row that is edited, moved to the
tuning part or dropped fails ``check_split``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol, TypeVar

import yaml

HELD_OUT_EVERY = 5


class Labelled(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def text(self) -> str: ...


R = TypeVar("R", bound=Labelled)


def held_out(text: str) -> bool:
    return int(hashlib.sha256(text.strip().encode("utf-8")).hexdigest(), 16) % HELD_OUT_EVERY == 0


def digest(texts: Iterable[str]) -> str:
    """One hash over the held-out texts, in a fixed order."""
    joined = "\n".join(sorted(t.strip() for t in texts))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()


def parts(rows: Sequence[R]) -> tuple[list[R], list[R]]:
    """(tune, held_out)."""
    return [r for r in rows if not held_out(r.text)], [r for r in rows if held_out(r.text)]


def write_split(path: Path, rows: Sequence[Labelled], header: str) -> None:
    """``split.yaml``: the held-out ids and their digest (only when rows are added)."""
    _, heldout = parts(rows)
    path.write_text(
        header + yaml.safe_dump({"digest": digest(r.text for r in heldout),
                                 "held_out": sorted(r.id for r in heldout)}, sort_keys=True),
        encoding="utf-8",
    )


def check_split(path: Path, rows: Sequence[Labelled]) -> None:
    """The held-out part is the one ``split.yaml`` fixed, about a fifth of the rows."""
    split = yaml.safe_load(path.read_text(encoding="utf-8"))
    _, heldout = parts(rows)
    assert sorted(r.id for r in heldout) == split["held_out"]
    assert digest(r.text for r in heldout) == split["digest"]
    assert 0.15 <= len(heldout) / len(rows) <= 0.25
