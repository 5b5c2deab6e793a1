"""The code a training run executes, as text that ignores comments and docstrings.

The trainers record a digest of their inputs, their own code among them, in the weights
they write, so the tests can tell stale weights without retraining (``inputs_digest`` in
``train_model`` and ``train_red_flag_model``). Reading the code through ``ast`` means a
reworded comment or docstring does not call for a retrain; any change to what runs does.
"""

from __future__ import annotations

import ast
from pathlib import Path


def code_of(path: Path) -> str:
    """The module at ``path``, parsed and written back without docstrings or comments."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if (body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant)
                    and isinstance(body[0].value.value, str)):
                node.body = body[1:] or [ast.Pass()]
    return ast.unparse(tree)
