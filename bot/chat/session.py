"""The terminal side of ``python -m bot chat``: what the user types becomes user actions.

One user (id 1001) talks to the bot through the fake Bot API's user actions (a message,
a button tap, a shared location); chat commands (``:now``, ``:open``...) act on the
bot's clock and the saved files. ``bot.chat.printer`` shows the bot's side.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from pathlib import Path
from typing import TextIO
from urllib.parse import quote

from bot.chat import demo_patients
from bot.chat import format as fmt
from bot.chat.fake_telegram import FakeTelegram
from bot.chat.printer import PROMPT, ChatPrinter, open_file
from bot.clock import Clock
from bot.domain.reminders.local_time import local_now
from bot.transport.clock_mover import ClockMover
from bot.transport.context import App, deps_of
from bot.web.auth import sign_init_data

log = logging.getLogger(__name__)

USER_ID = 1001
HANDLE_TIMEOUT = 60.0  # a chart on a slow machine; the bot keeps going in the background


class TerminalChat:
    """Prints the bot's side of the chat and turns typed lines into user actions."""

    def __init__(
        self, tg: FakeTelegram, app: App, clock: Clock, folder: Path, out: TextIO,
        *, interactive: bool, clinician: bool = False,
    ) -> None:
        self.tg = tg
        self.app = app
        self.clock = clock
        self.interactive = interactive
        self.clinician = clinician
        self.mover = ClockMover(app, clock)
        self.printer = ChatPrinter(tg, USER_ID, folder, out, interactive=interactive)
        self._watcher: asyncio.Task[None] | None = None

    # ---- the loop --------------------------------------------------------------------

    async def loop(self, lines: asyncio.Queue[str | None]) -> None:
        """Read and act on lines until :quit, Ctrl-D or Ctrl-C; print the bot meanwhile."""
        self._watcher = asyncio.create_task(self.printer.watch())
        while True:
            self.printer.prompt()
            line = await lines.get()
            self.printer.prompt_shown = False
            if line is None:
                if self.interactive:
                    self.printer.write([""])
                return
            line = line.strip()
            if not self.interactive and line:
                self.printer.write([f"{PROMPT}{line}"])  # a piped script reads like a chat
            if line and not await self.handle(line):
                return
            self.flush()

    async def close(self) -> None:
        """Stop printing (the bot is already stopped)."""
        if self._watcher is not None:
            self._watcher.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._watcher
        self.flush()

    async def handle(self, line: str) -> bool:
        """One typed line; False means leave."""
        if line.startswith(":"):
            return await self._command(line)
        tap = fmt.parse_tap(line)
        if tap is not None:
            await self.tap(*tap)
            return True
        await self._settle(self.tg.user_sends(USER_ID, line))
        if line.split()[0].lower().split("@")[0] == "/help":
            self.flush()
            self.printer.write([fmt.CHAT_HELP])
        return True

    async def _command(self, line: str) -> bool:
        name, _, arg = line[1:].partition(" ")
        name = name.lower()
        if name in ("quit", "q", "exit"):
            return False
        if name in ("help", "h", "?"):
            self.printer.write([fmt.CHAT_HELP])
        elif name == "now":
            await self.move_clock(arg)
        elif name in ("location", "loc"):
            try:
                lat, lon = fmt.parse_location(arg)
            except ValueError as err:
                self.printer.note(str(err))
                return True
            await self._settle(self.tg.user_shares_location(USER_ID, lat, lon))
        elif name == "open":
            self.open_last()
        elif name == "web":
            self.printer.note(self.web_address())
        elif name == "alert":
            await self.demo_alert()
        else:
            self.printer.note(f"unknown chat command :{name}; :help lists them")
        return True

    # ---- user actions ----------------------------------------------------------------

    async def tap(self, message_no: int | None, button_no: int) -> None:
        """Tap a numbered button of message #n (default: the latest with buttons)."""
        messages = self.tg.sent(USER_ID)
        if message_no is None:
            target = next((m for m in reversed(messages)
                           if not m.deleted and fmt.flat_buttons(m.reply_markup)), None)
        elif 1 <= message_no <= len(messages):
            target = messages[message_no - 1]
        else:
            target = None
        if target is None:
            self.printer.note("no message with buttons to tap" if message_no is None
                       else f"there is no message #{message_no}")
            return
        buttons = fmt.flat_buttons(target.reply_markup)
        if not 1 <= button_no <= len(buttons):
            number = messages.index(target) + 1
            self.printer.note(f"message #{number} has buttons 1 to {len(buttons)}" if buttons
                       else f"message #{number} has no buttons")
            return
        button = buttons[button_no - 1]
        if button.data is None:
            self.printer.note(f"that button opens {button.url or 'something outside the chat'}")
            return
        self.printer.write([f"{fmt.INDENT}(you tapped: {button.label})"])
        update_id = self.tg.user_taps(USER_ID, button.data, message_id=target.message_id)
        query_id = next(reversed(self.tg.api.callback_answers))  # the query just made
        await self._settle(update_id)
        answer = self.tg.api.callback_answers.get(query_id) or {}
        if answer.get("text"):
            self.flush()
            self.printer.write([f"bot (pop-up): {answer['text']}"])

    async def demo_alert(self) -> None:
        """``:alert``: a demo patient reports a red flag; the clinician's alert arrives."""
        if not self.clinician:
            self.printer.note(":alert needs the clinician chat: python -m bot chat --clinician")
            return
        patient = demo_patients.ALERT_PATIENT
        if not deps_of(self.app).store.profile(patient.user_id).get("consent"):
            self.printer.note(f"{patient.first_name} is no longer a consenting patient "
                              "here, so no alert would reach you")
            return
        self.printer.note(f"{patient.first_name} (id {patient.user_id}, a demo patient) "
                          f"sends the bot: {demo_patients.ALERT_TEXT}")
        await self._settle(self.tg.user_sends(patient.user_id, demo_patients.ALERT_TEXT))

    def web_address(self) -> str:
        """Where the Mini App opens as this chat's user (the progress page, or the clinic
        dashboard for a clinician): signed like Telegram signs it (valid for an hour), so
        a browser shows what Telegram would."""
        settings = deps_of(self.app).settings
        if not settings.web_port:
            return "the Mini App is off in this chat (WEB_PORT=0)"
        user = {"id": USER_ID, "first_name": "Sam" if self.clinician else "You"}
        signed = sign_init_data(settings.token, user, int(self.clock.now().timestamp()))
        base = f"http://{settings.web_listen}:{settings.web_port}/app"
        page = "clinic" if self.clinician else "patient"
        return (f"open in a browser (valid for an hour):\n{base}/{page}#tgWebAppData="
                f"{quote(signed)}")

    async def move_clock(self, arg: str) -> None:
        """``:now +1d``: move the clock, run the jobs that fall due, say where it is."""
        if not arg.strip():
            self.printer.note(f"the bot's clock says {self._clock_words()}")
            return
        try:
            delta = fmt.parse_advance(arg)
        except ValueError as err:
            self.printer.note(str(err))
            return
        self.mover.note_jobs()
        ran = await self.mover.advance(delta)
        self.flush()
        things = f"; {len(ran)} scheduled job(s) ran" if ran else ""
        self.printer.note(f"clock moved forward {fmt.describe_delta(delta)}: "
                   f"now {self._clock_words()}{things}")

    def open_last(self) -> None:
        if not self.printer.saved:
            self.printer.note("the bot has not sent a picture or file yet")
            return
        path = self.printer.saved[-1]
        opened = open_file(path)
        where = "opening" if opened else "no viewer to open it here; the file is"
        self.printer.note(f"{where} {path}")

    async def _settle(self, update_id: int) -> None:
        """Wait until the bot has handled the update (it confirms it only after that)."""
        try:
            await self.tg.wait_for(lambda: self.tg.confirmed_offset > update_id,
                                   HANDLE_TIMEOUT, "the bot to handle the message")
        except AssertionError:
            self.printer.note("the bot is still busy with that; its answer will appear here")

    def _clock_words(self) -> str:
        deps = deps_of(self.app)
        tz = deps.profile(USER_ID).tz
        return f"{local_now(self.clock.now(), tz).strftime('%a %d %b %H:%M')} {tz}"

    def flush(self) -> None:
        """Print whatever the bot has sent since the last look."""
        self.printer.flush()
