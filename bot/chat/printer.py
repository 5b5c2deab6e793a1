"""What the terminal chat prints: the bot's messages, edits and files, around a prompt.

Everything the bot sent to the chat's user is read from the fake Bot API's record and
printed once, in the order it happened; photos and documents are written under
``chat-files/`` and their paths printed.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import TextIO

from bot.chat import format as fmt
from bot.chat.fake_telegram import FakeTelegram
from bot.chat.fake_telegram.models import SentMessage

PROMPT = "you> "


class ChatPrinter:
    """Prints one chat's bot messages as text; keeps the prompt below them on a terminal."""

    def __init__(
        self, tg: FakeTelegram, user_id: int, folder: Path, out: TextIO, *, interactive: bool
    ) -> None:
        self.tg = tg
        self.user_id = user_id
        self.files_dir = folder / "chat-files"
        self.out = out
        self.interactive = interactive
        self.saved: list[Path] = []
        self.prompt_shown = False
        self._shown = 0  # messages printed so far
        self._edits: dict[int, int] = {}  # message_id -> edits printed
        self._deleted: set[int] = set()

    async def watch(self) -> None:
        """Print what the bot sends on its own (timers, reminders) as it happens."""
        while True:
            with contextlib.suppress(AssertionError):
                await self.tg.wait_for(self.has_news, 3600, "news")
            self.flush()

    def has_news(self) -> bool:
        messages = self.tg.sent(self.user_id)
        return len(messages) > self._shown or any(
            len(m.edits) > self._edits.get(m.message_id, 0)
            or (m.deleted and m.message_id not in self._deleted)
            for m in messages[: self._shown]
        )

    def flush(self) -> None:
        """Print every new message, edit and deletion since the last flush, in order."""
        messages = self.tg.sent(self.user_id)
        events: list[tuple[float, int, list[str]]] = []
        for number, msg in enumerate(messages, start=1):
            if number > self._shown:
                events.append((msg.time, 0, self._render_new(number, msg)))
            numbered = fmt.flat_buttons(msg.params.get("reply_markup"))
            for edit in msg.edits[self._edits.get(msg.message_id, 0):]:
                shown = numbered or fmt.flat_buttons(edit.reply_markup)
                head = f"bot (edited #{number}):" if shown else "bot (edited):"
                text = fmt.visible_text(edit.text, edit.parse_mode)
                if edit.method == "editMessageReplyMarkup":
                    text = "(buttons changed)" if edit.reply_markup else "(buttons removed)"
                rendered = fmt.render(head, text, edit.reply_markup, width=self._width())
                events.append((edit.time, 1, rendered))
            self._edits[msg.message_id] = len(msg.edits)
            if msg.deleted and msg.message_id not in self._deleted:
                self._deleted.add(msg.message_id)
                events.append((float("inf"), 2, [f"bot (deleted message #{number})"]))
        self._shown = len(messages)
        events.sort(key=lambda event: event[:2])
        lines = [line for _, _, rendered in events for line in rendered]
        if lines:
            self.write(lines)

    def _render_new(self, number: int, msg: SentMessage) -> list[str]:
        """A message as first sent (its later edits print on their own)."""
        first = msg.params
        markup = first.get("reply_markup")
        markup = markup if isinstance(markup, dict) else None
        raw = first.get("text", first.get("caption"))
        text = fmt.visible_text(raw if isinstance(raw, str) else None, first.get("parse_mode"))
        files: tuple[str, ...] = ()
        if msg.photo_bytes is not None:
            name = fmt.photo_file_name(text, msg.photo_bytes, number)
            files = (f"[photo saved: {self._save(name, msg.photo_bytes)}]",)
        elif msg.animation_bytes is not None:
            name = fmt.photo_file_name(text, msg.animation_bytes, number)
            files = (f"[animation saved: {self._save(name, msg.animation_bytes)}]",)
        elif msg.document_bytes is not None:
            name = fmt.safe_file_name(msg.document_name, f"file-{number}.bin")
            files = (f"[file saved: {self._save(name, msg.document_bytes)}]",)
        head = f"bot #{number}:" if fmt.flat_buttons(markup) else "bot:"
        return fmt.render(head, text, markup, files, width=self._width())

    def _width(self) -> int | None:
        return shutil.get_terminal_size().columns if self.interactive else None

    def _save(self, name: str, data: bytes) -> Path:
        """Write under chat-files/, never over a different file of the same name."""
        self.files_dir.mkdir(parents=True, exist_ok=True)
        path = self.files_dir / name
        stem, suffix, n = path.stem, path.suffix, 1
        while path.exists() and path.read_bytes() != data:
            n += 1
            path = self.files_dir / f"{stem}-{n}{suffix}"
        path.write_bytes(data)
        self.saved.append(path)
        return path

    def note(self, text: str) -> None:
        self.write([f"  ({text})"])

    def write(self, lines: list[str]) -> None:
        """Print lines; on a terminal, above a prompt that was already showing."""
        if self.prompt_shown:
            self.out.write("\r\x1b[K")
        self.out.write("\n".join(lines) + "\n")
        if self.prompt_shown:
            self.out.write(PROMPT)
        self.out.flush()

    def prompt(self) -> None:
        if self.interactive and not self.prompt_shown:
            self.out.write(PROMPT)
            self.out.flush()
            self.prompt_shown = True



def open_file(path: Path) -> bool:
    """Open a saved file in the desktop's viewer; False where there is no desktop.

    Never a console browser: it would take over the terminal the chat runs in.
    """
    if sys.platform == "win32":
        os.startfile(path)  # noqa: S606 - the user asked to open their own file
        return True
    if sys.platform == "darwin":
        command = "open"
    elif os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        command = "xdg-open"
    else:
        return False
    program = shutil.which(command)
    if program is None:
        return False
    subprocess.Popen(  # noqa: S603 - a fixed program and a path the chat wrote
        [program, str(path)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL, start_new_session=True,
    )
    return True
