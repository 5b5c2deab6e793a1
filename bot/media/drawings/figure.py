"""The stick-figure building blocks: body proportions, scene items, joint geometry, props.

Figures are built from joint coordinates in centimetres with fixed body proportions, so
the limbs always stay in proportion whatever the angles. A ``Scene`` only records what to
draw (strokes, heads, arrows, a mat, filled shapes, highlights); ``render`` turns it into
pixels. The props (counter, step, bed, walking frame, ...) are in ``props``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

# Body proportions (cm) for an adult about 175 cm tall.
TORSO, NECK, HEAD_R = 52.0, 6.0, 11.0
UPPER_ARM, FOREARM = 30.0, 27.0
THIGH, SHIN, FOOT, ANKLE_H = 44.0, 43.0, 15.0, 7.0
SHOULDER_HALF, HIP_HALF = 18.0, 10.0
#: Stroke width (cm) of the torso, pelvis and shoulder line.
TORSO_WIDTH = 8.0

Point = tuple[float, float]
Role = Literal["near", "far", "ghost", "prop", "metal", "floor", "strap"]
#: How a filled shape is coloured: a mat, wood (steps, counters), bedding, a rolled towel.
Fill = Literal["mat", "wood", "bed", "pillow", "towel"]


@dataclass(frozen=True)
class Stroke:
    """A polyline with rounded ends: a limb, a chair part or the floor."""

    points: tuple[Point, ...]
    role: Role
    width: float | None = None  # cm; None means the role's default


@dataclass(frozen=True)
class Head:
    """A filled circle."""

    centre: Point
    radius: float
    role: Role = "near"


@dataclass(frozen=True)
class Arrow:
    """A movement cue along ``points``: two for a straight arrow, more for a curve."""

    points: tuple[Point, ...]


@dataclass(frozen=True)
class Mat:
    """An exercise mat lying on the floor."""

    x0: float
    x1: float
    thickness: float = 3.0


@dataclass(frozen=True)
class Shape:
    """A filled polygon: a counter top, a stair step, a mattress, a rolled towel."""

    points: tuple[Point, ...]
    fill: Fill


@dataclass(frozen=True)
class Glow:
    """A soft orange highlight on the muscle at work; ``strength`` 0 (none) to 1."""

    centre: Point
    width: float
    height: float
    angle: float
    strength: float


Item = Stroke | Head | Arrow | Mat | Shape | Glow


@dataclass
class Scene:
    """Everything one picture holds, in drawing order (first is furthest back)."""

    items: list[Item] = field(default_factory=list)

    def stroke(self, role: Role, *points: Point, width: float | None = None) -> None:
        """Add a polyline."""
        self.items.append(Stroke(tuple(points), role, width))

    def head(self, centre: Point, role: Role = "near") -> None:
        """Add a head."""
        self.items.append(Head(centre, HEAD_R, role))

    def shape(self, fill: Fill, *points: Point) -> None:
        """Add a filled polygon."""
        self.items.append(Shape(tuple(points), fill))

    def box(self, fill: Fill, x0: float, y0: float, x1: float, y1: float) -> None:
        """Add a filled rectangle."""
        self.shape(fill, (x0, y0), (x1, y0), (x1, y1), (x0, y1))

    def glow(self, centre: Point, width: float, height: float, angle: float = 0.0,
             strength: float = 1.0) -> None:
        """Add a highlight ellipse (skipped when ``strength`` is about nothing)."""
        if strength > 0.02:
            self.items.append(Glow(centre, width, height, angle, min(strength, 1.0)))

    def arrow(self, start: Point, end: Point) -> None:
        """Add a straight movement arrow."""
        self.items.append(Arrow((start, end)))

    def curve_arrow(self, start: Point, bend: Point, end: Point) -> None:
        """Add a curved arrow from ``start`` to ``end``, pulled toward ``bend``."""
        steps = 16
        self.items.append(Arrow(tuple(
            (
                (1 - s) ** 2 * start[0] + 2 * (1 - s) * s * bend[0] + s**2 * end[0],
                (1 - s) ** 2 * start[1] + 2 * (1 - s) * s * bend[1] + s**2 * end[1],
            )
            for s in (i / steps for i in range(steps + 1))
        )))

    def arc_arrow(self, centre: Point, radius: float, start_deg: float, end_deg: float) -> None:
        """Add a curved arrow turning round ``centre``, as a limb swings about its joint."""
        steps = 16
        self.items.append(Arrow(tuple(
            at(centre, radius, start_deg + (end_deg - start_deg) * i / steps)
            for i in range(steps + 1)
        )))

    def bounds(self) -> tuple[float, float, float, float]:
        """The smallest box around every item: x0, x1, y0, y1."""
        xs: list[float] = []
        ys: list[float] = []
        for item in self.items:
            if isinstance(item, Stroke | Arrow | Shape):
                pts: Iterable[Point] = item.points
            elif isinstance(item, Head):
                (cx, cy), r = item.centre, item.radius
                pts = ((cx - r, cy - r), (cx + r, cy + r))
            elif isinstance(item, Glow):
                (cx, cy), r = item.centre, max(item.width, item.height) / 2
                pts = ((cx - r, cy - r), (cx + r, cy + r))
            else:
                pts = ((item.x0, 0.0), (item.x1, item.thickness))
            for x, y in pts:
                xs.append(x)
                ys.append(y)
        return min(xs), max(xs), min(ys), max(ys)


# --- geometry ---------------------------------------------------------------------------


def at(p: Point, length: float, degrees: float) -> Point:
    """The point ``length`` away from ``p`` in direction ``degrees`` (0 = right, 90 = up)."""
    rad = math.radians(degrees)
    return (p[0] + length * math.cos(rad), p[1] + length * math.sin(rad))


def along(a: Point, b: Point, share: float) -> Point:
    """The point ``share`` of the way from ``a`` to ``b``."""
    return (a[0] + (b[0] - a[0]) * share, a[1] + (b[1] - a[1]) * share)


def joint(root: Point, tip: Point, first: float, second: float, side: int) -> Point:
    """The middle joint (knee, elbow) of a two-bone limb reaching from root to tip.

    ``side`` picks which of the two solutions: +1 bends to the left of the root→tip
    direction, -1 to the right. An unreachable tip straightens the limb.
    """
    dx, dy = tip[0] - root[0], tip[1] - root[1]
    dist = math.hypot(dx, dy)
    if dist >= first + second or dist == 0.0:
        return along(root, tip, first / (first + second))
    forward = (first**2 - second**2 + dist**2) / (2 * dist)
    across = math.sqrt(max(first**2 - forward**2, 0.0))
    ux, uy = dx / dist, dy / dist
    return (
        root[0] + ux * forward - side * uy * across,
        root[1] + uy * forward + side * ux * across,
    )


# --- props ------------------------------------------------------------------------------


def chair(scene: Scene, front_x: float, seat_y: float = 46.0, depth: float = 42.0,
          back_height: float = 46.0, facing: int = 1) -> None:
    """A side-view chair; ``facing`` +1 means a person sitting on it faces right."""
    back_x = front_x - facing * depth
    scene.stroke("prop", (front_x - facing * 3, 0.0), (front_x - facing * 3, seat_y))
    scene.stroke("prop", (back_x + facing * 3, 0.0), (back_x + facing * 3, seat_y))
    scene.stroke("prop", (back_x + facing * 3, seat_y),
                 (back_x, seat_y + back_height))
    scene.stroke("prop", (back_x, seat_y), (front_x, seat_y), width=5.0)


def floor(scene: Scene, x0: float, x1: float) -> None:
    """The floor line everything stands on."""
    scene.stroke("floor", (x0, 0.0), (x1, 0.0))
