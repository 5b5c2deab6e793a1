"""Security, end to end: no token in the logs, clinician commands closed to patients,
a webhook that only Telegram can post to, private data files, and /forget.

``tests/e2e/test_process.py`` checks the token in a real process's log through
onboarding; here a much longer run (a routine, reminders, snoozes, send failures,
lost connections, an unreadable update, clinician commands, export, forget) is logged
at DEBUG through the project's own ``setup_logging``. ``test_data_rights_e2e.py``
covers /forget in depth; the last test here only adds a running hold timer and a
red-flag alert to what must disappear.
"""

from __future__ import annotations

import asyncio
import io
import json
import logging
import os
import signal
import socket
import stat
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from bot.chat.fake_telegram import FakeTelegram
from bot.logs import QUIET_LOGGERS, setup_logging
from bot.storage import Store
from tests.e2e.flows import data_of, onboard, until
from tests.e2e.helpers import files_mentioning
from tests.harness import BotUnderTest

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "7306281945:" + "AAF-q9Zx_Secret_Part_That_Must_Not_Leak1"  # fake; split for scanners
ADMIN, PATIENT, STRANGER = 900, 61, 62


@pytest.fixture
def project_log() -> Iterator[io.StringIO]:
    """The root logger as ``python -m bot`` sets it up, at DEBUG, into a buffer.

    setup_logging replaces the root handlers; pytest's are put back afterwards.
    """
    root = logging.getLogger()
    saved = (list(root.handlers), root.level,
             {name: logging.getLogger(name).level for name in QUIET_LOGGERS})
    stream = io.StringIO()
    setup_logging("DEBUG", (TOKEN,), stream=stream)
    try:
        yield stream
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
        handlers, level, quiet = saved
        for handler in handlers:
            root.addHandler(handler)
        root.setLevel(level)
        for name, quiet_level in quiet.items():
            logging.getLogger(name).setLevel(quiet_level)


async def routine_steps(tg: FakeTelegram, uid: int, taps: int) -> None:
    """Start /routine, give a pain score, then tap Done ``taps`` times."""
    tg.user_sends(uid, "/routine")
    ask = await until(tg, uid, "s:n")
    tg.user_taps(uid, data_of(ask, "s:n2"))
    for _ in range(taps):
        step = await until(tg, uid, "s:d:")
        tg.user_taps(uid, data_of(step, "s:d:"))


async def settle(tg: FakeTelegram, uid: int) -> None:
    """Wait until everything the user sent so far was handled (a /help round trip)."""
    tg.user_sends(uid, "/help")
    heading = "Commands:"
    while True:
        msg = await tg.next_message(uid, timeout=10)
        if heading in (msg.text or ""):
            return


async def test_token_is_in_no_log_line_through_a_long_run(
    tmp_path: Path, project_log: io.StringIO
) -> None:
    async with FakeTelegram(token=TOKEN) as tg:
        bot = BotUnderTest(tg, tmp_path / "data", admin_user_ids=(ADMIN,))
        await bot.start()
        try:
            await onboard(tg, PATIENT, time="07:30")
            await routine_steps(tg, PATIENT, taps=3)
            tg.user_sends(PATIENT, "/cancel")
            await settle(tg, PATIENT)

            await bot.run_job(f"reminder:{PATIENT}:0730")  # a reminder falls due
            reminder = await until(tg, PATIENT, "rem:snooze:")
            tg.user_taps(PATIENT, data_of(reminder, "rem:snooze:15"))
            await settle(tg, PATIENT)

            # Errors: a refused send, a dropped connection, a failed poll, an unreadable
            # update, a red flag that alerts the clinician.
            tg.faults.fail_next("sendMessage", 500)  # retried
            tg.user_sends(PATIENT, "pain 4")
            tg.faults.fail_next("sendMessage", 400, description="Bad Request: chat not found")
            tg.user_sends(PATIENT, "pain 3")  # not retried: the error handler logs it
            tg.faults.reset_next("sendMessage")
            tg.user_sends(PATIENT, "hello")
            tg.faults.fail_next("getUpdates", 502)
            tg.inject({"message": {"message_id": 1, "date": 1,
                                   "poll": {"id": "x", "question": "my hip secret"},
                                   "chat": {"id": PATIENT, "type": "private"}}})
            tg.user_sends(PATIENT, "I fell yesterday and my leg is numb")
            await settle(tg, PATIENT)

            for command in ("/stats", "/patient 61", "/export_all"):
                tg.user_sends(ADMIN, command)
            await settle(tg, ADMIN)
            tg.user_sends(STRANGER, "/stats")
            tg.user_sends(STRANGER, "/start", chat_type="group", chat_id=-5151)
            await settle(tg, STRANGER)
            tg.user_sends(PATIENT, "/export")
            tg.user_sends(PATIENT, "/forget")
            ask = await until(tg, PATIENT, "fg:yes")
            tg.user_taps(PATIENT, data_of(ask, "fg:yes"))
            await settle(tg, PATIENT)
        finally:
            await bot.stop()

    log = project_log.getvalue()
    assert len(log.splitlines()) > 50, "the run was really logged"  # PTB's own DEBUG is off
    for sign in ("DEBUG", "getUpdates", "Unhandled error", "could not be read",
                 "getUpdates failed", "Traceback"):
        assert sign in log, f"expected the log to show {sign!r}"
    assert TOKEN not in log
    assert TOKEN.split(":")[1] not in log
    # What people write shows up at DEBUG only (PTB logs whole updates there), never in
    # the INFO-and-above lines a production log keeps, not even for an unreadable update.
    kept = "\n".join(line for line in log.splitlines() if " DEBUG " not in line)
    assert "content withheld" in kept
    for words in ("my hip secret", "I fell yesterday", "pain 4"):
        assert words not in kept, words
    assert TOKEN.split(":")[1][:12] not in log
    # PTB's DEBUG lines (its base URLs with the token, whole updates) stay off at DEBUG
    # (bot/logs.py): no line needs the redactor, and a new place logging the token or
    # what people wrote would show up here.
    redacted = [line for line in log.splitlines() if "[redacted" in line]
    assert redacted == [], redacted
    for words in ("my hip secret", "I fell yesterday", "pain 4"):
        assert words not in log, words


# --- clinician commands --------------------------------------------------------------------


async def test_clinician_commands_answer_patients_like_unknown_commands(
    tg: FakeTelegram, bot: BotUnderTest
) -> None:
    await onboard(tg, PATIENT, name="Fay")
    tg.user_sends(PATIENT, "pain 3")  # a record, so the clinician export has a row
    await tg.next_message(PATIENT)
    unknown = bot.deps.content.text("unknown_command")
    for uid in (PATIENT, STRANGER):
        for command in ("/stats", f"/patient {PATIENT}", "/patient @fay", "/export_all",
                        "/export_all now", "/STATS", f"/patient@fake_test_bot {PATIENT}"):
            tg.user_sends(uid, command)
            reply = await tg.next_message(uid)
            assert reply.method == "sendMessage" and reply.text == unknown, (uid, command)
        tg.user_sends(uid, "/help")
        help_text = (await tg.next_message(uid)).text or ""
        assert "/stats" not in help_text and "/export_all" not in help_text
    assert not [c for c in tg.calls_to("sendDocument") if c.params.get("chat_id") != ADMIN]
    default_menu = {c["command"] for c in tg.bot_commands()}
    assert not default_menu & {"stats", "patient", "export_all"}

    tg.user_sends(ADMIN, "/stats")  # the same commands work for the clinician
    stats = await tg.next_message(ADMIN)
    assert stats.text != unknown
    tg.user_sends(ADMIN, "/export_all")
    export = await until_method(tg, ADMIN, "sendDocument")
    assert export.document_bytes is not None and b"61" in export.document_bytes


async def until_method(tg: FakeTelegram, uid: int, method: str) -> Any:
    for _ in range(5):
        msg = await tg.next_message(uid)
        if msg.method == method:
            return msg
    raise AssertionError(f"no {method} to {uid}")


# --- webhook mode ------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def start_webhook_bot(
    tg: FakeTelegram, data_dir: Path, port: int, secret: str | None
) -> asyncio.subprocess.Process:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_",
                                                                    "WEBHOOK_"))}
    env.update({
        "TELEGRAM_BOT_TOKEN": tg.token, "TELEGRAM_BASE_URL": tg.base_url,
        "BOT_DATA_DIR": str(data_dir), "LOG_LEVEL": "DEBUG", "PYTHONPATH": str(ROOT),
        "PYTHONUNBUFFERED": "1",
        # Telegram wants an https URL; the local server behind the TLS proxy is plain http.
        "WEBHOOK_URL": f"https://127.0.0.1:{port}/telegram",
        "WEBHOOK_LISTEN": "127.0.0.1", "WEBHOOK_PORT": str(port),
    })
    if secret is not None:
        env["WEBHOOK_SECRET"] = secret
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", cwd=data_dir.parent, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    await tg.wait_for(lambda: tg.calls_to("setWebhook"), timeout=60,
                      what="the bot to register its webhook")
    deadline = time.monotonic() + 30
    while True:  # the server starts listening right after setWebhook
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
            writer.close()
            return proc
        except OSError:
            assert time.monotonic() < deadline, "the webhook server never listened"
            assert proc.returncode is None, "the bot exited"
            await asyncio.sleep(0.1)


def update_json(update_id: int, uid: int, text: str) -> dict[str, Any]:
    message = {"message_id": update_id, "date": int(time.time()), "text": text,
               "chat": {"id": uid, "type": "private", "first_name": "Web"},
               "from": {"id": uid, "is_bot": False, "first_name": "Web"}}
    if text.startswith("/"):
        message["entities"] = [{"type": "bot_command", "offset": 0,
                                "length": len(text.split()[0])}]
    return {"update_id": update_id, "message": message}


async def post(
    session: aiohttp.ClientSession, port: int, body: dict[str, Any], secret: str | None
) -> int:
    headers = {"X-Telegram-Bot-Api-Secret-Token": secret} if secret is not None else {}
    async with session.post(f"http://127.0.0.1:{port}/telegram", json=body,
                            headers=headers) as response:
        return response.status


async def stop_process(proc: asyncio.subprocess.Process) -> str:
    if proc.returncode is None:
        proc.send_signal(signal.SIGTERM)
    _, err = await asyncio.wait_for(proc.communicate(), 30)
    return err.decode()


@pytest.mark.parametrize("configured", [True, False], ids=["secret-set", "secret-unset"])
async def test_webhook_rejects_posts_without_the_secret(tmp_path: Path, configured: bool) -> None:
    """Over real HTTP: no header or a wrong one gets 403 and changes nothing.

    With WEBHOOK_SECRET unset the bot makes up a random secret for the run, so the
    webhook is never open to anyone who finds its URL.
    """
    secret = "s3cret_Webhook-Value_42" if configured else None
    port = free_port()
    async with FakeTelegram(token=TOKEN) as tg:
        proc = await start_webhook_bot(tg, tmp_path / "data", port, secret)
        try:
            registered = tg.api.webhook
            assert registered["url"] == f"https://127.0.0.1:{port}/telegram"
            real_secret = registered.get("secret_token")
            assert real_secret, "the webhook was registered without a secret"
            if configured:
                assert real_secret == secret
            async with aiohttp.ClientSession() as session:
                assert await post(session, port, update_json(1, 71, "/start"), None) == 403
                assert await post(session, port, update_json(2, 71, "/start"),
                                  "wrong-secret") == 403
                assert await post(session, port, update_json(3, 71, "/start"), "") == 403
                assert await post(session, port, update_json(4, 71, "/help"),
                                  str(real_secret)) == 200
            reply = await tg.next_message(71, timeout=20)
            assert reply.text is not None and "Commands:" in reply.text
            await asyncio.sleep(0.3)  # nothing else may follow (no welcome from /start)
            assert len(tg.sent(71)) == 1, [m.text for m in tg.sent(71)]
        finally:
            log = await stop_process(proc)
    assert TOKEN not in log and TOKEN.split(":")[1] not in log
    assert str(real_secret) not in log
    bad = [line for line in log.splitlines() if " ERROR " in line or " CRITICAL " in line]
    assert not bad, bad  # (PTB logs each refused post at DEBUG, with a traceback)


# --- files on disk ---------------------------------------------------------------------------


def modes(root: Path) -> dict[str, int]:
    found = {".": stat.S_IMODE(root.stat().st_mode)}
    for path in root.rglob("*"):
        found[str(path.relative_to(root))] = stat.S_IMODE(path.stat().st_mode)
    return found


@pytest.mark.embedded_only
async def test_data_is_private_on_disk_and_forget_leaves_nothing(
    tg: FakeTelegram, bot: BotUnderTest
) -> None:
    uid, name = 640213, "Quillon"
    await onboard(tg, uid, time="07:30", name=name)
    await onboard(tg, 640999, name="Stays")
    tg.user_sends(uid, "/exercise bridge")  # a demonstration: the animation cache
    await until_method(tg, uid, "sendAnimation")
    await routine_steps(tg, uid, taps=2)
    bot.deps.store.archive_old_records(uid, bot.clock.now().date().replace(year=2099))
    tg.user_sends(uid, "/export")
    await settle(tg, uid)
    tg.user_sends(uid, "/routine")
    step = await until(tg, uid, "s:")
    if any(d.startswith("s:r:") for _, d in step.buttons):
        tg.user_taps(uid, data_of(step, "s:r:"))
    ask = await until(tg, uid, "s:n")
    tg.user_taps(uid, data_of(ask, "s:n1"))
    hold = await until(tg, uid, "s:t:")  # the first exercise is a hold: start its timer
    tg.user_taps(uid, data_of(hold, "s:t:"))
    await settle(tg, uid)
    assert f"timer:{uid}" in bot.job_names()
    tg.user_sends(uid, "I fell and can't put weight on my leg")  # alerts the clinician
    await settle(tg, uid)

    bot.deps.store.user_cache_dir(uid)  # where per-user charts and exports may go
    # Everything on disk is for this account only: folders 0700, files 0600.
    found = modes(bot.data_dir)
    assert any(p.startswith("archive/") for p in found), found
    assert any(p.startswith("cache/animations/") for p in found), found
    loose = {p: oct(m) for p, m in found.items()
             if m != (0o700 if (bot.data_dir / p).is_dir() else 0o600)}
    assert not loose, f"too open: {loose}"

    # /forget: nothing on disk or in the scheduler mentions the user any more.
    needles = (str(uid).encode(), name.encode())
    assert files_mentioning(bot.data_dir, *needles)
    tg.user_sends(uid, "/forget")
    confirm = await until(tg, uid, "fg:yes")
    tg.user_taps(uid, data_of(confirm, "fg:yes"))
    await settle(tg, uid)
    assert files_mentioning(bot.data_dir, *needles) == []
    assert not [j for j in bot.job_names() if str(uid) in j]
    assert bot.deps.store.profile(640999)["first_name"] == "Stays"
    for path in bot.data_dir.rglob("*.json"):
        json.loads(path.read_bytes())


def test_a_data_folder_made_too_open_is_closed_at_start(tmp_path: Path) -> None:
    """An operator's `mkdir data` gives 0755: the bot closes it before storing anything."""
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    Store(folder)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in folder.iterdir()
            if p.is_dir()} == {"users": "0o700", "archive": "0o700", "cache": "0o700",
                               "tmp": "0o700"}
