"""A local fake of the Telegram Bot API over real HTTP (see ``server.FakeTelegram``)."""

from .faults import Faults, RateLimiter
from .models import Call, Edit, FileEntry, SentMessage, buttons
from .server import FakeTelegram

__all__ = [
    "Call",
    "Edit",
    "FakeTelegram",
    "Faults",
    "FileEntry",
    "RateLimiter",
    "SentMessage",
    "buttons",
]
