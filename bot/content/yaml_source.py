"""Read one YAML file of ``content/`` and point a mistake at its line.

PyYAML silently keeps the last of two equal keys and reports failures as tracebacks; here a
repeated key is refused, every read or parse failure becomes a ``ContentError``, and a
``YamlSource`` can turn a field location into an error that names the YAML line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from bot.content.errors import ContentError, Loc, field_name

try:  # libyaml parses about ten times faster; fall back to pure Python where it is missing
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]


class _UniqueKeyLoader(_SafeLoader):
    """SafeLoader that refuses a key written twice in one mapping (PyYAML keeps the last)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)
            if isinstance(key, str | int | float | bool) and key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"the key {key!r} appears twice", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


@dataclass(frozen=True)
class YamlSource:
    """One YAML file: where it is shown as, its text and its parsed data."""

    shown: str
    text: str
    data: Any

    def error(self, loc: Loc, message: str) -> ContentError:
        """A ContentError for ``loc`` inside this file, with the YAML line when found."""
        return ContentError(self.shown, field_name(self.data, loc), message, self._line(loc))

    def _line(self, loc: Loc) -> int | None:
        """The 1-based line of the deepest node of ``loc`` that exists in the file."""
        try:
            node: yaml.Node | None = yaml.compose(self.text, Loader=_SafeLoader)
        except yaml.YAMLError:
            return None
        best = node.start_mark.line + 1 if node is not None else None
        for part in loc:
            child: yaml.Node | None = None
            if isinstance(node, yaml.MappingNode):
                for key_node, value_node in node.value:
                    if key_node.value == part:
                        child = value_node
                        break
            elif (
                isinstance(node, yaml.SequenceNode)
                and isinstance(part, int)
                and 0 <= part < len(node.value)
            ):
                child = node.value[part]
            if child is None:
                break
            node = child
            best = node.start_mark.line + 1
        return best


def shown_path(directory: Path, path: Path) -> str:
    """The path as people see it: relative to the content dir's parent, never absolute."""
    root = directory.resolve()
    return f"{root.name}/{path.resolve().relative_to(root).as_posix()}"


def read_yaml(directory: Path, path: Path) -> YamlSource:
    """Read and parse one YAML file, turning every failure into a ContentError."""
    shown = shown_path(directory, path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ContentError(shown, "", "the file is missing") from None
    except UnicodeDecodeError as exc:
        raise ContentError(shown, "", f"is not UTF-8 text ({exc.reason})") from None
    except OSError as exc:
        raise ContentError(shown, "", f"cannot be read ({exc.strerror})") from None
    try:
        data = yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "unreadable"
        line = mark.line + 1 if mark is not None else None
        raise ContentError(shown, "", f"is not valid YAML: {problem}", line) from None
    except yaml.YAMLError as exc:
        raise ContentError(shown, "", f"is not valid YAML: {exc}") from None
    return YamlSource(shown, text, data)
