"""A phase's declared ``minutes`` is the length the bot tells patients, or check-content
says so (issue #22: the routine was announced with the declared figure while its summary
counted the steps). The bot computes the length from the doses in use; the declared
figure is only for the clinician reading the file, so a mismatch is a warning.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.content import DEFAULT_CONTENT_DIR, check_content_main, load_content
from bot.content.model import Dose
from bot.content.rules import MINUTES_MARGIN
from bot.domain.plans.doses import parse_dose
from bot.domain.routine.steps import routine_minutes

CONTENT = load_content(DEFAULT_CONTENT_DIR)


def test_every_phase_declares_the_length_of_its_exercises() -> None:
    for programme in CONTENT.programmes.values():
        for phase in programme.phases:
            computed = routine_minutes(CONTENT, programme.routine(phase))
            assert abs(phase.minutes - computed) <= MINUTES_MARGIN, (programme.id, phase.id)


def test_a_wrong_declared_length_is_reported_by_check_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    directory = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, directory)
    path = directory / "programmes" / "hip_pain.yaml"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith("      minutes: "))
    lines[index] = "      minutes: 30"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert check_content_main(directory) == 0  # the bot still starts: it says the real length
    _, err = capsys.readouterr()
    (line,) = [x for x in err.splitlines() if "programmes/hip_pain.yaml" in x]
    computed = routine_minutes(CONTENT, CONTENT.routine)
    assert line.startswith("warning: content/programmes/hip_pain.yaml: ")
    assert "phases[daily].minutes" in line and "says 30 minutes" in line
    assert f"write minutes: {computed}" in line and f"(line {index + 1})" in line


def test_a_walk_of_several_sets_says_so() -> None:
    """'2x10 min' is twenty minutes of walking: the dose line names both sets."""
    dose = parse_dose("2x10 min", "walk")
    assert dose == Dose(sets=2, minutes=10)
    assert dose.describe() == "2 × 10 minutes"
    assert Dose(sets=1, minutes=10).describe() == "10 minutes"
