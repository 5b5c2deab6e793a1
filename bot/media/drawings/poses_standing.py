"""Standing poses: balance and strength work on your feet, holding on to something steady.

Each builder draws its pose at phase ``t`` (0 = start position, 1 = end of the movement)
in centimetres, floor at y = 0. Side views face right.
"""

from __future__ import annotations

from bot.media.drawings.body import (
    Pose,
    arm,
    foot_from,
    hanging_arm,
    key,
    leg,
    leg_by_angles,
    trunk,
)
from bot.media.drawings.figure import (
    ANKLE_H,
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
    Point,
    Scene,
    along,
    at,
    chair,
    floor,
    joint,
)
from bot.media.drawings.props import COUNTER_H, counter, handrail, rail_point, stairs

#: Hip height standing tall, and where a standing figure's feet are (near and far).
STAND_HIP = ANKLE_H + SHIN + THIGH
NEAR_ANKLE: Point = (1.0, ANKLE_H)
FAR_ANKLE: Point = (-3.0, ANKLE_H)


def _front_figure(scene: Scene, lifted_leg_deg: float = 0.0, reach: Point | None = None,
                  sway: float = 0.0) -> dict[str, Point]:
    """A person seen from the front, standing tall; optionally one leg out to the side.

    ``lifted_leg_deg`` is how far the figure's left leg (viewer's right) swings out;
    ``reach`` is where the right hand (viewer's left) rests, else the arm hangs; ``sway``
    moves the body over the feet sideways (cm).
    """
    pelvis = (sway, ANKLE_H + SHIN + THIGH - abs(sway) * 0.08)
    neck = (pelvis[0] + sway * 0.15, pelvis[1] + TORSO)
    shoulder_y = neck[1] - 3.0
    l_sh, r_sh = (neck[0] + SHOULDER_HALF, shoulder_y), (neck[0] - SHOULDER_HALF, shoulder_y)
    l_hip, r_hip = (pelvis[0] + HIP_HALF, pelvis[1]), (pelvis[0] - HIP_HALF, pelvis[1])

    # Standing (right) leg, viewer's left.
    r_ankle = (-HIP_HALF - 2.0, ANKLE_H)
    scene.stroke("near", r_hip, along(r_hip, r_ankle, THIGH / (THIGH + SHIN)), r_ankle,
                 (r_ankle[0] - 9.0, 1.5))
    # The other leg: straight down, or lifted out to the side.
    if lifted_leg_deg > 0.5:
        angle = -90.0 + lifted_leg_deg
        l_knee = at(l_hip, THIGH, angle)
        l_ankle = at(l_knee, SHIN, angle)
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
    hand = (l_hip[0] + 3.0, l_hip[1] + 4.0)
    scene.stroke("near", l_sh, joint(l_sh, hand, UPPER_ARM, FOREARM, side=1), hand)
    return {"l_hip": l_hip, "l_ankle": l_ankle}


def _standing(scene: Scene, t: float) -> None:
    """A neutral standing figure, front view, gently shifting its weight side to side."""
    floor(scene, -45.0, 45.0)
    sway = key(t, (0.0, -7.0), (1.0, 7.0))
    _front_figure(scene, sway=sway)


def _standing_abduction(scene: Scene, t: float) -> None:
    """Front view, one hand on a chair back, the other leg lifted about 30° to the side."""
    floor(scene, -95.0, 75.0)
    # The chair stands to the figure's right, its back toward the person (seen side on).
    chair(scene, front_x=-82.0, seat_y=46.0, depth=40.0, back_height=48.0, facing=-1)
    top_of_back = (-42.0 + 1.0, 46.0 + 48.0 + 2.0)
    joints = _front_figure(scene, lifted_leg_deg=key(t, (0.0, 0.0), (1.0, 30.0)),
                           reach=top_of_back)
    # The arrow sweeps round the hip, from the resting leg out to the lifted one.
    scene.arc_arrow(joints["l_hip"], THIGH + SHIN * 0.72, -95.0, -63.0)


def _stand_side(scene: Scene, hip: Point, lean: float, near_ankle: Point = NEAR_ANKLE,
                far_ankle: Point = FAR_ANKLE, near_foot: float = -20.0,
                far_foot: float = -20.0, near_hand: Point | None = None,
                far_hand: Point | None = None) -> Point:
    """A standing figure seen from the side, facing right; returns the shoulder.

    Hands go to ``near_hand``/``far_hand`` (a rail, a counter) or hang by the sides.
    """
    shoulder = at(hip, TORSO * 0.93, lean)
    if far_hand is not None:
        arm(scene, "far", shoulder, far_hand)
    else:
        hanging_arm(scene, "far", shoulder, swing=4.0)
    leg(scene, "far", hip, far_ankle, far_foot)
    trunk(scene, hip, lean)
    leg(scene, "near", hip, near_ankle, near_foot)
    if near_hand is not None:
        arm(scene, "near", shoulder, near_hand)
    else:
        hanging_arm(scene, "near", shoulder, swing=-3.0)
    return shoulder


def _chair_back_ahead(scene: Scene, back_x: float = 30.0) -> Point:
    """A chair facing away, its back toward the person; returns the top of the back."""
    chair(scene, front_x=back_x + 42.0, seat_y=46.0, depth=42.0, back_height=44.0)
    return (back_x + 1.0, 46.0 + 44.0 + 2.0)


def _mini_squat(scene: Scene, t: float) -> None:
    """Holding the edge of a counter, knees bend a little (a quarter squat) and straighten."""
    floor(scene, -45.0, 95.0)
    grip = counter(scene, 26.0, 90.0)
    hip = key(t, (0.0, (0.0, STAND_HIP - 0.5)), (1.0, (-9.0, STAND_HIP - 15.0)))
    lean = key(t, (0.0, 88.0), (1.0, 74.0))
    _stand_side(scene, hip, lean, near_hand=grip, far_hand=(grip[0] + 3.0, grip[1]))
    scene.arrow((-30.0, 100.0), (-30.0, 78.0))


def _heel_raise(scene: Scene, t: float) -> None:
    """Holding a chair back, rise up onto the toes and lower again."""
    floor(scene, -45.0, 95.0)
    grip = _chair_back_ahead(scene, back_x=28.0)
    foot = key(t, (0.0, -20.0), (1.0, -64.0))
    ankles = []
    for base in (NEAR_ANKLE, FAR_ANKLE):
        toe = foot_from(base)
        ankles.append(at(toe, 16.0, foot + 180.0))
    lift = ankles[0][1] - ANKLE_H
    hip = (ankles[0][0] - 1.0, STAND_HIP + lift)
    calf = along(joint(hip, ankles[0], THIGH, SHIN, 1), ankles[0], 0.4)
    scene.glow((calf[0] - 5.0, calf[1] + 2.0), 15.0, 30.0, 0.0, t)
    _stand_side(scene, hip, 89.0, near_ankle=ankles[0], far_ankle=ankles[1], near_foot=foot,
                far_foot=foot, near_hand=grip, far_hand=(grip[0] + 2.0, grip[1]))
    scene.arrow((-18.0, 10.0), (-18.0, 30.0))


def _standing_hip_extension(scene: Scene, t: float) -> None:
    """Facing a chair back and holding it, one straight leg moves back; trunk stays upright."""
    floor(scene, -60.0, 95.0)
    grip = _chair_back_ahead(scene, back_x=28.0)
    hip = (0.0, STAND_HIP)
    swing = key(t, (0.0, -90.0), (1.0, -113.0))
    shoulder = at(hip, TORSO * 0.93, 89.0)
    arm(scene, "far", shoulder, (grip[0] + 2.0, grip[1]))
    leg(scene, "far", hip, FAR_ANKLE)
    trunk(scene, hip, 89.0)
    leg_by_angles(scene, "near", hip, swing, swing, -20.0 + (swing + 90.0) * 0.8)
    arm(scene, "near", shoulder, grip)
    scene.arc_arrow(hip, THIGH + 22.0, -98.0, -122.0)


def _standing_march(scene: Scene, t: float) -> None:
    """Side-on to a counter, one hand on it; one knee lifts to about hip height and lowers."""
    floor(scene, -80.0, 75.0)
    counter(scene, -72.0, 8.0)
    hip = (0.0, STAND_HIP)
    thigh = key(t, (0.0, -90.0), (1.0, -2.0))
    shin = key(t, (0.0, -90.0), (1.0, -96.0))
    shoulder = at(hip, TORSO * 0.93, 90.0)
    arm(scene, "far", shoulder, (-6.0, COUNTER_H + 1.0))
    leg(scene, "far", hip, FAR_ANKLE)
    trunk(scene, hip, 90.0)
    leg_by_angles(scene, "near", hip, thigh, shin, key(t, (0.0, -20.0), (1.0, -40.0)))
    hanging_arm(scene, "near", shoulder, swing=key(t, (0.0, -3.0), (1.0, -22.0)))
    scene.arc_arrow(hip, THIGH + 10.0, -60.0, -12.0)


def _single_leg_balance(scene: Scene, t: float) -> None:
    """Beside a counter, fingertips on it, one foot lifts just off the floor and holds."""
    floor(scene, -80.0, 60.0)
    counter(scene, -72.0, 8.0)
    sway = key(t, (0.0, 0.0), (0.5, 1.5), (0.8, -1.0), (1.0, 0.5))
    hip = (sway, STAND_HIP)
    lift = key(t, (0.0, (NEAR_ANKLE[0], ANKLE_H)), (0.6, (-10.0, 24.0)))
    shoulder = at(hip, TORSO * 0.93, 90.0 - sway * 0.6)
    arm(scene, "far", shoulder, (-4.0, COUNTER_H + 1.0))
    leg(scene, "far", hip, (FAR_ANKLE[0] + 2.0, ANKLE_H))
    trunk(scene, hip, 90.0 - sway * 0.6)
    leg(scene, "near", hip, lift, key(t, (0.0, -20.0), (0.6, -45.0)))
    hanging_arm(scene, "near", shoulder, swing=-6.0)
    scene.arrow((-28.0, 8.0), (-28.0, 32.0))


#: The stairs and rail for stepping up.
_STEP_X, _RISE = 24.0, 18.0
_RAIL = ((8.0, 96.0), (134.0, 96.0 + 126.0 * 0.6))


def _step_up(scene: Scene, t: float) -> None:
    """Facing a stair, holding the rail: one foot steps up, then the body rises onto it."""
    floor(scene, -50.0, 130.0)
    stairs(scene, _STEP_X, rise=_RISE, going=30.0, steps=2, width=60.0)
    handrail(scene, _RAIL[0], _RAIL[1], post_x=_STEP_X + 2.0)
    on_step_y = _RISE + ANKLE_H
    near = key(t, (0.0, NEAR_ANKLE), (0.2, (16.0, 34.0)), (0.4, (38.0, on_step_y)))
    far = key(t, (0.45, FAR_ANKLE), (0.75, (22.0, 42.0)), (1.0, (34.0, on_step_y)))
    hip = key(t, (0.0, (0.0, STAND_HIP)), (0.4, (6.0, STAND_HIP - 1.0)),
              (1.0, (37.0, STAND_HIP + _RISE)))
    lean = key(t, (0.0, 90.0), (0.45, 80.0), (1.0, 89.0))
    grip = rail_point(*_RAIL, key(t, (0.0, 0.1), (1.0, 0.3)))
    _stand_side(scene, hip, lean, near_ankle=near, far_ankle=far,
                near_foot=key(t, (0.0, -20.0), (0.2, -5.0), (0.4, -20.0)),
                far_foot=key(t, (0.45, -20.0), (0.75, -5.0), (1.0, -20.0)),
                near_hand=grip)
    scene.arrow((-44.0, 72.0), (-26.0, 112.0))


STANDING: dict[str, Pose] = {
    "standing_abduction": Pose(_standing_abduction, "Standing hip abduction"),
    "standing": Pose(_standing, "Standing", still=0.5, ghost=None),
    "mini_squat": Pose(_mini_squat, "Mini squat"),
    "step_up": Pose(_step_up, "Step-up", still=0.42),
    "heel_raise": Pose(_heel_raise, "Heel raise"),
    "standing_hip_extension": Pose(_standing_hip_extension, "Standing hip extension"),
    "standing_march": Pose(_standing_march, "Standing march"),
    "single_leg_balance": Pose(_single_leg_balance, "Single-leg balance", ghost=None),
}
