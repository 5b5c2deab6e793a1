"""Every message that states a figure is known, filled in one place, and checked.

A new message with a ``{minutes}``, ``{hold}``, ``{pct}`` (or any figure-shaped)
placeholder fails here until it is listed in ``registry.FIGURES`` (the file that fills it
and the function its figure comes from) and a check against generated patients covers
it, or it is listed in ``registry.NOT_FIGURES`` with the reason it holds no figure.
"""

from __future__ import annotations

import string
from pathlib import Path

from bot.content.code_keys_cache import cached_scan
from tests.domain.figures import (
    test_clinic_figures,
    test_plan_figures,
    test_progress_figures,
    test_routine_figures,
)
from tests.domain.figures.patients import CONTENT
from tests.domain.figures.registry import ELSEWHERE, FIGURES, NOT_FIGURES, holds_a_figure

ROOT = Path(__file__).resolve().parents[3]
CHECKED = (test_routine_figures.COVERS | test_plan_figures.COVERS
           | test_progress_figures.COVERS | test_clinic_figures.COVERS)


def _figure_messages() -> dict[str, list[str]]:
    """Message key -> its figure-shaped placeholders, over every phrasing."""
    found: dict[str, list[str]] = {}
    for key, phrasings in CONTENT.messages.items():
        names = {name for text in phrasings
                 for _, name, _, _ in string.Formatter().parse(text) if name}
        figures = sorted(name for name in names if holds_a_figure(name))
        if figures:
            found[key] = figures
    return found


def test_every_message_with_a_figure_is_listed() -> None:
    unlisted = {key: names for key, names in _figure_messages().items()
                if key not in FIGURES and key not in NOT_FIGURES}
    assert unlisted == {}, (
        "messages with a figure placeholder that tests/domain/figures/registry.py does not "
        f"list (add each to FIGURES and to a check, or to NOT_FIGURES with why): {unlisted}")


def test_the_lists_name_only_messages_that_hold_figures() -> None:
    holding = _figure_messages()
    assert not set(FIGURES) & set(NOT_FIGURES)
    stale = sorted(key for key in (*FIGURES, *NOT_FIGURES) if key not in holding)
    assert stale == [], "listed, but no such message with a figure placeholder"


def test_every_figure_is_checked_against_generated_patients() -> None:
    unchecked = sorted(set(FIGURES) - CHECKED - set(ELSEWHERE))
    assert unchecked == [], f"figures no check reads: {unchecked}"
    assert not CHECKED - set(FIGURES), "a check covers a message the registry does not list"
    for key, test in ELSEWHERE.items():
        assert (ROOT / test).is_file(), f"{key}: {test} is missing"


def test_each_figure_is_filled_in_one_place() -> None:
    """The code looks each figure message up in the one file listed: a second place
    filling it would be a second source for its figure."""
    uses = cached_scan().by_key()
    moved = {key: sorted({use.where.split(":")[0] for use in uses.get(key, [])})
             for key, figure in FIGURES.items()}
    wrong = {key: files for key, files in moved.items() if files != [FIGURES[key].where]}
    assert wrong == {}, f"filled elsewhere than registry.FIGURES says: {wrong}"

