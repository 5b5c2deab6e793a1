"""Turn a pose into PNG bytes: the scene drawn with matplotlib, its title on top.

Drawing uses the object API (``Figure`` + ``FigureCanvasAgg``), never ``pyplot``: no
global state, safe in a long-running process. matplotlib is imported only when a picture
is drawn, so start-up does not pay for it. :class:`Sheet` is one canvas that can draw
scene after scene (the animation reuses it for every frame).
"""

from __future__ import annotations

import io
import math
import textwrap
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from bot.content.model import KNOWN_POSES
from bot.media.drawings.figure import Arrow, Glow, Head, Mat, Scene, Shape, Stroke
from bot.media.drawings.poses import DEFAULT_TITLES, POSES

if TYPE_CHECKING:
    from bot.media.drawings.body import Pose

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# Still canvas: 800 × 600 px.
_WIDTH_PX, _HEIGHT_PX, _DPI = 800, 600, 100
_AXES_RECT = (0.03, 0.03, 0.94, 0.80)  # left, bottom, width, height (figure fractions)

# Colours: dark navy body, lighter blue for the far-side limbs, orange movement cues.
_COLOURS: dict[str, str] = {
    "near": "#1d3557",
    "far": "#6f8fbf",
    "ghost": "#9aa3ad",
    "prop": "#8d5b3c",
    "metal": "#7d8590",
    "floor": "#4a4a4a",
    "strap": "#8e44ad",
    "arrow": "#e8590c",
    "mat_face": "#b9e3dc",
    "mat_edge": "#2a9d8f",
    "title": "#111111",
}
# Filled shapes: face and edge colours.
_FILLS: dict[str, tuple[str, str]] = {
    "mat": ("#b9e3dc", "#2a9d8f"),
    "wood": ("#e9d5c0", "#8d5b3c"),
    "bed": ("#dde6f0", "#7d8ea3"),
    "pillow": ("#f4f6f9", "#7d8ea3"),
    "towel": ("#d7b8e8", "#8e44ad"),
}
# Stroke widths in centimetres of the drawing (converted to points once the scale is known).
_WIDTHS: dict[str, float] = {
    "near": 6.0, "far": 5.5, "ghost": 3.0, "prop": 3.2, "metal": 3.0, "floor": 1.6,
    "strap": 2.2,
}
_LAYERS: dict[str, int] = {"floor": 0, "prop": 1, "metal": 1, "ghost": 2, "far": 3}


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


def pose_of(pose: str) -> Pose:
    """The pose named ``pose``, or a ValueError listing the known ones."""
    found = POSES.get(pose)
    if found is None:
        raise ValueError(f"unknown pose {pose!r}; known poses: {', '.join(KNOWN_POSES)}")
    return found


def scene_at(spec: Pose, t: float) -> Scene:
    """The scene of ``spec`` at phase ``t``."""
    scene = Scene()
    spec.build(scene, t)
    return scene


def ghost_items(scene: Scene, over: Scene) -> list[Stroke | Head]:
    """The figure of ``scene`` as dashed grey outlines, to draw under ``over``.

    Props, cues and mats are left out, and so is a head that has not moved (its outline
    would only ring the head drawn over it).
    """
    heads = [item.centre for item in over.items if isinstance(item, Head)]
    ghosts: list[Stroke | Head] = []
    for item in scene.items:
        if isinstance(item, Stroke) and item.role in ("near", "far"):
            ghosts.append(Stroke(item.points, "ghost"))
        elif isinstance(item, Head) and all(
            math.dist(item.centre, centre) > item.radius * 0.6 for centre in heads
        ):
            ghosts.append(Head(item.centre, item.radius, "ghost"))
    return ghosts


class Sheet:
    """One matplotlib canvas with a title, on which scenes are drawn one after another."""

    def __init__(self, width_px: int, height_px: int, title: str) -> None:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.width_px, self.height_px = width_px, height_px
        self.figure = Figure(figsize=(width_px / _DPI, height_px / _DPI), dpi=_DPI,
                             facecolor="white")
        self.canvas = FigureCanvasAgg(self.figure)
        self.axes = self.figure.add_axes(_AXES_RECT)
        self.axes.set_axis_off()
        self._artists: list[Any] = []
        scale = width_px / _WIDTH_PX
        lines = textwrap.wrap(title, width=32, max_lines=2, placeholder=" …")
        self.figure.text(
            0.5, 0.93 if len(lines) == 1 else 0.905, "\n".join(lines), ha="center",
            va="center", fontsize=(26 if len(lines) == 1 else 21) * scale,
            fontweight="bold", color=_COLOURS["title"], parse_math=False, linespacing=1.1,
        )

    def draw(self, scene: Scene, bounds: tuple[float, float, float, float],
             extra_back: list[Stroke | Head] | None = None, cues: bool = True) -> None:
        """Replace what the sheet shows with ``scene``, framed on ``bounds``.

        ``extra_back`` is drawn under the scene (the start position's ghost); ``cues``
        False leaves the arrows out (an animation shows the movement itself).
        """
        from matplotlib.patches import Circle, Ellipse, FancyArrowPatch, FancyBboxPatch, Polygon
        from matplotlib.path import Path as MplPath

        for artist in self._artists:
            artist.remove()
        self._artists = []
        ax = self.axes
        scale = self.width_px / _WIDTH_PX
        axes_w_px = _AXES_RECT[2] * self.width_px
        axes_h_px = _AXES_RECT[3] * self.height_px
        x0, x1, y0, y1 = _fit(bounds, axes_w_px / axes_h_px)
        ax.set_xlim(x0, x1)
        ax.set_ylim(y0, y1)
        points_per_cm = axes_w_px / (x1 - x0) * 72.0 / _DPI

        def line_width(cm: float) -> float:
            # Keep strokes bold on a phone whatever the scale, but never cartoonishly fat.
            return min(max(cm * points_per_cm, 5.0 * scale), 13.0 * scale)

        def add(artist: Any) -> None:
            self._artists.append(artist)

        for item in [*(extra_back or []), *scene.items]:
            if isinstance(item, Mat):
                add(ax.add_patch(FancyBboxPatch(
                    (item.x0, 0.0), item.x1 - item.x0, item.thickness,
                    boxstyle="round,pad=0,rounding_size=1.5",
                    facecolor=_COLOURS["mat_face"], edgecolor=_COLOURS["mat_edge"],
                    linewidth=2.0 * scale, zorder=1,
                )))
            elif isinstance(item, Shape):
                face, edge = _FILLS[item.fill]
                add(ax.add_patch(Polygon(
                    item.points, closed=True, facecolor=face, edgecolor=edge,
                    linewidth=2.0 * scale, joinstyle="round", zorder=0.5,
                )))
            elif isinstance(item, Glow):
                add(ax.add_patch(Ellipse(
                    item.centre, item.width, item.height, angle=item.angle,
                    facecolor=_COLOURS["arrow"], edgecolor="none",
                    alpha=0.45 * item.strength, zorder=2.5,
                )))
            elif isinstance(item, Stroke):
                xs = [p[0] for p in item.points]
                ys = [p[1] for p in item.points]
                cm = item.width if item.width is not None else _WIDTHS[item.role]
                width = line_width(cm)
                if item.role == "floor":
                    width = 3.0 * scale
                elif item.role in ("prop", "metal", "strap"):
                    width = min(cm * points_per_cm, 13.0 * scale)
                    width = max(width, 1.5 * scale)
                add(ax.plot(
                    xs, ys, color=_COLOURS[item.role], linewidth=width,
                    solid_capstyle="round", solid_joinstyle="round",
                    dash_capstyle="round",
                    linestyle=(0, (1.6, 1.8)) if item.role == "ghost" else "-",
                    zorder=_LAYERS.get(item.role, 4),
                )[0])
            elif isinstance(item, Head):
                if item.role == "ghost":
                    add(ax.add_patch(Circle(
                        item.centre, item.radius, facecolor="none",
                        edgecolor=_COLOURS["ghost"], linewidth=line_width(_WIDTHS["ghost"]),
                        linestyle=(0, (1.6, 1.8)), zorder=2,
                    )))
                else:
                    add(ax.add_patch(Circle(
                        item.centre, item.radius, facecolor=_COLOURS[item.role],
                        edgecolor=_COLOURS[item.role], zorder=5,
                    )))
            elif isinstance(item, Arrow) and cues:
                add(ax.add_patch(FancyArrowPatch(
                    path=MplPath(item.points),
                    arrowstyle="-|>,head_length=0.9,head_width=0.6",
                    mutation_scale=22 * scale,
                    color=_COLOURS["arrow"], linewidth=4.5 * scale, zorder=6,
                )))

    def png(self) -> bytes:
        """The sheet as PNG bytes."""
        buffer = io.BytesIO()
        self.canvas.print_png(buffer, metadata={"Software": None})
        return buffer.getvalue()

    def rgb(self) -> bytes:
        """The sheet as raw 8-bit RGB pixels, row by row from the top."""
        self.canvas.draw()
        rgba = memoryview(self.canvas.buffer_rgba())
        import numpy as np

        return np.asarray(rgba)[:, :, :3].tobytes()


def title_text(pose: str, title: str) -> str:
    """The title to draw: the cleaned ``title``, or the pose's own name if it is empty."""
    return clean_title(title) or DEFAULT_TITLES[pose]


def render_pose(pose: str, title: str = "") -> bytes:
    """Draw ``pose`` with ``title`` on top (the pose's own name if empty) as PNG bytes.

    The still shows the pose at its ``still`` phase with the movement arrow and, where
    the pose asks for it, its start position as a dashed grey ghost.
    """
    spec = pose_of(pose)
    scene = scene_at(spec, spec.still)
    ghost = ghost_items(scene_at(spec, spec.ghost), scene) if spec.ghost is not None else []
    bounds = Scene([*scene.items, *ghost]).bounds()
    sheet = Sheet(_WIDTH_PX, _HEIGHT_PX, title_text(pose, title))
    sheet.draw(scene, bounds, extra_back=ghost)
    return sheet.png()
