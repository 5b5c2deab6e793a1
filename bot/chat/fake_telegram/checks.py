"""Telegram's input rules: parameter decoding, text limits, markup and HTML checks.

The fake is only useful if it rejects what Telegram rejects, so these follow the
Bot API's documented limits and error texts.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Mapping
from typing import Any

from .models import ApiError, bad_request

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_DATA = 64  # bytes, UTF-8
MAX_BUTTONS = 100

JSON_KEYS = frozenset(
    {
        "reply_markup", "allowed_updates", "commands", "scope", "menu_button", "entities",
        "caption_entities", "link_preview_options", "reply_parameters", "media",
    }
)  # fmt: skip
INT_KEYS = frozenset(
    {
        "chat_id", "from_chat_id", "message_id", "user_id", "offset", "limit",
        "reply_to_message_id", "message_thread_id", "cache_time", "max_connections",
    }
)  # fmt: skip
FLOAT_KEYS = frozenset({"timeout", "latitude", "longitude"})
BOOL_KEYS = frozenset(
    {
        "disable_notification", "protect_content", "show_alert", "drop_pending_updates",
        "disable_web_page_preview", "allow_sending_without_reply", "has_spoiler",
        "disable_content_type_detection", "revoke_messages", "only_if_banned",
    }
)  # fmt: skip

HTML_TAGS = frozenset(
    {
        "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "a", "code", "pre",
        "span", "tg-spoiler", "tg-emoji", "blockquote",
    }
)  # fmt: skip
_TAG = re.compile(r"<(/?)([^\s<>/]*)[^<>]*>")
_MD_NEVER_BARE = frozenset("#+-={}.!")
_URL_SCHEMES = ("http://", "https://", "tg://")


def normalize(raw: Mapping[str, Any]) -> dict[str, Any]:
    """Decode form values (always strings) into what a JSON body would carry."""
    out: dict[str, Any] = {}
    for key, value in raw.items():
        if isinstance(value, str):
            if key in JSON_KEYS:
                value = _loads(key, value)
            elif key in INT_KEYS and value.lstrip("-").isdigit():
                value = int(value)
            elif key in FLOAT_KEYS:
                value = _float(key, value)
            elif key in BOOL_KEYS and value in ("true", "false"):
                value = value == "true"
        out[key] = value
    return out


def _loads(key: str, value: str) -> Any:
    try:
        return json.loads(value)
    except ValueError:
        if key == "reply_markup":
            raise bad_request("can't parse reply keyboard markup JSON object") from None
        raise bad_request(f"can't parse {key} JSON object") from None


def _float(key: str, value: str) -> float:
    try:
        return float(value)
    except ValueError:
        raise bad_request(f"invalid {key} specified") from None


def plain_text(text: str, parse_mode: str | None) -> str:
    """Check the markup of ``text`` and return what the user will see.

    Raises 400 "can't parse entities" for markup Telegram would refuse.
    """
    mode = (parse_mode or "").lower()
    if mode == "html":
        return _check_html(text)
    if mode == "markdownv2":
        return _check_markdown_v2(text)
    return text


def check_text(text: Any, parse_mode: str | None) -> str:
    """Message text: 1–4096 characters after entity parsing."""
    if not isinstance(text, str) or not text.strip():
        raise bad_request("message text is empty")
    plain = plain_text(text, parse_mode)
    if not plain.strip():
        raise bad_request("message text is empty")
    if len(plain) > MAX_TEXT:
        raise bad_request("message is too long")
    return plain


def check_caption(caption: Any, parse_mode: str | None) -> str | None:
    """Captions are optional and at most 1024 characters after entity parsing."""
    if caption is None or caption == "":
        return None
    plain = plain_text(str(caption), parse_mode)
    if len(plain) > MAX_CAPTION:
        raise bad_request("message caption is too long")
    return plain


def _entity_error(text: str, index: int, detail: str) -> ApiError:
    offset = len(text[:index].encode("utf-8"))
    return bad_request(f"can't parse entities: {detail} at byte offset {offset}")


def _check_html(text: str) -> str:
    """Balanced, supported tags only (what Telegram's HTML parser accepts)."""
    stack: list[str] = []
    parts: list[str] = []
    pos = 0
    while (start := text.find("<", pos)) != -1:
        parts.append(text[pos:start])
        match = _TAG.match(text, start)
        if match is None:
            raise _entity_error(text, start, "Unclosed start tag")
        closing, name = match.group(1) == "/", match.group(2).lower()
        if not closing and name not in HTML_TAGS:
            raise _entity_error(text, start, f'Unsupported start tag "{name}"')
        if closing:
            if not stack:
                raise _entity_error(text, start, "Unexpected end tag")
            if stack[-1] != name:
                raise _entity_error(
                    text, start, f'Unmatched end tag, expected "</{stack[-1]}>", found "</{name}>"'
                )
            stack.pop()
        else:
            stack.append(name)
        pos = match.end()
    if stack:
        raise bad_request(
            f'can\'t parse entities: Can\'t find end tag corresponding to start tag "{stack[-1]}"'
        )
    parts.append(text[pos:])
    return html.unescape("".join(parts))


def _check_markdown_v2(text: str) -> str:
    """Reserved characters must be escaped outside code; returns the text without markup."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\\" and i + 1 < n:
            out.append(text[i + 1])
            i += 2
            continue
        if ch == "`":
            fence = "```" if text.startswith("```", i) else "`"
            end = text.find(fence, i + len(fence))
            if end == -1:
                raise _entity_error(text, i, "Can't find end of Pre entity")
            out.append(text[i + len(fence) : end])
            i = end + len(fence)
            continue
        if ch == "(" and i > 0 and text[i - 1] == "]":
            end = text.find(")", i)
            if end == -1:
                raise _entity_error(text, i, "Can't find end of a URL")
            i = end + 1
            continue
        if ch in _MD_NEVER_BARE or ch in "()":
            detail = f"Character '{ch}' is reserved and must be escaped with the preceding '\\'"
            raise _entity_error(text, i, detail)
        if ch not in "*_~|[]>":
            out.append(ch)
        i += 1
    return "".join(out)


def check_reply_markup(markup: Any) -> dict[str, Any] | None:
    """Validate a decoded reply_markup; keep it only if it is an inline keyboard.

    Telegram echoes inline keyboards in the returned Message and nothing else.
    """
    if markup is None:
        return None
    if not isinstance(markup, dict):
        raise bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" in markup:
        _check_inline_keyboard(markup["inline_keyboard"])
        return markup
    if "keyboard" in markup:
        rows = markup["keyboard"]
        if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
            raise bad_request('field "keyboard" of the ReplyKeyboardMarkup must be an Array')
        for row in rows:
            for button in row:
                label = button.get("text") if isinstance(button, dict) else button
                if not isinstance(label, str) or not label:
                    raise bad_request("can't parse keyboard button: Text must be non-empty")
        return None
    if markup.get("remove_keyboard") or markup.get("force_reply"):
        return None
    raise bad_request("can't parse reply keyboard markup JSON object")


def _check_inline_keyboard(rows: Any) -> None:
    if not isinstance(rows, list) or not all(isinstance(r, list) for r in rows):
        raise bad_request(
            'field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays'
        )
    if sum(len(r) for r in rows) > MAX_BUTTONS:
        raise bad_request("reply markup is too long")
    for row in rows:
        for button in row:
            if not isinstance(button, dict) or not isinstance(button.get("text"), str):
                raise bad_request(
                    'can\'t parse inline keyboard button: Field "text" must be of type String'
                )
            if "callback_data" in button:
                data = button["callback_data"]
                size = len(data.encode("utf-8")) if isinstance(data, str) else 0
                if not 1 <= size <= MAX_CALLBACK_DATA:
                    raise bad_request("BUTTON_DATA_INVALID")
            elif "url" in button:
                url = button["url"]
                if not isinstance(url, str) or not url.startswith(_URL_SCHEMES):
                    raise bad_request(f"inline keyboard button URL '{url}' is invalid")
            elif len(button) == 1:
                raise bad_request(
                    "can't parse inline keyboard button: "
                    "Text buttons are unallowed in the inline keyboard"
                )
