"""The one table the benchmark prints: measure, result, target, and whether it was met."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass
class Row:
    """One line of the table; ``met`` is None for context rows without a target."""

    measure: str
    result: str
    target: str = ""
    met: bool | None = None


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100), nearest-rank; 0.0 for no values."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, min(len(ordered), math.ceil(q / 100 * len(ordered))))
    return ordered[rank - 1]


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else 0.0


def render(rows: Sequence[Row], title: str = "") -> str:
    """A Markdown table (readable as plain text too)."""
    header = ("Measure", "Result", "Target", "Met")
    cells = [header] + [
        (r.measure, r.result, r.target, "" if r.met is None else ("yes" if r.met else "NO"))
        for r in rows
    ]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]

    def line(row: Sequence[str]) -> str:
        return "| " + " | ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)) + " |"

    out = [title] if title else []
    out.append(line(cells[0]))
    out.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    out += [line(row) for row in cells[1:]]
    return "\n".join(out)
