"""The things around the figure: a kitchen counter, a stair step with its rail, a bed, a
walking frame and a rolled towel. The chair and the floor are in ``figure``.

All are seen from the side, in centimetres, floor at y = 0.
"""

from __future__ import annotations

import math

from bot.media.drawings.figure import Point, Scene

#: Height of a kitchen worktop and of the top of a chair back (cm).
COUNTER_H = 90.0


def counter(scene: Scene, x0: float, x1: float, height: float = COUNTER_H) -> Point:
    """A kitchen counter from ``x0`` to ``x1``: cupboards under a worktop.

    Returns the front top corner, where a hand holds on.
    """
    top = height - 5.0
    scene.box("wood", x0 + 3.0, 0.0, x1, top)
    scene.box("wood", x0, top, x1 + 2.0, height)
    # A cupboard door and its handle, so it reads as a kitchen unit.
    scene.stroke("prop", (x0 + 8.0, 8.0), (x0 + 8.0, top - 8.0), width=1.2)
    scene.stroke("prop", (x0 + 14.0, top - 22.0), (x0 + 14.0, top - 12.0), width=1.8)
    return (x0 + 1.0, height)


def stairs(scene: Scene, x0: float, rise: float = 18.0, going: float = 30.0,
           steps: int = 2, width: float = 60.0) -> None:
    """A short flight of stairs going up to the right, its first riser at ``x0``."""
    for i in range(steps):
        left = x0 + i * going
        scene.box("wood", left, 0.0, x0 + width + (steps - 1) * going, rise * (i + 1))


def handrail(scene: Scene, start: Point, end: Point, post_x: float) -> None:
    """A handrail from ``start`` to ``end`` with one post down to the floor at ``post_x``."""
    share = (post_x - start[0]) / (end[0] - start[0])
    post_top = (post_x, start[1] + (end[1] - start[1]) * share)
    scene.stroke("prop", (post_x, 0.0), post_top)
    scene.stroke("prop", start, end, width=4.0)


def rail_point(start: Point, end: Point, share: float) -> Point:
    """The point ``share`` of the way along a handrail."""
    return (start[0] + (end[0] - start[0]) * share, start[1] + (end[1] - start[1]) * share)


def bed(scene: Scene, x0: float, x1: float, top: float = 55.0) -> float:
    """A bed from ``x0`` (the head end) to ``x1``; returns the mattress top."""
    frame = top - 16.0
    scene.stroke("prop", (x0, 0.0), (x0, top + 40.0), width=4.0)  # headboard
    scene.stroke("prop", (x1, 0.0), (x1, top + 4.0), width=4.0)  # footboard
    scene.stroke("prop", (x0, frame), (x1, frame), width=4.0)
    scene.box("bed", x0 + 2.0, frame, x1 - 2.0, top)
    return top


def pillow(scene: Scene, x0: float, x1: float, bottom: float, height: float) -> None:
    """A pillow lying from ``x0`` to ``x1`` on a surface at ``bottom``."""
    mid = (x0 + x1) / 2
    scene.shape("pillow", (x0, bottom), (x1, bottom), (x1 - 2.0, bottom + height * 0.8),
                (mid, bottom + height), (x0 + 2.0, bottom + height * 0.8))


def rolled_towel(scene: Scene, centre: Point, radius: float) -> None:
    """A rolled towel seen end on: a disc."""
    scene.shape("towel", *(
        (centre[0] + radius * math.cos(a), centre[1] + radius * math.sin(a))
        for a in (2 * math.pi * i / 20 for i in range(20))
    ))


def walking_frame(scene: Scene, back_x: float, lift: float = 0.0, depth: float = 48.0,
                  height: float = 84.0) -> Point:
    """A walking frame seen from the side, its back legs at ``back_x``; returns the grip."""
    base = lift
    front_x = back_x + depth
    top_back, top_front = (back_x + 4.0, base + height), (front_x - 4.0, base + height)
    scene.stroke("metal", (back_x, base), top_back, top_front, (front_x, base))
    scene.stroke("metal", (back_x + 2.0, base + height * 0.45),
                 (front_x - 2.0, base + height * 0.45), width=2.4)
    # Rubber feet.
    for x in (back_x, front_x):
        scene.stroke("metal", (x - 2.5, base + 0.8), (x + 2.5, base + 0.8), width=3.2)
    grip = (back_x + 2.0, base + height + 1.5)
    scene.stroke("metal", (back_x - 6.0, base + height), (back_x + 12.0, base + height),
                 width=4.5)
    return grip
