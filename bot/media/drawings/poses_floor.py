"""Floor poses on a mat: bridges and stretches on the back, leg lifts on the side.

Each builder draws its pose at phase ``t`` (0 = start position, 1 = end of the movement)
in centimetres, floor at y = 0. On the back the head is to the left; on the side the
person faces the viewer, seen from a little above (``body.oblique``).
"""

from __future__ import annotations

import math

from bot.media.drawings.body import (
    MAT_TOP,
    SUPINE_HAND,
    SUPINE_HIP,
    SUPINE_SHOULDER,
    Point3,
    Pose,
    add3,
    arm,
    hook_leg,
    key,
    oblique,
    oblique_mat,
    rotate3,
    supine_top,
)
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
    Role,
    Scene,
    along,
    at,
    floor,
    joint,
)

#: How far the ankle of a bent knee is from the hip (foot flat on the mat).
HOOK_HEEL = 52.0
#: The far leg is drawn this much to the right, so it peeks out from behind the near one.
_FAR = 5.0


def _mat(scene: Scene, x1: float) -> None:
    scene.items.append(Mat(-8.0, x1))
    floor(scene, -14.0, x1 + 6.0)


def _glute_bridge(scene: Scene, t: float) -> None:
    """On the back, knees bent, hips lifted so shoulders, hips and knees line up."""
    _mat(scene, 176.0)
    shoulder = SUPINE_SHOULDER
    top = 27.0  # the shoulder–hip–knee line at the top, degrees above the floor
    # The feet stay where they are at the top of the bridge; the hips rise and fall.
    top_hip = at(shoulder, TORSO, top)
    knee_top = at(shoulder, TORSO + THIGH, top)
    ankle_y = MAT_TOP + ANKLE_H
    ankle = (knee_top[0] + math.sqrt(SHIN**2 - (knee_top[1] - ankle_y) ** 2), ankle_y)
    rest = math.degrees(math.asin((MAT_TOP + 7.0 - shoulder[1]) / TORSO))
    hip = at(shoulder, TORSO, key(t, (0.0, rest), (1.0, top)))
    knee = joint(hip, ankle, THIGH, SHIN, 1)
    toe = (ankle[0] + FOOT, MAT_TOP + 1.5)
    scene.stroke("far", (hip[0] + _FAR, hip[1]), (knee[0] + _FAR, knee[1]),
                 (ankle[0] + _FAR, ankle[1]), (toe[0] + _FAR, toe[1]))
    supine_top(scene, shoulder, hip=hip)
    scene.stroke("near", hip, knee, ankle, toe)
    scene.arrow((top_hip[0], top_hip[1] + 9.0), (top_hip[0], top_hip[1] + 34.0))


def _figure_four(scene: Scene, t: float) -> None:
    """On the back, one ankle across the other thigh, that thigh hugged toward the chest."""
    _mat(scene, 150.0)
    shoulder, hip = SUPINE_SHOULDER, SUPINE_HIP
    # Supporting leg (far side): from foot on the mat to the thigh drawn toward the chest.
    thigh = key(t, (0.0, 62.0), (1.0, 104.0))
    s_knee = at(hip, THIGH, thigh)
    if t <= 0.0:
        s_ankle = (s_knee[0] + math.sqrt(max(SHIN**2 - (s_knee[1] - 10.0) ** 2, 0.0)), 10.0)
    else:
        start_knee = at(hip, THIGH, 62.0)
        drop = start_knee[1] - 10.0
        start_shin = -math.degrees(math.asin(min(drop / SHIN, 1.0)))
        s_ankle = at(s_knee, SHIN, key(t, (0.0, start_shin), (1.0, 8.0)))
    s_toe = at(s_ankle, FOOT - 2.0, key(t, (0.0, -5.0), (1.0, 75.0)))
    scene.stroke("far", hip, s_knee, s_ankle, s_toe, width=6.0)

    # Crossed leg (near side): knee turned out toward us, so the thigh looks shorter;
    # the ankle rests across the supporting thigh just below its knee.
    c_knee = at(hip, THIGH * key(t, (0.0, 0.72), (1.0, 0.8)), key(t, (0.0, 30.0), (1.0, 42.0)))
    c_ankle = along(hip, s_knee, 0.84)
    c_ankle = (c_ankle[0] - 2.0, c_ankle[1] + 1.0)
    c_toe = at(c_ankle, FOOT, 160.0)
    scene.stroke("near", shoulder, hip, width=TORSO_WIDTH)
    scene.stroke("near", hip, c_knee, c_ankle, c_toe)

    # Hands wrap behind the supporting thigh and pull it in.
    hands = along(hip, s_knee, key(t, (0.0, 0.45), (1.0, 0.62)))
    supine_top(scene, shoulder, hand=(hands[0] - 4.0, hands[1]))
    scene.arc_arrow(hip, THIGH + 14.0, 78.0, 112.0)


def _piriformis(scene: Scene, t: float) -> None:
    """On the back, knees bent; one knee drawn up and across toward the other shoulder."""
    _mat(scene, 160.0)
    shoulder, hip = SUPINE_SHOULDER, SUPINE_HIP
    hook_leg(scene, "far", (hip[0] + _FAR, hip[1]), HOOK_HEEL)
    # The near knee comes up toward the chest and over toward the far shoulder; the shin
    # turns across the body (seen end-on, so it looks short) with the foot by the far hip.
    start_knee = joint(hip, (hip[0] + HOOK_HEEL, MAT_TOP + ANKLE_H), THIGH, SHIN, 1)
    start_thigh = math.degrees(math.atan2(start_knee[1] - hip[1], start_knee[0] - hip[0]))
    knee = at(hip, THIGH * key(t, (0.0, 1.0), (1.0, 0.92)),
              key(t, (0.0, start_thigh), (1.0, 114.0)))
    start_shin = math.degrees(math.atan2(MAT_TOP + ANKLE_H - start_knee[1],
                                         HOOK_HEEL + hip[0] - start_knee[0]))
    ankle = at(knee, SHIN * key(t, (0.0, 1.0), (1.0, 0.45)),
               key(t, (0.0, start_shin), (1.0, -98.0)))
    toe = at(ankle, FOOT * key(t, (0.0, 1.0), (1.0, 0.6)), key(t, (0.0, -20.0), (1.0, -175.0)))
    # The far hand pulls the knee over toward the far shoulder; the near arm rests.
    supine_top(scene, shoulder, hip=hip, far_hand=key(t, (0.0, SUPINE_HAND), (1.0, knee)))
    scene.stroke("near", hip, knee, ankle, toe)
    top = at(hip, THIGH * 0.92, 114.0)
    scene.curve_arrow((top[0] + 26.0, top[1] + 8.0), (top[0] + 4.0, top[1] + 24.0),
                      (top[0] - 22.0, top[1] + 8.0))


def _knee_to_chest(scene: Scene, t: float) -> None:
    """On the back, knees bent; hands behind one thigh draw the knee toward the chest."""
    _mat(scene, 160.0)
    shoulder, hip = SUPINE_SHOULDER, SUPINE_HIP
    hook_leg(scene, "far", (hip[0] + _FAR, hip[1]), HOOK_HEEL)
    start_knee = joint(hip, (hip[0] + HOOK_HEEL, MAT_TOP + ANKLE_H), THIGH, SHIN, 1)
    start_thigh = math.degrees(math.atan2(start_knee[1] - hip[1], start_knee[0] - hip[0]))
    thigh = key(t, (0.0, start_thigh), (1.0, 118.0))
    knee = at(hip, THIGH, thigh)
    start_shin = math.degrees(math.atan2(MAT_TOP + ANKLE_H - start_knee[1],
                                         HOOK_HEEL + hip[0] - start_knee[0]))
    shin = key(t, (0.0, start_shin), (1.0, -38.0))
    ankle = at(knee, SHIN, shin)
    toe = at(ankle, FOOT, shin + 70.0)
    scene.stroke("near", hip, knee, ankle, toe)
    hands = along(hip, knee, 0.9)
    supine_top(scene, shoulder, hip=hip, hand=key(t, (0.0, SUPINE_HAND), (0.5, hands)),
               head_lift=key(t, (0.0, 0.0), (1.0, 6.0)))
    scene.arc_arrow(hip, THIGH + 12.0, 62.0, 122.0)


def _hamstring_stretch(scene: Scene, t: float) -> None:
    """On the back, other knee bent: a strap round the foot of a straight leg raised up."""
    _mat(scene, 160.0)
    shoulder, hip = SUPINE_SHOULDER, SUPINE_HIP
    hook_leg(scene, "far", (hip[0] + _FAR, hip[1]), HOOK_HEEL)
    lift = key(t, (0.0, 30.0), (1.0, 74.0))
    knee = at(hip, THIGH, lift)
    ankle = at(knee, SHIN, lift)
    toe = at(ankle, FOOT, lift - 90.0 + 18.0)
    sole = along(ankle, toe, 0.55)
    sole = at(sole, 3.0, lift - 90.0 + 18.0 + 90.0)
    # The hands hold the strap ends above the chest, elbows bent.
    hands = at(shoulder, UPPER_ARM + FOREARM - 14.0, key(t, (0.0, 48.0), (1.0, 58.0)))
    supine_top(scene, shoulder, hip=hip, hand=hands)
    scene.stroke("near", hip, knee, ankle, toe)
    over = at(sole, 3.0, lift + 110.0)
    scene.stroke("strap", hands, over, at(sole, 2.0, lift - 20.0))
    scene.stroke("strap", (hands[0] + 2.0, hands[1] - 2.0), at(sole, 3.0, lift - 100.0))
    scene.arc_arrow(hip, THIGH + SHIN + 12.0, 42.0, 72.0)


# --- lying on the side, seen from a little above ----------------------------------------

_SIDE_SPINE_Y = MAT_TOP + 18.0
_SIDE_SHOULDER_X, _SIDE_HIP_X = 30.0, 30.0 + TORSO
_TOP_HAND = oblique((_SIDE_HIP_X + 3.0, _SIDE_SPINE_Y + HIP_HALF + 3.0, 0.0))


def _side_lying_top(scene: Scene, top_hand: Point) -> tuple[Point3, Point3]:
    """The mat and the trunk of someone on their side, head on the lower arm.

    Returns the bottom hip and the top hip.
    """
    oblique_mat(scene, -24.0, 166.0, -14.0, 34.0)
    y = _SIDE_SPINE_Y
    bottom_sh = (_SIDE_SHOULDER_X, y - SHOULDER_HALF + 3.0, 0.0)
    top_sh = (_SIDE_SHOULDER_X, y + SHOULDER_HALF - 3.0, 0.0)
    bottom_hip = (_SIDE_HIP_X, y - HIP_HALF, 0.0)
    top_hip = (_SIDE_HIP_X, y + HIP_HALF, 0.0)
    # The lower arm reaches along the mat past the head; the head rests on it.
    scene.stroke("far", oblique(bottom_sh), oblique((bottom_sh[0] - 25.0, MAT_TOP + 4.0, 2.0)),
                 oblique((bottom_sh[0] - 55.0, MAT_TOP + 4.0, 6.0)))
    neck = (_SIDE_SHOULDER_X - 3.0, y, 0.0)
    head = (_SIDE_SHOULDER_X - NECK - HEAD_R - 2.0, y + 1.0, 0.0)
    scene.stroke("near", oblique((_SIDE_HIP_X, y, 0.0)), oblique(neck), width=TORSO_WIDTH)
    scene.stroke("near", oblique(bottom_sh), oblique(top_sh), width=TORSO_WIDTH)
    scene.stroke("near", oblique(bottom_hip), oblique(top_hip), width=TORSO_WIDTH)
    scene.head(oblique(head))
    # The top arm lies along the side, the hand resting on the top hip.
    arm(scene, "near", oblique(top_sh), top_hand, bend=1)
    return bottom_hip, top_hip


def _bent_leg(bottom_hip: Point3, hip_flex: float, knee_flex: float,
              lift: float = 0.0) -> tuple[Point3, Point3, Point3]:
    """Knee and ankle of a side-lying leg with the hip and knee bent (degrees); and the toe."""
    a = math.radians(hip_flex)
    knee = add3(bottom_hip, THIGH, (math.cos(a), -0.1 + lift, math.sin(a)))
    b = math.radians(hip_flex - knee_flex)
    ankle = add3(knee, SHIN, (math.cos(b), 0.0, math.sin(b)))
    toe = add3(ankle, FOOT - 3.0, (0.2, -0.2, 1.0))
    return knee, ankle, toe


def _draw3(scene: Scene, role: Role, *points: Point3) -> None:
    scene.stroke(role, *(oblique(p) for p in points))


def _clamshell(scene: Scene, t: float) -> None:
    """On the side, hips and knees bent, feet together; the top knee opens upward."""
    bottom_hip, top_hip = _side_lying_top(scene, _TOP_HAND)
    b_knee, b_ankle, b_toe = _bent_leg(bottom_hip, 45.0, 95.0)
    b_knee = (b_knee[0], MAT_TOP + 5.0, b_knee[2])
    b_ankle = (b_ankle[0], MAT_TOP + 5.0, b_ankle[2])
    _draw3(scene, "far", bottom_hip, b_knee, b_ankle, (b_toe[0], MAT_TOP + 3.0, b_toe[2]))
    # The top leg lies on the bottom one; opening turns its knee about the hip–heel line.
    rest_knee = (b_knee[0], b_knee[1] + 11.0, b_knee[2])
    t_ankle = (b_ankle[0], b_ankle[1] + 8.0, b_ankle[2])
    knee = rotate3(rest_knee, top_hip, t_ankle, key(t, (0.0, 0.0), (1.0, -55.0)))
    t_toe = (b_toe[0], b_toe[1] + 9.0, b_toe[2])
    _draw3(scene, "near", top_hip, knee, t_ankle, t_toe)
    open_knee = rotate3(rest_knee, top_hip, t_ankle, -55.0)
    tip = oblique(open_knee)
    base = oblique(rest_knee)
    scene.arrow((base[0] + 14.0, base[1] + 6.0), (tip[0] + 14.0, tip[1] - 2.0))


def _side_lying_abduction(scene: Scene, t: float) -> None:
    """On the side, bottom knee bent, top leg straight; the top leg lifts about 30°."""
    bottom_hip, top_hip = _side_lying_top(scene, _TOP_HAND)
    b_knee, b_ankle, b_toe = _bent_leg(bottom_hip, 40.0, 80.0)
    b_knee = (b_knee[0], MAT_TOP + 5.0, b_knee[2])
    b_ankle = (b_ankle[0], MAT_TOP + 5.0, b_ankle[2])
    _draw3(scene, "far", bottom_hip, b_knee, b_ankle, (b_toe[0], MAT_TOP + 3.0, b_toe[2]))
    rest = math.degrees(math.asin((MAT_TOP + 9.0 - top_hip[1]) / (THIGH + SHIN)))
    angle = math.radians(key(t, (0.0, rest), (1.0, rest + 32.0)))
    direction = (math.cos(angle), math.sin(angle), -0.05)
    knee = add3(top_hip, THIGH, direction)
    ankle = add3(knee, SHIN, direction)
    toe = add3(ankle, FOOT - 3.0, (0.25, 0.0, 1.0))
    _draw3(scene, "near", top_hip, knee, ankle, toe)
    scene.arc_arrow(oblique(top_hip), THIGH + SHIN + 10.0, rest + 4.0, rest + 30.0)


FLOOR: dict[str, Pose] = {
    "glute_bridge": Pose(_glute_bridge, "Glute bridge"),
    "figure_four": Pose(_figure_four, "Figure-four stretch", ghost=None),
    "clamshell": Pose(_clamshell, "Clamshell"),
    "side_lying_abduction": Pose(_side_lying_abduction, "Side-lying leg lift"),
    "supine_piriformis_stretch": Pose(_piriformis, "Piriformis stretch"),
    "hamstring_stretch": Pose(_hamstring_stretch, "Hamstring stretch with a strap"),
    "knee_to_chest": Pose(_knee_to_chest, "Knee to chest"),
}
