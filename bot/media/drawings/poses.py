"""The exercise poses: one builder per ``pose`` that draws it as a ``Scene`` at phase ``t``.

Each builder places a stick figure (and any chair, counter, step, mat, bed, strap or
walking frame, and its movement arrow) in centimetres, floor at y = 0, at phase ``t`` in
[0, 1]: 0 is the start position, 1 the end of the movement. The builders live in
``poses_standing``, ``poses_floor`` and ``poses_post_op``; this module gathers them.
``POSES`` has one :class:`~bot.media.drawings.body.Pose` for every pose in
``bot.content.model.KNOWN_POSES`` (in that order), ``POSE_BUILDERS`` its builder and
``DEFAULT_TITLES`` the caption drawn when the card gives none.
"""

from __future__ import annotations

from collections.abc import Callable

from bot.content.model import KNOWN_POSES
from bot.media.drawings.body import Pose
from bot.media.drawings.figure import Scene
from bot.media.drawings.poses_floor import FLOOR
from bot.media.drawings.poses_post_op import POST_OP
from bot.media.drawings.poses_standing import STANDING

_ALL: dict[str, Pose] = {**STANDING, **FLOOR, **POST_OP}

POSES: dict[str, Pose] = {pose: _ALL[pose] for pose in KNOWN_POSES if pose in _ALL}
POSE_BUILDERS: dict[str, Callable[[Scene, float], None]] = {
    pose: spec.build for pose, spec in POSES.items()
}
DEFAULT_TITLES: dict[str, str] = {pose: spec.title for pose, spec in POSES.items()}
