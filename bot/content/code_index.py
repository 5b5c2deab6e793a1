"""The bot's code as syntax trees, indexed for ``bot.content.code_scan``: modules, their
constants, every function with its parameters and local bindings, and every call.

A local name is read the way control flows, roughly: ``reaching`` gives the assignments
that can reach a use (the last plain one before it in the same or an enclosing block,
plus those inside earlier ``if``/``for``/``try`` blocks that may or may not have run), so
that two branches assigning ``key`` each keep their own value.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

FuncNode = ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)
_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)


@dataclass(frozen=True)
class Param:
    """A parameter of a function, as its callers pass it."""

    pos: int | None  # position among a call's positional arguments; None: keyword-only
    name: str
    owner: int  # id() of the function's node: a closure's outer parameter is not its own


@dataclass(eq=False)
class Module:
    path: str  # relative to the project root, with forward slashes
    tree: ast.Module
    constants: dict[str, list[ast.expr]] = field(default_factory=dict)


# A binding of a local name: (source, path into a tuple, whether the name takes each item
# of the source in turn); None when the scan cannot follow it (with, except, augmented).
Binding = tuple[ast.expr, tuple[int, ...], bool] | None


@dataclass(eq=False)
class Func:
    node: FuncNode
    module: Module
    parent: Func | None
    is_method: bool
    _bindings: dict[str, list[tuple[ast.AST, Binding]]] | None = None
    _parents: dict[int, ast.AST] = field(default_factory=dict)

    @property
    def bindings(self) -> dict[str, list[tuple[ast.AST, Binding]]]:
        """name -> (the node that binds it: an assignment, loop, comprehension..., how);
        read on first use (most functions are never asked)."""
        if self._bindings is None:
            self._bindings = {}
            _collect(self, self._bindings, self._parents)
        return self._bindings

    @property
    def parents(self) -> dict[int, ast.AST]:
        """id(node) -> its parent, inside this function."""
        _ = self.bindings
        return self._parents

    @property
    def name(self) -> str:
        return "<lambda>" if isinstance(self.node, ast.Lambda) else self.node.name

    def positional(self) -> list[str]:
        args = self.node.args
        names = [a.arg for a in (*args.posonlyargs, *args.args)]
        return names[1:] if self.is_method else names

    def param(self, name: str) -> Param | None:
        if name in self.positional():
            return Param(self.positional().index(name), name, id(self.node))
        if name in [a.arg for a in self.node.args.kwonlyargs]:
            return Param(None, name, id(self.node))
        return None

    @property
    def kwarg(self) -> str | None:
        kwarg = self.node.args.kwarg
        return kwarg.arg if kwarg is not None else None

    def own_names(self) -> frozenset[str]:
        return frozenset([*self.positional(), *(a.arg for a in self.node.args.kwonlyargs)])

    def reaching(self, name: str, use: ast.AST) -> tuple[list[Binding], bool]:
        """The bindings of ``name`` that can reach ``use``, and whether the value on entry
        (a parameter, or the enclosing scope's) can reach it too."""
        every = [binding for _, binding in self.bindings.get(name, [])]
        if id(use) not in self.parents:
            return every, True  # a node made up by the scan: no place to start from
        found: list[Binding] = []
        child, node = use, self.parents.get(id(use))
        while node is not None:
            own: list[Binding] = []
            if isinstance(node, ast.For | ast.AsyncFor) and child in node.body:
                own = self._bound_by(name, {id(node)})
            elif isinstance(node, _COMPREHENSIONS):
                own = self._bound_by(name, {id(gen) for gen in node.generators})
            if own:
                return found + own, False
            for block in _blocks(node):
                if child not in block:
                    continue
                for stmt in reversed(block[: block.index(child)]):
                    if _assigns(stmt, name):
                        return found + self._bound_by(name, {id(stmt)}), False
                    found += self._bound_by(name, {id(n) for n in ast.walk(stmt)})
            child, node = node, self.parents.get(id(node))
        return found, True

    def _bound_by(self, name: str, anchors: set[int]) -> list[Binding]:
        """The bindings of ``name`` made by one of the ``anchors`` (node ids)."""
        return [b for anchor, b in self.bindings.get(name, []) if id(anchor) in anchors]


def _blocks(node: ast.AST) -> list[list[ast.stmt]]:
    """The statement lists directly under ``node`` (body, else, finally, handlers)."""
    out = []
    for name in ("body", "orelse", "finalbody"):
        block = getattr(node, name, None)
        if isinstance(block, list):
            out.append(block)
    return out


def _assigns(stmt: ast.stmt, name: str) -> bool:
    """Whether ``stmt`` itself always (re)binds ``name``: ``name = ...``, ``a, name = ...``."""
    targets: list[ast.expr] = []
    if isinstance(stmt, ast.Assign):
        targets = list(stmt.targets)
    elif isinstance(stmt, ast.AnnAssign | ast.AugAssign) and (
        not isinstance(stmt, ast.AnnAssign) or stmt.value is not None
    ):
        targets = [stmt.target]
    while targets:
        target = targets.pop()
        if isinstance(target, ast.Name) and target.id == name:
            return True
        if isinstance(target, ast.Tuple | ast.List):
            targets += [e.value if isinstance(e, ast.Starred) else e for e in target.elts]
    return False


Bindings = dict[str, list[tuple[ast.AST, Binding]]]


def _bind(out: Bindings, anchor: ast.AST, target: ast.expr, source: ast.expr | None,
          each: bool, path: tuple[int, ...] = ()) -> None:
    if isinstance(target, ast.Name):
        binding: Binding = (source, path, each) if source is not None else None
        out.setdefault(target.id, []).append((anchor, binding))
    elif isinstance(target, ast.Tuple | ast.List):
        for pos, elt in enumerate(target.elts):
            if isinstance(elt, ast.Starred):
                _bind(out, anchor, elt.value, None, each)
            else:
                _bind(out, anchor, elt, source, each, (*path, pos))


def _collect(func: Func, out: Bindings, parents: dict[int, ast.AST]) -> None:
    """Bindings and parent links of one function (not of functions inside it)."""
    node = func.node
    body: list[ast.AST] = [node.body] if isinstance(node, ast.Lambda) else list(node.body)
    todo: list[tuple[ast.AST, ast.AST]] = [(item, node) for item in body]
    while todo:
        item, parent = todo.pop()
        parents[id(item)] = parent
        if isinstance(item, ast.Assign):
            for target in item.targets:
                _bind(out, item, target, item.value, False)
        elif isinstance(item, ast.AnnAssign | ast.NamedExpr) and item.value is not None:
            _bind(out, item, item.target, item.value, False)
        elif isinstance(item, ast.AugAssign):
            _bind(out, item, item.target, None, False)
        elif isinstance(item, ast.For | ast.AsyncFor | ast.comprehension):
            _bind(out, item, item.target, item.iter, True)
        elif isinstance(item, ast.withitem) and item.optional_vars is not None:
            _bind(out, item, item.optional_vars, None, False)
        elif isinstance(item, ast.ExceptHandler) and item.name:
            out.setdefault(item.name, []).append((item, None))
        if not isinstance(item, _SCOPES):
            todo += [(child, item) for child in ast.iter_child_nodes(item)]


def _is_static(node: FuncNode) -> bool:
    return not isinstance(node, ast.Lambda) and any(
        isinstance(d, ast.Name) and d.id == "staticmethod" for d in node.decorator_list
    )


# Values a name cannot hold where a call is: ``b`` in ``a if v == "u" else b`` knows that
# ``v`` is not ``"u"``; so does the ``else:`` of ``if v == "u":``.
Narrow = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Site:
    """One call in the code: where it is, and what the code around it rules out."""

    call: ast.Call
    func: Func | None
    module: Module
    narrow: Narrow


def guard(test: ast.expr) -> tuple[str, str, bool] | None:
    """``name == "value"`` (True) or ``name != "value"`` (False) as (name, value, equal)."""
    if (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.ops[0], ast.Eq | ast.NotEq)
        and isinstance(test.left, ast.Name)
        and isinstance(test.comparators[0], ast.Constant)
        and isinstance(test.comparators[0].value, str)
    ):
        return test.left.id, test.comparators[0].value, isinstance(test.ops[0], ast.Eq)
    return None


@dataclass
class CodeIndex:
    """Every module, named function, module constant and call of the scanned packages."""

    modules: list[Module] = field(default_factory=list)
    functions: dict[str, list[Func]] = field(default_factory=dict)
    constants: dict[str, list[tuple[ast.expr, Module]]] = field(default_factory=dict)
    calls: list[Site] = field(default_factory=list)

    unreadable: list[str] = field(default_factory=list)  # "path: why", skipped

    @classmethod
    def read(cls, root: Path, packages: tuple[str, ...], skip: tuple[str, ...] = ()) -> CodeIndex:
        index = cls()
        for package in packages:
            for path in sorted((root / package).rglob("*.py")):
                shown = path.relative_to(root).as_posix()
                if shown.startswith(skip):
                    continue
                try:
                    tree = ast.parse(path.read_text(encoding="utf-8"), filename=shown)
                except (OSError, UnicodeDecodeError, SyntaxError, ValueError) as exc:
                    index.unreadable.append(f"{shown}: cannot be read ({exc})")
                    continue
                index.add(Module(shown, tree))
        return index

    def add(self, module: Module) -> None:
        self.modules.append(module)
        for stmt in module.tree.body:
            targets = stmt.targets if isinstance(stmt, ast.Assign) else (
                [stmt.target] if isinstance(stmt, ast.AnnAssign) and stmt.value else [])
            value = getattr(stmt, "value", None)
            for target in targets:
                if isinstance(target, ast.Name) and value is not None:
                    module.constants.setdefault(target.id, []).append(value)
                    self.constants.setdefault(target.id, []).append((value, module))
        self._visit(module.tree, None, module, False, ())

    def _visit(self, node: ast.AST, func: Func | None, module: Module, in_class: bool,
               narrow: Narrow) -> None:
        test = guard(node.test) if isinstance(node, ast.If | ast.IfExp) else None
        for child in ast.iter_child_nodes(node):
            inside = narrow
            if test is not None and isinstance(node, ast.If | ast.IfExp):
                name, value, equal = test
                body = node.body if isinstance(node.body, list) else [node.body]
                orelse = node.orelse if isinstance(node.orelse, list) else [node.orelse]
                if (child in body and not equal) or (child in orelse and equal):
                    inside = (*narrow, (name, value))
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
                inner = Func(child, module, func, in_class and not _is_static(child))
                if not isinstance(child, ast.Lambda):
                    self.functions.setdefault(child.name, []).append(inner)
                self._visit(child, inner, module, False, ())
            else:
                if isinstance(child, ast.Call):
                    self.calls.append(Site(child, func, module, inside))
                self._visit(child, func, module, isinstance(child, ast.ClassDef), inside)
