"""What users do: each method builds the update Telegram would send and queues it.

Updates are plain dicts in Bot API shape, with the fields PTB needs to parse them.
Every method returns the new update_id.
"""

from __future__ import annotations

import datetime as dtm
import itertools
import time
from typing import Any

from .api import BotApi
from .serialize import SUPERGROUP_BASE
from .updates import UpdateQueue

_PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + (640).to_bytes(4, "big") + (480).to_bytes(
    4, "big"
)
_query_ids = itertools.count(4_000_000_000_000_000_001)


def _timestamp(date: int | float | dtm.datetime | None) -> int:
    if date is None:
        return int(time.time())
    if isinstance(date, dtm.datetime):
        return int(date.timestamp())
    return int(date)


def command_entities(text: str) -> list[dict[str, Any]]:
    """A bot_command entity for a leading /command, as Telegram adds."""
    if not text.startswith("/") or len(text) < 2:
        return []
    word = text.split(maxsplit=1)[0]
    return [{"type": "bot_command", "offset": 0, "length": len(word)}]


class UserActions:
    """Injection API mixed into FakeTelegram."""

    api: BotApi
    updates: UpdateQueue

    # ---- raw -------------------------------------------------------------------------

    def inject(self, update: dict[str, Any]) -> int:
        """Queue a raw update; an update_id is assigned if it has none."""
        return self.updates.add(update)

    def redeliver(self, update_id: int) -> None:
        """Send an already confirmed update again with the same id (a crash replay)."""
        self.updates.redeliver(update_id)

    # ---- messages --------------------------------------------------------------------

    def user_sends(
        self,
        user_id: int,
        text: str,
        *,
        chat_type: str = "private",
        chat_id: int | None = None,
        first_name: str | None = None,
        username: str | None = None,
        date: int | dtm.datetime | None = None,
        reply_to: int | None = None,
    ) -> int:
        """A text message; a leading /command gets its bot_command entity.

        ``first_name`` defaults to the name the user had before, else "Pat".
        ``reply_to`` is the id of a message in the same chat being replied to.
        """
        content: dict[str, Any] = {"text": text}
        entities = command_entities(text)
        if entities:
            content["entities"] = entities
        msg = self._user_message(
            user_id, chat_id, chat_type, content, first_name, username, date, reply_to
        )
        return self.inject({"message": msg})

    def user_shares_location(self, user_id: int, latitude: float, longitude: float) -> int:
        """A shared location (for time zone lookup)."""
        content = {"location": {"latitude": latitude, "longitude": longitude}}
        return self.inject({"message": self._user_message(user_id, content=content)})

    def user_sends_sticker(self, user_id: int, emoji: str = "👍") -> int:
        """A regular static sticker."""
        entry = self.api.new_file("sticker", b"RIFF....WEBP", None, "image/webp")
        sticker = {
            **entry.payload,
            "type": "regular",
            "width": 512,
            "height": 512,
            "is_animated": False,
            "is_video": False,
            "emoji": emoji,
        }
        return self.inject({"message": self._user_message(user_id, content={"sticker": sticker})})

    def user_sends_photo(
        self, user_id: int, *, caption: str | None = None, data: bytes = _PNG_HEADER
    ) -> int:
        """A photo (two sizes), optionally with a caption."""
        entry = self.api.new_file("photo", data, None, "image/jpeg")
        content: dict[str, Any] = {"photo": entry.payload}
        if caption:
            content["caption"] = caption
        return self.inject({"message": self._user_message(user_id, content=content)})

    def user_sends_voice(self, user_id: int, *, duration: int = 3, data: bytes = b"OggS") -> int:
        """A voice note."""
        entry = self.api.new_file("voice", data, None, "audio/ogg")
        voice = {**entry.payload, "duration": duration, "mime_type": "audio/ogg"}
        return self.inject({"message": self._user_message(user_id, content={"voice": voice})})

    def user_sends_document(
        self, user_id: int, *, file_name: str = "notes.txt", data: bytes = b"hello"
    ) -> int:
        """A document."""
        entry = self.api.new_file("document", data, file_name, "text/plain")
        content = {"document": entry.payload}
        return self.inject({"message": self._user_message(user_id, content=content)})

    def user_edits(self, user_id: int, message_id: int, new_text: str) -> int:
        """The user edits one of their earlier messages in the private chat."""
        log = self.api.chat(user_id)
        original = log.user_messages.get(message_id)
        if original is None:
            raise LookupError(f"user {user_id} sent no message {message_id}")
        edited = {k: v for k, v in original.items() if k not in ("entities", "text")}
        edited["text"] = new_text
        edited["edit_date"] = int(time.time())
        entities = command_entities(new_text)
        if entities:
            edited["entities"] = entities
        log.user_messages[message_id] = edited
        return self.inject({"edited_message": edited})

    def channel_post(self, chat_id: int, text: str) -> int:
        """A post in a channel the bot is in."""
        chat = {"id": chat_id, "type": "channel", "title": "Channel"}
        self.api.chat_info[chat_id] = chat
        log = self.api.chat(chat_id)
        message_id = log.new_id()
        post = {
            "message_id": message_id,
            "date": int(time.time()),
            "chat": chat,
            "sender_chat": chat,
            "text": text,
        }
        log.user_messages[message_id] = post
        return self.inject({"channel_post": post})

    # ---- buttons and membership ------------------------------------------------------

    def user_taps(
        self, user_id: int, data: str, *, message_id: int | None = None, chat_id: int | None = None
    ) -> int:
        """A tap on an inline button of a bot message.

        Default message: the latest undeleted bot message in the chat that has an
        inline keyboard. ``data`` is sent as given, so stale or forged data can be
        tested; answer it with answerCallbackQuery (once, as in Telegram).
        """
        chat_id = user_id if chat_id is None else chat_id
        log = self.api.chats.get(chat_id)
        msg = None
        if log is not None and message_id is not None:
            msg = log.by_id.get(message_id)
        elif log is not None:
            msg = next(
                (m for m in reversed(log.messages) if m.buttons and not m.deleted), None
            )
        if msg is None:
            raise LookupError(f"no bot message to tap in chat {chat_id} (id {message_id})")
        query_id = str(next(_query_ids))
        self.api.callback_answers[query_id] = None
        query = {
            "id": query_id,
            "from": dict(self.api.user_dict(user_id)),
            "message": self.api.message_dict(msg),
            "chat_instance": str(abs(chat_id) * 7 + 1),
            "data": data,
        }
        return self.inject({"callback_query": query})

    def my_chat_member(self, user_id: int, status: str = "kicked") -> int:
        """The user blocks ("kicked") or restarts ("member") the bot in their private chat.

        Also blocks or unblocks sends to that chat, as Telegram would.
        """
        if status == "kicked":
            self.api.blocked.add(user_id)
        elif status == "member":
            self.api.blocked.discard(user_id)
        old = "member" if status == "kicked" else "kicked"
        event = {
            "chat": self.api.chat_dict(user_id),
            "from": self.api.user_dict(user_id),
            "date": int(time.time()),
            "old_chat_member": self._member(old),
            "new_chat_member": self._member(status),
        }
        return self.inject({"my_chat_member": event})

    # ---- helpers ---------------------------------------------------------------------

    def _member(self, status: str) -> dict[str, Any]:
        member: dict[str, Any] = {"user": self.api.bot_user, "status": status}
        if status == "kicked":
            member["until_date"] = 0
        return member

    def _user_message(
        self,
        user_id: int,
        chat_id: int | None = None,
        chat_type: str = "private",
        content: dict[str, Any] | None = None,
        first_name: str | None = None,
        username: str | None = None,
        date: int | dtm.datetime | None = None,
        reply_to: int | None = None,
    ) -> dict[str, Any]:
        user = self.api.user_dict(user_id)
        if first_name:
            user["first_name"] = first_name
        if username:
            user["username"] = username
        if chat_id is None:
            chat_id = user_id if chat_type == "private" else SUPERGROUP_BASE - user_id
        if chat_type == "private":
            self.api.chat_info.pop(chat_id, None)  # rebuilt from the user's current name
        elif chat_id not in self.api.chat_info:
            self.api.chat_info[chat_id] = {"id": chat_id, "type": chat_type, "title": "Group"}
        log = self.api.chat(chat_id)
        msg: dict[str, Any] = {
            "message_id": log.new_id(),
            "date": _timestamp(date),
            "chat": self.api.chat_dict(chat_id),
            "from": dict(user),
            **(content or {}),
        }
        if reply_to is not None:
            target = log.by_id.get(reply_to)
            replied = self.api.message_dict(target) if target else log.user_messages.get(reply_to)
            if replied is None:
                raise LookupError(f"no message {reply_to} in chat {chat_id} to reply to")
            msg["reply_to_message"] = replied
        log.user_messages[msg["message_id"]] = msg
        return msg
