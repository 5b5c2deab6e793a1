"""The Bot API methods the fake implements, over an in-memory world of chats and files.

Each method takes decoded parameters and uploaded files and returns the ``result``
Telegram would send, or raises ApiError with Telegram's error text.
"""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from typing import Any

from . import checks, serialize
from .files import FileMethods
from .models import ChatLog, Edit, FileEntry, Files, Params, SentMessage, bad_request
from .settings import SettingsMethods, scope_key
from .updates import UpdateQueue

Method = Callable[[Params, Files], Any]

NOT_MODIFIED = (
    "message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)
QUERY_TOO_OLD = "query is too old and response timeout expired or query ID is invalid"
CHAT_ACTIONS = frozenset(
    {
        "typing", "upload_photo", "record_video", "upload_video", "record_voice",
        "upload_voice", "upload_document", "choose_sticker", "find_location",
        "record_video_note", "upload_video_note",
    }
)  # fmt: skip


class BotApi(FileMethods, SettingsMethods):
    """State of the fake Telegram (chats, files, commands, webhook) and its methods."""

    def __init__(self, token: str, username: str, updates: UpdateQueue) -> None:
        self.token = token
        bot_id = token.split(":", 1)[0]
        self.bot_user: dict[str, Any] = {
            "id": int(bot_id) if bot_id.isdigit() else 123456,
            "is_bot": True,
            "first_name": "Fake Bot",
            "username": username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }
        self.updates = updates
        self.chats: dict[int, ChatLog] = {}
        self.chat_info: dict[int, dict[str, Any]] = {}
        self.users: dict[int, dict[str, Any]] = {}
        self.files: dict[str, FileEntry] = {}
        self.file_paths: dict[str, FileEntry] = {}
        self.callback_answers: dict[str, Params | None] = {}  # None: not answered yet
        self.commands: dict[tuple[str, str], list[dict[str, Any]]] = {}
        self.menu_buttons: dict[int | None, dict[str, Any]] = {}
        self.webhook: Params = {"url": ""}
        self.blocked: set[int] = set()
        self._file_seq = itertools.count(1)
        self.methods: dict[str, Method] = {
            "getme": lambda p, f: self.bot_user,
            "logout": lambda p, f: True,
            "close": lambda p, f: True,
            "setwebhook": self.set_webhook,
            "deletewebhook": self.delete_webhook,
            "getwebhookinfo": self.get_webhook_info,
            "sendmessage": self.send_message,
            "sendphoto": lambda p, f: self.send_file("photo", p, f),
            "sendanimation": lambda p, f: self.send_file("animation", p, f),
            "senddocument": lambda p, f: self.send_file("document", p, f),
            "copymessage": self.copy_message,
            "forwardmessage": self.forward_message,
            "editmessagetext": self.edit_message_text,
            "editmessagecaption": self.edit_message_caption,
            "editmessagereplymarkup": self.edit_message_reply_markup,
            "deletemessage": self.delete_message,
            "answercallbackquery": self.answer_callback_query,
            "sendchataction": self.send_chat_action,
            "setmycommands": self.set_my_commands,
            "getmycommands": lambda p, f: self.commands.get(scope_key(p), []),
            "deletemycommands": self.delete_my_commands,
            "setchatmenubutton": self.set_chat_menu_button,
            "getchatmenubutton": lambda p, f: self.menu_buttons.get(
                p.get("chat_id"), {"type": "default"}
            ),
            "getfile": self.get_file,
        }

    # ---- the world -------------------------------------------------------------------

    def chat(self, chat_id: int) -> ChatLog:
        """The log of one chat, created on first use."""
        log = self.chats.get(chat_id)
        if log is None:
            log = self.chats[chat_id] = ChatLog()
        return log

    def user_dict(self, user_id: int) -> dict[str, Any]:
        """A user as Telegram describes them (first seen name, or "Pat")."""
        return serialize.user_dict(self.users, user_id)

    def chat_dict(self, chat_id: int) -> dict[str, Any]:
        """A Chat object: what an injection said, else guessed from the id's sign."""
        return serialize.chat_dict(self.chat_info, self.users, chat_id)

    def message_dict(self, msg: SentMessage) -> dict[str, Any]:
        """The Message object Telegram returns for a bot message."""
        chat = self.chat_dict(msg.chat_id)
        return serialize.message_dict(msg, chat, self.bot_user, self.files)

    # ---- helpers ---------------------------------------------------------------------

    def _target(self, params: Params, key: str = "chat_id") -> int:
        chat_id = params.get(key)
        if chat_id is None or chat_id == "":
            raise bad_request(f"{key} is empty")
        if not isinstance(chat_id, int):
            raise bad_request("chat not found")
        return chat_id

    def _store(
        self, method: str, chat_id: int, params: Params, text: str | None, plain: str | None
    ) -> SentMessage:
        markup = checks.check_reply_markup(params.get("reply_markup"))
        log = self.chat(chat_id)
        reply = params.get("reply_parameters")
        reply = reply if isinstance(reply, dict) else {}
        reply_to = reply.get("message_id") or params.get("reply_to_message_id")
        lenient = reply.get("allow_sending_without_reply") or params.get(
            "allow_sending_without_reply"
        )
        missing = reply_to not in log.by_id and reply_to not in log.user_messages
        if reply_to is not None and missing and not lenient:
            raise bad_request("message to be replied not found")
        msg = SentMessage(
            message_id=log.new_id(),
            chat_id=chat_id,
            method=method,
            text=text,
            reply_markup=markup,
            parse_mode=params.get("parse_mode"),
            date=int(time.time()),
            time=time.monotonic(),
            plain=plain,
            reply_to_message_id=reply_to,
            params=params,
        )
        log.messages.append(msg)
        log.by_id[msg.message_id] = msg
        return msg

    def _editable(self, params: Params) -> SentMessage:
        if params.get("inline_message_id"):
            raise bad_request("inline messages are not supported by the fake")
        log = self.chats.get(self._target(params))
        message_id = params.get("message_id")
        msg = log.by_id.get(message_id) if log and isinstance(message_id, int) else None
        if msg is None or msg.deleted:
            if log and message_id in log.user_messages:
                raise bad_request("message can't be edited")
            raise bad_request("message to edit not found")
        return msg

    def _apply_edit(
        self, msg: SentMessage, method: str, text: str | None, plain: str | None, params: Params
    ) -> dict[str, Any]:
        markup = checks.check_reply_markup(params.get("reply_markup"))
        parse_mode = params.get("parse_mode")
        # Telegram compares what the user would see: text, its formatting, the keyboard.
        if (text, plain, markup) == (msg.text, msg.plain, msg.reply_markup):
            raise bad_request(NOT_MODIFIED)
        msg.text, msg.plain, msg.parse_mode, msg.reply_markup = text, plain, parse_mode, markup
        msg.edits.append(Edit(method, text, markup, parse_mode, time.monotonic()))
        return self.message_dict(msg)

    # ---- methods ---------------------------------------------------------------------

    def send_message(self, params: Params, files: Files) -> dict[str, Any]:
        chat_id = self._target(params)
        text = params.get("text")
        plain = checks.check_text(text, params.get("parse_mode"))
        return self.message_dict(self._store("sendMessage", chat_id, params, text, plain))

    def send_file(self, kind: str, params: Params, files: Files) -> dict[str, Any]:
        """sendPhoto / sendDocument / sendAnimation: a new upload, a known file_id, or an
        HTTP URL."""
        chat_id = self._target(params)
        caption = params.get("caption")
        plain = checks.check_caption(caption, params.get("parse_mode"))
        checks.check_reply_markup(params.get("reply_markup"))  # before a file is stored
        entry, reused = self._file_to_send(kind, params, files)
        method = {"photo": "sendPhoto", "animation": "sendAnimation"}.get(kind, "sendDocument")
        msg = self._store(method, chat_id, params, caption or None, plain)
        msg.file_reused = reused
        if kind == "photo":
            msg.photo_file_id, msg.photo_bytes = entry.file_id, entry.data
        elif kind == "animation":
            msg.animation_file_id, msg.animation_bytes = entry.file_id, entry.data
        else:
            msg.document_file_id, msg.document_bytes = entry.file_id, entry.data
            msg.document_name = entry.name
        return self.message_dict(msg)

    def _source(self, params: Params, what: str) -> tuple[str | None, str | None, Any]:
        log = self.chats.get(self._target(params, "from_chat_id"))
        message_id = params.get("message_id")
        if log is not None and message_id in log.by_id and not log.by_id[message_id].deleted:
            src = log.by_id[message_id]
            return src.text, src.plain, src.parse_mode
        if log is not None and message_id in log.user_messages:
            user_msg = log.user_messages[message_id]
            text = user_msg.get("text", user_msg.get("caption"))
            return text, text, None
        raise bad_request(f"message to {what} not found")

    def copy_message(self, params: Params, files: Files) -> dict[str, Any]:
        chat_id = self._target(params)
        text, plain, _ = self._source(params, "copy")
        if "caption" in params:
            text = params["caption"]
            plain = checks.check_caption(text, params.get("parse_mode"))
        msg = self._store("copyMessage", chat_id, params, text, plain)
        return {"message_id": msg.message_id}

    def forward_message(self, params: Params, files: Files) -> dict[str, Any]:
        chat_id = self._target(params)
        text, plain, parse_mode = self._source(params, "forward")
        params = {**params, "parse_mode": parse_mode}
        msg = self._store("forwardMessage", chat_id, params, text, plain)
        return self.message_dict(msg)

    def edit_message_text(self, params: Params, files: Files) -> dict[str, Any]:
        msg = self._editable(params)
        if msg.photo_file_id or msg.document_file_id or msg.animation_file_id:
            raise bad_request("there is no text in the message to edit")
        text = params.get("text")
        plain = checks.check_text(text, params.get("parse_mode"))
        return self._apply_edit(msg, "editMessageText", text, plain, params)

    def edit_message_caption(self, params: Params, files: Files) -> dict[str, Any]:
        msg = self._editable(params)
        if not (msg.photo_file_id or msg.document_file_id or msg.animation_file_id):
            raise bad_request("there is no caption in the message to edit")
        caption = params.get("caption") or None
        plain = checks.check_caption(caption, params.get("parse_mode"))
        return self._apply_edit(msg, "editMessageCaption", caption, plain, params)

    def edit_message_reply_markup(self, params: Params, files: Files) -> dict[str, Any]:
        msg = self._editable(params)
        keep = {**params, "parse_mode": msg.parse_mode}
        return self._apply_edit(msg, "editMessageReplyMarkup", msg.text, msg.plain, keep)

    def delete_message(self, params: Params, files: Files) -> bool:
        log = self.chats.get(self._target(params))
        message_id = params.get("message_id")
        msg = log.by_id.get(message_id) if log and isinstance(message_id, int) else None
        if msg is not None and not msg.deleted:
            msg.deleted = True
            return True
        if log is not None and message_id in log.user_messages:
            del log.user_messages[message_id]
            return True
        raise bad_request("message to delete not found")

    def answer_callback_query(self, params: Params, files: Files) -> bool:
        query_id = str(params.get("callback_query_id", ""))
        if query_id not in self.callback_answers or self.callback_answers[query_id] is not None:
            raise bad_request(QUERY_TOO_OLD)
        if len(str(params.get("text") or "")) > 200:
            raise bad_request("MESSAGE_TOO_LONG")
        self.callback_answers[query_id] = params
        return True

    def send_chat_action(self, params: Params, files: Files) -> bool:
        self._target(params)
        if params.get("action") not in CHAT_ACTIONS:
            raise bad_request("wrong parameter action in request")
        return True
