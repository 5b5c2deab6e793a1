"""Moving stick figures: keyframe interpolation and the body parts every pose shares.

A pose builder gets a phase ``t`` in [0, 1] (0 = start position, 1 = end of the
movement) and reads its joint angles and positions off keyframes with :func:`key`, so one
builder draws every frame of the animation. The helpers here draw the parts many poses
share: a side-view trunk and head, two-bone legs and arms, the top half of someone lying
on their back, and a slightly-from-above view (:func:`oblique`) for lying on the side.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import overload

from bot.media.drawings.figure import (
    FOOT,
    FOREARM,
    HEAD_R,
    NECK,
    SHIN,
    THIGH,
    TORSO,
    TORSO_WIDTH,
    UPPER_ARM,
    Point,
    Role,
    Scene,
    along,
    at,
    joint,
)


@dataclass(frozen=True)
class Pose:
    """One exercise position: how to draw it at phase ``t``, and how to show it.

    ``still`` is the phase the still picture shows (with the arrows) and ``ghost`` the
    phase drawn behind it as a dashed outline (None for none). A pose with ``cycles``
    repeats 0 → 1 that many times in its animation (a walk, where phase 1 looks like
    phase 0); the others go to the end position, hold, and come back.
    """

    build: Callable[[Scene, float], None]
    title: str
    still: float = 1.0
    ghost: float | None = 0.0
    cycles: int = 0

#: Height of a mat's top surface (cm); a body lying on it is drawn just above.
MAT_TOP = 3.0
#: Where someone lying on their back has the shoulder and the hip (head to the left).
SUPINE_SHOULDER: Point = (30.0, MAT_TOP + 6.0)
SUPINE_HIP: Point = (SUPINE_SHOULDER[0] + TORSO, MAT_TOP + 7.0)
#: Where the hand of an arm lying by the side rests (someone lying on the back).
SUPINE_HAND: Point = (SUPINE_SHOULDER[0] + UPPER_ARM + FOREARM - 1.0, MAT_TOP + 2.5)


def lerp(a: float, b: float, share: float) -> float:
    """The number ``share`` of the way from ``a`` to ``b``."""
    return a + (b - a) * share


def smooth(share: float) -> float:
    """Ease in and out of a movement: 0 → 0, 1 → 1, gentle at both ends."""
    share = min(max(share, 0.0), 1.0)
    return 0.5 - 0.5 * math.cos(math.pi * share)


@overload
def key(t: float, *stops: tuple[float, float]) -> float: ...
@overload
def key(t: float, *stops: tuple[float, Point]) -> Point: ...
def key(t: float, *stops: tuple[float, float] | tuple[float, Point]) -> float | Point:
    """The value at phase ``t`` on a path through ``(phase, value)`` stops.

    Between two stops the value eases in and out (a limb settles at each keyframe);
    before the first stop and after the last it holds still. Values are numbers or points.
    """
    first_t, first = stops[0]
    if t <= first_t:
        return first
    for (t0, v0), (t1, v1) in itertools.pairwise(stops):
        if t <= t1:
            share = smooth((t - t0) / (t1 - t0)) if t1 > t0 else 1.0
            if isinstance(v0, tuple) and isinstance(v1, tuple):
                return (lerp(v0[0], v1[0], share), lerp(v0[1], v1[1], share))
            assert isinstance(v0, float | int) and isinstance(v1, float | int)
            return lerp(float(v0), float(v1), share)
    return stops[-1][1]


def shift(p: Point, dx: float, dy: float = 0.0) -> Point:
    """``p`` moved by ``dx``, ``dy``."""
    return (p[0] + dx, p[1] + dy)


# --- standing and sitting, side view (facing right) -------------------------------------


def trunk(scene: Scene, hip: Point, degrees: float, head_tilt: float = 0.0,
          role: Role = "near") -> Point:
    """Draw the trunk from ``hip`` leaning ``degrees`` (90 = upright) and the head on it.

    Returns the shoulder, where the arms hang from.
    """
    neck = at(hip, TORSO, degrees)
    scene.stroke(role, hip, neck, width=TORSO_WIDTH)
    scene.head(at(neck, NECK + HEAD_R, degrees + head_tilt), role)
    return along(hip, neck, 0.93)


def foot_from(ankle: Point, degrees: float = -20.0) -> Point:
    """The toe of a foot leaving ``ankle`` in direction ``degrees`` (-20 = flat, facing right)."""
    return at(ankle, FOOT + 1.0, degrees)


def leg(scene: Scene, role: Role, hip: Point, ankle: Point, foot_deg: float = -20.0,
        bend: int = 1) -> Point:
    """Draw a leg from ``hip`` to ``ankle`` (knee bending to the ``bend`` side) and its foot.

    ``bend`` +1 puts the knee on the left of the hip→ankle line: in front for a figure
    facing right and standing, upward for one lying on the back. Returns the knee.
    """
    knee = joint(hip, ankle, THIGH, SHIN, bend)
    scene.stroke(role, hip, knee, ankle, foot_from(ankle, foot_deg))
    return knee


def leg_by_angles(scene: Scene, role: Role, hip: Point, thigh_deg: float, shin_deg: float,
                  foot_deg: float) -> tuple[Point, Point]:
    """Draw a leg from segment directions; returns the knee and the ankle."""
    knee = at(hip, THIGH, thigh_deg)
    ankle = at(knee, SHIN, shin_deg)
    scene.stroke(role, hip, knee, ankle, foot_from(ankle, foot_deg))
    return knee, ankle


def arm(scene: Scene, role: Role, shoulder: Point, hand: Point, bend: int = -1) -> Point:
    """Draw an arm reaching ``hand`` (the elbow on the ``bend`` side); returns the elbow.

    A hand out of reach is pulled in along the line to the shoulder, so an arm is never
    drawn longer than it is.
    """
    reach = UPPER_ARM + FOREARM - 0.5
    dist = math.dist(shoulder, hand)
    if dist > reach:
        hand = along(shoulder, hand, reach / dist)
    elbow = joint(shoulder, hand, UPPER_ARM, FOREARM, bend)
    scene.stroke(role, shoulder, elbow, hand)
    return elbow


def hanging_arm(scene: Scene, role: Role, shoulder: Point, swing: float = 0.0) -> Point:
    """Draw an arm hanging by the side, swung ``swing`` degrees forward; returns the hand."""
    elbow = at(shoulder, UPPER_ARM, -90.0 + swing)
    hand = at(elbow, FOREARM, -90.0 + swing * 1.4 + 6.0)
    scene.stroke(role, shoulder, elbow, hand)
    return hand


def crossed_arms(scene: Scene, shoulder: Point, trunk_deg: float) -> None:
    """Both arms folded across the chest (the far one hidden behind the near one)."""
    elbow = at(shoulder, UPPER_ARM * 0.85, trunk_deg - 180.0 + 32.0)
    hand = at(shoulder, 10.0, trunk_deg - 62.0)
    scene.stroke("far", shoulder, at(shoulder, UPPER_ARM * 0.8, trunk_deg - 180.0 + 26.0),
                 at(shoulder, 8.0, trunk_deg - 40.0))
    scene.stroke("near", shoulder, elbow, hand)


# --- lying on the back, side view (head to the left) ------------------------------------


def supine_top(scene: Scene, shoulder: Point = SUPINE_SHOULDER, hand: Point | None = None,
               far_hand: Point | None = None, hip: Point | None = None,
               head_lift: float = 0.0) -> None:
    """Trunk from ``hip``, head on the mat left of ``shoulder``, arms by the sides or reaching.

    ``far_hand`` defaults to the near hand (the far arm hidden behind the near one).
    ``head_lift`` raises the head off the mat a little (degrees).
    """
    if hip is not None:
        scene.stroke("near", shoulder, hip, width=TORSO_WIDTH)
    head = at(shoulder, NECK + HEAD_R + 3.0, 180.0 - 8.0 - head_lift)
    head = (head[0], max(head[1], MAT_TOP + HEAD_R))
    if far_hand is not None:
        arm(scene, "far", shoulder, far_hand, bend=1)
    scene.stroke("near", shoulder, (head[0] + HEAD_R * 0.6, head[1] - 1.0), width=TORSO_WIDTH)
    scene.head(head)
    if hand is None:
        elbow = (shoulder[0] + UPPER_ARM, MAT_TOP + 3.0)
        scene.stroke("near", shoulder, elbow, (elbow[0] + FOREARM, MAT_TOP + 2.5))
    else:
        arm(scene, "near", shoulder, hand, bend=1)


def hook_leg(scene: Scene, role: Role, hip: Point, heel_x: float) -> Point:
    """A leg of someone lying on the back with the knee bent and the foot flat on the mat.

    ``heel_x`` is how far the ankle is from the hip; returns the knee.
    """
    ankle = (hip[0] + heel_x, MAT_TOP + 7.0)
    knee = joint(hip, ankle, THIGH, SHIN, 1)
    scene.stroke(role, hip, knee, ankle, (ankle[0] + FOOT, MAT_TOP + 1.5))
    return knee


# --- a view from a little above, for lying on the side ----------------------------------

#: How depth (toward the viewer) shows on the page: to the right and downward.
_DEPTH_X, _DEPTH_Y = 0.18, -0.42

Point3 = tuple[float, float, float]


def oblique(p: Point3) -> Point:
    """A 3-D point (x along the mat, y up, z toward the viewer) as seen from a little above."""
    x, y, z = p
    return (x + _DEPTH_X * z, y + _DEPTH_Y * z)


def add3(p: Point3, length: float, direction: Point3) -> Point3:
    """``p`` moved ``length`` along ``direction`` (normalised here)."""
    norm = math.sqrt(sum(c * c for c in direction)) or 1.0
    return (p[0] + length * direction[0] / norm, p[1] + length * direction[1] / norm,
            p[2] + length * direction[2] / norm)


def rotate3(p: Point3, origin: Point3, axis_to: Point3, degrees: float) -> Point3:
    """``p`` turned ``degrees`` about the line from ``origin`` to ``axis_to`` (Rodrigues)."""
    k = tuple(a - o for a, o in zip(axis_to, origin, strict=True))
    norm = math.sqrt(sum(c * c for c in k)) or 1.0
    kx, ky, kz = (c / norm for c in k)
    vx, vy, vz = (a - o for a, o in zip(p, origin, strict=True))
    cos, sin = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    dot = kx * vx + ky * vy + kz * vz
    cross = (ky * vz - kz * vy, kz * vx - kx * vz, kx * vy - ky * vx)
    rotated = tuple(
        v * cos + c * sin + k_ * dot * (1 - cos)
        for v, c, k_ in zip((vx, vy, vz), cross, (kx, ky, kz), strict=True)
    )
    return (origin[0] + rotated[0], origin[1] + rotated[1], origin[2] + rotated[2])


def oblique_mat(scene: Scene, x0: float, x1: float, z_back: float, z_front: float) -> None:
    """A mat on the floor seen from a little above: a flat band, its front edge lower."""
    corners = [(x0, 0.0, z_back), (x1, 0.0, z_back), (x1, 0.0, z_front), (x0, 0.0, z_front)]
    scene.shape("mat", *(oblique(c) for c in corners))
