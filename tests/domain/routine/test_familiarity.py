"""Cards that shrink with familiarity: which form to show, which cue, the short text."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from bot.content import DEFAULT_CONTENT_DIR, load_content
from bot.content.model import Content
from bot.domain.exercise_finder import exercise_card
from bot.domain.routine.familiarity import (
    FULL_SHOWINGS,
    cue_for,
    first_sentence,
    short_card,
    shown,
    shows_full,
)

CONTENT: Content = load_content(DEFAULT_CONTENT_DIR)
DOSE = "2 × 30 s hold, each side"
LEVELS = st.sampled_from(["easier", "normal", "harder"])
DOSES = st.sampled_from([DOSE, "3 × 10 repetitions", "10 minutes"])


def showings(versions: list[tuple[str, str]]) -> list[bool]:
    """Whether each showing (one session each) is the full card."""
    entry: dict[str, Any] | None = None
    forms = []
    for session, (level, dose) in enumerate(versions):
        entry = shown(entry, level, dose, f"s{session}")
        forms.append(shows_full(entry, level, dose))
    return forms


def test_full_twice_then_short() -> None:
    assert showings([("normal", DOSE)] * 6) == [True, True, False, False, False, False]
    assert FULL_SHOWINGS == 2


def test_a_new_level_is_counted_on_its_own_and_a_familiar_one_is_short_on_return() -> None:
    easy = "2 × 20 s hold, each side"
    versions = ([("normal", DOSE)] * 4 + [("easier", easy)] * 3 + [("normal", DOSE)] * 3
                + [("easier", easy)] * 2 + [("harder", DOSE)] + [("normal", DOSE)])
    assert showings(versions) == ([True] * 2 + [False] * 2 + [True] * 2 + [False]
                                  + [False] * 3 + [False] * 2 + [True] + [False])


def test_a_familiar_level_at_a_new_dose_is_full_once() -> None:
    easy = "2 × 20 s hold, each side"
    versions = ([("normal", DOSE)] * 3 + [("easier", easy)] * 3
                + [("normal", "3 × 30 s hold, each side")] * 2)
    assert showings(versions) == [True, True, False, True, True, False, True, False]


def test_a_dose_change_shows_the_full_card_once() -> None:
    versions = [("normal", DOSE)] * 4 + [("normal", "3 × 30 s hold, each side")] * 3
    assert showings(versions) == [True] * 2 + [False, False, True, False, False]


def test_the_same_session_counts_once_and_keeps_its_form() -> None:
    entry = None
    for session in ("a", "b", "c", "d"):
        entry = shown(entry, "normal", DOSE, session)
    assert entry is not None and entry["n"] == 4 and not shows_full(entry, "normal", DOSE)
    assert shown(entry, "normal", DOSE, "d") == entry
    again = shown(shown(None, "normal", DOSE, "x"), "normal", DOSE, "x")
    assert again["n"] == 1 and shows_full(again, "normal", DOSE)


def test_asked_for_unknown_or_mismatched_means_full() -> None:
    entry = {"n": 9, "level": "normal", "dose": DOSE, "full": False, "session": "z"}
    assert not shows_full(entry, "normal", DOSE)
    assert shows_full(entry, "normal", DOSE, always_full=True)
    assert shows_full(None, "normal", DOSE)
    assert shows_full(entry, "easier", DOSE)
    assert shows_full(entry, "normal", "10 minutes")
    assert shows_full({**entry, "n": "nine"}, "normal", DOSE)
    assert shows_full({**entry, "full": None}, "normal", DOSE)


@given(st.lists(st.tuples(LEVELS, DOSES), min_size=1, max_size=20))
def test_full_for_the_first_showings_of_each_level_and_after_any_change(
    versions: list[tuple[str, str]],
) -> None:
    forms = showings(versions)
    seen: dict[str, int] = {}
    last_dose: dict[str, str] = {}
    for pos, ((level, dose), full) in enumerate(zip(versions, forms, strict=True)):
        seen[level] = seen.get(level, 0) + 1
        changed = level in last_dose and last_dose[level] != dose
        last_dose[level] = dose
        if seen[level] <= FULL_SHOWINGS or changed:
            assert full, (pos, versions)
        else:
            assert not full, (pos, versions)


@given(st.lists(st.text(min_size=1), min_size=1, max_size=6), st.integers(0, 10_000))
def test_the_cue_rotates_through_every_cue(cues: list[str], count: int) -> None:
    assert cue_for(cues, count) == cues[count % len(cues)]
    assert {cue_for(cues, count + k) for k in range(len(cues))} == set(cues)
    assert cue_for([], count) == ""


def test_first_sentence() -> None:
    assert first_sentence("Stop if it hurts. Then rest.") == "Stop if it hurts."
    assert first_sentence("Stop if\nit hurts") == "Stop if it hurts"
    assert first_sentence("  ") == ""
    assert first_sentence("Stop at 2.5 kg. More later.") == "Stop at 2.5 kg."


@given(st.text(alphabet=st.characters(codec="ascii"), max_size=200))
def test_first_sentence_is_one_line_from_the_start(text: str) -> None:
    first = first_sentence(text)
    assert "\n" not in first and " ".join(text.split()).startswith(first)


def test_the_short_card_is_short_and_names_what_matters() -> None:
    for exercise in CONTENT.exercises.values():
        dose = exercise.dose.describe()
        for count in range(4, 4 + len(exercise.cues)):
            text = short_card(CONTENT, exercise, "normal", dose, count)
            assert text.startswith(f"{exercise.name} — {dose}")
            assert exercise.cues[count % len(exercise.cues)] in text
            assert first_sentence(exercise.stop_if) in text
            assert len(text.splitlines()) == 3
            assert len(text) * 3 < len(exercise_card(CONTENT, exercise))
        easier = short_card(CONTENT, exercise, "easier", dose, 4)
        assert exercise.easier.name in easier.splitlines()[0]
