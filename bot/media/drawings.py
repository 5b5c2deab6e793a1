"""Stick-figure pictures of each exercise position, drawn as PNG line drawings.

A patient reading a card on a phone understands a picture faster than a paragraph,
so every exercise names one built-in ``pose``. Figures are built from joint
coordinates with fixed body proportions (segment lengths in centimetres), so the
limbs always stay in proportion whatever the angles. Drawing uses the object API
(``Figure`` + ``FigureCanvasAgg``), never ``pyplot``: no global state, safe in a
long-running process. Pure module: it never imports ``telegram``.
"""

from __future__ import annotations

import hashlib
import io
import math
import os
import re
import tempfile
import textwrap
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Literal

#: Every pose the bot can draw, in a fixed order (content validation lists these).
KNOWN_POSES: tuple[str, ...] = (
    "seated_hip_flexor",
    "standing_abduction",
    "glute_bridge",
    "figure_four",
    "walking",
    "standing",
)

#: Bump when the drawings change, so cached files on disk are redrawn.
STYLE_VERSION = 1

_DEFAULT_TITLES: dict[str, str] = {
    "seated_hip_flexor": "Seated hip flexor stretch",
    "standing_abduction": "Standing hip abduction",
    "glute_bridge": "Glute bridge",
    "figure_four": "Figure-four stretch",
    "walking": "Walking",
    "standing": "Standing",
}

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"

# Canvas: 800 × 600 px.
_WIDTH_IN, _HEIGHT_IN, _DPI = 8.0, 6.0, 100
_AXES_RECT = (0.03, 0.03, 0.94, 0.80)  # left, bottom, width, height (figure fractions)

# Body proportions (cm) for an adult about 175 cm tall.
TORSO, NECK, HEAD_R = 52.0, 6.0, 11.0
UPPER_ARM, FOREARM = 30.0, 27.0
THIGH, SHIN, FOOT, ANKLE_H = 44.0, 43.0, 15.0, 7.0
SHOULDER_HALF, HIP_HALF = 18.0, 10.0

Point = tuple[float, float]
Role = Literal["near", "far", "ghost", "prop", "floor"]

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
_TORSO_WIDTH = 8.0


@dataclass(frozen=True)
class _Stroke:
    """A polyline with rounded ends: a limb, a chair part or the floor."""

    points: tuple[Point, ...]
    role: Role
    width: float | None = None  # cm; None means the role's default


@dataclass(frozen=True)
class _Head:
    """A filled circle."""

    centre: Point
    radius: float
    role: Role = "near"


@dataclass(frozen=True)
class _Arrow:
    """A movement cue along ``points``: two for a straight arrow, more for a curve."""

    points: tuple[Point, ...]


@dataclass(frozen=True)
class _Mat:
    """An exercise mat lying on the floor."""

    x0: float
    x1: float
    thickness: float = 3.0


@dataclass
class _Scene:
    """Everything one picture holds, in drawing order (first is furthest back)."""

    items: list[_Stroke | _Head | _Arrow | _Mat] = field(default_factory=list)

    def stroke(self, role: Role, *points: Point, width: float | None = None) -> None:
        """Add a polyline."""
        self.items.append(_Stroke(tuple(points), role, width))

    def head(self, centre: Point, role: Role = "near") -> None:
        """Add a head."""
        self.items.append(_Head(centre, HEAD_R, role))

    def arrow(self, start: Point, end: Point) -> None:
        """Add a straight movement arrow."""
        self.items.append(_Arrow((start, end)))

    def arc_arrow(self, centre: Point, radius: float, start_deg: float, end_deg: float) -> None:
        """Add a curved arrow turning round ``centre``, as a limb swings about its joint."""
        steps = 16
        self.items.append(_Arrow(tuple(
            _at(centre, radius, start_deg + (end_deg - start_deg) * i / steps)
            for i in range(steps + 1)
        )))

    def bounds(self) -> tuple[float, float, float, float]:
        """The smallest box around every item: x0, x1, y0, y1."""
        xs: list[float] = []
        ys: list[float] = []
        for item in self.items:
            if isinstance(item, _Stroke):
                pts: Iterable[Point] = item.points
            elif isinstance(item, _Head):
                (cx, cy), r = item.centre, item.radius
                pts = ((cx - r, cy - r), (cx + r, cy + r))
            elif isinstance(item, _Arrow):
                pts = item.points
            else:
                pts = ((item.x0, 0.0), (item.x1, item.thickness))
            for x, y in pts:
                xs.append(x)
                ys.append(y)
        return min(xs), max(xs), min(ys), max(ys)


# --- geometry ---------------------------------------------------------------------------


def _at(p: Point, length: float, degrees: float) -> Point:
    """The point ``length`` away from ``p`` in direction ``degrees`` (0 = right, 90 = up)."""
    rad = math.radians(degrees)
    return (p[0] + length * math.cos(rad), p[1] + length * math.sin(rad))


def _along(a: Point, b: Point, share: float) -> Point:
    """The point ``share`` of the way from ``a`` to ``b``."""
    return (a[0] + (b[0] - a[0]) * share, a[1] + (b[1] - a[1]) * share)


def _joint(root: Point, tip: Point, first: float, second: float, side: int) -> Point:
    """The middle joint (knee, elbow) of a two-bone limb reaching from root to tip.

    ``side`` picks which of the two solutions: +1 bends to the left of the root→tip
    direction, -1 to the right. An unreachable tip straightens the limb.
    """
    dx, dy = tip[0] - root[0], tip[1] - root[1]
    dist = math.hypot(dx, dy)
    if dist >= first + second or dist == 0.0:
        return _along(root, tip, first / (first + second))
    along = (first**2 - second**2 + dist**2) / (2 * dist)
    across = math.sqrt(max(first**2 - along**2, 0.0))
    ux, uy = dx / dist, dy / dist
    return (root[0] + ux * along - side * uy * across, root[1] + uy * along + side * ux * across)


def _chair(scene: _Scene, front_x: float, seat_y: float = 46.0, depth: float = 42.0,
           back_height: float = 46.0, facing: int = 1) -> None:
    """A side-view chair; ``facing`` +1 means a person sitting on it faces right."""
    back_x = front_x - facing * depth
    scene.stroke("prop", (front_x - facing * 3, 0.0), (front_x - facing * 3, seat_y))
    scene.stroke("prop", (back_x + facing * 3, 0.0), (back_x + facing * 3, seat_y))
    scene.stroke("prop", (back_x + facing * 3, seat_y),
                 (back_x, seat_y + back_height))
    scene.stroke("prop", (back_x, seat_y), (front_x, seat_y), width=5.0)


def _floor(scene: _Scene, x0: float, x1: float) -> None:
    """The floor line everything stands on."""
    scene.stroke("floor", (x0, 0.0), (x1, 0.0))


# --- poses: each builds a scene in centimetres, floor at y = 0 ---------------------------


def _front_figure(scene: _Scene, lifted_leg_deg: float | None = None,
                  reach: Point | None = None) -> dict[str, Point]:
    """A person seen from the front, standing tall; optionally one leg out to the side.

    ``lifted_leg_deg`` is how far the figure's left leg (viewer's right) swings out;
    ``reach`` is where the right hand (viewer's left) rests, else the arm hangs.
    """
    pelvis = (0.0, ANKLE_H + SHIN + THIGH)
    neck = (pelvis[0], pelvis[1] + TORSO)
    shoulder_y = neck[1] - 3.0
    l_sh, r_sh = (SHOULDER_HALF, shoulder_y), (-SHOULDER_HALF, shoulder_y)
    l_hip, r_hip = (HIP_HALF, pelvis[1]), (-HIP_HALF, pelvis[1])

    # Standing (right) leg, viewer's left.
    r_ankle = (-HIP_HALF - 2.0, ANKLE_H)
    scene.stroke("near", r_hip, _along(r_hip, r_ankle, THIGH / (THIGH + SHIN)), r_ankle,
                 (r_ankle[0] - 9.0, 1.5))
    # The other leg: straight down, or lifted out to the side.
    angle = -90.0 + (lifted_leg_deg or 0.0)
    l_knee = _at(l_hip, THIGH, angle)
    l_ankle = _at(l_knee, SHIN, angle)
    if lifted_leg_deg:
        scene.stroke("near", l_knee, l_ankle, _at(l_ankle, 8.0, angle + 50.0))
    else:
        l_ankle = (HIP_HALF + 2.0, ANKLE_H)
        l_knee = _along(l_hip, l_ankle, THIGH / (THIGH + SHIN))
        scene.stroke("near", l_knee, l_ankle, (l_ankle[0] + 9.0, 1.5))
    scene.stroke("near", l_hip, l_knee)

    # Torso, shoulders, pelvis, head.
    scene.stroke("near", r_hip, l_hip, width=_TORSO_WIDTH)
    scene.stroke("near", pelvis, neck, width=_TORSO_WIDTH)
    scene.stroke("near", r_sh, l_sh, width=_TORSO_WIDTH)
    scene.head((neck[0], neck[1] + NECK + HEAD_R))

    # Arms: right arm to the chair (or hanging), left hand on the hip.
    if reach is not None:
        r_elbow = _joint(r_sh, reach, UPPER_ARM, FOREARM, side=-1)
        scene.stroke("near", r_sh, r_elbow, reach)
    else:
        r_elbow = _at(r_sh, UPPER_ARM, -97.0)
        scene.stroke("near", r_sh, r_elbow, _at(r_elbow, FOREARM, -92.0))
    if lifted_leg_deg:
        hand = (l_hip[0] + 3.0, l_hip[1] + 4.0)
        scene.stroke("near", l_sh, _joint(l_sh, hand, UPPER_ARM, FOREARM, side=1), hand)
    else:
        l_elbow = _at(l_sh, UPPER_ARM, -83.0)
        scene.stroke("near", l_sh, l_elbow, _at(l_elbow, FOREARM, -88.0))
    return {"l_hip": l_hip, "l_ankle": l_ankle}


def _standing(scene: _Scene) -> None:
    """A neutral standing figure, front view: the fallback picture."""
    _floor(scene, -45.0, 45.0)
    _front_figure(scene)


def _standing_abduction(scene: _Scene) -> None:
    """Front view, one hand on a chair back, the other leg lifted about 30° to the side."""
    _floor(scene, -95.0, 75.0)
    # The chair stands to the figure's right, its back toward the person (seen side on).
    _chair(scene, front_x=-82.0, seat_y=46.0, depth=40.0, back_height=48.0, facing=-1)
    top_of_back = (-42.0 + 1.0, 46.0 + 48.0 + 2.0)
    joints = _front_figure(scene, lifted_leg_deg=30.0, reach=top_of_back)
    # Where the leg starts: a dashed ghost straight down.
    hip = joints["l_hip"]
    down_ankle = (hip[0] + 2.0, ANKLE_H)
    scene.stroke("ghost", hip, down_ankle, (down_ankle[0] + 9.0, 1.5))
    # The arrow sweeps round the hip, from the resting leg out to the lifted one.
    scene.arc_arrow(hip, THIGH + SHIN * 0.72, -95.0, -63.0)


def _lying_top_half(scene: _Scene, shoulder: Point, arm_to: Point | None) -> None:
    """Head resting on the mat to the left of the shoulder; arms by the sides or reaching."""
    head = (shoulder[0] - NECK - HEAD_R + 1.0, 3.0 + HEAD_R)
    scene.stroke("near", shoulder, (head[0] + HEAD_R * 0.6, head[1] - 1.0), width=_TORSO_WIDTH)
    scene.head(head)
    if arm_to is None:
        elbow = (shoulder[0] + UPPER_ARM, 6.0)
        scene.stroke("near", shoulder, elbow, (elbow[0] + FOREARM, 5.5))
    else:
        scene.stroke("near", shoulder, _joint(shoulder, arm_to, UPPER_ARM, FOREARM, 1), arm_to)


def _glute_bridge(scene: _Scene) -> None:
    """On the back, knees bent, hips lifted so shoulders, hips and knees line up."""
    mat_top = 3.0
    scene.items.append(_Mat(-8.0, 176.0))
    _floor(scene, -14.0, 182.0)
    shoulder = (30.0, mat_top + 6.0)
    line = 27.0  # the shoulder–hip–knee line, degrees above the floor
    hip = _at(shoulder, TORSO, line)
    knee = _at(shoulder, TORSO + THIGH, line)
    ankle_y = mat_top + ANKLE_H
    drop = knee[1] - ankle_y
    ankle = (knee[0] + math.sqrt(SHIN**2 - drop**2), ankle_y)
    toe = (ankle[0] + FOOT, mat_top + 1.5)

    # Ghost: hips resting on the mat before the lift.
    low_hip = (shoulder[0] + TORSO, mat_top + 7.0)
    low_knee = _joint(low_hip, ankle, THIGH, SHIN, side=1)
    scene.stroke("ghost", shoulder, low_hip, low_knee, ankle)

    # Far leg a touch behind, then the near side.
    off = 5.0
    scene.stroke("far", (hip[0] + off, hip[1]), (knee[0] + off, knee[1]),
                 (ankle[0] + off, ankle[1]), (toe[0] + off, toe[1]))
    scene.stroke("near", shoulder, hip, width=_TORSO_WIDTH)
    _lying_top_half(scene, shoulder, None)
    scene.stroke("near", hip, knee, ankle, toe)
    scene.arrow((hip[0], hip[1] + 9.0), (hip[0], hip[1] + 34.0))


def _figure_four(scene: _Scene) -> None:
    """On the back, one ankle across the other thigh, that thigh hugged toward the chest."""
    mat_top = 3.0
    scene.items.append(_Mat(-8.0, 140.0))
    _floor(scene, -14.0, 146.0)
    shoulder = (30.0, mat_top + 6.0)
    hip = (shoulder[0] + TORSO, mat_top + 7.0)

    # Supporting leg (far side): thigh drawn up toward the chest, knee bent, foot up.
    s_knee = _at(hip, THIGH, 104.0)
    s_ankle = _at(s_knee, SHIN, 8.0)
    s_toe = _at(s_ankle, FOOT - 2.0, 75.0)
    scene.stroke("far", hip, s_knee, s_ankle, s_toe, width=6.0)

    # Crossed leg (near side): knee turned out toward us, so the thigh looks shorter;
    # the ankle rests across the supporting thigh just below its knee.
    c_knee = _at(hip, THIGH * 0.8, 42.0)
    c_ankle = _along(hip, s_knee, 0.84)
    c_ankle = (c_ankle[0] - 2.0, c_ankle[1] + 1.0)
    c_toe = _at(c_ankle, FOOT, 160.0)
    scene.stroke("near", shoulder, hip, width=_TORSO_WIDTH)
    scene.stroke("near", hip, c_knee, c_ankle, c_toe)

    # Hands wrap behind the supporting thigh and pull it in.
    hands = _along(hip, s_knee, 0.62)
    hands = (hands[0] - 4.0, hands[1])
    _lying_top_half(scene, shoulder, hands)
    scene.arc_arrow(hip, THIGH + 14.0, 78.0, 112.0)


def _walking(scene: _Scene) -> None:
    """Side view, mid-stride, arms swinging opposite the legs."""
    _floor(scene, -70.0, 100.0)
    hip = (0.0, 90.0)
    # Front leg (near): heel just landing, toes up.
    f_ankle = (27.0, ANKLE_H + 1.0)
    f_knee = _joint(hip, f_ankle, THIGH, SHIN, side=1)
    f_toe = _at(f_ankle, FOOT, 5.0)
    # Back leg (far): pushing off, heel raised, toes on the floor.
    b_ankle = (-30.0, 13.0)
    b_knee = _joint(hip, b_ankle, THIGH, SHIN, side=1)
    b_toe = _at(b_ankle, FOOT, -42.0)
    neck = _at(hip, TORSO, 86.0)
    shoulder = _along(hip, neck, 0.93)
    # Far arm swings forward, near arm back.
    fa_elbow = _at(shoulder, UPPER_ARM, -62.0)
    scene.stroke("far", shoulder, fa_elbow, _at(fa_elbow, FOREARM, -18.0))
    scene.stroke("far", hip, b_knee, b_ankle, b_toe)
    scene.stroke("near", hip, neck, width=_TORSO_WIDTH)
    scene.head(_at(neck, NECK + HEAD_R, 82.0))
    scene.stroke("near", hip, f_knee, f_ankle, f_toe)
    na_elbow = _at(shoulder, UPPER_ARM, -118.0)
    scene.stroke("near", shoulder, na_elbow, _at(na_elbow, FOREARM, -100.0))
    scene.arrow((45.0, 115.0), (85.0, 115.0))


def _seated_hip_flexor(scene: _Scene) -> None:
    """Side view on the front edge of a chair, one leg back with the knee toward the floor."""
    _floor(scene, -95.0, 75.0)
    seat_y = 46.0
    _chair(scene, front_x=0.0, seat_y=seat_y, depth=42.0, back_height=44.0)
    hip = (-7.0, seat_y + 6.0)
    neck = _at(hip, TORSO, 92.0)
    shoulder = _along(hip, neck, 0.93)
    # Front leg (far side): thigh on the seat, shin down, foot flat.
    f_knee = _at(hip, THIGH, -2.0)
    f_ankle = (f_knee[0] - 3.0, ANKLE_H)
    f_toe = (f_ankle[0] + FOOT, 1.5)
    scene.stroke("far", hip, f_knee, f_ankle, f_toe)
    # Far arm hidden behind the near one; near hand rests on the front thigh.
    hand = _along(hip, f_knee, 0.72)
    hand = (hand[0], hand[1] + 6.0)
    # Back leg (near side): knee points down to the floor, toes tucked behind.
    b_knee = _at(hip, THIGH, -108.0)
    b_ankle = _at(b_knee, SHIN, 170.0)
    b_toe = (b_ankle[0] + 4.0, 1.5)
    scene.stroke("near", hip, b_knee, b_ankle, b_toe)
    scene.stroke("near", hip, neck, width=_TORSO_WIDTH)
    scene.head(_at(neck, NECK + HEAD_R, 92.0))
    scene.stroke("near", shoulder, _joint(shoulder, hand, UPPER_ARM, FOREARM, side=-1), hand)
    # Press the hips forward.
    scene.arrow((hip[0] - 30.0, hip[1] + 4.0), (hip[0] - 8.0, hip[1] + 4.0))


_BUILDERS: dict[str, Callable[[_Scene], None]] = {
    "seated_hip_flexor": _seated_hip_flexor,
    "standing_abduction": _standing_abduction,
    "glute_bridge": _glute_bridge,
    "figure_four": _figure_four,
    "walking": _walking,
    "standing": _standing,
}


# --- drawing -----------------------------------------------------------------------------


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

    builder = _BUILDERS.get(pose)
    if builder is None:
        raise ValueError(f"unknown pose {pose!r}; known poses: {', '.join(KNOWN_POSES)}")
    scene = _Scene()
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
        if isinstance(item, _Mat):
            ax.add_patch(FancyBboxPatch(
                (item.x0, 0.0), item.x1 - item.x0, item.thickness,
                boxstyle="round,pad=0,rounding_size=1.5",
                facecolor=_COLOURS["mat_face"], edgecolor=_COLOURS["mat_edge"],
                linewidth=2.0, zorder=1,
            ))
        elif isinstance(item, _Stroke):
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
        elif isinstance(item, _Head):
            ax.add_patch(Circle(item.centre, item.radius, facecolor=_COLOURS[item.role],
                                edgecolor=_COLOURS[item.role], zorder=5))
        else:
            ax.add_patch(FancyArrowPatch(
                path=MplPath(item.points), arrowstyle="-|>,head_length=0.9,head_width=0.6",
                mutation_scale=22,
                color=_COLOURS["arrow"], linewidth=4.5, zorder=6,
            ))

    text = clean_title(title) or _DEFAULT_TITLES[pose]
    lines = textwrap.wrap(text, width=32, max_lines=2, placeholder=" …")
    fig.text(0.5, 0.93 if len(lines) == 1 else 0.905, "\n".join(lines), ha="center",
             va="center", fontsize=26 if len(lines) == 1 else 21, fontweight="bold",
             color=_COLOURS["title"], parse_math=False, linespacing=1.1)

    buffer = io.BytesIO()
    canvas.print_png(buffer, metadata={"Software": None})
    return buffer.getvalue()


# --- the on-disk cache -------------------------------------------------------------------


def title_slug(title: str) -> str:
    """A file-name-safe slug for ``title``, plus a short hash so distinct titles never clash.

    The hash also covers :data:`STYLE_VERSION`, so changed drawings get new files.
    """
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:40].strip("-")
    digest = hashlib.sha256(f"{STYLE_VERSION}\n{title}".encode()).hexdigest()[:8]
    return f"{words or 'untitled'}-{digest}"


def illustration_file(cache_dir: Path, pose: str, title: str = "") -> Path:
    """The PNG for ``pose`` and ``title`` under ``cache_dir``, drawn only the first time.

    Written atomically (temporary file, fsync, rename) with mode 0600 in a 0700 folder,
    so a crash never leaves half a picture and other users cannot read the cache.
    """
    if pose not in _BUILDERS:
        raise ValueError(f"unknown pose {pose!r}; known poses: {', '.join(KNOWN_POSES)}")
    folder = Path(cache_dir) / "illustrations"
    path = folder / f"{pose}-{title_slug(title)}.png"
    if _is_png(path):
        return path
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    os.chmod(folder, 0o700)
    data = render_pose(pose, title)
    fd, tmp_name = tempfile.mkstemp(dir=folder, prefix=f".{pose}-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp_name, 0o600)
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return path


def _is_png(path: Path) -> bool:
    """Whether a cached file exists and starts like a PNG (anything else is redrawn)."""
    try:
        with path.open("rb") as handle:
            return handle.read(len(PNG_SIGNATURE)) == PNG_SIGNATURE
    except OSError:
        return False
