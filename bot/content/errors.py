"""How a content mistake is reported: one line naming the file, the field and the problem.

Clinicians edit the YAML by hand, so every mistake must come back as ONE line they can act
on (``ContentError``), with the field written the way they see it in the file
(``exercises[glute_bridge].dose.sets``) and values shown as they wrote them.
"""

from __future__ import annotations

from typing import Any

#: Where a value sits inside a parsed file: mapping keys and list positions.
Loc = tuple[str | int, ...]


class ContentError(Exception):
    """A content mistake, shown as one line: ``file: field: what is wrong (line N)``."""

    def __init__(self, file: str, field: str, message: str, line: int | None = None) -> None:
        self.file = file
        self.field = field
        self.message = message
        self.line = line
        super().__init__(self.__str__())

    def __str__(self) -> str:
        head = f"{self.file}: {self.field}: " if self.field else f"{self.file}: "
        tail = f" (line {self.line})" if self.line else ""
        return f"{head}{self.message}{tail}"


class ContentErrors(ContentError):
    """Several mistakes found together (every message checked against the code), one line
    each; ``file``, ``field``, ``message`` and ``line`` are the first one's."""

    def __init__(self, problems: list[ContentError]) -> None:
        self.problems = tuple(problems)
        first = self.problems[0]
        super().__init__(first.file, first.field, first.message, first.line)

    def __str__(self) -> str:
        return "\n".join(ContentError.__str__(problem) for problem in self.problems)


def field_name(data: Any, loc: Loc) -> str:
    """``('exercises', 2, 'dose', 'sets')`` as ``exercises[glute_bridge].dose.sets``."""
    out = ""
    node = data
    for part in loc:
        if isinstance(part, int):
            label: str | int = part
            if isinstance(node, list) and 0 <= part < len(node):
                node = node[part]
                if isinstance(node, dict) and isinstance(node.get("id"), str) and node["id"]:
                    label = node["id"]
            else:
                node = None
            out += f"[{label}]"
        else:
            node = node.get(part) if isinstance(node, dict) else None
            out += f".{part}" if out else str(part)
    return out


def shown_value(value: Any) -> str:
    """A value as a clinician would recognise it in the file."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return repr(value)
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return str(value)
