"""Read and check ``content/messages/*.yaml``: every text the bot says, by key.

Messages are free-form ``key: text`` (or ``key: [phrasings]``) spread over several files, so
they are checked by hand rather than by a schema: lower-case keys defined once across all
files, non-empty texts and ``{placeholders}`` that ``str.format`` can parse. Whether the
code asks for each key and fills each placeholder is ``bot.content.message_check``'s part.
"""

from __future__ import annotations

import string
from pathlib import Path

from bot.content.errors import ContentError, Loc, shown_value
from bot.content.yaml_source import YamlSource, read_yaml, shown_path


def _placeholders_ok(text: str) -> str | None:
    """Why a message's ``{placeholders}`` would break ``str.format(**values)``, or None."""
    try:
        parsed = list(string.Formatter().parse(text))
    except ValueError as exc:
        return f"has a broken {{placeholder}} ({exc}); write a literal brace as {{{{ or }}}}"
    for _, field, _, _ in parsed:
        if field is None:
            continue
        if not field.isidentifier():
            return f"placeholder {{{field}}} must be a plain name such as {{name}}"
    return None


def read_messages(directory: Path) -> dict[str, tuple[str, ...]]:
    """Merge every ``messages/*.yaml``; a key defined in two files is an error."""
    return read_message_files(directory)[0]


def read_message_files(
    directory: Path,
) -> tuple[dict[str, tuple[str, ...]], dict[str, YamlSource]]:
    """Every message by key, and the file each key is written in."""
    folder = directory / "messages"
    if not folder.is_dir():
        raise ContentError(f"{directory.resolve().name}/messages/", "", "the folder is missing")
    merged: dict[str, tuple[str, ...]] = {}
    origin: dict[str, YamlSource] = {}
    for path in sorted(folder.glob("*.yml")):
        raise ContentError(
            shown_path(directory, path), "", "rename it to .yaml (it would be skipped)"
        )
    for path in sorted(folder.glob("*.yaml")):
        source = read_yaml(directory, path)
        data = source.data if source.data is not None else {}
        if not isinstance(data, dict):
            raise source.error((), f"the file must be a mapping of key: text, got "
                               f"{shown_value(data)}")
        for key, value in data.items():
            if not isinstance(key, str) or not key.isidentifier() or key != key.lower():
                raise source.error(
                    (), f"message key {key!r} must be lower-case letters, digits and _"
                )
            if key in origin:
                raise source.error(
                    (key,), f"message key is defined twice: also in {origin[key].shown}"
                )
            options = [value] if isinstance(value, str) else value
            if not isinstance(options, list) or not options:
                raise source.error(
                    (key,), f"must be text or a list of texts, got {shown_value(value)}"
                )
            for pos, option in enumerate(options):
                loc: Loc = (key,) if isinstance(value, str) else (key, pos)
                if not isinstance(option, str):
                    raise source.error(loc, f"must be text, got {shown_value(option)}")
                if not option.strip():
                    raise source.error(loc, "must not be empty")
                problem = _placeholders_ok(option)
                if problem:
                    raise source.error(loc, problem)
            merged[key] = tuple(option.strip() for option in options)
            origin[key] = source
    return merged, origin
