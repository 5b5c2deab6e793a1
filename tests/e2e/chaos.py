"""Shared tools for the fault tests: the real bot process, seeded patients, data checks.

Patients are written straight into the data directory through ``bot.storage.Store``
(consented, onboarded, a reminder time, a guided session waiting at its first step), so
a load test does not spend its time on onboarding.
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import os
import signal
import sys
from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import IO, Any

from bot.chat.fake_telegram import FakeTelegram
from bot.content import DEFAULT_CONTENT_DIR, load_content
from bot.content.model import Content
from bot.domain import routine as sm
from bot.domain.profiles import new_profile
from bot.storage import Repository, open_repository
from bot.storage.journal import read_tables

ROOT = Path(__file__).resolve().parents[2]
EXERCISE = "glute_bridge"  # reps, one side: one prompt message per step, no cards

_content: Content | None = None


def content() -> Content:
    global _content
    if _content is None:
        _content = load_content(DEFAULT_CONTENT_DIR)
    return _content


# --- seeded patients ---------------------------------------------------------------


def far_slots(n: int = 1) -> list[str]:
    """Reminder times (UTC) 10 h and more from now: never due, never caught up, in a test."""
    now = datetime.now(UTC)
    return [(now + timedelta(hours=10 + i)).strftime("%H:%M") for i in range(n)]


def session_at_first_step(session_id: str, steps: int, exercise: str = EXERCISE) -> sm.Session:
    """A session past the pain question, at step 0 of ``steps`` sets of one exercise.

    Its token is ``<id>:1``; each "done" moves it one step and one seq on.
    """
    now = datetime.now(UTC)
    session, _ = sm.start_session(content(), session_id, now.date(), now, exercises=[exercise])
    first = session.steps[0]
    session.steps = [
        dataclasses.replace(first, set_no=i, sets=steps) for i in range(1, steps + 1)
    ]
    session.phase, session.index, session.seq = "step", 0, 1
    sm.validate(session)
    return session


def seed_patients(
    data_dir: Path,
    uids: Iterable[int],
    *,
    steps: int,
    slots: dict[int, list[str]],
    exercise: str = EXERCISE,
) -> dict[int, str]:
    """Onboarded, consenting patients with an active session; returns uid -> session id."""
    store = open_store(data_dir)
    now = datetime.now(UTC)
    sessions: dict[int, str] = {}
    for uid in uids:
        sid = f"s{uid}"
        profile = new_profile(uid, "Pat", None, now, "UTC")
        profile.update(stage="done", tz="UTC", reminder_times=slots.get(uid, []))
        with store.user(uid) as txn:
            txn.set("profile", profile)
            txn.set("session", session_at_first_step(sid, steps, exercise).to_dict())
        sessions[uid] = sid
    store.close()
    return sessions


def open_store(data_dir: Path) -> Repository:
    """The store the bot under test uses: the embedded one, or PostgreSQL when the test
    run sets ``DATABASE_URL`` (``E2E_BACKEND=postgres``)."""
    return open_repository(data_dir, os.environ.get("DATABASE_URL") or None)


def seed_prompt(tg: FakeTelegram, uid: int, token: str) -> None:
    """The step prompt the patient already has in their chat (so taps have a message)."""
    markup = {"inline_keyboard": [[{"text": "Done", "callback_data": f"s:d:{token}"}]]}
    tg.api.methods["sendmessage"](
        {"chat_id": uid, "text": "Set 1: 10 slow repetitions.", "reply_markup": markup}, {}
    )


def prompt_tokens(tg: FakeTelegram, uid: int, sid: str) -> list[int]:
    """The seq of every step prompt (a Done button of this session) the patient received."""
    out = []
    for msg in tg.sent(uid):
        for _, data in msg.buttons:
            if data.startswith(f"s:d:{sid}:"):
                out.append(int(data.rsplit(":", 1)[1]))
    return out


# --- what is on disk ---------------------------------------------------------------


def parse_all(data_dir: Path) -> dict[Path, Any]:
    """Every data file, parsed (a torn or half-written file raises here); a hot file
    with its journal applied (a torn journal line is dropped, as the bot does)."""
    parsed = {path: json.loads(path.read_bytes()) for path in sorted(data_dir.rglob("*.json"))}
    for path in sorted(data_dir.glob("users/*.json")):
        parsed[path] = read_tables(path, path.with_suffix(".journal"))
    return parsed


def stray_temp_files(data_dir: Path) -> list[Path]:
    return sorted(p for p in data_dir.rglob("*") if p.name.endswith(".tmp"))


def raw_events(data_dir: Path, uid: int) -> list[dict[str, Any]]:
    """The records in a user's hot file, exactly as stored (duplicates would show here);
    with PostgreSQL, the patient's rows (whose key refuses a duplicate id)."""
    if os.environ.get("DATABASE_URL"):
        store = open_store(data_dir)
        try:
            return [dict(r) for r in store.records(uid)]
        finally:
            store.close()
    users = data_dir / "users"
    data = read_tables(users / f"{uid}.json", users / f"{uid}.journal") or {}
    return list(data.get("events", {}).values())


def stored_users(data_dir: Path) -> int:
    """How many patients are stored (files, or rows with PostgreSQL)."""
    store = open_store(data_dir)
    try:
        return len(store.user_ids())
    finally:
        store.close()


# --- the real process --------------------------------------------------------------


class BotProcess:
    """``python -m bot`` against the fake, its log in a file (a pipe would fill and block)."""

    def __init__(self, tg: FakeTelegram, data_dir: Path, log_path: Path, **env: str) -> None:
        self.tg = tg
        self.data_dir = data_dir
        self.log_path = log_path
        self.env = env
        self.proc: asyncio.subprocess.Process | None = None
        self._log: IO[bytes] | None = None

    async def start(self, timeout: float = 60) -> None:
        env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
        env.update({
            "TELEGRAM_BOT_TOKEN": self.tg.token, "TELEGRAM_BASE_URL": self.tg.base_url,
            "BOT_DATA_DIR": str(self.data_dir), "LOG_LEVEL": "INFO", "WEB_PORT": "0",
            "PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1", **self.env,
        })
        polls = len(self.tg.calls_to("getUpdates"))
        self._log = self.log_path.open("ab")
        self.proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", cwd=self.data_dir.parent, env=env,
            stdout=asyncio.subprocess.DEVNULL, stderr=self._log,
        )
        await self.tg.wait_for(lambda: len(self.tg.calls_to("getUpdates")) > polls
                               or self.proc is None or self.proc.returncode is not None,
                               timeout=timeout, what="the bot process to start polling")
        assert self.proc.returncode is None, self.log()[-3000:]

    async def kill(self) -> None:
        """SIGKILL: no clean-up of any kind runs."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        await self.proc.wait()
        self._close()

    async def stop(self) -> int:
        """SIGTERM and wait: the clean shutdown path."""
        assert self.proc is not None
        if self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(self.proc.wait(), 30)
        self._close()
        return code

    def _close(self) -> None:
        if self._log is not None:
            self._log.close()
            self._log = None

    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
