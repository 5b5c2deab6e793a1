"""The layout's rules, read from the source with ``ast``: walls, no circles, module size.

Used by ``tests/test_architecture.py`` on the real tree and on small broken trees, so
each rule is shown to fail when it is broken.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

FIRST_PARTY = ("bot", "handlers")
MAX_LINES = 400

#: Third-party packages only some places may import.
WALLS: dict[str, tuple[str, ...]] = {
    "telegram": ("bot/transport/", "bot/app.py", "handlers/"),
    "tinydb": ("bot/storage/",),
    "psycopg": ("bot/storage/",),
    "psycopg_pool": ("bot/storage/",),
}
#: First-party packages each layer may import (prefix match on the dotted name).
LAYERS: dict[str, tuple[str, ...]] = {
    "bot/domain/": ("bot.domain", "bot.content.model"),
    "bot/content/": ("bot.content",),
    "bot/media/": ("bot.media", "bot.domain", "bot.content.model"),
    "bot/storage/": ("bot.storage", "bot.domain.records"),
    "handlers/base/": ("bot", "handlers.base"),
    "bot/web/": ("bot.web", "bot.deps", "bot.domain", "bot.content", "bot.media"),
}
#: Where an import inside a function is fine: the command line loads what a command needs,
#: the storage opener loads psycopg (0.16 s) only when DATABASE_URL asks for it, and the
#: Mini App and /healthz load their web server (aiohttp, 0.14 s) only when one is served,
#: the exercise finder loads numpy (63 ms) at the first lookup, and the FAQ's sentence
#: model (numpy, tokenizers, about 80 MB in use) loads at the first everyday question.
LAZY_OK = ("bot/__main__.py", "bot/storage/opening.py", "bot/transport/mini_app.py",
           "bot/transport/health.py", "bot/domain/exercise_finder.py",
           "bot/semantics/faq_index.py")


@dataclass(frozen=True)
class Import:
    module: str  # the importing module, dotted
    target: str  # what it imports, dotted (a module, a package, or a name in one)
    line: int
    top_level: bool


def module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def source_files(root: Path) -> list[Path]:
    return sorted(p for pkg in FIRST_PARTY for p in (root / pkg).rglob("*.py"))


def imports_of(root: Path, path: Path) -> Iterator[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    name = module_name(root, path)
    top = {id(node) for node in tree.body}
    # An import under ``if TYPE_CHECKING:`` or ``try:`` at module level is still top level.
    for node in tree.body:
        if isinstance(node, ast.If | ast.Try):
            top.update(id(child) for child in ast.walk(node))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield Import(name, alias.name, node.lineno, id(node) in top)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                yield Import(name, f"{node.module}.{alias.name}", node.lineno, id(node) in top)


def _resolve(target: str, modules: set[str]) -> str | None:
    """The first-party module an import loads: the longest known prefix of ``target``."""
    parts = target.split(".")
    for end in range(len(parts), 0, -1):
        candidate = ".".join(parts[:end])
        if candidate in modules:
            return candidate
    return None


def graph(root: Path) -> dict[str, set[str]]:
    """Module -> first-party modules it imports at load time."""
    files = source_files(root)
    modules = {module_name(root, p) for p in files}
    edges: dict[str, set[str]] = {m: set() for m in modules}
    for path in files:
        for imp in imports_of(root, path):
            resolved = _resolve(imp.target, modules)
            if imp.top_level and resolved is not None and resolved != imp.module:
                # ``from pkg import mod`` loads pkg/__init__ and then mod: both are edges.
                edges[imp.module].add(resolved)
                package = resolved.rsplit(".", 1)[0]
                if package in modules and package != imp.module and not imp.module.startswith(
                    package + "."
                ):
                    edges[imp.module].add(package)
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(edges.get(node, ())):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group = []
            while True:
                item = stack.pop()
                on_stack.discard(item)
                group.append(item)
                if item == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def _rel(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix()


def _feature_of(module: str) -> str | None:
    """``handlers.coach`` -> ``coach``; ``handlers.reminders.jobs`` -> ``reminders``."""
    parts = module.split(".")
    if parts[0] != "handlers" or len(parts) < 2 or parts[1] == "base":
        return None
    return parts[1]


def violations(root: Path) -> list[str]:
    """Every broken rule, one line each (empty when the tree keeps them all)."""
    problems: list[str] = []
    for path in source_files(root):
        rel = _rel(root, path)
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            problems.append(f"{rel}: {lines} lines (at most {MAX_LINES})")
        for imp in imports_of(root, path):
            problems.extend(_check_import(rel, imp))
    problems.extend(
        "import circle: " + " -> ".join(group) for group in cycles(graph(root))
    )
    return problems


def _check_import(rel: str, imp: Import) -> Iterable[str]:
    top_package = imp.target.split(".")[0]
    allowed = WALLS.get(top_package)
    if allowed is not None and not rel.startswith(allowed):
        yield f"{rel}:{imp.line}: imports {top_package} (only {', '.join(allowed)} may)"
    if top_package in FIRST_PARTY:
        if not imp.top_level and not rel.startswith(LAZY_OK):
            yield f"{rel}:{imp.line}: imports {imp.target} inside a function"
        for layer, may in LAYERS.items():
            if rel.startswith(layer) and not imp.target.startswith(may):
                yield f"{rel}:{imp.line}: {layer} may not import {imp.target}"
        feature = _feature_of(imp.module)
        other = _feature_of(imp.target)
        if rel.startswith("handlers/base/") and other is not None:
            yield f"{rel}:{imp.line}: handlers/base imports the feature {other}"
        if feature is not None and other is not None and other != feature:
            yield f"{rel}:{imp.line}: feature {feature} imports feature {other}"
