"""Once logging is set up, the token is masked in every exception text that reaches a log
line or stderr: uncaught exceptions, exceptions in threads and in ``__del__``, a log
call that fails, a warning, and a traceback cached on a log record."""

from __future__ import annotations

import io
import logging
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from bot.logs import RedactingFormatter

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "5550001234:" + "AAEredaction_Test-Token_Value_0123456"  # fake; split for scanners
ODD = "77:" + "odd-Shaped_token_value_QX7"  # not token-shaped: only the exact secret matches

PRELUDE = f"""
import logging, sys, threading, warnings
from bot.logs import setup_logging
TOKEN, ODD = {TOKEN!r}, {ODD!r}
setup_logging("INFO", (TOKEN, ODD))
"""

CASES = {
    "uncaught": (
        "raise RuntimeError(f'The token `{TOKEN}` ({ODD}) was rejected by the server.')",
        "RuntimeError",
    ),
    "chained": (
        "try:\n"
        "    raise KeyError(TOKEN)\n"
        "except KeyError as exc:\n"
        "    raise ValueError(f'again {ODD}') from exc",
        "KeyError",
    ),
    "in-a-thread": (
        "def boom():\n"
        "    raise RuntimeError(TOKEN + ' ' + ODD)\n"
        "t = threading.Thread(target=boom)\n"
        "t.start()\n"
        "t.join()",
        "Exception in thread",
    ),
    "unraisable": (
        "class Leaky:\n"
        "    def __del__(self):\n"
        "        raise RuntimeError(TOKEN + ' ' + ODD)\n"
        "Leaky()",
        "Exception ignored in",
    ),
    "bad-log-call": (
        "logging.getLogger('x').error('%d and %d', TOKEN, ODD)",
        "Logging error",
    ),
    "warning": (
        "warnings.warn(f'token {TOKEN} {ODD}', stacklevel=1)",
        "UserWarning",
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_exception_text_on_stderr_has_no_token(case: str) -> None:
    body, sign = CASES[case]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(PRELUDE) + body],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, check=False,
    )
    output = result.stdout + result.stderr
    assert sign in result.stderr, output  # the error itself is still reported
    assert "[redacted" in result.stderr, output
    for secret in (TOKEN, ODD, TOKEN.split(":")[1], ODD.split(":")[1]):
        assert secret not in output, output


def test_traceback_cached_on_a_record_is_redacted_for_every_handler() -> None:
    """Formatter.format caches the traceback text on the record; a second handler
    (pytest's, a library's) prints that cached text as it is."""
    try:
        raise RuntimeError(f"The token `{TOKEN}` was rejected by the server.")
    except RuntimeError:
        record = logging.getLogger("t").makeRecord(
            "t", logging.ERROR, __file__, 1, "Start-up failed", (), sys.exc_info(),
            sinfo="Stack (most recent call last):\n  token " + ODD,
        )
    ours = RedactingFormatter("%(message)s", (TOKEN, ODD)).format(record)
    other = io.StringIO()
    plain = logging.StreamHandler(other)
    plain.setFormatter(logging.Formatter("%(message)s"))
    plain.handle(record)
    for text in (ours, other.getvalue(), record.exc_text or ""):
        assert "RuntimeError" in text
        assert TOKEN not in text and TOKEN.split(":")[1] not in text
        assert ODD not in text
