"""The declared key families (bot/content/keys.py) agree with the code, and the scan of
the real code follows every message lookup (issue 23, item 9)."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import get_args

from bot.content.keys import KEY_FAMILIES, KeyFamily, family_for, skeleton
from bot.content.message_keys import ROOT, code_keys
from bot.domain.coaching.pain_model import PLAN_REASONS
from bot.domain.progress.figures import DayStatus, Trend
from bot.domain.records import Side
from bot.domain.routine.model import PainContext


def _family(template: str) -> KeyFamily:
    family = family_for(skeleton(template))
    assert family is not None, template
    return family


def _tree(path: str) -> ast.Module:
    return ast.parse((ROOT / path).read_text(encoding="utf-8"))


def _assigned(path: str, name: str) -> ast.expr:
    for node in _tree(path).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return node.value
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) \
                and node.target.id == name and node.value is not None:
            return node.value
    raise AssertionError(f"{path} no longer defines {name}: update bot/content/keys.py")


def test_every_lookup_in_the_code_is_followed() -> None:
    """A lookup the scan cannot follow is not checked: declare its family in
    bot/content/keys.py, or write the key out where it is used."""
    assert code_keys().problems == ()


def test_families_are_well_formed_and_distinct() -> None:
    shapes = [skeleton(f.template) for f in KEY_FAMILIES]
    assert len(set(shapes)) == len(shapes)
    for family in KEY_FAMILIES:
        assert family.template.count("{") == 1, family.template
        assert len(set(family.suffixes)) == len(family.suffixes) > 0, family.template
        assert all(key.isidentifier() and key == key.lower() for key in family.keys)


def test_family_suffixes_are_the_domain_values() -> None:
    assert _family("session_ask_pain_{context}").suffixes == get_args(PainContext)
    assert _family("session_side_{side}").suffixes == get_args(Side)
    assert set(_family("progress_trend_{trend}").suffixes) == set(get_args(Trend)) - {
        "unknown"  # both callers say "unknown" with a message of their own
    }
    assert set(_family("progress_day_{status}").suffixes) == set(get_args(DayStatus))
    assert _family("coach_plan_{reason}").suffixes == PLAN_REASONS


def test_session_ignored_family_is_every_reason_run_ignores() -> None:
    reasons = set()
    for path in sorted((ROOT / "bot/domain/routine").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                    and node.func.attr == "ignore" and node.args \
                    and isinstance(node.args[0], ast.Constant):
                reasons.add(node.args[0].value)
    assert reasons == set(_family("session_ignored_{reason}").suffixes)


def test_optional_families_follow_the_conversation_policy() -> None:
    """Read from the source (that module is young): the intents the "did you mean"
    buttons may offer. (FAQ answers are content/faq.yaml's, not message keys.)"""
    kinds = _assigned("bot/domain/understanding/reading.py", "INTENT_KINDS")
    offered = set(ast.literal_eval(kinds)) - {"unknown", "redflag", "social"}
    assert offered == set(_family("suggest_{kind}").suffixes)
    assert _family("suggest_{kind}").optional
    assert family_for("faq_{}") is None


def test_wrappers_and_branches_are_followed() -> None:
    """Keys passed through helpers count where the helper is called, and a name assigned
    in two branches keeps each branch's value (with that branch's placeholder names)."""
    uses = code_keys().by_key()
    assert any(u.where.startswith("handlers/") for u in uses["progress_no_consent"])  # consenting
    assert {u.names for u in uses["session_intro"]} == {frozenset({"names", "duration"})}
    assert {u.names for u in uses["session_step_walk"]} == {frozenset({"label", "duration"})}
    assert {u.names for u in uses["session_step_reps_hold"]} == {
        frozenset({"label", "reps", "hold"})
    }
    assert {u.names for u in uses["safety_redflag_item"]} == {frozenset({"label"})}
    for key in ("clinic_status_paused", "coach_choice_walk_reply", "card_easier_heading"):
        assert key in uses, key  # a function's return, a dict's value, a loop over pairs


def test_scan_reads_this_checkout() -> None:
    assert (ROOT / "bot" / "content" / "keys.py").is_file()
    assert Path(__file__).resolve().is_relative_to(ROOT)
