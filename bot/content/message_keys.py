"""Which message keys the code looks up, and which placeholder names it passes to each.

Clinicians edit content/messages/*.yaml; a key the code uses but the files lack, or a
``{placeholder}`` the code does not fill, would otherwise only fail when a patient reaches
that message. So the code is read (its syntax tree, ``bot.content.code_scan``) at check
time, and the answer never goes stale as the code changes:

- every call of ``text(key, ..., name=value)`` (``content.text``, ``deps.content.text``, a
  ``text = deps.content.text`` alias, ``Run.text``) is a lookup; its keywords are the names;
- a function that passes its own parameter on as the key (``session_text(content, s,
  key, **values)``, ``consenting(update, context, refusal)``) is a lookup too, at each of
  its calls, and so on up; ``**values`` passed on adds the callers' keywords;
- a key built from a variable must match a family declared in ``bot.content.keys``,
  whose keys then all count as used, with the names passed where it is built.

Whatever the scan cannot follow is a ``problem`` (``check-content`` shows it as a warning,
and ``tests/content`` refuses it), so a new way of looking keys up cannot slip by.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from bot.content.code_index import CodeIndex, Func, Module, Site
from bot.content.code_scan import Found, Resolver
from bot.content.keys import KeyFamily

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("bot", "handlers")
SKIP = ("bot/content/",)  # the content model itself: ``Content.text`` is the lookup
_PASSES = 12


@dataclass(frozen=True)
class Use:
    """One place the code can look up ``key``."""

    key: str
    where: str  # "bot/domain/routine/prompts.py:40"
    names: frozenset[str] | None  # the placeholder names passed; None: cannot tell
    family: KeyFamily | None = None  # when the key is built from a variable


@dataclass(frozen=True)
class CodeKeys:
    """Every lookup the code can make, and what the scan could not follow."""

    uses: tuple[Use, ...]
    problems: tuple[str, ...]  # "path:line: why", for the people who write the code

    def by_key(self) -> dict[str, list[Use]]:
        out: dict[str, list[Use]] = {}
        for use in self.uses:
            out.setdefault(use.key, []).append(use)
        return out


@dataclass(frozen=True)
class _Spec:
    """How a call of one function (by name) looks a message up."""

    key_pos: int | None  # where the key is among the call's positional arguments
    key_name: str | None  # or its keyword
    own: frozenset[str]  # the function's named parameters: not placeholder names
    fixed: frozenset[str] | None  # names the function passes itself; None: cannot tell
    forwards: bool  # the call's other keywords are passed on as names
    decided: Found = field(default_factory=Found)  # keys chosen inside the function
    family: KeyFamily | None = None  # the argument fills the hole of this family
    method: bool | None = None  # called as obj.name(...) only; None: any way


#: ``Content.text(key, rng=None, **values)``: the one lookup everything ends in.
_TEXT = _Spec(0, "key", frozenset({"key", "rng"}), frozenset(), True)


@dataclass
class _Pass:
    specs: dict[str, list[_Spec]]
    resolver: Resolver
    uses: list[Use] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    new: dict[str, list[_Spec]] = field(default_factory=dict)

    def run(self, index: CodeIndex) -> None:
        for site in index.calls:
            callee = site.call.func
            name = callee.id if isinstance(callee, ast.Name) else (
                callee.attr if isinstance(callee, ast.Attribute) else "")
            for spec in self.specs.get(name, ()):
                if spec.method and not isinstance(callee, ast.Attribute):
                    continue
                self.call(site, spec)

    def call(self, site: Site, spec: _Spec) -> None:
        call, func, module = site.call, site.func, site.module
        where = f"{module.path}:{call.lineno}"
        names, forwards = self._names(call, func, module, spec, where)
        arg = _argument(call, spec)
        if spec.family is not None:  # a helper such as Run.ignore("stale")
            if arg is not None:
                self._fill(where, self.resolver.at(site, arg), spec, func, names)
            return
        found = Found().add(spec.decided)
        if arg is not None:
            found.add(self.resolver.at(site, arg))
        elif spec.decided.empty():
            return  # not a lookup after all, e.g. text() with no key
        if found.empty():
            return  # a number or None, e.g. matplotlib's ax.text(0.5, 0.5, ...)
        self.problems += [f"{where}: {why}" for why in found.unresolved]
        params = [p for p in found.params if func is not None and p.owner == id(func.node)]
        if len(params) < len(found.params):
            self.problems.append(f"{where}: the key comes from an outer function's parameter")
        if (params or forwards) and (func is None or isinstance(func.node, ast.Lambda)):
            self.problems.append(f"{where}: the key or its values come from a lambda")
            params, forwards = [], False
        for family, param in found.templates:
            if func is not None and param.owner == id(func.node):
                self._spec(func, _Spec(param.pos, param.name, func.own_names(), names, False,
                                       family=family, method=func.is_method or None))
        if params or forwards:
            assert func is not None
            decided = Found(keys=found.keys, families=found.families)
            first = params[0] if params else None
            self._spec(func, _Spec(
                first.pos if first else None, first.name if first else None,
                func.own_names(), names, forwards, decided if forwards else Found(),
                method=func.is_method or None,
            ))
            if len(params) > 1:
                self.problems.append(f"{where}: the key may be any of several parameters")
            if forwards:
                return  # the callers are the lookups, with their own names
        self._record(where, found, names)

    def _record(self, where: str, found: Found, names: frozenset[str] | None) -> None:
        for key in sorted(found.keys):
            self.uses.append(Use(key, where, names))
        for family in sorted(found.families, key=lambda f: f.template):
            self.uses += _family_uses(family, where, names, self.problems)

    def _fill(self, where: str, hole: Found, spec: _Spec, func: Func | None,
              names: frozenset[str] | None) -> None:
        """A literal passed to a helper that builds the key (``Run.ignore("stale")``)."""
        family = spec.family
        assert family is not None
        for part in sorted(hole.keys):
            if part not in family.suffixes:
                self.problems.append(
                    f"{where}: builds the key {family.prefix}{part}{family.suffix}, but "
                    f"bot/content/keys.py does not list {part!r} for {family.template}"
                )
            self.uses.append(Use(f"{family.prefix}{part}{family.suffix}", where, names, family))
        for param in hole.params:
            if func is not None and param.owner == id(func.node):
                self._spec(func, _Spec(param.pos, param.name, func.own_names(), names, False,
                                       family=family, method=func.is_method or None))

    def _names(self, call: ast.Call, func: Func | None, module: Module, spec: _Spec,
               where: str) -> tuple[frozenset[str] | None, bool]:
        """The placeholder names this call passes, and whether it passes on its own
        ``**values`` (then its callers add theirs)."""
        names = set(spec.fixed) if spec.fixed is not None else None
        forwards = False
        if not spec.forwards:
            return (frozenset(names) if names is not None else None), False
        for keyword in call.keywords:
            if keyword.arg is not None:
                if keyword.arg not in spec.own and names is not None:
                    names.add(keyword.arg)
                continue
            value = keyword.value
            if isinstance(value, ast.Name) and func is not None and value.id == func.kwarg:
                forwards = True
                continue
            given = _dict_names(self.resolver, value, func, module)
            if given is None:
                self.problems.append(
                    f"{where}: cannot tell which values **{ast.unparse(value)} passes"
                )
                names = None
            elif names is not None:
                names |= given
        return (frozenset(names) if names is not None else None), forwards

    def _spec(self, func: Func, spec: _Spec) -> None:
        known = self.specs.get(func.name, []) + self.new.get(func.name, [])
        if any(_same(spec, old) for old in known):
            return
        self.new.setdefault(func.name, []).append(spec)


def _same(new: _Spec, old: _Spec) -> bool:
    """A spec already covered: equal, or the same shape as ``Content.text``'s own."""
    if new == old:
        return True
    shape = (new.key_pos, new.key_name, new.forwards, new.family)
    return old is _TEXT and shape == (0, "key", True, None) and new.decided.empty()


def _argument(call: ast.Call, spec: _Spec) -> ast.expr | None:
    if spec.key_pos is not None and len(call.args) > spec.key_pos and not any(
        isinstance(arg, ast.Starred) for arg in call.args[: spec.key_pos + 1]
    ):
        return call.args[spec.key_pos]
    for keyword in call.keywords:
        if keyword.arg is not None and keyword.arg == spec.key_name:
            return keyword.value
    return None


def _dict_names(resolver: Resolver, expr: ast.expr, func: Func | None,
                module: Module) -> set[str] | None:
    """The keys of a literal dict (``{"a": 1}`` or ``dict(a=1)``) passed as ``**values``."""
    places = resolver.defs(expr, func, module)
    if places is None or not places:
        return None
    names: set[str] = set()
    for target, _, _ in places:
        if isinstance(target, ast.Dict) and all(
            isinstance(k, ast.Constant) and isinstance(k.value, str) for k in target.keys
        ):
            names |= {str(k.value) for k in target.keys if isinstance(k, ast.Constant)}
        elif isinstance(target, ast.Call) and isinstance(target.func, ast.Name) \
                and target.func.id == "dict" and not target.args \
                and all(k.arg is not None for k in target.keywords):
            names |= {k.arg for k in target.keywords if k.arg is not None}
        else:
            return None
    return names


def _family_uses(family: KeyFamily, where: str, names: frozenset[str] | None,
                 problems: list[str]) -> Iterator[Use]:
    declared = frozenset(family.values)
    if names is not None and names != declared:
        problems.append(
            f"{where}: passes {_shown(names)} to {family.template}, but bot/content/keys.py "
            f"declares {_shown(declared)}"
        )
    for key in family.keys:
        yield Use(key, where, names if names is not None else declared, family)


def _shown(names: frozenset[str]) -> str:
    return ", ".join(f"{{{n}}}" for n in sorted(names)) or "no values"


def scan(root: Path = ROOT, packages: tuple[str, ...] = PACKAGES,
         skip: tuple[str, ...] = SKIP) -> CodeKeys:
    """Read the code under ``root`` and list every message lookup it can make."""
    index = CodeIndex.read(root, packages, skip)
    specs: dict[str, list[_Spec]] = {"text": [_TEXT]}
    for _ in range(_PASSES):
        current = _Pass(specs, Resolver(index))
        current.run(index)
        if not current.new:
            break
        for name, added in current.new.items():
            specs.setdefault(name, []).extend(added)
    else:  # pragma: no cover - wrappers nested deeper than anyone writes them
        current.problems.append(f"{root.name}: wrappers nested more than {_PASSES} deep")
    problems = [*index.unreadable, *current.problems]
    return CodeKeys(tuple(dict.fromkeys(current.uses)), tuple(dict.fromkeys(problems)))


@cache
def code_keys() -> CodeKeys:
    """The lookups of this checkout's ``bot/`` and ``handlers/`` (read once per process)."""
    return scan()


def used_message_keys() -> dict[str, str]:
    """Every key the code can look up, with the first place that does."""
    return {key: uses[0].where for key, uses in code_keys().by_key().items()}
