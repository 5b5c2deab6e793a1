"""The progress chart: sets per day as bars, pain as a line, rest and flare-up days shaded.

Drawn with ``Figure`` and the Agg canvas directly (never pyplot, which keeps global state
and is not safe beside an event loop). Sized and lettered to be read on a phone.
"""

from __future__ import annotations

import io
import math
from collections.abc import Iterable, Mapping
from datetime import date, timedelta

from bot.domain.progress.figures import pain_per_day, sets_per_day, statuses
from bot.domain.progress.texts import short_date
from bot.domain.records import Record

#: Default wording; pass ``labels`` to override any of it (for another language).
LABELS: Mapping[str, str] = {
    "sets": "Sets done",
    "pain": "Pain (0–10)",
    "rest": "Rest day",
    "flare": "Flare-up day",
    "sets_axis": "Sets",
    "pain_axis": "Pain",
    "empty": "No sets yet — your first one\nwill show here",
}
_BAR = "#2a9d8f"
_PAIN = "#e76f51"
_REST = "#d9dde3"
_FLARE = "#cfe3f7"
_TEXT = "#263238"
_SIZE = (9.0, 7.0)  # inches; at 100 dpi 900 x 700 px
_DPI = 100
_FONT = 20


def _tick_step(days: int) -> int:
    """Days between date labels: about five fit across a phone; whole weeks past a fortnight."""
    if days <= 14:
        return max(1, math.ceil(days / 5))
    return 7 * max(1, math.ceil(days / 5 / 7))


def _runs(days: list[date], wanted: set[date]) -> list[tuple[int, int]]:
    """Consecutive index ranges of wanted dates, so a rest week is one patch, not seven."""
    runs: list[tuple[int, int]] = []
    for index, day in enumerate(days):
        if day not in wanted:
            continue
        if runs and runs[-1][1] == index - 1:
            runs[-1] = (runs[-1][0], index)
        else:
            runs.append((index, index))
    return runs


def progress_chart(
    records: Iterable[Record],
    today: date,
    days: int = 30,
    title: str = "",
    labels: Mapping[str, str] | None = None,
) -> bytes:
    """A PNG of the last ``days`` local dates ending today (about 900 x 700 px)."""
    # Imported here: matplotlib takes a second to import, and the bot should answer
    # its first message without waiting for a library only charts need.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch
    from matplotlib.ticker import MaxNLocator

    text = {**LABELS, **(labels or {})}
    records = list(records)
    days = max(days, 1)
    start = today - timedelta(days=days - 1)
    dates = [start + timedelta(days=i) for i in range(days)]
    sets = sets_per_day(records, start, today)
    pain = pain_per_day(records, start, today)
    status = statuses(records)

    fig = Figure(figsize=_SIZE, dpi=_DPI, layout="constrained")
    fig.get_layout_engine().set(w_pad=0.15, h_pad=0.15)  # type: ignore[union-attr,call-arg]
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    pain_ax = ax.twinx()
    ax.set_zorder(pain_ax.get_zorder() + 1)  # bars above the shading, line above bars
    ax.patch.set_visible(False)

    handles = [
        Patch(color=_BAR, label=text["sets"]),
        Line2D([], [], color=_PAIN, lw=3, marker="o", markersize=9, label=text["pain"]),
    ]
    for kind, colour in (("rest", _REST), ("flare", _FLARE)):
        wanted = {d for d in dates if status.get(d) == kind}
        for first, last in _runs(dates, wanted):
            pain_ax.axvspan(first - 0.5, last + 0.5, color=colour, lw=0, zorder=0)
        if wanted:  # a legend entry only for what the chart shows
            handles.append(Patch(color=colour, label=text[kind]))

    counts = [sets[d] for d in dates]
    long_view = days > 60  # thin bars would shimmer and markers would blur into a band
    ax.bar(range(days), counts, width=1.0 if long_view else 0.75, color=_BAR, zorder=2)
    ax.set_ylim(0, max(4, max(counts) + 1))
    ax.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))
    ax.set_ylabel(text["sets_axis"], fontsize=_FONT, color=_BAR)

    index = {d: i for i, d in enumerate(dates)}
    ax.plot(
        [index[d] for d in pain],
        list(pain.values()),
        color=_PAIN,
        lw=3,
        marker="" if long_view else "o",
        markersize=9,
        markeredgecolor="white",
        zorder=3,
        transform=pain_ax.transData,
    )
    pain_ax.set_ylim(0, 10)
    pain_ax.set_yticks([0, 2, 4, 6, 8, 10])
    pain_ax.set_ylabel(text["pain_axis"], fontsize=_FONT, color=_PAIN)

    step = _tick_step(days)
    ticks = list(range(days - 1, -1, -step))[::-1]
    ax.set_xticks(ticks, [short_date(dates[i]) for i in ticks])
    ax.set_xlim(-0.6, days - 0.4)
    for axis in (ax, pain_ax):
        axis.tick_params(labelsize=_FONT, colors=_TEXT, length=0, pad=10)
        for side in ("top", "left", "right"):
            axis.spines[side].set_visible(False)
    ax.grid(axis="y", color="#eceff1", lw=1)
    ax.set_axisbelow(True)

    if not any(counts):
        ax.text(
            0.5, 0.55, text["empty"], transform=ax.transAxes, ha="center", va="center",
            fontsize=_FONT + 4, color=_TEXT,
        )  # fmt: skip
    if title:
        ax.set_title(title, fontsize=_FONT + 2, color=_TEXT, loc="left", pad=16)

    fig.legend(
        handles=handles, loc="outside lower center", ncols=2, fontsize=_FONT, frameon=False
    )

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=_DPI, facecolor="white")
    return buffer.getvalue()
