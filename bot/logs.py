"""Logging set-up that can never leak the bot token.

``httpx`` logs request URLs at INFO, and Bot API URLs contain the token. We turn the
HTTP libraries down to WARNING and, as a second wall, every formatted line passes
through a redactor that replaces the token (and anything shaped like one).
"""

from __future__ import annotations

import logging
import re
import sys
from typing import TextIO

_TOKEN_SHAPE = re.compile(r"\b\d{5,12}:[A-Za-z0-9_-]{20,}\b")
QUIET_LOGGERS = ("httpx", "httpcore", "apscheduler", "hpack", "tornado.access")


class RedactingFormatter(logging.Formatter):
    """A formatter whose output never contains the secrets it was given."""

    def __init__(self, fmt: str, secrets: tuple[str, ...] = ()) -> None:
        super().__init__(fmt)
        self._secrets = tuple(s for s in secrets if s)

    def redact(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, "[redacted]")
        return _TOKEN_SHAPE.sub("[redacted-token]", text)

    def format(self, record: logging.LogRecord) -> str:
        return self.redact(super().format(record))


class WithholdUpdateData(logging.Filter):
    """PTB logs the raw updates it could not parse (people's messages) at CRITICAL:
    keep the line, drop the content."""

    def filter(self, record: logging.LogRecord) -> bool:
        if str(record.msg).startswith("Error while parsing updates!"):
            data = record.args[0] if isinstance(record.args, tuple) and record.args else None
            record.msg = "Error while parsing updates! (%d updates; content withheld)"
            record.args = (len(data) if isinstance(data, list) else 0,)
        return True


def setup_logging(level: str, secrets: tuple[str, ...] = (), stream: TextIO | None = None) -> None:
    """Configure the root logger once: one stream handler, redacted, libraries quiet."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.setFormatter(
        RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s", secrets)
    )
    handler.addFilter(WithholdUpdateData())
    root = logging.getLogger()
    for old in list(root.handlers):
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    for name in QUIET_LOGGERS:
        logging.getLogger(name).setLevel(logging.WARNING)
