"""Check content/messages against the code: every key it looks up, every name it passes.

``bot.content.message_keys`` lists each place the code looks a message up and the
placeholder names it passes there. Against that list, a message is wrong if

- the code looks it up and no file has it (``session_ask_pain_before`` deleted), or
- one of its ``{placeholders}`` is not among the names passed at every place that looks it
  up (``safety_redflag_item: "• {lable}"``: ``str.format`` would raise), including a place
  that passes no values at all (the patient would see ``{name}`` as written), or
- it writes a literal ``{{`` or ``}}`` that a place without values would show doubled.

A message nothing looks up is only a warning (it may be there for code not yet written),
and so is code the scan could not follow (``tests/content`` refuses that, not the clinician
running check-content). Each mistake is one line: file, key, what is wrong, what to do.
"""

from __future__ import annotations

import difflib
import string
from collections.abc import Mapping
from pathlib import Path

from bot.content.errors import ContentError, Loc
from bot.content.message_keys import CodeKeys, Use
from bot.content.yaml_source import YamlSource, shown_path

#: Where a message's text lives: its key, and its position when it has several phrasings.
_Where = tuple[str, Loc]


def _placeholders(text: str) -> list[str]:
    """The ``{names}`` of one phrasing, in order, each once (the loader made sure they
    parse)."""
    names = [field for _, field, _, _ in string.Formatter().parse(text) if field]
    return list(dict.fromkeys(names))


def _shown(names: frozenset[str]) -> str:
    return ", ".join(f"{{{name}}}" for name in sorted(names))


def _how(use: Use) -> str:
    if use.family is None:
        return ""
    return f" as {use.family.template} (a family declared in bot/content/keys.py)"


def _unfilled(key: str, loc: Loc, text: str, uses: list[Use],
              source: YamlSource) -> ContentError | None:
    """The first place that looks ``key`` up without a name one of its placeholders needs."""
    wanted = _placeholders(text)
    for use in uses:
        if use.names is None:
            continue  # the scan reports it could not tell; nothing to hold against the text
        missing = [name for name in wanted if name not in use.names]
        if missing:
            listed = ", ".join(f"{{{name}}}" for name in missing)
            one = len(missing) == 1
            if not use.names:
                return source.error(loc, (
                    f"the code does not fill {listed}: {use.where}{_how(use)} passes no "
                    f"values, so the patient would see {listed} as written; remove "
                    f"{'it' if one else 'them'}"
                ))
            hint = ""
            close = difflib.get_close_matches(missing[0], sorted(use.names), n=1)
            if one and close:
                hint = f"; did you mean {{{close[0]}}}?"
            return source.error(loc, (
                f"the code does not fill {listed}: {use.where}{_how(use)} passes only "
                f"{_shown(use.names)}{hint}"
            ))
        if not use.names and ("{{" in text or "}}" in text):
            return source.error(loc, (
                f"{use.where}{_how(use)} passes no values, so a brace written {{{{ or }}}} "
                f"would reach the patient doubled; write the text without braces"
            ))
    return None


def _missing(directory: Path, key: str, uses: list[Use],
             origin: Mapping[str, YamlSource]) -> ContentError:
    use = uses[0]
    nearest = max(origin, key=lambda other: len(_common(other, key)), default=None)
    hint = ""
    if nearest is not None and len(_common(nearest, key)) >= key.find("_") + 1 > 0:
        hint = f" (such as {origin[nearest].shown}, next to {nearest})"
    expected = ""
    if use.names:
        expected = f"; the code fills {_shown(use.names)}"
    return ContentError(
        shown_path(directory, directory / "messages"), key,
        f"this message is missing, but {use.where} uses it{_how(use)}; add it to a file in "
        f"messages/{hint}{expected}",
    )


def _common(a: str, b: str) -> str:
    size = 0
    while size < min(len(a), len(b)) and a[size] == b[size]:
        size += 1
    return a[:size]


def check_messages(
    directory: Path,
    messages: Mapping[str, tuple[str, ...]],
    origin: Mapping[str, YamlSource],
    code: CodeKeys,
) -> tuple[list[ContentError], list[str]]:
    """The mistakes (each a ContentError) and the warnings (each one line) of the messages
    when the code is ``code``."""
    errors: list[ContentError] = []
    used = code.by_key()
    for key in sorted(used):
        uses = used[key]
        if key not in messages and not all(u.family and u.family.optional for u in uses):
            errors.append(_missing(directory, key, uses, origin))
    warnings: list[str] = []
    for key, texts in messages.items():
        source = origin[key]
        if key not in used:
            warnings.append(str(source.error(
                (key,), "the code never uses this message (a misspelt key? or remove it)"
            )))
            continue
        for pos, text in enumerate(texts):
            loc: Loc = (key,) if len(texts) == 1 else (key, pos)
            problem = _unfilled(key, loc, text, used[key], source)
            if problem is not None:
                errors.append(problem)
                break  # one line per message is enough to find it
    warnings += [
        f"{problem} (messages it looks up are not checked)" for problem in code.problems
    ]
    return errors, warnings
