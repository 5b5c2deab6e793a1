"""The exercise poses: one function per ``pose`` that builds its picture as a ``Scene``.

Each builder places a stick figure (and any chair, mat or movement arrow) in centimetres,
floor at y = 0. ``POSE_BUILDERS`` has one builder for every pose in
``bot.content.model.KNOWN_POSES``, and ``DEFAULT_TITLES`` the caption drawn when the card
gives none.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from bot.media.drawings.figure import (
    ANKLE_H,
    FOOT,
    FOREARM,
    HEAD_R,
    HIP_HALF,
    NECK,
    SHIN,
    SHOULDER_HALF,
    THIGH,
    TORSO,
    TORSO_WIDTH,
    UPPER_ARM,
    Mat,
    Point,
    Scene,
    along,
    at,
    chair,
    floor,
    joint,
)

DEFAULT_TITLES: dict[str, str] = {
    "seated_hip_flexor": "Seated hip flexor stretch",
    "standing_abduction": "Standing hip abduction",
    "glute_bridge": "Glute bridge",
    "figure_four": "Figure-four stretch",
    "walking": "Walking",
    "standing": "Standing",
}



def _front_figure(scene: Scene, lifted_leg_deg: float | None = None,
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
    scene.stroke("near", r_hip, along(r_hip, r_ankle, THIGH / (THIGH + SHIN)), r_ankle,
                 (r_ankle[0] - 9.0, 1.5))
    # The other leg: straight down, or lifted out to the side.
    angle = -90.0 + (lifted_leg_deg or 0.0)
    l_knee = at(l_hip, THIGH, angle)
    l_ankle = at(l_knee, SHIN, angle)
    if lifted_leg_deg:
        scene.stroke("near", l_knee, l_ankle, at(l_ankle, 8.0, angle + 50.0))
    else:
        l_ankle = (HIP_HALF + 2.0, ANKLE_H)
        l_knee = along(l_hip, l_ankle, THIGH / (THIGH + SHIN))
        scene.stroke("near", l_knee, l_ankle, (l_ankle[0] + 9.0, 1.5))
    scene.stroke("near", l_hip, l_knee)

    # Torso, shoulders, pelvis, head.
    scene.stroke("near", r_hip, l_hip, width=TORSO_WIDTH)
    scene.stroke("near", pelvis, neck, width=TORSO_WIDTH)
    scene.stroke("near", r_sh, l_sh, width=TORSO_WIDTH)
    scene.head((neck[0], neck[1] + NECK + HEAD_R))

    # Arms: right arm to the chair (or hanging), left hand on the hip.
    if reach is not None:
        r_elbow = joint(r_sh, reach, UPPER_ARM, FOREARM, side=-1)
        scene.stroke("near", r_sh, r_elbow, reach)
    else:
        r_elbow = at(r_sh, UPPER_ARM, -97.0)
        scene.stroke("near", r_sh, r_elbow, at(r_elbow, FOREARM, -92.0))
    if lifted_leg_deg:
        hand = (l_hip[0] + 3.0, l_hip[1] + 4.0)
        scene.stroke("near", l_sh, joint(l_sh, hand, UPPER_ARM, FOREARM, side=1), hand)
    else:
        l_elbow = at(l_sh, UPPER_ARM, -83.0)
        scene.stroke("near", l_sh, l_elbow, at(l_elbow, FOREARM, -88.0))
    return {"l_hip": l_hip, "l_ankle": l_ankle}


def _standing(scene: Scene) -> None:
    """A neutral standing figure, front view: the fallback picture."""
    floor(scene, -45.0, 45.0)
    _front_figure(scene)


def _standing_abduction(scene: Scene) -> None:
    """Front view, one hand on a chair back, the other leg lifted about 30° to the side."""
    floor(scene, -95.0, 75.0)
    # The chair stands to the figure's right, its back toward the person (seen side on).
    chair(scene, front_x=-82.0, seat_y=46.0, depth=40.0, back_height=48.0, facing=-1)
    top_of_back = (-42.0 + 1.0, 46.0 + 48.0 + 2.0)
    joints = _front_figure(scene, lifted_leg_deg=30.0, reach=top_of_back)
    # Where the leg starts: a dashed ghost straight down.
    hip = joints["l_hip"]
    down_ankle = (hip[0] + 2.0, ANKLE_H)
    scene.stroke("ghost", hip, down_ankle, (down_ankle[0] + 9.0, 1.5))
    # The arrow sweeps round the hip, from the resting leg out to the lifted one.
    scene.arc_arrow(hip, THIGH + SHIN * 0.72, -95.0, -63.0)


def _lying_top_half(scene: Scene, shoulder: Point, arm_to: Point | None) -> None:
    """Head resting on the mat to the left of the shoulder; arms by the sides or reaching."""
    head = (shoulder[0] - NECK - HEAD_R + 1.0, 3.0 + HEAD_R)
    scene.stroke("near", shoulder, (head[0] + HEAD_R * 0.6, head[1] - 1.0), width=TORSO_WIDTH)
    scene.head(head)
    if arm_to is None:
        elbow = (shoulder[0] + UPPER_ARM, 6.0)
        scene.stroke("near", shoulder, elbow, (elbow[0] + FOREARM, 5.5))
    else:
        scene.stroke("near", shoulder, joint(shoulder, arm_to, UPPER_ARM, FOREARM, 1), arm_to)


def _glute_bridge(scene: Scene) -> None:
    """On the back, knees bent, hips lifted so shoulders, hips and knees line up."""
    mat_top = 3.0
    scene.items.append(Mat(-8.0, 176.0))
    floor(scene, -14.0, 182.0)
    shoulder = (30.0, mat_top + 6.0)
    line = 27.0  # the shoulder–hip–knee line, degrees above the floor
    hip = at(shoulder, TORSO, line)
    knee = at(shoulder, TORSO + THIGH, line)
    ankle_y = mat_top + ANKLE_H
    drop = knee[1] - ankle_y
    ankle = (knee[0] + math.sqrt(SHIN**2 - drop**2), ankle_y)
    toe = (ankle[0] + FOOT, mat_top + 1.5)

    # Ghost: hips resting on the mat before the lift.
    low_hip = (shoulder[0] + TORSO, mat_top + 7.0)
    low_knee = joint(low_hip, ankle, THIGH, SHIN, side=1)
    scene.stroke("ghost", shoulder, low_hip, low_knee, ankle)

    # Far leg a touch behind, then the near side.
    off = 5.0
    scene.stroke("far", (hip[0] + off, hip[1]), (knee[0] + off, knee[1]),
                 (ankle[0] + off, ankle[1]), (toe[0] + off, toe[1]))
    scene.stroke("near", shoulder, hip, width=TORSO_WIDTH)
    _lying_top_half(scene, shoulder, None)
    scene.stroke("near", hip, knee, ankle, toe)
    scene.arrow((hip[0], hip[1] + 9.0), (hip[0], hip[1] + 34.0))


def _figure_four(scene: Scene) -> None:
    """On the back, one ankle across the other thigh, that thigh hugged toward the chest."""
    mat_top = 3.0
    scene.items.append(Mat(-8.0, 140.0))
    floor(scene, -14.0, 146.0)
    shoulder = (30.0, mat_top + 6.0)
    hip = (shoulder[0] + TORSO, mat_top + 7.0)

    # Supporting leg (far side): thigh drawn up toward the chest, knee bent, foot up.
    s_knee = at(hip, THIGH, 104.0)
    s_ankle = at(s_knee, SHIN, 8.0)
    s_toe = at(s_ankle, FOOT - 2.0, 75.0)
    scene.stroke("far", hip, s_knee, s_ankle, s_toe, width=6.0)

    # Crossed leg (near side): knee turned out toward us, so the thigh looks shorter;
    # the ankle rests across the supporting thigh just below its knee.
    c_knee = at(hip, THIGH * 0.8, 42.0)
    c_ankle = along(hip, s_knee, 0.84)
    c_ankle = (c_ankle[0] - 2.0, c_ankle[1] + 1.0)
    c_toe = at(c_ankle, FOOT, 160.0)
    scene.stroke("near", shoulder, hip, width=TORSO_WIDTH)
    scene.stroke("near", hip, c_knee, c_ankle, c_toe)

    # Hands wrap behind the supporting thigh and pull it in.
    hands = along(hip, s_knee, 0.62)
    hands = (hands[0] - 4.0, hands[1])
    _lying_top_half(scene, shoulder, hands)
    scene.arc_arrow(hip, THIGH + 14.0, 78.0, 112.0)


def _walking(scene: Scene) -> None:
    """Side view, mid-stride, arms swinging opposite the legs."""
    floor(scene, -70.0, 100.0)
    hip = (0.0, 90.0)
    # Front leg (near): heel just landing, toes up.
    f_ankle = (27.0, ANKLE_H + 1.0)
    f_knee = joint(hip, f_ankle, THIGH, SHIN, side=1)
    f_toe = at(f_ankle, FOOT, 5.0)
    # Back leg (far): pushing off, heel raised, toes on the floor.
    b_ankle = (-30.0, 13.0)
    b_knee = joint(hip, b_ankle, THIGH, SHIN, side=1)
    b_toe = at(b_ankle, FOOT, -42.0)
    neck = at(hip, TORSO, 86.0)
    shoulder = along(hip, neck, 0.93)
    # Far arm swings forward, near arm back.
    fa_elbow = at(shoulder, UPPER_ARM, -62.0)
    scene.stroke("far", shoulder, fa_elbow, at(fa_elbow, FOREARM, -18.0))
    scene.stroke("far", hip, b_knee, b_ankle, b_toe)
    scene.stroke("near", hip, neck, width=TORSO_WIDTH)
    scene.head(at(neck, NECK + HEAD_R, 82.0))
    scene.stroke("near", hip, f_knee, f_ankle, f_toe)
    na_elbow = at(shoulder, UPPER_ARM, -118.0)
    scene.stroke("near", shoulder, na_elbow, at(na_elbow, FOREARM, -100.0))
    scene.arrow((45.0, 115.0), (85.0, 115.0))


def _seated_hip_flexor(scene: Scene) -> None:
    """Side view on the front edge of a chair, one leg back with the knee toward the floor."""
    floor(scene, -95.0, 75.0)
    seat_y = 46.0
    chair(scene, front_x=0.0, seat_y=seat_y, depth=42.0, back_height=44.0)
    hip = (-7.0, seat_y + 6.0)
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
    # Back leg (near side): knee points down to the floor, toes tucked behind.
    b_knee = at(hip, THIGH, -108.0)
    b_ankle = at(b_knee, SHIN, 170.0)
    b_toe = (b_ankle[0] + 4.0, 1.5)
    scene.stroke("near", hip, b_knee, b_ankle, b_toe)
    scene.stroke("near", hip, neck, width=TORSO_WIDTH)
    scene.head(at(neck, NECK + HEAD_R, 92.0))
    scene.stroke("near", shoulder, joint(shoulder, hand, UPPER_ARM, FOREARM, side=-1), hand)
    # Press the hips forward.
    scene.arrow((hip[0] - 30.0, hip[1] + 4.0), (hip[0] - 8.0, hip[1] + 4.0))


POSE_BUILDERS: dict[str, Callable[[Scene], None]] = {
    "seated_hip_flexor": _seated_hip_flexor,
    "standing_abduction": _standing_abduction,
    "glute_bridge": _glute_bridge,
    "figure_four": _figure_four,
    "walking": _walking,
    "standing": _standing,
}
