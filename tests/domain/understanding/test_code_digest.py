"""What the trainers' digests read of their code: what runs, not how it is explained."""

from __future__ import annotations

from pathlib import Path

from tests.domain.understanding.code_digest import code_of

SOURCE = '''"""A module."""

#: A constant.
LIMIT = 3  # three


def limit(x: int) -> int:
    """At most LIMIT."""
    return min(x, LIMIT)
'''


def _code(tmp_path: Path, text: str) -> str:
    path = tmp_path / "m.py"
    path.write_text(text, encoding="utf-8")
    return code_of(path)


def test_comments_and_docstrings_do_not_count(tmp_path: Path) -> None:
    reworded = (SOURCE.replace("A module.", "Another module.").replace("# three", "# 3")
                .replace("At most LIMIT.", "Never above LIMIT.").replace("#: A constant.", ""))
    assert _code(tmp_path, reworded) == _code(tmp_path, SOURCE)


def test_a_changed_constant_or_statement_counts(tmp_path: Path) -> None:
    assert _code(tmp_path, SOURCE.replace("LIMIT = 3", "LIMIT = 4")) != _code(tmp_path, SOURCE)
    assert _code(tmp_path, SOURCE.replace("min(", "max(")) != _code(tmp_path, SOURCE)


def test_a_function_that_is_only_a_docstring_still_parses(tmp_path: Path) -> None:
    text = 'def f() -> None:\n    """Nothing."""\n'
    assert "pass" in _code(tmp_path, text)
