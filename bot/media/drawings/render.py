"""Turn a pose into PNG bytes: the scene drawn with matplotlib, its title on top.

Drawing uses the object API (``Figure`` + ``FigureCanvasAgg``), never ``pyplot``: no
global state, safe in a long-running process. matplotlib is imported only when a picture
is drawn, so start-up does not pay for it.
"""

from __future__ import annotations

import io
import textwrap
import unicodedata
from functools import lru_cache

from bot.content.model import KNOWN_POSES
from bot.media.drawings.figure import Head, Mat, Scene, Stroke
from bot.media.drawings.poses import DEFAULT_TITLES, POSE_BUILDERS

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# Canvas: 800 × 600 px.
_WIDTH_IN, _HEIGHT_IN, _DPI = 8.0, 6.0, 100
_AXES_RECT = (0.03, 0.03, 0.94, 0.80)  # left, bottom, width, height (figure fractions)

# Colours: dark navy body, lighter blue for the far-side limbs, orange movement cues.
_COLOURS: dict[str, str] = {
    "near": "#1d3557",
    "far": "#6f8fbf",
    "ghost": "#9aa3ad",
    "prop": "#8d5b3c",
    "floor": "#4a4a4a",
    "arrow": "#e8590c",
    "mat_face": "#b9e3dc",
    "mat_edge": "#2a9d8f",
    "title": "#111111",
}
# Stroke widths in centimetres of the drawing (converted to points once the scale is known).
_WIDTHS: dict[str, float] = {
    "near": 6.0, "far": 5.5, "ghost": 3.0, "prop": 3.2, "floor": 1.6,
}


@lru_cache(maxsize=1)
def _font_codepoints() -> frozenset[int]:
    """Characters the default font can draw, so a title never shows empty boxes."""
    from matplotlib import font_manager
    from matplotlib.ft2font import FT2Font

    path = font_manager.findfont(font_manager.FontProperties(weight="bold"))
    return frozenset(FT2Font(path).get_charmap())


def clean_title(title: str) -> str:
    """A title safe to draw: printable, drawable characters, single spaces, at most 60."""
    known = _font_codepoints()
    kept = "".join(
        ch if ch.isprintable() and ord(ch) in known else " "
        for ch in unicodedata.normalize("NFC", title)
    )
    kept = " ".join(kept.split())
    return kept if len(kept) <= 60 else kept[:59].rstrip() + "…"


def _fit(bounds: tuple[float, float, float, float], aspect: float) -> tuple[float, ...]:
    """Pad the bounds and widen one side so one centimetre is as wide as it is tall."""
    x0, x1, y0, y1 = bounds
    pad = 0.06 * max(x1 - x0, y1 - y0)
    x0, x1, y0, y1 = x0 - pad, x1 + pad, y0 - pad, y1 + pad
    width, height = x1 - x0, y1 - y0
    if width / height < aspect:
        extra = (height * aspect - width) / 2
        x0, x1 = x0 - extra, x1 + extra
    else:
        extra = (width / aspect - height) / 2
        y0, y1 = y0 - extra, y1 + extra
    return x0, x1, y0, y1


def render_pose(pose: str, title: str = "") -> bytes:
    """Draw ``pose`` with ``title`` on top (the pose's own name if empty) as PNG bytes."""
    # Imported here: matplotlib takes a second to import, which start-up should not pay.
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure
    from matplotlib.patches import Circle, FancyArrowPatch, FancyBboxPatch
    from matplotlib.path import Path as MplPath

    builder = POSE_BUILDERS.get(pose)
    if builder is None:
        raise ValueError(f"unknown pose {pose!r}; known poses: {', '.join(KNOWN_POSES)}")
    scene = Scene()
    builder(scene)

    fig = Figure(figsize=(_WIDTH_IN, _HEIGHT_IN), dpi=_DPI, facecolor="white")
    canvas = FigureCanvasAgg(fig)
    ax = fig.add_axes(_AXES_RECT)
    ax.set_axis_off()
    axes_w_px = _AXES_RECT[2] * _WIDTH_IN * _DPI
    axes_h_px = _AXES_RECT[3] * _HEIGHT_IN * _DPI
    x0, x1, y0, y1 = _fit(scene.bounds(), axes_w_px / axes_h_px)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    points_per_cm = axes_w_px / (x1 - x0) * 72.0 / _DPI

    def line_width(cm: float) -> float:
        # Keep strokes bold on a phone whatever the scale, but never cartoonishly fat.
        return min(max(cm * points_per_cm, 5.0), 13.0)

    for item in scene.items:
        if isinstance(item, Mat):
            ax.add_patch(FancyBboxPatch(
                (item.x0, 0.0), item.x1 - item.x0, item.thickness,
                boxstyle="round,pad=0,rounding_size=1.5",
                facecolor=_COLOURS["mat_face"], edgecolor=_COLOURS["mat_edge"],
                linewidth=2.0, zorder=1,
            ))
        elif isinstance(item, Stroke):
            xs = [p[0] for p in item.points]
            ys = [p[1] for p in item.points]
            cm = item.width if item.width is not None else _WIDTHS[item.role]
            width = line_width(cm)
            if item.role == "floor":
                width = 3.0
            ax.plot(
                xs, ys, color=_COLOURS[item.role], linewidth=width,
                solid_capstyle="round", solid_joinstyle="round",
                dash_capstyle="round",
                linestyle=(0, (1.6, 1.8)) if item.role == "ghost" else "-",
                zorder={"floor": 0, "prop": 1, "ghost": 2, "far": 3}.get(item.role, 4),
            )
        elif isinstance(item, Head):
            ax.add_patch(Circle(item.centre, item.radius, facecolor=_COLOURS[item.role],
                                edgecolor=_COLOURS[item.role], zorder=5))
        else:
            ax.add_patch(FancyArrowPatch(
                path=MplPath(item.points), arrowstyle="-|>,head_length=0.9,head_width=0.6",
                mutation_scale=22,
                color=_COLOURS["arrow"], linewidth=4.5, zorder=6,
            ))

    text = clean_title(title) or DEFAULT_TITLES[pose]
    lines = textwrap.wrap(text, width=32, max_lines=2, placeholder=" …")
    fig.text(0.5, 0.93 if len(lines) == 1 else 0.905, "\n".join(lines), ha="center",
             va="center", fontsize=26 if len(lines) == 1 else 21, fontweight="bold",
             color=_COLOURS["title"], parse_math=False, linespacing=1.1)

    buffer = io.BytesIO()
    canvas.print_png(buffer, metadata={"Software": None})
    return buffer.getvalue()
