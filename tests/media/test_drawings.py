"""Exercise pictures: valid, small, non-blank PNGs, one per pose, cached safely on disk."""

from __future__ import annotations

import io
import itertools
import os
import re
import stat
import struct
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from matplotlib.image import imread

from bot.content.model import KNOWN_POSES
from bot.media.drawings import (
    PNG_SIGNATURE,
    clean_title,
    illustration_file,
    render_pose,
    title_slug,
)
from bot.media.drawings import cache as drawing_cache
from bot.media.drawings.poses import DEFAULT_TITLES, POSE_BUILDERS

_RENDERED: dict[tuple[str, str], bytes] = {}


def _png(pose: str, title: str = "") -> bytes:
    """Render once per (pose, title) for the whole module; rendering is the slow part."""
    key = (pose, title)
    if key not in _RENDERED:
        _RENDERED[key] = render_pose(pose, title)
    return _RENDERED[key]


def _pixels(data: bytes) -> np.ndarray:
    """Decoded RGB floats in 0..1."""
    return np.asarray(imread(io.BytesIO(data), format="png"))[:, :, :3]


def _ink_share(data: bytes) -> float:
    """The share of pixels that are clearly not white background."""
    return float((_pixels(data).min(axis=2) < 0.85).mean())


def test_pose_list_is_the_agreed_one() -> None:
    assert KNOWN_POSES == (
        "seated_hip_flexor", "standing_abduction", "glute_bridge",
        "figure_four", "walking", "standing",
        "sit_to_stand", "clamshell", "side_lying_abduction", "mini_squat", "step_up",
        "heel_raise", "standing_hip_extension", "standing_march", "single_leg_balance",
        "supine_piriformis_stretch", "hamstring_stretch", "knee_to_chest", "ankle_pumps",
        "quad_sets", "glute_sets", "heel_slides", "assisted_walk",
    )


def test_there_is_a_drawing_and_a_title_for_exactly_the_known_poses() -> None:
    assert tuple(POSE_BUILDERS) == KNOWN_POSES
    assert tuple(DEFAULT_TITLES) == KNOWN_POSES


@pytest.mark.parametrize("pose", KNOWN_POSES)
def test_every_pose_is_a_small_phone_sized_png(pose: str) -> None:
    data = _png(pose)
    assert data.startswith(PNG_SIGNATURE)
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    assert 600 <= width <= 1200
    assert 400 <= height <= 1000
    assert len(data) < 120 * 1024
    assert _pixels(data).shape[:2] == (height, width)


@pytest.mark.parametrize("pose", KNOWN_POSES)
def test_every_pose_has_a_real_drawing(pose: str) -> None:
    share = _ink_share(_png(pose))
    # A figure, a floor and a title: clearly there, but still a clean line drawing.
    assert 0.02 < share < 0.35


@pytest.mark.parametrize("pose", KNOWN_POSES)
def test_the_figure_fills_the_middle_not_just_the_title(pose: str) -> None:
    pixels = _pixels(_png(pose))
    below_title = pixels[int(pixels.shape[0] * 0.2):]
    assert (below_title.min(axis=2) < 0.85).mean() > 0.015


def test_movement_cues_are_drawn_in_orange() -> None:
    for pose in ("seated_hip_flexor", "standing_abduction", "glute_bridge", "figure_four"):
        rgb = _pixels(_png(pose))
        orange = (rgb[:, :, 0] > 0.8) & (rgb[:, :, 1] > 0.25) & (rgb[:, :, 1] < 0.5) & (
            rgb[:, :, 2] < 0.2
        )
        assert orange.sum() > 300, pose


def test_different_poses_give_different_pictures() -> None:
    drawings = {pose: _pixels(_png(pose, "Exercise")) for pose in KNOWN_POSES}
    for a, b in itertools.combinations(KNOWN_POSES, 2):
        differing = (np.abs(drawings[a] - drawings[b]).max(axis=2) > 0.2).mean()
        assert differing > 0.01, (a, b)


def test_title_is_drawn_and_defaults_to_the_pose_name() -> None:
    assert _png("walking", "Walking") == _png("walking")
    assert _png("walking", "A gentle stroll") != _png("walking")


def test_rendering_is_repeatable() -> None:
    assert render_pose("glute_bridge", "Bridge") == render_pose("glute_bridge", "Bridge")


@pytest.mark.filterwarnings("error")
@pytest.mark.parametrize(
    "title",
    ["Мост для ягодиц 🙂", "Costs $5 $ per $x$", "tab\there\x00 nul", "x" * 300,
     "A very long exercise name that goes on and on across several lines of text", "   "],
)
def test_awkward_titles_render_without_warnings(title: str) -> None:
    data = render_pose("standing", title)
    assert data.startswith(PNG_SIGNATURE)


@given(st.text(max_size=200))
@settings(max_examples=200, deadline=None)
def test_clean_title_is_short_printable_and_single_spaced(title: str) -> None:
    cleaned = clean_title(title)
    assert len(cleaned) <= 60
    assert cleaned == cleaned.strip()
    assert "  " not in cleaned
    assert all(ch.isprintable() for ch in cleaned)


@given(st.text(max_size=200), st.text(max_size=200))
@settings(max_examples=200, deadline=None)
def test_slugs_are_safe_file_names_and_tell_titles_apart(a: str, b: str) -> None:
    slug_a = title_slug(a)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug_a)
    assert len(slug_a) <= 60
    assert slug_a == title_slug(a)
    if a != b:
        assert slug_a != title_slug(b)


def test_slug_reads_like_the_title() -> None:
    assert title_slug("Glute Bridge!").startswith("glute-bridge-")
    assert title_slug("").startswith("untitled-")


@pytest.mark.parametrize("pose", ["lunge", "", "Standing", "../../etc/passwd"])
def test_unknown_pose_is_refused_by_name(pose: str, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="glute_bridge") as info:
        render_pose(pose)
    assert all(known in str(info.value) for known in KNOWN_POSES)
    with pytest.raises(ValueError, match="known poses"):
        illustration_file(tmp_path, pose, "Title")
    assert list(tmp_path.iterdir()) == []


def test_file_is_drawn_once_then_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, str]] = []
    real_render = drawing_cache.render_pose

    def counting_render(pose: str, title: str = "") -> bytes:
        calls.append((pose, title))
        return real_render(pose, title)

    monkeypatch.setattr(drawing_cache, "render_pose", counting_render)

    path = illustration_file(tmp_path, "glute_bridge", "Glute bridge")
    assert path.parent == tmp_path / "illustrations"
    assert path.name == f"glute_bridge-{title_slug('Glute bridge')}.png"
    assert path.read_bytes() == _png("glute_bridge", "Glute bridge")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    first_mtime = path.stat().st_mtime_ns

    again = illustration_file(tmp_path, "glute_bridge", "Glute bridge")
    assert again == path
    assert path.stat().st_mtime_ns == first_mtime
    assert calls == [("glute_bridge", "Glute bridge")]
    # Only the finished picture is left behind: no temporary files.
    assert [p.name for p in path.parent.iterdir()] == [path.name]


def test_renamed_exercise_gets_a_new_picture(tmp_path: Path) -> None:
    old = illustration_file(tmp_path, "walking", "Walk")
    new = illustration_file(tmp_path, "walking", "Easy walk")
    other_pose = illustration_file(tmp_path, "standing", "Walk")
    assert len({old, new, other_pose}) == 3
    assert old.read_bytes() != new.read_bytes()
    assert all(p.exists() for p in (old, new, other_pose))


def test_a_damaged_cache_file_is_redrawn(tmp_path: Path) -> None:
    path = illustration_file(tmp_path, "standing", "Stand tall")
    path.write_bytes(b"")
    assert illustration_file(tmp_path, "standing", "Stand tall") == path
    assert path.read_bytes() == render_pose("standing", "Stand tall")


def test_an_existing_loose_folder_is_tightened(tmp_path: Path) -> None:
    folder = tmp_path / "illustrations"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    illustration_file(tmp_path, "standing")
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
