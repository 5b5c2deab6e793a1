"""Turn a pose into a short looping MP4: the movement from start to end position and back.

Every frame is the pose's own builder at a phase ``t``: the figure moves from the start
position (0) to the end (1) with a cosine ease, holds, and comes back (a walk instead
repeats its stride). Frames are drawn on one reused matplotlib canvas, and their raw RGB
pixels are piped into the ffmpeg that the ``imageio-ffmpeg`` wheel ships, which encodes
H.264 (yuv420p, no sound, ``+faststart``): what Telegram's sendAnimation plays as a GIF.
A two-and-a-half-second loop is a few tens of kilobytes.

matplotlib is imported and ffmpeg started only when an animation is drawn, so start-up
pays for neither.
"""

from __future__ import annotations

import math
import subprocess
import tempfile
from pathlib import Path

from bot.media.drawings.figure import Arrow, Item, Scene
from bot.media.drawings.render import Sheet, pose_of, scene_at, title_text

#: Frame size (pixels; even, as yuv420p needs) and rate.
WIDTH, HEIGHT, FPS = 480, 360, 12
#: The there-and-back loop, in frames: hold at the start, move, hold at the end, return.
_HOLD_START, _MOVE, _HOLD_END = 3, 10, 7
#: Frames in a cycling pose's loop (a walk): 3 s.
_CYCLE_FRAMES = 36
#: H.264 quality: higher is smaller; line drawings stay crisp well past the default 23.
_CRF = 28
_ENCODE_TIMEOUT = 120.0


def timeline(cycles: int = 0) -> list[float]:
    """The phase of every frame of the loop, in order.

    ``cycles`` 0 means start → end → hold → back (eased with a cosine); more means the
    phase runs 0 → 1 that many times, evenly, for a movement that repeats (a walk).
    """
    if cycles:
        return [(cycles * i / _CYCLE_FRAMES) % 1.0 for i in range(_CYCLE_FRAMES)]
    forward = [0.5 - 0.5 * math.cos(math.pi * i / _MOVE) for i in range(1, _MOVE + 1)]
    forward[-1] = 1.0
    back = [*reversed(forward[:-1]), 0.0]
    return [0.0] * _HOLD_START + forward + [1.0] * _HOLD_END + back


def render_frames(pose: str, title: str = "") -> tuple[list[float], dict[float, bytes]]:
    """The loop's phases and the raw RGB pixels of each distinct phase (drawn once each).

    Every frame is framed on the same box (all the phases' figures together), so the
    view never jumps; the arrows of the still picture are left out.
    """
    spec = pose_of(pose)
    phases = timeline(spec.cycles)
    scenes = {t: scene_at(spec, t) for t in dict.fromkeys(phases)}
    everything: list[Item] = [
        item for scene in scenes.values() for item in scene.items if not isinstance(item, Arrow)
    ]
    bounds = Scene(everything).bounds()
    sheet = Sheet(WIDTH, HEIGHT, title_text(pose, title))
    pixels: dict[float, bytes] = {}
    for t, scene in scenes.items():
        sheet.draw(scene, bounds, cues=False)
        pixels[t] = sheet.rgb()
    return phases, pixels


def encode_mp4(frames: list[bytes], width: int = WIDTH, height: int = HEIGHT,
               fps: int = FPS) -> bytes:
    """Encode raw RGB frames as a silent H.264 MP4 (yuv420p, +faststart) with ffmpeg."""
    import imageio_ffmpeg

    with tempfile.TemporaryDirectory(prefix="pose-video-") as folder:
        out = Path(folder) / "loop.mp4"
        command = [
            imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-loglevel", "error",
            "-f", "rawvideo", "-pix_fmt", "rgb24", "-s", f"{width}x{height}",
            "-r", str(fps), "-i", "pipe:0",
            "-an", "-c:v", "libx264", "-preset", "slow", "-tune", "animation",
            "-crf", str(_CRF), "-pix_fmt", "yuv420p", "-profile:v", "main",
            "-movflags", "+faststart", "-map_metadata", "-1",
            "-fflags", "+bitexact", "-flags:v", "+bitexact",
            "-y", str(out),
        ]
        result = subprocess.run(  # noqa: S603 - a fixed command, the bundled ffmpeg
            command, input=b"".join(frames), capture_output=True,
            timeout=_ENCODE_TIMEOUT, check=False,
        )
        if result.returncode != 0 or not out.exists():
            detail = result.stderr.decode("utf-8", "replace").strip()[-500:]
            raise RuntimeError(f"ffmpeg could not encode the animation: {detail}")
        return out.read_bytes()


def render_animation(pose: str, title: str = "") -> bytes:
    """Draw ``pose`` moving, ``title`` on top (the pose's own name if empty), as MP4 bytes.

    A loop of about two and a half seconds, 480 × 360 at 12 frames a second, silent.
    """
    phases, pixels = render_frames(pose, title)
    return encode_mp4([pixels[t] for t in phases])


def is_mp4(data: bytes) -> bool:
    """Whether ``data`` starts like an MP4 file (an ``ftyp`` box first)."""
    return len(data) >= 12 and data[4:8] == b"ftyp"
