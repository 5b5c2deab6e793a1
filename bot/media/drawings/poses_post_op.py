"""Early-recovery poses: getting up from a chair, walking (with a frame or without), and
the gentle exercises done lying in bed or on a mat after surgery.

Each builder draws its pose at phase ``t`` (0 = start position, 1 = end of the movement)
in centimetres, floor at y = 0. Side views face right; lying on the back, the head is
to the left.
"""

from __future__ import annotations

import math

from bot.media.drawings.body import (
    MAT_TOP,
    SUPINE_HIP,
    SUPINE_SHOULDER,
    Pose,
    arm,
    crossed_arms,
    foot_from,
    hanging_arm,
    key,
    leg,
    lerp,
    supine_top,
    trunk,
)
from bot.media.drawings.figure import (
    ANKLE_H,
    FOOT,
    SHIN,
    THIGH,
    TORSO,
    Mat,
    Point,
    Role,
    Scene,
    along,
    at,
    chair,
    floor,
    joint,
)
from bot.media.drawings.props import bed, pillow, rolled_towel, walking_frame

_FAR = 5.0
_LEG = THIGH + SHIN


def _sit_to_stand(scene: Scene, t: float) -> None:
    """From sitting on a firm chair, arms crossed on the chest, to standing up fully."""
    floor(scene, -70.0, 85.0)
    chair(scene, front_x=0.0, seat_y=46.0, depth=42.0, back_height=44.0)
    near_ankle, far_ankle = (24.0, ANKLE_H), (20.0, ANKLE_H)
    hip = key(t, (0.0, (-12.0, 52.0)), (0.3, (-8.0, 53.0)), (0.65, (10.0, 74.0)),
              (1.0, (22.0, ANKLE_H + _LEG - 0.3)))
    lean = key(t, (0.0, 93.0), (0.3, 52.0), (0.65, 62.0), (1.0, 90.0))
    leg(scene, "far", hip, far_ankle)
    shoulder = trunk(scene, hip, lean)
    leg(scene, "near", hip, near_ankle)
    crossed_arms(scene, shoulder, lean)
    scene.curve_arrow((-32.0, 96.0), (-24.0, 150.0), (8.0, 166.0))


def _seated_hip_flexor(scene: Scene, t: float) -> None:
    """Side view on the front edge of a chair, one leg back with the knee toward the floor."""
    floor(scene, -95.0, 75.0)
    seat_y = 46.0
    chair(scene, front_x=0.0, seat_y=seat_y, depth=42.0, back_height=44.0)
    hip = (key(t, (0.0, -9.0), (1.0, -7.0)), seat_y + 6.0)
    neck = at(hip, TORSO, 92.0)
    shoulder = along(hip, neck, 0.93)
    # Front leg (far side): thigh on the seat, shin down, foot flat.
    f_knee = at(hip, THIGH, -2.0)
    f_ankle = (f_knee[0] - 3.0, ANKLE_H)
    f_toe = (f_ankle[0] + FOOT, 1.5)
    scene.stroke("far", hip, f_knee, f_ankle, f_toe)
    # Far arm hidden behind the near one; near hand rests on the front thigh.
    hand = along(hip, f_knee, 0.72)
    hand = (hand[0], hand[1] + 6.0)
    # Back leg (near side): the foot slides back under the chair until the knee points
    # down to the floor and the toes tuck under.
    end_knee = at(hip, THIGH, -108.0)
    end_ankle = at(end_knee, SHIN, 170.0)
    b_ankle = key(t, (0.0, (hip[0] + THIGH - 8.0, ANKLE_H)), (0.5, (-20.0, ANKLE_H + 3.0)),
                  (1.0, end_ankle))
    b_knee = joint(hip, b_ankle, THIGH, SHIN, 1)
    b_toe = key(t, (0.0, foot_from(b_ankle)), (1.0, (b_ankle[0] + 4.0, 1.5)))
    scene.stroke("near", hip, b_knee, b_ankle, b_toe)
    trunk(scene, hip, 92.0)
    arm(scene, "near", shoulder, hand)
    # Press the hips forward.
    scene.arrow((hip[0] - 30.0, hip[1] + 4.0), (hip[0] - 8.0, hip[1] + 4.0))


def _ankle_pumps(scene: Scene, t: float) -> None:
    """Propped up in bed, legs straight: the feet point away, then pull up."""
    floor(scene, -20.0, 205.0)
    top = bed(scene, -12.0, 200.0)
    pillow(scene, -9.0, 40.0, top, 16.0)
    hip = (72.0, top + 8.0)
    neck = at(hip, TORSO, 152.0)
    shoulder = along(hip, neck, 0.93)
    hand = (hip[0] + 14.0, top + 4.0)
    arm(scene, "far", shoulder, (hand[0] + 3.0, hand[1] + 1.0), bend=1)
    point = key(t, (0.0, 28.0), (1.0, 108.0))
    sides: tuple[tuple[Role, float], ...] = (("far", _FAR), ("near", 0.0))
    for role, dx in sides:
        ankle = (hip[0] + _LEG + dx, top + ANKLE_H)
        knee = along((hip[0] + dx, hip[1]), ankle, THIGH / _LEG)
        heel = at(ankle, 4.0, 200.0)
        scene.stroke(role, (hip[0] + dx, hip[1]), knee, ankle, at(ankle, FOOT + 1.0, point))
        scene.stroke(role, ankle, heel)
    trunk(scene, hip, 152.0, head_tilt=-22.0)
    arm(scene, "near", shoulder, hand, bend=1)
    pivot = (hip[0] + _LEG, top + ANKLE_H)
    scene.arc_arrow(pivot, FOOT + 9.0, 30.0, 100.0)


def _supine_legs_straight(scene: Scene, hip: Point, near: bool = True) -> None:
    """Straight legs on the mat (the far one a little behind; the near one if ``near``)."""
    roles: tuple[tuple[Role, float], ...] = (
        (("far", _FAR), ("near", 0.0)) if near else (("far", _FAR),)
    )
    for role, dx in roles:
        h = (hip[0] + dx, hip[1])
        ankle = (h[0] + _LEG - 1.0, MAT_TOP + ANKLE_H)
        scene.stroke(role, h, along(h, ankle, THIGH / _LEG), ankle, foot_from(ankle, 80.0))


def _quad_sets(scene: Scene, t: float) -> None:
    """On the back, a rolled towel under one knee: the knee presses down, the heel lifts."""
    scene.items.append(Mat(-8.0, 190.0))
    floor(scene, -14.0, 196.0)
    shoulder, hip = SUPINE_SHOULDER, SUPINE_HIP
    _supine_legs_straight(scene, hip, near=False)
    towel = (hip[0] + THIGH + 1.0, MAT_TOP + 4.5)
    rolled_towel(scene, towel, 4.5)
    knee_y = key(t, (0.0, towel[1] + 8.0), (1.0, towel[1] + 6.0))
    knee = (hip[0] + math.sqrt(THIGH**2 - (knee_y - hip[1]) ** 2), knee_y)
    shin = key(t, (0.0, -math.degrees(math.asin((knee_y - MAT_TOP - ANKLE_H) / SHIN))),
               (1.0, math.degrees(math.atan2(knee[1] - hip[1], knee[0] - hip[0]))))
    ankle = at(knee, SHIN, shin)
    scene.glow(along(hip, knee, 0.5), THIGH * 0.95, 17.0,
               math.degrees(math.atan2(knee[1] - hip[1], knee[0] - hip[0])), t)
    supine_top(scene, shoulder, hip=hip)
    scene.stroke("near", hip, knee, ankle, at(ankle, FOOT + 1.0, key(t, (0.0, 75.0),
                                                                      (1.0, 98.0))))
    scene.arrow((knee[0], knee[1] + 30.0), (knee[0], knee[1] + 9.0))


def _glute_sets(scene: Scene, t: float) -> None:
    """On the back, legs straight: squeeze the buttocks, the pelvis lifting a fraction."""
    scene.items.append(Mat(-8.0, 190.0))
    floor(scene, -14.0, 196.0)
    shoulder = SUPINE_SHOULDER
    hip = (SUPINE_HIP[0], SUPINE_HIP[1] + key(t, (0.0, 0.0), (1.0, 3.0)))
    scene.glow((hip[0] - 2.0, hip[1] - 1.0), 30.0, 20.0, 0.0, t)
    _supine_legs_straight(scene, hip)
    supine_top(scene, shoulder, hip=hip)
    # Squeeze: two arrows closing in on the buttocks.
    scene.arrow((hip[0] - 30.0, hip[1] + 22.0), (hip[0] - 10.0, hip[1] + 10.0))
    scene.arrow((hip[0] + 26.0, hip[1] + 22.0), (hip[0] + 6.0, hip[1] + 10.0))


def _heel_slides(scene: Scene, t: float) -> None:
    """On the back: one heel slides up toward the buttock, bending the knee, and back."""
    scene.items.append(Mat(-8.0, 190.0))
    floor(scene, -14.0, 196.0)
    shoulder, hip = SUPINE_SHOULDER, SUPINE_HIP
    _supine_legs_straight(scene, hip, near=False)
    supine_top(scene, shoulder, hip=hip)
    heel = key(t, (0.0, _LEG), (1.0, 48.0))
    ankle = (hip[0] + heel, MAT_TOP + ANKLE_H)
    knee = joint(hip, ankle, THIGH, SHIN, 1)
    foot = key(t, (0.0, 80.0), (1.0, -20.0))
    scene.stroke("near", hip, knee, ankle, foot_from(ankle, foot))
    scene.arrow((hip[0] + _LEG + 24.0, MAT_TOP + 28.0), (hip[0] + 62.0, MAT_TOP + 28.0))


def _gait(phase: float, stride: float, lift: float) -> tuple[Point, float]:
    """Where an ankle is in a walking stride, and its foot angle, at ``phase`` in [0, 1).

    0 is the heel landing in front; the foot rolls back under the body until 0.6, when
    the toes push off, then swings forward again.
    """
    phase %= 1.0
    front, back = stride / 2, -stride / 2
    if phase < 0.6:
        share = phase / 0.6
        x = lerp(front, back, share)
        heel_up = max(0.0, share - 0.7) / 0.3
        y = ANKLE_H + 1.0 - min(share * 8.0, 1.0) + heel_up * 6.0
        foot = lerp(5.0, -20.0, min(share * 5.0, 1.0)) - heel_up * 22.0
        return (x, y), foot
    share = (phase - 0.6) / 0.4
    x = lerp(back, front, 0.5 - 0.5 * math.cos(math.pi * share))
    y = ANKLE_H + 6.0 * (1.0 - share) + lift * math.sin(math.pi * share)
    foot = lerp(-42.0, 5.0, share)
    return (x, y), foot


def _walking(scene: Scene, t: float) -> None:
    """Side view, walking on the spot: legs stride, arms swing opposite the legs."""
    floor(scene, -70.0, 100.0)
    hip = (0.0, 89.0 + 1.2 * math.cos(4 * math.pi * t))
    near, near_foot = _gait(t, 57.0, 9.0)
    far, far_foot = _gait(t + 0.5, 57.0, 9.0)
    swing = 28.0 * math.cos(2 * math.pi * t)
    shoulder = at(hip, TORSO * 0.93, 86.0)
    hanging_arm(scene, "far", shoulder, swing=swing)
    leg(scene, "far", hip, far, far_foot)
    trunk(scene, hip, 86.0, head_tilt=-4.0)
    leg(scene, "near", hip, near, near_foot)
    hanging_arm(scene, "near", shoulder, swing=-swing)
    scene.arrow((45.0, 115.0), (85.0, 115.0))


#: How far the person and the walking frame move on in one cycle (cm).
_FRAME_STEP = 26.0


def _assisted_walk(scene: Scene, t: float) -> None:
    """Walking with a walking frame: move the frame on, step into it with one foot, then
    the other, and again; seen as if walking on the spot."""
    floor(scene, -60.0, 110.0)
    step = _FRAME_STEP
    view = step * t  # the view follows the walker at an even pace
    body_x = key(t, (0.3, 0.0), (0.62, step / 2), (0.66, step / 2), (0.97, step))
    frame_x = key(t, (0.0, 0.0), (0.3, step))
    frame_lift = 5.0 * math.sin(math.pi * min(t / 0.3, 1.0))
    near_x = key(t, (0.3, 0.0), (0.62, step))
    near_up = 12.0 * math.sin(math.pi * min(max((t - 0.3) / 0.32, 0.0), 1.0))
    far_x = key(t, (0.66, 0.0), (0.97, step))
    far_up = 12.0 * math.sin(math.pi * min(max((t - 0.66) / 0.31, 0.0), 1.0))

    hip = (body_x - view, 90.0)
    lean = key(t, (0.0, 82.0), (0.3, 78.0), (0.62, 82.0), (1.0, 82.0))
    grip = walking_frame(scene, frame_x - view + 10.0, lift=frame_lift)
    near_ankle = (near_x - view + 6.0, ANKLE_H + near_up)
    far_ankle = (far_x - view + 2.0, ANKLE_H + far_up)
    shoulder = at(hip, TORSO * 0.93, lean)
    arm(scene, "far", shoulder, (grip[0] + 3.0, grip[1]))
    leg(scene, "far", hip, far_ankle, -20.0 + far_up * 1.5)
    trunk(scene, hip, lean)
    leg(scene, "near", hip, near_ankle, -20.0 + near_up * 1.5)
    arm(scene, "near", shoulder, grip)
    scene.arrow((70.0, 120.0), (100.0, 120.0))


POST_OP: dict[str, Pose] = {
    "seated_hip_flexor": Pose(_seated_hip_flexor, "Seated hip flexor stretch", ghost=None),
    "walking": Pose(_walking, "Walking", still=0.0, ghost=None, cycles=3),
    "sit_to_stand": Pose(_sit_to_stand, "Sit to stand"),
    "ankle_pumps": Pose(_ankle_pumps, "Ankle pumps"),
    "quad_sets": Pose(_quad_sets, "Quad sets (thigh squeezes)"),
    "glute_sets": Pose(_glute_sets, "Glute sets (buttock squeezes)", ghost=None),
    "heel_slides": Pose(_heel_slides, "Heel slides"),
    "assisted_walk": Pose(_assisted_walk, "Walking with a frame", still=0.45, ghost=None,
                          cycles=1),
}
