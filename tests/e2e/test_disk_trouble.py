"""A full or read-only data directory: say so, keep the old state, recover cleanly.

Tests run as root, where ``chmod`` does not stop writes, so the disk is broken at the
system-call level instead: ``os.open`` of a file under the data directory for writing
fails with EROFS (read-only), or ``os.write`` to such a file fails with ENOSPC (full)
after the temp file was created. Everything above the system calls is the real code:
``atomic_write_bytes`` and its clean-up, the unit of work, the handlers, the error
handler. Reads keep working, as they do on a full or read-only disk.

What must hold while the disk is broken: one clear ERROR line per failed update, the
user hears that it was NOT saved (never the next step as if it were), nothing on disk
or in memory moves on; once the disk is back, the same action works and is stored once.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import pytest

from bot.chat.fake_telegram import FakeTelegram
from tests.e2e.chaos import far_slots, prompt_tokens, raw_events, seed_patients, seed_prompt
from tests.e2e.chaos import stray_temp_files as stray
from tests.harness import BotUnderTest

pytestmark = pytest.mark.embedded_only  # damaged and full files: the embedded store's

UID = 77
SID = f"s{UID}"
NOT_SAVED = "couldn't save"


class BrokenDisk:
    """Fail writes under ``root`` with ``errno`` while ``broken`` is set."""

    def __init__(self, root: Path) -> None:
        self.root = str(root)
        self.broken: int | None = None
        self.refused = 0
        self._fds: set[int] = set()

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        real_open, real_write, real_close, real_mkdir = os.open, os.write, os.close, os.mkdir
        real_pwrite = os.pwrite
        writing = os.O_WRONLY | os.O_RDWR | os.O_CREAT

        def ours(path: Any) -> bool:
            return self.broken is not None and os.fspath(path).startswith(self.root)

        def fake_open(path: Any, flags: int, mode: int = 0o777, **kw: Any) -> int:
            if ours(path) and flags & writing:
                if self.broken == errno.EROFS:
                    self.refused += 1
                    raise OSError(errno.EROFS, os.strerror(errno.EROFS), os.fspath(path))
                fd = real_open(path, flags, mode, **kw)
                self._fds.add(fd)
                return fd
            return real_open(path, flags, mode, **kw)

        def fake_write(fd: int, data: Any) -> int:
            if fd in self._fds and self.broken == errno.ENOSPC:
                self.refused += 1
                real_write(fd, bytes(data[: len(data) // 2]))  # half, then the disk is full
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real_write(fd, data)

        def fake_pwrite(fd: int, data: Any, offset: int) -> int:  # a journal's append
            if fd in self._fds and self.broken == errno.ENOSPC:
                self.refused += 1
                real_pwrite(fd, bytes(data[: len(data) // 2]), offset)
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real_pwrite(fd, data, offset)

        def fake_close(fd: int) -> None:
            self._fds.discard(fd)
            real_close(fd)

        def fake_mkdir(path: Any, mode: int = 0o777, **kw: Any) -> None:
            if ours(path):
                self.refused += 1
                raise OSError(self.broken, os.strerror(self.broken or 0), os.fspath(path))
            real_mkdir(path, mode, **kw)

        monkeypatch.setattr(os, "open", fake_open)
        monkeypatch.setattr(os, "write", fake_write)
        monkeypatch.setattr(os, "pwrite", fake_pwrite)
        monkeypatch.setattr(os, "close", fake_close)
        monkeypatch.setattr(os, "mkdir", fake_mkdir)

    @contextlib.contextmanager
    def failing(self, code: int) -> Iterator[None]:
        self.broken = code
        try:
            yield
        finally:
            self.broken = None


@pytest.fixture
async def setup(
    tg: FakeTelegram, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[tuple[BotUnderTest, BrokenDisk]]:
    data_dir = tmp_path / "data"
    seed_patients(data_dir, [UID], steps=6, slots={UID: far_slots(1)})
    seed_prompt(tg, UID, f"{SID}:1")
    disk = BrokenDisk(data_dir)
    disk.install(monkeypatch)
    bot = BotUnderTest(tg, data_dir)
    await bot.start()
    try:
        yield bot, disk
    finally:
        await bot.stop()


def errors(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


async def reply_to(tg: FakeTelegram, uid: int, update_id: int) -> None:
    """Wait until this update is confirmed (handled) by the bot."""
    await tg.wait_for(lambda: tg.confirmed_offset > update_id, what=f"update {update_id}")


def texts_since(tg: FakeTelegram, uid: int, start: int) -> list[str]:
    return [m.text or "" for m in tg.sent(uid)[start:]]


def stored_bytes(data_dir: Path) -> tuple[bytes, bytes]:
    """The patient's hot file and journal, as bytes (a failed append must leave both)."""
    journal = data_dir / "users" / f"{UID}.journal"
    return ((data_dir / "users" / f"{UID}.json").read_bytes(),
            journal.read_bytes() if journal.exists() else b"")


@pytest.mark.parametrize("code", [errno.ENOSPC, errno.EROFS], ids=["full", "read-only"])
async def test_session_reply_is_refused_then_recorded_once(
    tg: FakeTelegram, setup: tuple[BotUnderTest, BrokenDisk], caplog: pytest.LogCaptureFixture,
    code: int,
):
    bot, disk = setup
    data_dir = bot.data_dir
    before = stored_bytes(data_dir)
    start = len(tg.sent(UID))
    with disk.failing(code):
        caplog.clear()
        typed = tg.user_sends(UID, "done")
        await reply_to(tg, UID, typed)
        typed_errors = errors(caplog)
        caplog.clear()
        tapped = tg.user_taps(UID, f"s:d:{SID}:1")
        await reply_to(tg, UID, tapped)
        tap_errors = errors(caplog)
        # Nothing moved on: not on disk, not in the bot's memory.
        assert stored_bytes(data_dir) == before
        session = bot.deps.store.user(UID).get("session")
        assert (session["index"], session["seq"]) == (0, 1)
    refused = texts_since(tg, UID, start)
    assert len(refused) == 2 and all(NOT_SAVED in t for t in refused), refused
    assert prompt_tokens(tg, UID, SID) == [1], "never the next step as if saved"
    assert tg.callback_answer(str(tg.updates.history[tapped]["callback_query"]["id"]))
    for lines in (typed_errors, tap_errors):
        assert len(lines) == 1, lines  # one clear line per failed update
    assert "could not write" in typed_errors[0]
    assert os.strerror(code) in typed_errors[0]
    assert disk.refused >= 2
    assert not stray(data_dir), "a failed write left its temp file"

    # The disk is back: the same reply works, once.
    tg.user_sends(UID, "done")
    await tg.wait_for(lambda: 2 in prompt_tokens(tg, UID, SID), what="the next step")
    tg.user_taps(UID, f"s:d:{SID}:2")
    await tg.wait_for(lambda: 3 in prompt_tokens(tg, UID, SID), what="the step after")
    assert [e["id"] for e in raw_events(data_dir, UID)] == [f"{SID}:0:done", f"{SID}:1:done"]
    assert prompt_tokens(tg, UID, SID) == [1, 2, 3]


async def test_settings_and_consent_are_refused_then_work(
    tg: FakeTelegram, setup: tuple[BotUnderTest, BrokenDisk], caplog: pytest.LogCaptureFixture,
):
    bot, disk = setup
    jobs = bot.job_names()
    newcomer = 88
    with disk.failing(errno.EROFS):
        start = len(tg.sent(UID))
        await reply_to(tg, UID, tg.user_sends(UID, "/remind 08:15"))
        assert [NOT_SAVED in t for t in texts_since(tg, UID, start)] == [True]
        assert bot.job_names() == jobs, "no reminder moved"
        assert "08:15" not in str(bot.deps.store.profile(UID).get("reminder_times"))

        await reply_to(tg, newcomer, tg.user_sends(newcomer, "/start"))
        start = len(tg.sent(newcomer))
        caplog.clear()
        await reply_to(tg, newcomer, tg.user_taps(newcomer, "ob:consent:yes"))
        assert [NOT_SAVED in t for t in texts_since(tg, newcomer, start)] == [True]
        assert len(errors(caplog)) == 1, errors(caplog)
        assert not (bot.data_dir / "users" / f"{newcomer}.json").exists()

    start = len(tg.sent(UID))
    await reply_to(tg, UID, tg.user_sends(UID, "/remind 08:15"))
    assert "08:15" in texts_since(tg, UID, start)[0]
    assert "reminder:77:0815" in bot.job_names()
    start = len(tg.sent(newcomer))
    await reply_to(tg, newcomer, tg.user_taps(newcomer, "ob:consent:yes"))
    assert any(d.startswith("ob:time:") for m in tg.sent(newcomer)[start:] for _, d in m.buttons)
    assert bot.deps.store.profile(newcomer)["consent"] is True


async def test_a_reminder_still_goes_out_when_it_cannot_be_marked(
    tg: FakeTelegram, setup: tuple[BotUnderTest, BrokenDisk], caplog: pytest.LogCaptureFixture,
):
    """Marking a reminder sent failed: sending it anyway risks a repeat only if the bot
    also restarts within the catch-up window; not sending it loses it for sure."""
    bot, disk = setup
    (job,) = [n for n in bot.job_names() if n.startswith("reminder:")]
    with disk.failing(errno.ENOSPC):
        caplog.clear()
        await bot.run_job(job)
        lines = errors(caplog)
    reminders = [m for m in tg.sent(UID) if any(d == "rem:snooze:15" for _, d in m.buttons)]
    assert len(reminders) == 1
    assert len(lines) == 1 and "reminder" in lines[0].lower(), lines
    assert job in bot.job_names(), "re-armed for its next time"
