"""The exercises the understanding step names are the content's own, one for one.

An id the content does not know would make "how do I do the piriformis stretch?" find no
card and "walked to the shop with my zimmer" record some other exercise.
"""

from __future__ import annotations

from bot.content import DEFAULT_CONTENT_DIR, load_content
from bot.domain.understanding.exercise_names import EXERCISE_IDS


def test_every_exercise_named_is_in_the_content_and_every_one_can_be_named() -> None:
    content = load_content(DEFAULT_CONTENT_DIR)
    assert set(EXERCISE_IDS) == set(content.exercises)
