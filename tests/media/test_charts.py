"""The progress chart: a real, small, readable PNG for any history, empty included."""

from __future__ import annotations

import ast
import io
import itertools
import struct
import time
from datetime import date, timedelta
from pathlib import Path

import numpy as np
from matplotlib.image import imread

from bot.domain.records import Record
from bot.media.charts import progress_chart

TODAY = date(2025, 11, 28)
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
BAR = (0x2A, 0x9D, 0x8F)
PAIN = (0xE7, 0x6F, 0x51)
REST = (0xD9, 0xDD, 0xE3)
_ids = itertools.count(1)


def rec(day: date, kind: str, **fields: object) -> Record:
    record = {"id": f"c{next(_ids)}", "kind": kind, "date": day.isoformat(), **fields}
    return record  # type: ignore[return-value]


def month(days: int = 30) -> list[Record]:
    """A month with gaps, rest days, a flare-up and a falling pain line."""
    out: list[Record] = []
    for i in range(days):
        day = TODAY - timedelta(days=days - 1 - i)
        if i % 9 in (4, 5):
            continue  # gap
        if i % 8 == 7:
            out.append(rec(day, "rest"))
            continue
        if i == 12:
            out.append(rec(day, "flare"))
        out += [rec(day, "done", exercise="bridge", set=n) for n in range(1, 3 + i % 4)]
        out.append(rec(day, "routine_complete"))
        out.append(rec(day, "pain", pain=max(1, 8 - (i * 7) // max(days, 1))))
    return out


def png_size(png: bytes) -> tuple[int, int]:
    assert png[:8] == PNG_SIGNATURE
    assert png[12:16] == b"IHDR"
    width, height = struct.unpack(">II", png[16:24])
    return width, height


def pixels(png: bytes) -> np.ndarray:
    image = imread(io.BytesIO(png), format="png")
    return np.round(image[..., :3] * 255).astype(int)


def count_colour(image: np.ndarray, rgb: tuple[int, int, int], tolerance: int = 6) -> int:
    return int((np.abs(image - np.array(rgb)).max(axis=-1) <= tolerance).sum())


def test_chart_is_a_small_phone_sized_png() -> None:
    png = progress_chart(month(), TODAY, title="Your last 30 days")
    width, height = png_size(png)
    assert 800 <= width <= 1400
    assert 600 <= height <= 1100
    assert len(png) < 150 * 1024


def test_chart_draws_bars_pain_and_rest_days() -> None:
    image = pixels(progress_chart(month(), TODAY))
    assert (image < 250).any(axis=-1).mean() > 0.1  # not blank
    assert count_colour(image, BAR) > 10_000  # bars, not just the legend swatch
    assert count_colour(image, PAIN) > 1_000
    assert count_colour(image, REST) > 5_000


def test_no_rest_days_no_rest_shading() -> None:
    records = [r for r in month() if r.get("kind") != "rest"]
    image = pixels(progress_chart(records, TODAY))
    assert count_colour(image, REST, tolerance=2) < 200


def test_empty_history_gives_a_friendly_chart() -> None:
    png = progress_chart([], TODAY)
    width, height = png_size(png)
    assert width > 0 and height > 0
    image = pixels(png)
    assert (image < 200).any(axis=-1).sum() > 2_000  # the note and the axes are drawn
    assert count_colour(image, BAR) < 3_000  # only the legend swatch


def test_pain_only_history_and_odd_lengths() -> None:
    records = [rec(TODAY - timedelta(days=3), "pain", pain=4), rec(TODAY, "pain", pain=11)]
    for days in (1, 7, 30, 90):
        assert progress_chart(records, TODAY, days=days)[:8] == PNG_SIGNATURE


def test_a_year_of_history_renders_fast() -> None:
    records = month(365)
    progress_chart(records[:10], TODAY)  # warm the font cache
    start = time.process_time()  # CPU time: other processes on the box don't count
    png = progress_chart(records, TODAY, days=365)
    assert time.process_time() - start < 2.0
    assert len(png) < 150 * 1024


def test_chart_module_never_imports_pyplot_or_telegram() -> None:
    source = (Path(__file__).resolve().parents[2] / "bot" / "media" / "charts.py").read_text()
    imported: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.module:
            imported.add(node.module)
        elif isinstance(node, ast.Import):
            imported.update(alias.name for alias in node.names)
    assert "matplotlib.figure" in imported
    assert not {m for m in imported if "pyplot" in m or m.split(".")[0] in {"telegram", "tinydb"}}
