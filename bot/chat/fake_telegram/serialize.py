"""Users, chats and bot messages as the JSON objects Telegram sends.

Plain functions over ``BotApi``'s state, so the API methods only decide what happens
and these decide how it looks on the wire.
"""

from __future__ import annotations

import time
from typing import Any

from .models import FileEntry, SentMessage

SUPERGROUP_BASE = -1_000_000_000_000


def user_dict(users: dict[int, dict[str, Any]], user_id: int) -> dict[str, Any]:
    """A user as Telegram describes them (first seen name, or "Pat"), created on first use."""
    user = users.get(user_id)
    if user is None:
        user = users[user_id] = {"id": user_id, "is_bot": False, "first_name": "Pat"}
    return user


def chat_dict(
    chat_info: dict[int, dict[str, Any]], users: dict[int, dict[str, Any]], chat_id: int
) -> dict[str, Any]:
    """A Chat object: what an injection said, else guessed from the id's sign (and cached)."""
    info = chat_info.get(chat_id)
    if info is not None:
        return info
    if chat_id > 0:
        user = user_dict(users, chat_id)
        info = {"id": chat_id, "type": "private", "first_name": user["first_name"]}
        if "username" in user:
            info["username"] = user["username"]
    elif chat_id <= SUPERGROUP_BASE:
        info = {"id": chat_id, "type": "supergroup", "title": "Group"}
    else:
        info = {"id": chat_id, "type": "group", "title": "Group"}
    chat_info[chat_id] = info
    return info


def message_dict(
    msg: SentMessage,
    chat: dict[str, Any],
    bot_user: dict[str, Any],
    files: dict[str, FileEntry],
) -> dict[str, Any]:
    """The Message object Telegram returns for a bot message in ``chat``."""
    out: dict[str, Any] = {"message_id": msg.message_id, "date": msg.date, "chat": chat}
    if chat["type"] == "channel":
        out["sender_chat"] = chat
    else:
        out["from"] = bot_user
    file_id = msg.photo_file_id or msg.document_file_id or msg.animation_file_id
    if file_id is not None:
        entry = files[file_id]
        out[entry.kind] = entry.payload
        if msg.plain:
            out["caption"] = msg.plain
    elif msg.plain is not None:
        out["text"] = msg.plain
    if msg.reply_markup:
        out["reply_markup"] = msg.reply_markup
    if msg.edits:
        out["edit_date"] = int(time.time())
    return out
