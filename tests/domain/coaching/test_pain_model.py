"""The pain-monitoring model: zones, plan decisions (every branch) and their explanations."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.content.model import Content, Routine
from bot.domain.coaching.coach import count_sentences
from bot.domain.coaching.pain_model import (
    LEVELS,
    PLAN_REASONS,
    PlanDecision,
    SessionOutcome,
    decide_plan,
    explain,
    is_flare_up,
    needs_red_flag_questions,
    pain_zone,
)

COACH_YAML = Path(__file__).resolve().parents[3] / "content" / "messages" / "coach.yaml"


def _content() -> Content:
    raw = yaml.safe_load(COACH_YAML.read_text(encoding="utf-8"))
    messages = {
        key: tuple(v.strip() for v in ([value] if isinstance(value, str) else value))
        for key, value in raw.items()
    }
    return Content(
        exercises={}, reasons={}, routine=Routine((), 10, ()), messages=messages
    )


def calm(day: int) -> SessionOutcome:
    return SessionOutcome(date=f"2025-01-{day:02d}", max_pain=2, all_done=True)


def session(pain: int | None, all_done: bool = True, day: int = 9) -> SessionOutcome:
    return SessionOutcome(date=f"2025-01-{day:02d}", max_pain=pain, all_done=all_done)


@pytest.mark.parametrize(
    ("score", "zone"),
    [(0, "safe"), (3, "safe"), (4, "acceptable"), (5, "acceptable"), (6, "too_much"),
     (10, "too_much")],
)
def test_pain_zone_boundaries(score: int, zone: str) -> None:
    assert pain_zone(score) == zone


@pytest.mark.parametrize("bad", [-1, 11, 3.5, True])
def test_scores_outside_0_to_10_are_rejected(bad: object) -> None:
    with pytest.raises(ValueError, match="0 to 10"):
        pain_zone(bad)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="0 to 10"):
        needs_red_flag_questions(bad)  # type: ignore[arg-type]


def test_pain_above_5_reduces_one_level() -> None:
    assert decide_plan("normal", [calm(1), session(6)], None, None) == PlanDecision(
        "easier", "reduce", "pain_above_5"
    )
    assert decide_plan("harder", [session(8)], None, None).level == "normal"
    assert decide_plan("easier", [session(7)], None, None) == PlanDecision(
        "easier", "reduce", "pain_above_5"
    )


def test_pain_of_5_is_not_reduced() -> None:
    assert decide_plan("normal", [session(5)], None, None) == PlanDecision(
        "normal", "keep", "acceptable_pain"
    )


def test_morning_pain_above_5_reduces() -> None:
    assert decide_plan("normal", [session(2)], "same", 6) == PlanDecision(
        "easier", "reduce", "morning_pain_above_5"
    )
    assert decide_plan("normal", [session(2)], "same", 5).change == "keep"


def test_worse_next_morning_reduces_even_after_calm_sessions() -> None:
    decision = decide_plan("normal", [calm(1), calm(2), calm(3)], "worse", 3)
    assert decision == PlanDecision("easier", "reduce", "worse_next_morning")


def test_three_calm_sessions_suggest_harder_without_changing_the_level() -> None:
    decision = decide_plan("normal", [calm(1), calm(2), calm(3)], "better", 1)
    assert decision == PlanDecision("normal", "suggest_harder", "three_easy_sessions")


def test_three_calm_sessions_at_easier_suggest_going_back_to_normal() -> None:
    decision = decide_plan("easier", [calm(1), calm(2), calm(3)], None, None)
    assert decision == PlanDecision("easier", "suggest_harder", "back_to_normal")


def test_at_the_top_level_calm_sessions_keep() -> None:
    decision = decide_plan("harder", [calm(1), calm(2), calm(3)], None, None)
    assert decision == PlanDecision("harder", "keep", "top_level")


@pytest.mark.parametrize(
    "outcomes",
    [
        [calm(1), calm(2)],  # only two
        [calm(1), session(4), calm(3)],  # one in the acceptable zone breaks the run
        [calm(1), calm(2), session(2, all_done=False)],  # not everything done
        [calm(1), calm(2), session(None)],  # no score given
    ],
)
def test_no_suggestion_without_three_calm_complete_sessions(
    outcomes: list[SessionOutcome],
) -> None:
    assert decide_plan("normal", outcomes, None, None).change == "keep"


def test_only_the_last_three_sessions_count() -> None:
    outcomes = [session(5, day=1), calm(2), calm(3), calm(4)]
    assert decide_plan("normal", outcomes, None, None).change == "suggest_harder"


def test_no_sessions_is_steady() -> None:
    assert decide_plan("normal", [], None, None) == PlanDecision("normal", "keep", "steady")
    assert decide_plan("normal", [calm(1)], "same", 2).reason == "steady"


def test_unknown_level_and_bad_morning_pain_are_rejected() -> None:
    with pytest.raises(ValueError, match="plan level"):
        decide_plan("extreme", [], None, None)
    with pytest.raises(ValueError, match="0 to 10"):
        decide_plan("normal", [], None, 12)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(LEVELS),
    st.lists(
        st.builds(
            SessionOutcome,
            st.just("2025-01-01"),
            st.one_of(st.none(), st.integers(0, 10)),
            st.booleans(),
        ),
        max_size=6,
    ),
    st.sampled_from([None, "better", "same", "worse"]),
    st.one_of(st.none(), st.integers(0, 10)),
)
def test_decisions_are_always_consistent(level, outcomes, morning, morning_pain) -> None:
    decision = decide_plan(level, outcomes, morning, morning_pain)
    assert decision.reason in PLAN_REASONS
    if decision.change == "reduce":
        assert LEVELS.index(decision.level) == max(0, LEVELS.index(level) - 1)
    else:
        assert decision.level == level  # never changed without the user
    too_much = (
        (outcomes and outcomes[-1].max_pain is not None and outcomes[-1].max_pain > 5)
        or (morning_pain is not None and morning_pain > 5)
        or morning == "worse"
    )
    assert (decision.change == "reduce") == bool(too_much)


def test_every_reason_is_explained_in_one_sentence() -> None:
    content = _content()
    for reason in PLAN_REASONS:
        key = f"coach_plan_{reason}"
        assert key in content.messages, key
        for phrasing in content.messages[key]:
            assert count_sentences(phrasing) == 1, phrasing
    text = explain(PlanDecision("easier", "reduce", "pain_above_5"), content, random.Random(1))
    assert text in content.messages["coach_plan_pain_above_5"]


def test_red_flag_questions_from_7() -> None:
    assert not needs_red_flag_questions(6)
    assert needs_red_flag_questions(7)
    assert needs_red_flag_questions(10)


def test_flare_up_is_6_to_7_without_red_flags() -> None:
    assert not is_flare_up(5, has_red_flag=False)
    assert is_flare_up(6, has_red_flag=False)
    assert is_flare_up(7, has_red_flag=False)
    assert not is_flare_up(8, has_red_flag=False)
    assert not is_flare_up(6, has_red_flag=True)
