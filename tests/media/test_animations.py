"""Exercise animations: every pose moves, as a small silent MP4 loop, cached safely on disk."""

from __future__ import annotations

import itertools
import math
import stat
import subprocess
import sys
from pathlib import Path

import imageio_ffmpeg
import numpy as np
import pytest

from bot.content.model import KNOWN_POSES
from bot.media.drawings import PNG_SIGNATURE, animation_file, illustration_file, render_pose
from bot.media.drawings import cache as drawing_cache
from bot.media.drawings.animate import FPS, HEIGHT, WIDTH, render_animation, timeline
from bot.media.drawings.body import key
from bot.media.drawings.figure import Head, Scene, Stroke
from bot.media.drawings.poses import POSES

_VIDEOS: dict[tuple[str, str], bytes] = {}


def _mp4(pose: str, title: str = "") -> bytes:
    """Render once per (pose, title) for the whole module; rendering is the slow part."""
    if (pose, title) not in _VIDEOS:
        _VIDEOS[pose, title] = render_animation(pose, title)
    return _VIDEOS[pose, title]


def _decode(data: bytes, tmp_path: Path) -> tuple[dict, list[np.ndarray]]:
    """The MP4's stream metadata and its frames as RGB arrays (decoded by ffmpeg)."""
    path = tmp_path / "clip.mp4"
    path.write_bytes(data)
    reader = imageio_ffmpeg.read_frames(str(path))
    meta = next(reader)
    width, height = meta["size"]
    frames = [np.frombuffer(f, np.uint8).reshape(height, width, 3) for f in reader]
    return meta, frames


def _differing(a: np.ndarray, b: np.ndarray) -> float:
    """The share of pixels that clearly differ between two frames."""
    return float((np.abs(a.astype(int) - b.astype(int)).max(axis=2) > 60).mean())


@pytest.mark.parametrize("pose", KNOWN_POSES)
def test_every_pose_draws_a_still_and_a_small_moving_mp4(pose: str, tmp_path: Path) -> None:
    assert render_pose(pose).startswith(PNG_SIGNATURE)
    data = _mp4(pose)
    assert data[4:8] == b"ftyp"
    assert len(data) <= 300 * 1024
    meta, frames = _decode(data, tmp_path)
    assert meta["size"] == (WIDTH, HEIGHT)
    assert 320 <= WIDTH <= 480
    assert meta["fps"] == pytest.approx(FPS)
    assert "h264" in meta["codec"]
    assert meta.get("audio_codec") is None
    assert 2.0 <= len(frames) / FPS <= 3.2
    # It moves: the start position and the middle of the loop look clearly different.
    first, middle = frames[0], frames[len(frames) // 2]
    assert _differing(first, middle) > 0.004, pose
    assert len({frame.tobytes() for frame in frames}) > 3


def test_the_mp4_is_h264_yuv420p_main_with_the_index_first(tmp_path: Path) -> None:
    data = _mp4("glute_bridge")
    path = tmp_path / "bridge.mp4"
    path.write_bytes(data)
    probe = subprocess.run(
        [imageio_ffmpeg.get_ffmpeg_exe(), "-hide_banner", "-i", str(path)],
        capture_output=True, text=True, check=False,
    ).stderr
    assert "Video: h264 (Main)" in probe
    assert "yuv420p" in probe
    assert "Audio" not in probe
    # +faststart: the index (moov) comes before the pictures (mdat).
    assert 0 <= data.find(b"moov") < data.find(b"mdat")


def test_the_loop_goes_out_holds_and_comes_back_eased() -> None:
    phases = timeline()
    assert phases[0] == 0.0
    assert max(phases) == 1.0
    assert phases[-1] == 0.0
    peak = phases.index(1.0)
    rising = phases[: peak + 1]
    assert rising == sorted(rising)
    # Eased: small steps at the ends of the movement, bigger in the middle.
    steps = [b - a for a, b in itertools.pairwise(rising) if b > a]
    assert steps[0] < steps[len(steps) // 2] > steps[-1]
    assert phases.count(1.0) >= 4  # a hold at the end position
    assert 2.0 <= len(phases) / FPS <= 3.0


def test_a_walk_repeats_its_stride_instead() -> None:
    phases = timeline(cycles=3)
    assert all(0.0 <= t < 1.0 for t in phases)
    assert phases[len(phases) // 2] == pytest.approx(0.5)
    assert POSES["walking"].cycles and POSES["assisted_walk"].cycles


def _joints(scene: Scene) -> list[tuple[float, float]]:
    return [p for item in scene.items if isinstance(item, Stroke) for p in item.points]


@pytest.mark.parametrize("pose", KNOWN_POSES)
def test_every_phase_draws_and_the_figure_moves(pose: str) -> None:
    spec = POSES[pose]
    scenes = []
    for t in (0.0, 0.25, 0.5, 0.75, 1.0):
        scene = Scene()
        spec.build(scene, t)
        scenes.append(scene)
        # The same figure at every phase: as many strokes and heads, so nothing pops.
        assert [type(i) for i in scene.items if isinstance(i, Stroke | Head)] == [
            type(i) for i in scenes[0].items if isinstance(i, Stroke | Head)
        ]
        assert all(math.isfinite(v) for p in _joints(scene) for v in p)
        # Nothing sinks far into the floor.
        assert min(p[1] for p in _joints(scene)) > -20.0
    # Something clearly moves by the middle or the end (a walk is back where it began).
    moved = max(
        math.dist(a, b)
        for other in (scenes[2], scenes[4])
        for a, b in zip(_joints(scenes[0]), _joints(other), strict=True)
    )
    assert moved > 2.5, pose


def test_keyframes_ease_between_stops_and_hold_outside() -> None:
    assert key(0.0, (0.2, 1.0), (0.8, 3.0)) == 1.0
    assert key(0.5, (0.2, 1.0), (0.8, 3.0)) == pytest.approx(2.0)
    assert key(0.3, (0.2, 1.0), (0.8, 3.0)) < 1.5  # eased: slow away from a stop
    assert key(1.0, (0.2, 1.0), (0.8, 3.0)) == 3.0
    assert key(0.5, (0.0, (0.0, 0.0)), (1.0, (2.0, 4.0))) == pytest.approx((1.0, 2.0))


def test_animation_is_drawn_once_then_reused(tmp_path: Path,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, str]] = []

    def counting_render(pose: str, title: str = "") -> bytes:
        calls.append((pose, title))
        return _mp4(pose, title)

    monkeypatch.setattr(drawing_cache, "render_animation", counting_render)
    path = animation_file(tmp_path, "clamshell", "Clamshell")
    assert path.parent == tmp_path / "animations"
    assert path.suffix == ".mp4"
    assert path.name.startswith("clamshell-clamshell-")
    assert path.read_bytes() == _mp4("clamshell", "Clamshell")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    first_mtime = path.stat().st_mtime_ns

    assert animation_file(tmp_path, "clamshell", "Clamshell") == path
    assert path.stat().st_mtime_ns == first_mtime
    assert calls == [("clamshell", "Clamshell")]
    assert [p.name for p in path.parent.iterdir()] == [path.name]
    # The still and the animation of one card live side by side, apart.
    still = illustration_file(tmp_path, "clamshell", "Clamshell")
    assert still.parent != path.parent


@pytest.mark.parametrize("damage", [b"", b"garbage", PNG_SIGNATURE + b"\0" * 40, b"\0\0\0\x18fty"])
def test_a_damaged_animation_is_redrawn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                        damage: bytes) -> None:
    monkeypatch.setattr(drawing_cache, "render_animation",
                        lambda pose, title="": _mp4(pose, title))
    path = animation_file(tmp_path, "heel_slides")
    path.write_bytes(damage)
    assert animation_file(tmp_path, "heel_slides") == path
    assert path.read_bytes() == _mp4("heel_slides")


def test_each_title_gets_its_own_animation(tmp_path: Path) -> None:
    a = animation_file(tmp_path, "heel_raise", "Heel raise")
    b = animation_file(tmp_path, "heel_raise", "Calf raise")
    assert a != b
    assert a.read_bytes() != b.read_bytes()


@pytest.mark.parametrize("pose", ["lunge", "", "Standing", "../../etc/passwd"])
def test_unknown_pose_is_refused_before_drawing(pose: str, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="known poses"):
        animation_file(tmp_path, pose, "Title")
    with pytest.raises(ValueError, match="glute_bridge"):
        render_animation(pose)
    assert list(tmp_path.iterdir()) == []


def test_importing_the_drawings_loads_neither_matplotlib_nor_ffmpeg() -> None:
    code = (
        "import sys, bot.media.drawings\n"
        "print(sorted(m for m in ('matplotlib', 'imageio_ffmpeg', 'numpy') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, cwd=Path(__file__).resolve().parents[2]).stdout
    assert out.strip() == "[]"
