"""Read the bot's own code (its syntax tree, never running it) to tell what a value can be.

``bot.content.message_keys`` asks, for each ``text(key, ...)`` call, which strings ``key``
can hold. ``Resolver.value`` answers by following the code a reader would follow: a
literal, either side of ``a if c else b``, a local or module constant, a loop over a
literal table (``for key, label in CHOICES``), a literal dict looked up (``REPLY[choice]``),
a function that returns literals (``patient_status(...)``), a parameter of the enclosing
function (then that function passes keys on, and its callers are read in turn), or a key
built from a variable (``f"session_ignored_{reason}"``), matched with a family declared in
``bot.content.keys``. Whatever it cannot follow is reported, never guessed.
"""

from __future__ import annotations

import ast
import itertools
from dataclasses import dataclass, field

from bot.content.code_index import (
    Binding,
    CodeIndex,
    Func,
    FuncNode,
    Module,
    Param,
    Site,
    guard,
)
from bot.content.keys import KeyFamily, family_for

_DEPTH = 12
_MAX_BUILT = 64  # keys one f-string may expand to without a declared family


@dataclass
class Found:
    """What an expression can be: literal strings, declared families, parameters, or
    parts the scan could not follow (each with the reason)."""

    keys: set[str] = field(default_factory=set)
    families: set[KeyFamily] = field(default_factory=set)
    params: list[Param] = field(default_factory=list)
    templates: list[tuple[KeyFamily, Param]] = field(default_factory=list)
    unresolved: list[str] = field(default_factory=list)

    def add(self, other: Found) -> Found:
        self.keys |= other.keys
        self.families |= other.families
        self.params += [p for p in other.params if p not in self.params]
        self.templates += [t for t in other.templates if t not in self.templates]
        self.unresolved += [u for u in other.unresolved if u not in self.unresolved]
        return self

    def empty(self) -> bool:
        return not (self.keys or self.families or self.params or self.unresolved)


class _ParamName(ast.Name):
    """A parameter as it is on entry to its function: whatever its callers pass."""


# A place to read an expression: the expression, its enclosing function, its module.
Place = tuple[ast.expr, Func | None, Module]


class Resolver:
    """What strings an expression can hold, following the code (see the module doc)."""

    def __init__(self, index: CodeIndex) -> None:
        self.index = index
        self._active: set[int] = set()
        self._not: list[tuple[int | None, str, str]] = []  # (function, name, not this value)

    def at(self, site: Site, expr: ast.expr) -> Found:
        """What ``expr`` can be at a call site, knowing what the code around rules out."""
        owner = id(site.func.node) if site.func else None
        pushed = [(owner, name, value) for name, value in site.narrow]
        self._not += pushed
        try:
            return self.value(expr, site.func, site.module)
        finally:
            del self._not[len(self._not) - len(pushed):]

    def value(self, expr: ast.expr, func: Func | None, module: Module, depth: int = 0) -> Found:
        if depth > _DEPTH:
            return Found(unresolved=[f"{ast.unparse(expr)!r} is too many steps away"])
        if id(expr) in self._active:
            return Found()  # a cycle (x = f(x)) adds nothing new
        self._active.add(id(expr))
        try:
            return self._value(expr, func, module, depth + 1)
        finally:
            self._active.discard(id(expr))

    def _value(self, expr: ast.expr, func: Func | None, module: Module, depth: int) -> Found:
        if isinstance(expr, ast.Constant):
            return Found(keys={expr.value}) if isinstance(expr.value, str) else Found()
        if isinstance(expr, ast.IfExp):
            return self._if(expr, func, module, depth)
        if isinstance(expr, ast.BoolOp):
            found = Found()
            for part in expr.values:
                found.add(self.value(part, func, module, depth))
            return found
        if isinstance(expr, ast.JoinedStr) or (
            isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add)
        ):
            return self._built(expr, func, module, depth)
        if isinstance(expr, _ParamName) and func is not None:
            param = func.param(expr.id)
            return Found(params=[param] if param else [])
        if isinstance(expr, ast.Name | ast.Attribute):
            return self._via_defs(expr, func, module, depth)
        if isinstance(expr, ast.Subscript):
            return self._items(expr.value, func, module, depth, expr.slice)
        if isinstance(expr, ast.Call):
            return self._call(expr, func, module, depth)
        return Found(unresolved=[f"cannot follow {ast.unparse(expr)!r}"])

    def _if(self, expr: ast.IfExp, func: Func | None, module: Module, depth: int) -> Found:
        """Both sides of ``a if c else b``; in ``"x" if v == "u" else f"k_{v}"`` the second
        side knows that ``v`` is not ``"u"`` (and the first, for ``!=``)."""
        test = guard(expr.test)
        found = Found()
        for side, equal in ((expr.body, True), (expr.orelse, False)):
            narrowed = test is not None and test[2] != equal
            if narrowed and test is not None:
                self._not.append((id(func.node) if func else None, test[0], test[1]))
            try:
                found.add(self.value(side, func, module, depth))
            finally:
                if narrowed:
                    self._not.pop()
        return found

    def _via_defs(self, expr: ast.expr, func: Func | None, module: Module, depth: int) -> Found:
        places = self.defs(expr, func, module)
        if places is None:
            return Found(unresolved=[f"cannot follow {ast.unparse(expr)!r}"])
        found = Found()
        for place in places:
            found.add(self.value(*place, depth))
        if isinstance(expr, ast.Name):
            owner = id(func.node) if func else None
            found.keys -= {value for o, name, value in self._not
                           if o == owner and name == expr.id}
        return found

    def defs(self, expr: ast.expr, func: Func | None, module: Module) -> list[Place] | None:
        """The expressions a name or constant stands for (itself for anything else)."""
        if isinstance(expr, ast.Attribute):
            return self._global(expr.attr)
        if not isinstance(expr, ast.Name):
            return [(expr, func, module)]
        scope: Func | None = func
        use: ast.AST = expr
        while scope is not None:
            is_param = scope.param(expr.id) is not None
            if expr.id in scope.bindings or is_param:  # a local name of this function
                bound, on_entry = scope.reaching(expr.id, use)
                if not bound and not (on_entry and is_param):  # cannot tell: take them all
                    bound, on_entry = [b for _, b in scope.bindings.get(expr.id, [])], True
                places: list[Place] = []
                for binding in bound:
                    got = self._binding(binding, scope)
                    if got is None:
                        return None
                    places += got
                if on_entry and is_param:
                    places.append((_ParamName(id=expr.id), scope, scope.module))
                return places
            use, scope = scope.node, scope.parent
        if expr.id in module.constants:
            return [(value, None, module) for value in module.constants[expr.id]]
        return self._global(expr.id)

    def _global(self, name: str) -> list[Place] | None:
        """A module constant imported by name: every module-level definition of it."""
        found = self.index.constants.get(name)
        return [(value, None, mod) for value, mod in found] if found else None

    def _binding(self, binding: Binding, scope: Func) -> list[Place] | None:
        if binding is None:
            return None
        source, path, each = binding
        items = self.items(source, scope, scope.module) if each else [(source, scope,
                                                                        scope.module)]
        if items is None:
            return None
        out: list[Place] = []
        for item in items:
            got = self._descend(item, path)
            if got is None:
                return None
            out.append(got)
        return out

    def _descend(self, place: Place, path: tuple[int, ...]) -> Place | None:
        for pos in path:
            expr, func, module = place
            targets = self.defs(expr, func, module)
            if not targets or len(targets) != 1:
                return None
            expr, func, module = targets[0]
            if not isinstance(expr, ast.Tuple | ast.List) or pos >= len(expr.elts):
                return None
            place = (expr.elts[pos], func, module)
        return place

    def items(self, expr: ast.expr, func: Func | None, module: Module) -> list[Place] | None:
        """The items a loop over ``expr`` takes, when ``expr`` is a literal collection."""
        if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute):
            how = expr.func.attr
            if how in ("items", "keys", "values") and not expr.args:
                return self._dict_items(expr.func.value, func, module, how)
        if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name) and expr.args \
                and expr.func.id in ("sorted", "list", "tuple", "reversed", "set"):
            return self.items(expr.args[0], func, module)
        places = self.defs(expr, func, module)
        if places is None:
            return None
        out: list[Place] = []
        for target, where, mod in places:
            if isinstance(target, ast.Tuple | ast.List | ast.Set):
                if any(isinstance(elt, ast.Starred) for elt in target.elts):
                    return None
                out += [(elt, where, mod) for elt in target.elts]
            elif isinstance(target, ast.Dict):
                out += [(k, where, mod) for k in target.keys if k is not None]
            elif target is expr:
                return None
            else:
                more = self.items(target, where, mod)
                if more is None:
                    return None
                out += more
        return out

    def _dict_items(self, expr: ast.expr, func: Func | None, module: Module,
                    how: str) -> list[Place] | None:
        places = self.defs(expr, func, module)
        if not places or not all(isinstance(p[0], ast.Dict) for p in places):
            return None
        out: list[Place] = []
        for target, where, mod in places:
            assert isinstance(target, ast.Dict)
            for key, value in zip(target.keys, target.values, strict=True):
                if key is None:
                    return None
                item = {"keys": key, "values": value}.get(how) or ast.Tuple(elts=[key, value])
                out.append((item, where, mod))
        return out

    def _items(self, container: ast.expr, func: Func | None, module: Module, depth: int,
               index: ast.expr | None) -> Found:
        """``table[i]`` or ``table.get(i, default)``: the value, or any value, of a literal."""
        found = Found()
        places = self.defs(container, func, module)
        if places is None:
            return Found(unresolved=[f"cannot follow {ast.unparse(container)!r}"])
        for target, where, mod in places:
            if isinstance(target, ast.Dict):
                pairs = list(zip(target.keys, target.values, strict=True))
                exact = [v for k, v in pairs if isinstance(index, ast.Constant)
                         and isinstance(k, ast.Constant) and k.value == index.value]
                for value in exact or [v for _, v in pairs]:
                    found.add(self.value(value, where, mod, depth))
            elif isinstance(target, ast.Tuple | ast.List):
                for elt in target.elts:
                    found.add(self.value(elt, where, mod, depth))
            else:
                found.unresolved.append(f"cannot follow {ast.unparse(container)!r}")
        return found

    def _call(self, call: ast.Call, func: Func | None, module: Module, depth: int) -> Found:
        callee = call.func
        if isinstance(callee, ast.Attribute) and callee.attr == "get" and call.args:
            found = self._items(callee.value, func, module, depth, call.args[0])
            if len(call.args) > 1:
                found.add(self.value(call.args[1], func, module, depth))
            return found
        name = callee.id if isinstance(callee, ast.Name) else (
            callee.attr if isinstance(callee, ast.Attribute) else None)
        defs = self.index.functions.get(name or "")
        if not defs:
            return Found(unresolved=[f"cannot follow {ast.unparse(call)!r}"])
        found = Found()
        for target in defs:
            for ret in _returns(target.node):
                got = self.value(ret, target, target.module, depth)
                if got.params:
                    got.unresolved.append(f"{target.name}() returns what it is given")
                    got.params = []
                found.add(got)
        return found

    def _built(self, expr: ast.expr, func: Func | None, module: Module, depth: int) -> Found:
        """A key built from parts: a declared family, or literal parts in every hole."""
        parts = _parts(expr)
        holes = [part for part in parts if not isinstance(part, str)]
        shape = "".join(part if isinstance(part, str) else "{}" for part in parts)
        if not holes:
            return Found(keys={shape})
        family = family_for(shape)
        values = [self.value(hole, func, module, depth) for hole in holes]
        if family is not None:
            found = Found(families={family})
            if len(values) == 1:
                found.templates = [(family, p) for p in values[0].params]
                for part in sorted(values[0].keys - set(family.suffixes)):
                    found.keys.add(f"{family.prefix}{part}{family.suffix}")
                    found.unresolved.append(
                        f"{ast.unparse(expr)} can be {family.prefix}{part}{family.suffix},"
                        f" but bot/content/keys.py does not list {part!r} for "
                        f"{family.template}"
                    )
            return found
        literal = all(v.keys and not (v.params or v.families or v.unresolved) for v in values)
        combos = 1
        for v in values:
            combos *= len(v.keys) if literal else 0
        if literal and combos <= _MAX_BUILT:
            found = Found()
            for choice in itertools.product(*(sorted(v.keys) for v in values)):
                filled = iter(choice)
                found.keys.add("".join(p if isinstance(p, str) else next(filled)
                                       for p in parts))
            return found
        return Found(unresolved=[
            f"the key {ast.unparse(expr)} is built from a variable; declare its family "
            f"{shape.replace('{}', '{...}')} in bot/content/keys.py"
        ])


def _parts(expr: ast.expr) -> list[str | ast.expr]:
    """An f-string or a ``+`` of strings as literal parts and holes."""
    if isinstance(expr, ast.Constant) and isinstance(expr.value, str):
        return [expr.value]
    if isinstance(expr, ast.JoinedStr):
        out: list[str | ast.expr] = []
        for value in expr.values:
            if isinstance(value, ast.FormattedValue):
                out.append(value.value)
            elif isinstance(value, ast.Constant):
                out.append(str(value.value))
        return out
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
        return [*_parts(expr.left), *_parts(expr.right)]
    return [expr]


def _returns(node: FuncNode) -> list[ast.expr]:
    """What a function returns (not counting functions defined inside it)."""
    if isinstance(node, ast.Lambda):
        return [node.body]
    out: list[ast.expr] = []
    todo: list[ast.AST] = list(node.body)
    while todo:
        item = todo.pop()
        if isinstance(item, ast.Return) and item.value is not None:
            out.append(item.value)
        for child in ast.iter_child_nodes(item):
            if not isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
                              | ast.ClassDef):
                todo.append(child)
    return out
