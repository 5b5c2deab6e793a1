"""`python -m bot chat`: the formatting helpers, the clock mover in-process, and the real
command driven through a pseudo-terminal and through a piped script."""

from __future__ import annotations

import io
import os
import pty
import re
import select
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.chat import format as fmt
from bot.chat.session import USER_ID, TerminalChat
from tests.harness import BotUnderTest

ROOT = Path(__file__).resolve().parents[2]
PNG = b"\x89PNG\r\n\x1a\n"


# ---- pure helpers -------------------------------------------------------------------


def test_buttons_are_numbered_across_rows_one_line_per_row():
    markup = {"inline_keyboard": [
        [{"text": "⏱ Start timer", "callback_data": "s:t:1"}],
        [{"text": "Done", "callback_data": "s:d:1"}, {"text": "Skip", "callback_data": "s:k:1"},
         {"text": "Too painful", "callback_data": "s:p:1"}],
        [{"text": "Guide", "url": "https://example.org/guide"}],
    ]}
    assert fmt.format_button_rows(fmt.inline_rows(markup)) == [
        "[1] ⏱ Start timer",
        "[2] Done  [3] Skip  [4] Too painful",
        "[5] Guide (https://example.org/guide)",
    ]
    assert [b.data for b in fmt.flat_buttons(markup)] == ["s:t:1", "s:d:1", "s:k:1", "s:p:1",
                                                         None]
    assert fmt.flat_buttons(None) == [] and fmt.flat_buttons({"keyboard": [["x"]]}) == []


def test_html_is_stripped_only_when_the_message_is_html():
    assert fmt.strip_html("<b>Done</b> &amp; <i>dusted</i> &lt;3") == "Done & dusted <3"
    assert fmt.visible_text("<b>5</b> &gt; 3", "HTML") == "5 > 3"
    assert fmt.visible_text("I <3 my hip", None) == "I <3 my hip"
    assert fmt.visible_text(None, "HTML") == ""


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_characters="<>&"), max_size=40),
       st.sampled_from(["b", "i", "u", "code", "s"]))
def test_stripping_a_tag_leaves_the_words(words: str, tag: str):
    assert fmt.strip_html(f"<{tag}>{words}</{tag}>") == words


def test_render_indents_continuation_lines_and_shows_files_and_reply_keyboards():
    markup = {"keyboard": [[{"text": "📍 Share my location", "request_location": True}]]}
    lines = fmt.render("bot:", "Line one\nLine two", markup, ("[photo saved: /x/a.png]",))
    assert lines == [
        "bot: [photo saved: /x/a.png]",
        f"{fmt.INDENT}Line one",
        f"{fmt.INDENT}Line two",
        f"{fmt.INDENT}keyboard: [📍 Share my location] (type :location LAT LON)",
    ]


def test_wrapping_keeps_every_word_and_fits_the_terminal():
    text = "• " + " ".join(["gentle"] * 30) + "\nshort"
    lines = fmt.render("bot #12:", text, width=50)
    assert all(len(line) <= 50 for line in lines)
    assert " ".join(" ".join(lines).split()).count("gentle") == 30
    assert lines[1].startswith(fmt.INDENT + "  gentle")  # hangs under the bullet
    assert lines[-1] == fmt.INDENT + "short"


def test_taps_parse_and_other_hashes_are_text():
    assert fmt.parse_tap("#2") == (None, 2)
    assert fmt.parse_tap(" #7.3 ") == (7, 3)
    for text in ("#", "#two", "#2.", "# 2", "#hip", "2"):
        assert fmt.parse_tap(text) is None


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 50), st.sampled_from("wdhms")), min_size=1,
                max_size=3))
def test_clock_steps_add_up(parts: list[tuple[int, str]]):
    unit = {"w": 604800, "d": 86400, "h": 3600, "m": 60, "s": 1}
    total = sum(n * unit[u] for n, u in parts)
    text = "+" + "".join(f"{n}{u}" for n, u in parts)
    if total > fmt.MAX_ADVANCE.total_seconds():
        with pytest.raises(ValueError, match="at most"):
            fmt.parse_advance(text)
    else:
        assert fmt.parse_advance(text) == timedelta(seconds=total)


@pytest.mark.parametrize("text", ["", "+", "-1d", "10", "+1x", "+1d junk", "+0m"])
def test_bad_clock_steps_say_how(text: str):
    with pytest.raises(ValueError, match=r"\S"):
        fmt.parse_advance(text)


def test_locations_and_file_names():
    assert fmt.parse_location("51.5 -0.12") == (51.5, -0.12)
    assert fmt.parse_location("52.5, 13.4") == (52.5, 13.4)
    for bad in ("", "51.5", "91 0", "0 181", "north south"):
        with pytest.raises(ValueError):
            fmt.parse_location(bad)
    assert fmt.photo_file_name("Glute bridge — 10 reps", PNG, 4) == "glute_bridge.png"
    assert fmt.photo_file_name(None, b"\xff\xd8rest", 7) == "picture-7.jpg"
    assert fmt.safe_file_name("../../etc/passwd", "f.bin") == "passwd"
    assert fmt.safe_file_name(".hidden", "f.bin") == "hidden"
    assert fmt.safe_file_name(None, "f.bin") == "f.bin"
    assert fmt.describe_delta(timedelta(days=1, hours=2)) == "1 d 2 h"


# ---- in-process: the chat on the harness's bot --------------------------------------


def ten_am_london() -> timedelta:
    """A clock offset that puts the bot at the next 10:00 in London (a fixed day part)."""
    now = datetime.now(ZoneInfo("Europe/London"))
    target = now.replace(hour=10, minute=0, second=0, microsecond=0)
    if target <= now:
        target += timedelta(days=1)
    return target - now


async def chat_for(bot: BotUnderTest, tmp_path: Path) -> tuple[TerminalChat, io.StringIO]:
    out = io.StringIO()
    return TerminalChat(bot.tg, bot.app, bot.clock, tmp_path, out, interactive=False), out


async def onboard(chat: TerminalChat) -> None:
    for line in ("/start", "#1", "#1", "#1"):  # consent, 07:30, London
        await chat.handle(line)
    chat.flush()


async def test_moving_the_clock_plays_the_hold_timer_in_order(bot: BotUnderTest,
                                                              tmp_path: Path):
    chat, out = await chat_for(bot, tmp_path)
    await onboard(chat)
    await chat.handle("/routine")
    await chat.handle("#3")  # pain 2 before
    chat.flush()
    assert "[1] ⏱ Start timer" in out.getvalue()
    await chat.handle("#1")
    chat.flush()
    await chat.handle(":now +15s")
    first = out.getvalue()
    assert first.count("bot (edited):") == 1  # the tick at 10 s; the next is not due yet
    await chat.handle(":now +20s")
    text = out.getvalue()
    edits = re.findall(r"bot \(edited\): (.*)", text)
    assert len(edits) == 3 and edits[-1] == "⏱ Time!", edits
    assert text.index(edits[0]) < text.index(edits[1]) < text.rindex("⏱ Time!")
    assert "2 scheduled job(s) ran" in text
    assert not [n for n in bot.job_names() if n.startswith("timer:")]  # countdown over


async def test_a_day_later_the_reminder_arrives_and_the_next_is_armed(bot: BotUnderTest,
                                                                      tmp_path: Path):
    bot.clock.advance(ten_am_london())
    chat, out = await chat_for(bot, tmp_path)
    await onboard(chat)
    assert "reminder:1001:0730" in bot.job_names()
    before = len(bot.tg.sent(USER_ID))
    await chat.handle(":now +1d")
    text = out.getvalue()
    # On a Sunday the weekly summary (18:00) comes first: find the reminder by its buttons.
    later = bot.tg.sent(USER_ID)[before:]
    number = next(n for n, m in enumerate(later, before + 1)
                  if "rem:snooze:15" in [data for _, data in m.buttons])
    assert f"bot #{number}:" in text and "Snooze 15 min" in text
    job = next(j for j in bot.app.job_queue.jobs() if j.name == "reminder:1001:0730")
    due = chat.mover.due_on_clock(job)
    assert timedelta(hours=20) < due - bot.clock.now() < timedelta(hours=22)


async def test_taps_by_message_number_and_pop_up_answers(bot: BotUnderTest, tmp_path: Path):
    chat, out = await chat_for(bot, tmp_path)
    await chat.handle("/start")
    chat.flush()
    consent = len(bot.tg.sent(USER_ID))
    await chat.handle(f"#{consent}.1")
    chat.flush()
    assert "(you tapped: " in out.getvalue()
    await chat.handle(f"#{consent}.9")
    await chat.handle("#99.1")
    await chat.handle(":now sideways")
    await chat.handle(":what")
    text = out.getvalue()
    assert f"(message #{consent} has buttons 1 to 2)" in text
    assert "(there is no message #99)" in text
    assert "is not a time step" in text and "unknown chat command :what" in text
    # A step button tapped twice: the second tap gets Telegram's pop-up answer.
    await chat.handle("#1")  # 07:30
    await chat.handle("#1")  # London
    await chat.handle("/routine")
    await chat.handle("#3")
    chat.flush()
    step = len(bot.tg.sent(USER_ID))
    await chat.handle(f"#{step}.2")
    await chat.handle(f"#{step}.2")
    chat.flush()
    assert re.search(r"bot \(pop-up\): \S", out.getvalue()), out.getvalue()[-500:]


def test_the_chat_runs_without_the_tests_folder(tmp_path: Path):
    """The terminal chat ships with the bot: it must not need anything under tests/."""
    code = (
        "import sys; sys.modules['tests'] = None\n"
        "from bot.__main__ import main\n"
        "sys.exit(main(['chat']))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], input="/start\n:quit\n", cwd=tmp_path, env=child_env(),
        capture_output=True, text=True, encoding="utf-8", timeout=60, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "you> /start" in proc.stdout and "Bye." in proc.stdout


# ---- the real command ---------------------------------------------------------------


def child_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TELEGRAM_", "BOT_"))}
    env.update({"PYTHONPATH": str(ROOT), "PYTHONUNBUFFERED": "1", "COLUMNS": "200",
                "DEFAULT_TIMEZONE": "Europe/London"})
    env.pop("DISPLAY", None)
    env.pop("WAYLAND_DISPLAY", None)
    return env


class Terminal:
    """``python -m bot chat`` on a pseudo-terminal: type a line, read up to the prompt."""

    def __init__(self, *args: str) -> None:
        master, slave = pty.openpty()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "chat", *args],
            stdin=slave, stdout=slave, stderr=slave, cwd=ROOT, env=child_env(),
            close_fds=True, start_new_session=True,
        )
        os.close(slave)
        self.fd = master
        self.transcript = ""

    def read_until_prompt(self, timeout: float = 30.0) -> str:
        """Output until the chat waits for input again ("you> " at the end)."""
        chunk = ""
        deadline = datetime.now(UTC) + timedelta(seconds=timeout)
        while not chunk.endswith("you> "):
            left = (deadline - datetime.now(UTC)).total_seconds()
            assert left > 0, f"no prompt; got:\n{self.transcript + chunk}"
            ready, _, _ = select.select([self.fd], [], [], left)
            if ready:
                try:
                    data = os.read(self.fd, 65536)
                except OSError:  # the child closed the terminal
                    data = b""
                assert data, f"the chat ended early:\n{self.transcript + chunk}"
                chunk += data.decode("utf-8", "replace").replace("\r", "")
                chunk = chunk.replace("\x1b[K", "")
        self.transcript += chunk
        return chunk

    def say(self, line: str) -> str:
        os.write(self.fd, (line + "\n").encode())
        return self.read_until_prompt()

    def close(self) -> int:
        os.write(self.fd, b":quit\n")
        code = self.proc.wait(timeout=30)
        while True:
            ready, _, _ = select.select([self.fd], [], [], 0)
            try:
                data = os.read(self.fd, 65536) if ready else b""
            except OSError:
                data = b""
            if not data:
                break
            self.transcript += data.decode("utf-8", "replace").replace("\r", "")
        os.close(self.fd)
        return code


def saved_file(text: str, kind: str = "photo") -> Path:
    paths = re.findall(rf"\[{kind} saved: (.+?)\]", text)
    assert paths, text
    return Path(paths[-1])


def data_folder(text: str) -> Path:
    match = re.search(r"Data folder: (\S+)", text)
    assert match, text
    return Path(match.group(1))


def test_whole_session_through_a_terminal(tmp_path: Path):
    term = Terminal()  # no --data-dir: a throwaway folder, removed at the end
    try:
        banner = term.read_until_prompt(60)
        assert "#2" in banner and ":now +10m" in banner and ":location" in banner
        assert "real bot" in banner and "thrown away when you quit" in banner
        data = data_folder(banner)
        assert data.name.startswith("hipbot-chat-") and data.is_dir()
        seconds = max(1, int(ten_am_london().total_seconds()))
        term.say(f":now +{seconds}s")  # a fixed time of day: 10:00 in London
        assert "[1] Yes" in term.say("/start")
        assert "[1] 07:30" in term.say("#1")
        assert "London" in term.say("#1")
        assert "Europe/London" in term.say("#1")
        out = term.say("/routine")
        assert "[11] 10" in out  # the pain scale before starting
        out = term.say("#3")
        timer_used = False
        for _ in range(40):
            if "[11] 10" in out:  # the last check: pain after
                out = term.say("#4")
                break
            if not timer_used and "[1] ⏱ Start timer" in out:
                assert "⏱" in term.say("#1")
                out = term.say(":now +30s")
                assert out.count("bot (edited):") == 3 and "⏱ Time!" in out
                timer_used = True
                out = term.say("done")
                continue
            out = term.say("done")
        assert timer_used and "Sets done" in term.transcript, term.transcript[-3000:]
        clip = saved_file(term.say("how do I do the glute bridge?"), "animation")
        assert clip.name == "glute_bridge.mp4" and clip.read_bytes()[4:8] == b"ftyp"
        chart = saved_file(term.say("/progress"))
        assert chart.parent == data / "chat-files" and chart.read_bytes().startswith(PNG)
        out = term.say(":now +1d")
        assert "Snooze 15 min" in out and "clock moved forward 1 d" in out
    finally:
        code = term.close()
    assert code == 0 and "Bye." in term.transcript
    assert not data.exists()
    (tmp_path / "transcript.txt").write_text(term.transcript, encoding="utf-8")


def run_script(lines: list[str], *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "bot", "chat", *args], input="\n".join(lines) + "\n",
        capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=child_env(),
        timeout=timeout, check=False,
    )


def test_piped_script_and_a_second_run_with_the_same_data_dir(tmp_path: Path):
    data = tmp_path / "kept"
    first = run_script(["/start", "#1", "#6", "#1", "/help", ":now +2h", ":quit",
                        "never read"],
                       "--data-dir", str(data))
    assert first.returncode == 0, first.stderr
    out = first.stdout
    assert "you> /start" in out and "(you tapped: Yes, store my replies)" in out
    assert "[6] No reminders for now" in out and "you> never read" not in out
    assert "/routine" in out and "In this terminal chat:" in out  # /help, then the chat's
    assert "Bye. Your data stays in" in out and first.stderr == ""
    assert data_folder(out) == data
    again = run_script(["/start"], "--data-dir", str(data))  # ends at EOF, no :quit
    assert again.returncode == 0, again.stderr
    assert "Welcome back, Pat" in again.stdout and "Bye." in again.stdout
    assert "The bot's clock is 2 h ahead of real time" in again.stdout
