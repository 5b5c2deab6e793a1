"""Which message keys the code asks for, so a deleted or misspelt key fails at start-up.

Clinicians edit content/messages/*.yaml; a key the code uses but the files lack would
otherwise only fail when a patient reaches that message. The keys are read from the
source (every call of ``text`` with a literal key), so the list never goes stale.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

_CALL = re.compile(r"""\btext\(\s*["']([a-z][a-z0-9_]*)["']""")
_ROOT = Path(__file__).resolve().parents[2]
_PACKAGES = ("bot", "handlers")


@cache
def used_message_keys() -> dict[str, str]:
    """Every literal key passed to ``text(...)``, with the first file that uses it."""
    used: dict[str, str] = {}
    for package in _PACKAGES:
        for path in sorted((_ROOT / package).rglob("*.py")):
            for key in _CALL.findall(path.read_text(encoding="utf-8")):
                used.setdefault(key, path.relative_to(_ROOT).as_posix())
    return used
