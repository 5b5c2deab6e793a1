"""Logging set-up that can never leak the bot token, nor, at DEBUG, what people wrote.

``httpx`` logs request URLs at INFO, and Bot API URLs contain the token: the HTTP
libraries stay at WARNING whatever the level. python-telegram-bot logs whole updates
and every API call's parameters and answer at DEBUG (names, usernames, ids, message
text): its loggers stay at INFO unless ``third_party_debug`` asks for more.

As a second wall, every formatted line passes through a redactor that replaces the
token (and anything shaped like one), and so does everything Python itself prints to
stderr about an error: uncaught exceptions, exceptions in threads and in ``__del__``,
warnings, and a log call that failed. PTB puts the whole token in ``InvalidToken``.
"""

from __future__ import annotations

import io
import logging
import re
import sys
import threading
from collections.abc import Callable
from typing import Any, TextIO

_TOKEN_SHAPE = re.compile(r"\b\d{5,12}:[A-Za-z0-9_-]{20,}\b")
#: Log the URL with the token in it (at INFO), or whole requests (at DEBUG): never lower.
ALWAYS_QUIET = ("httpx", "httpcore")
#: Noisy at DEBUG and INFO; WARNING unless third-party debugging is asked for.
NOISY = ("apscheduler", "hpack", "tornado.access", "aiohttp.access")
#: Log updates and API calls with people's names and messages at DEBUG: INFO at least.
PERSONAL_AT_DEBUG = ("telegram",)
#: Every logger whose level ``setup_logging`` sets (tests restore them afterwards).
QUIET_LOGGERS = ALWAYS_QUIET + NOISY + PERSONAL_AT_DEBUG


class Redactor:
    """Replaces the secrets it was given, and anything shaped like a bot token."""

    def __init__(self, secrets: tuple[str, ...] = ()) -> None:
        found: list[str] = []
        for secret in secrets:
            if not secret:
                continue
            found.append(secret)
            # The part after the colon is the secret one: catch it alone too (a URL
            # with the colon encoded, a token cut at the colon).
            tail = secret.partition(":")[2]
            if len(tail) >= 8:
                found.append(tail)
        self.secrets = tuple(sorted(set(found), key=len, reverse=True))

    def __call__(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "[redacted]")
        return _TOKEN_SHAPE.sub("[redacted-token]", text)


class RedactingFormatter(logging.Formatter):
    """A formatter whose output never contains the secrets it was given.

    The traceback and stack text it formats are cached on the record, where any other
    handler would print them as they are: those are redacted too.
    """

    def __init__(self, fmt: str, secrets: tuple[str, ...] = ()) -> None:
        super().__init__(fmt)
        self.redact = Redactor(secrets)

    def format(self, record: logging.LogRecord) -> str:
        if record.exc_info and not record.exc_text:
            record.exc_text = self.redact(self.formatException(record.exc_info))
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return self.redact(super().format(record))


class RedactingHandler(logging.StreamHandler[TextIO]):
    """A stream handler whose report of a failed log call (to stderr) is redacted too."""

    def __init__(self, stream: TextIO, redact: Redactor) -> None:
        super().__init__(stream)
        self._redact = redact

    def handleError(self, record: logging.LogRecord) -> None:
        _redacted_stderr(self._redact, super().handleError, record)


class WithholdUpdateData(logging.Filter):
    """PTB logs the raw updates it could not parse (people's messages) at CRITICAL:
    keep the line, drop the content."""

    def filter(self, record: logging.LogRecord) -> bool:
        if str(record.msg).startswith("Error while parsing updates!"):
            data = record.args[0] if isinstance(record.args, tuple) and record.args else None
            record.msg = "Error while parsing updates! (%d updates; content withheld)"
            record.args = (len(data) if isinstance(data, list) else 0,)
        return True


def setup_logging(
    level: str,
    secrets: tuple[str, ...] = (),
    stream: TextIO | None = None,
    *,
    third_party_debug: bool = False,
) -> None:
    """Configure the root logger once: one stream handler, redacted, libraries quiet.

    Also makes what Python prints to stderr about errors go through the same redactor.
    """
    redact = Redactor(secrets)
    handler = RedactingHandler(stream or sys.stderr, redact)
    handler.setFormatter(
        RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", secrets)
    )
    handler.addFilter(WithholdUpdateData())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    chosen = logging.getLevelName(level)
    for name in ALWAYS_QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
    for name in NOISY:
        logging.getLogger(name).setLevel(chosen if third_party_debug else logging.WARNING)
    for name in PERSONAL_AT_DEBUG:
        floor = chosen if third_party_debug else max(chosen, logging.INFO)
        logging.getLogger(name).setLevel(floor)
    logging.captureWarnings(True)  # warnings become log lines, redacted like the rest
    redact_stderr(redact)


# --- stderr outside logging ----------------------------------------------------------------

_stderr_redactor = Redactor()


def redact_stderr(redact: Redactor) -> None:
    """Route Python's own error reports on stderr through ``redact``.

    Each hook still formats as before (into a buffer); only the text is redacted. The
    hooks are wrapped once; later calls only change the redactor.
    """
    global _stderr_redactor
    _stderr_redactor = redact
    if not getattr(sys.excepthook, "_redacting", False):
        sys.excepthook = _wrap(sys.excepthook)
    if not getattr(sys.unraisablehook, "_redacting", False):
        sys.unraisablehook = _wrap(sys.unraisablehook)
    if not getattr(threading.excepthook, "_redacting", False):
        threading.excepthook = _wrap(threading.excepthook)


def _wrap(hook: Callable[..., Any]) -> Callable[..., Any]:
    def redacting_hook(*args: Any) -> None:
        _redacted_stderr(_stderr_redactor, hook, *args)

    redacting_hook._redacting = True  # type: ignore[attr-defined]
    return redacting_hook


def _redacted_stderr(redact: Redactor, report: Callable[..., Any], *args: Any) -> None:
    """Run ``report`` with stderr captured, then write what it printed, redacted."""
    real = sys.stderr
    buffer = io.StringIO()
    sys.stderr = buffer
    try:
        report(*args)
    finally:
        sys.stderr = real
    text = buffer.getvalue()
    if text and real is not None:
        real.write(redact(text))
        real.flush()
