"""``python -m bot chat``: the real bot in a terminal, with no token and no network.

The application is the one ``build_application`` makes for Telegram, served by the
same ``bot.transport.runner.serve`` loop; only the Bot API is the local fake from the tests
(``bot.chat.fake_telegram``) on 127.0.0.1, exactly as the end-to-end tests run it. The
terminal types as user 1001 and prints what the bot sends (see ``bot.chat.format``).
With ``--clinician`` that user is a clinician (``ADMIN_USER_IDS``) and made-up patients
(``bot.chat.demo_patients``) are written to the data folder on its first such run.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import shutil
import signal
import socket
import sys
import tempfile
import threading
from datetime import timedelta
from pathlib import Path
from typing import TextIO

from bot.app import build_application
from bot.chat import demo_patients
from bot.chat.fake_telegram import FakeTelegram
from bot.chat.format import BANNER, CLINICIAN_BANNER, describe_delta
from bot.chat.session import USER_ID, TerminalChat
from bot.clock import Clock
from bot.config import SettingsError, load_settings
from bot.content import DEFAULT_CONTENT_DIR, ContentError, load_content
from bot.logs import setup_logging
from bot.storage import StorageError, Store
from bot.transport.runner import serve

log = logging.getLogger(__name__)

STATE_FILE = "chat-state.json"  # next update id and clock offset, for --data-dir reuse
LOG_FILE = "chat.log"


def chat_main(data_dir: Path | None, *, clinician: bool = False) -> int:
    """Entry point of ``python -m bot chat``; returns the exit status."""
    throwaway = data_dir is None
    folder = Path(tempfile.mkdtemp(prefix="hipbot-chat-")) if data_dir is None else data_dir
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        log_stream = (folder / LOG_FILE).open("a", encoding="utf-8")
    except OSError as exc:
        print(f"error: --data-dir {folder}: {exc.strerror}", file=sys.stderr)
        return 2
    for stream in (sys.stdout, sys.stdin):
        with contextlib.suppress(AttributeError, ValueError):
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
    setup_logging("INFO", stream=log_stream)  # the screen is for the chat; logs go to a file
    try:
        return asyncio.run(_run(FakeTelegram, folder, throwaway, sys.stdin, sys.stdout,
                                clinician=clinician))
    except KeyboardInterrupt:
        return 130
    finally:
        logging.getLogger().handlers.clear()
        log_stream.close()
        if throwaway:
            shutil.rmtree(folder, ignore_errors=True)


async def _run(
    fake: type[FakeTelegram], folder: Path, throwaway: bool, stdin: TextIO, out: TextIO,
    *, clinician: bool = False,
) -> int:
    next_update_id, offset = _load_state(folder)
    clock = Clock()
    clock.offset = offset
    async with fake(first_update_id=next_update_id) as tg:
        try:
            settings = load_settings(
                telegram_bot_token=tg.token, telegram_base_url=tg.base_url,
                bot_data_dir=folder, admin_user_ids=(USER_ID,) if clinician else (),
                log_level="WARNING",
                webhook_url=None, webhook_secret=None, web_listen="127.0.0.1",
                web_port=_free_port(),
            )
            content = load_content(settings.content_dir or DEFAULT_CONTENT_DIR)
            seeded = clinician and demo_patients.seed_demo_patients(
                Store(folder), content, clock.now(), settings.default_timezone)
            app = build_application(settings, content=content, clock=clock)
            if clinician:  # the names the pretend Telegram gives the clinician and patients
                tg.api.users.update(demo_patients.telegram_users())
        except (SettingsError, ContentError, StorageError) as err:
            print(f"error: {err}", file=sys.stderr)
            return 2
        stop, started = asyncio.Event(), asyncio.Event()
        server = asyncio.create_task(serve(app, stop, poll_timeout=1, on_started=started.set))
        waiter = asyncio.create_task(started.wait())
        await asyncio.wait({server, waiter}, return_when=asyncio.FIRST_COMPLETED)
        waiter.cancel()
        if server.done():
            print(f"error: the bot did not start: {server.exception()}", file=sys.stderr)
            return 1
        note = ("(thrown away when you quit; keep it with --data-dir DIR)" if throwaway
                else "(kept: run again with the same --data-dir to carry on)")
        if clock.offset:
            ahead = describe_delta(clock.offset)
            note += f"\nThe bot's clock is {ahead} ahead of real time, as you left it."
        if clinician:
            note += ("\nSix made-up patients were added to this folder." if seeded
                     else "\nThe made-up patients are in this folder from an earlier run.")
        chat = TerminalChat(tg, app, clock, folder, out, interactive=stdin.isatty(),
                            clinician=clinician)
        banner = CLINICIAN_BANNER if clinician else BANNER
        out.write(banner.format(data_dir=folder, data_note=note) + "\n")
        lines = _read_lines(stdin)
        try:
            await chat.loop(lines)
        finally:
            stop.set()
            with contextlib.suppress(Exception):
                await asyncio.wait_for(server, 15)
            await chat.close()
            _save_state(folder, tg.updates.next_id, clock.offset)
            out.write("Bye." + ("" if throwaway else f" Your data stays in {folder}") + "\n")
            out.flush()
    return 0


def _free_port() -> int:
    """A port nobody listens on now, for the Mini App's server (``:web``)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _read_lines(stdin: TextIO) -> asyncio.Queue[str | None]:
    """Lines from stdin on a daemon thread (works for a pipe and a tty; None at EOF).

    A daemon thread, not the default executor: a read blocked at exit must not keep
    the process alive. Ctrl-C puts None too, so the chat ends cleanly.
    """
    loop = asyncio.get_running_loop()
    queue: asyncio.Queue[str | None] = asyncio.Queue()

    def put(item: str | None) -> None:
        with contextlib.suppress(RuntimeError):  # the loop is already closed
            loop.call_soon_threadsafe(queue.put_nowait, item)

    def reader() -> None:
        try:
            for line in iter(stdin.readline, ""):
                put(line)
        except (OSError, ValueError):
            pass
        put(None)

    threading.Thread(target=reader, name="chat-stdin", daemon=True).start()
    with contextlib.suppress(NotImplementedError, RuntimeError):
        loop.add_signal_handler(signal.SIGINT, queue.put_nowait, None)
    return queue


def _load_state(folder: Path) -> tuple[int | None, timedelta]:
    """The next update id and the clock offset a previous run left (None, 0 if none)."""
    try:
        state = json.loads((folder / STATE_FILE).read_text(encoding="utf-8"))
        next_id, seconds = state.get("next_update_id"), state.get("clock_offset_seconds", 0)
        offset = timedelta(seconds=max(0.0, float(seconds or 0)))
    except (OSError, ValueError, TypeError, AttributeError, OverflowError):
        return None, timedelta(0)
    return (next_id if isinstance(next_id, int) and next_id > 0 else None), offset


def _save_state(folder: Path, next_update_id: int, offset: timedelta) -> None:
    """Update ids keep growing across runs (the store skips ids it has seen), and the
    clock stays where the user moved it."""
    state = {"next_update_id": next_update_id, "clock_offset_seconds": offset.total_seconds()}
    with contextlib.suppress(OSError):
        (folder / STATE_FILE).write_text(json.dumps(state), encoding="utf-8")
