"""What the fake Bot API records: calls, sent messages, edits, stored files.

Plain dataclasses so tests can assert on them directly; nothing here talks HTTP.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

# Methods that create a message in a chat: rate limited, counted in stats["sent"],
# and the default target of random_faults().
MESSAGE_METHODS = frozenset(
    {"sendmessage", "sendphoto", "senddocument", "sendanimation", "copymessage",
     "forwardmessage"}
)
EDIT_METHODS = frozenset({"editmessagetext", "editmessagereplymarkup", "editmessagecaption"})
# Methods that fail with 403 when the target chat's user blocked the bot.
CHAT_METHODS = MESSAGE_METHODS | EDIT_METHODS | {"sendchataction", "deletemessage"}

BLOCKED = "Forbidden: bot was blocked by the user"
NOT_FOUND_METHOD = "Not Found: method not found"
RESET = 0  # Call.status when no HTTP answer was given (connection reset or client gone)


class ApiError(Exception):
    """A Telegram error answer: HTTP status, description and optional retry_after."""

    def __init__(self, status: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after

    def payload(self) -> dict[str, Any]:
        """The JSON body Telegram sends for this error."""
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.status,
            "description": self.description,
        }
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def bad_request(detail: str) -> ApiError:
    """A 400 with Telegram's "Bad Request: " prefix."""
    return ApiError(400, f"Bad Request: {detail}")


@dataclass
class Call:
    """One HTTP request to the fake, as it arrived, and the status it got.

    ``status`` is 0 while the request is in flight and when no answer was sent
    (an injected connection reset, or the client hung up first).
    """

    method: str
    params: dict[str, Any]
    files: dict[str, bytes]
    time: float
    status: int = RESET
    description: str | None = None


@dataclass
class Edit:
    """One accepted edit of a bot message (its content after the edit)."""

    method: str
    text: str | None
    reply_markup: dict[str, Any] | None
    parse_mode: str | None
    time: float


class HasMarkup(Protocol):
    """Anything with a reply_markup: a SentMessage or an Edit."""

    reply_markup: dict[str, Any] | None


def buttons(msg: HasMarkup) -> list[tuple[str, str]]:
    """Inline buttons as (text, callback_data), row by row.

    Buttons without callback_data give their url (or "" for other kinds), so a
    link button still shows up in the list.
    """
    markup = msg.reply_markup or {}
    out: list[tuple[str, str]] = []
    for row in markup.get("inline_keyboard") or []:
        for button in row:
            data = button.get("callback_data", button.get("url", ""))
            out.append((str(button.get("text", "")), str(data)))
    return out


@dataclass
class SentMessage:
    """A message the bot sent, with its current content and every edit since.

    ``text`` holds the text or caption exactly as the bot sent it (HTML tags
    included); ``plain`` is what the user sees.
    """

    message_id: int
    chat_id: int
    method: str
    text: str | None
    reply_markup: dict[str, Any] | None
    parse_mode: str | None
    date: int
    time: float
    plain: str | None = None
    photo_file_id: str | None = None
    photo_bytes: bytes | None = None
    document_file_id: str | None = None
    document_name: str | None = None
    document_bytes: bytes | None = None
    animation_file_id: str | None = None
    animation_bytes: bytes | None = None
    file_reused: bool = False
    reply_to_message_id: int | None = None
    edits: list[Edit] = field(default_factory=list)
    deleted: bool = False
    params: dict[str, Any] = field(default_factory=dict, repr=False)
    edit_cursor: int = field(default=0, repr=False)

    @property
    def buttons(self) -> list[tuple[str, str]]:
        """Inline buttons as (text, callback_data)."""
        return buttons(self)


@dataclass
class FileEntry:
    """A file Telegram "stores": uploaded by the bot or sent by a user."""

    file_id: str
    file_unique_id: str
    kind: str  # photo | document | animation | voice | sticker
    data: bytes
    name: str | None = None
    mime_type: str | None = None
    path: str = ""
    payload: Any = None  # what a Message carries: a document dict or a photo size list


@dataclass
class Upload:
    """One multipart file part of a request."""

    filename: str | None
    data: bytes
    content_type: str | None = None


Params = dict[str, Any]  # a request's decoded (non-file) parameters
Files = dict[str, Upload]  # a request's multipart file parts, by field name


@dataclass
class ChatLog:
    """Everything in one chat: the bot's messages (in order) and the users' messages."""

    messages: list[SentMessage] = field(default_factory=list)
    by_id: dict[int, SentMessage] = field(default_factory=dict)
    user_messages: dict[int, dict[str, Any]] = field(default_factory=dict)
    next_id: int = 1
    cursor: int = 0  # next_message() position

    def new_id(self) -> int:
        """Message ids are shared by the bot and the user in a chat, as in Telegram."""
        self.next_id += 1
        return self.next_id - 1
