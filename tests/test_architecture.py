"""The walls, the no-circle rule and the size limit hold on the real tree, and each one
is caught when broken on purpose in a small copy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.architecture import cycles, graph, violations

ROOT = Path(__file__).resolve().parents[1]


def test_the_real_tree_keeps_every_rule() -> None:
    assert violations(ROOT) == []


def test_the_graph_sees_the_real_imports() -> None:
    edges = graph(ROOT)
    assert "bot.domain.records" in edges["handlers.base.records"]
    assert "handlers.base.routine" in edges["handlers.session"]
    assert "bot.domain.routine" in edges["handlers.session"]  # ``from bot.domain import routine``


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of bot/ and handlers/ to break."""
    for package in ("bot", "handlers"):
        shutil.copytree(ROOT / package, tmp_path / package,
                        ignore=shutil.ignore_patterns("__pycache__"))
    assert violations(tmp_path) == []
    return tmp_path


def _append(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + f"\n{line}\n", encoding="utf-8")


def test_telegram_in_the_domain_is_caught(tree: Path) -> None:
    _append(tree / "bot/domain/records.py", "import telegram")
    assert any("bot/domain/records.py" in v and "telegram" in v for v in violations(tree))


def test_tinydb_outside_storage_is_caught(tree: Path) -> None:
    _append(tree / "handlers/coach.py", "from tinydb import TinyDB")
    assert any("handlers/coach.py" in v and "tinydb" in v for v in violations(tree))


def test_the_domain_reaching_for_storage_is_caught(tree: Path) -> None:
    _append(tree / "bot/domain/progress/figures.py", "from bot.storage import Store")
    assert any("may not import bot.storage" in v for v in violations(tree))


def test_a_feature_importing_another_is_caught(tree: Path) -> None:
    _append(tree / "handlers/library.py", "from handlers.coach import push_back")
    assert any("feature library imports feature coach" in v for v in violations(tree))


def test_base_importing_a_feature_is_caught(tree: Path) -> None:
    _append(tree / "handlers/base/cards.py", "from handlers import session")
    assert any("handlers/base imports the feature session" in v for v in violations(tree))


def test_an_import_inside_a_function_is_caught(tree: Path) -> None:
    _append(tree / "handlers/session.py",
            "def late() -> None:\n    from handlers.base.routine import render  # noqa")
    assert any("inside a function" in v for v in violations(tree))


def test_a_circle_is_caught(tree: Path) -> None:
    _append(tree / "bot/domain/records.py", "from bot.domain.profiles import Profile")
    found = violations(tree)
    assert any(v.startswith("import circle:") and "bot.domain.profiles" in v
               and "bot.domain.records" in v for v in found)


def test_a_module_over_the_limit_is_caught(tree: Path) -> None:
    _append(tree / "bot/clock.py", "\n" * 400)
    assert any(v.startswith("bot/clock.py: ") and "lines" in v for v in violations(tree))


def test_cycles_on_a_small_graph() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []
