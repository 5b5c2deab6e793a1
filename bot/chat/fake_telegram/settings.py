"""Bot-wide settings of the fake Bot API: webhook, command lists, menu buttons.

A mixin for ``BotApi``: these methods touch no chat or message, only their own state.
"""

from __future__ import annotations

import json
import re
from typing import Any

from .models import Files, Params, bad_request
from .updates import UpdateQueue

_COMMAND = re.compile(r"[a-z0-9_]{1,32}")


class SettingsMethods:
    """setWebhook, setMyCommands, setChatMenuButton and kin. ``BotApi`` sets the state."""

    updates: UpdateQueue
    webhook: Params
    commands: dict[tuple[str, str], list[dict[str, Any]]]
    menu_buttons: dict[int | None, dict[str, Any]]

    def set_webhook(self, params: Params, files: Files) -> bool:
        url = params.get("url") or ""
        if url and not str(url).startswith("https://"):
            raise bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        if params.get("drop_pending_updates"):
            self.updates.drop_all()
        self.webhook = {k: v for k, v in params.items() if k != "certificate"}
        self.webhook["url"] = url
        return True

    def delete_webhook(self, params: Params, files: Files) -> bool:
        if params.get("drop_pending_updates"):
            self.updates.drop_all()
        self.webhook = {"url": ""}
        return True

    def get_webhook_info(self, params: Params, files: Files) -> dict[str, Any]:
        info = {
            "url": self.webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self.updates.pending()),
        }
        if self.webhook.get("allowed_updates"):
            info["allowed_updates"] = self.webhook["allowed_updates"]
        return info

    def set_my_commands(self, params: Params, files: Files) -> bool:
        commands = params.get("commands")
        if not isinstance(commands, list) or len(commands) > 100:
            raise bad_request("commands must be an array of at most 100 BotCommand")
        for command in commands:
            if not isinstance(command, dict) or not _COMMAND.fullmatch(
                str(command.get("command", ""))
            ):
                raise bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise bad_request("BOT_COMMAND_DESCRIPTION_INVALID")
        self.commands[scope_key(params)] = commands
        return True

    def delete_my_commands(self, params: Params, files: Files) -> bool:
        self.commands.pop(scope_key(params), None)
        return True

    def set_chat_menu_button(self, params: Params, files: Files) -> bool:
        self.menu_buttons[params.get("chat_id")] = params.get("menu_button") or {
            "type": "default"
        }
        return True


def scope_key(params: Params) -> tuple[str, str]:
    """Where a command list applies: its scope and language, as a dict key."""
    scope = params.get("scope") or {"type": "default"}
    return json.dumps(scope, sort_keys=True), str(params.get("language_code") or "")
