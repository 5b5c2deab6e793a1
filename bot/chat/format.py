"""How the terminal chat shows Telegram things as text, and reads what the user types.

Pure functions on plain values (Bot API dicts and strings), so they are tested
without a server, a bot or a terminal.
"""

from __future__ import annotations

import html
import re
import textwrap
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

INDENT = "     "  # continuation lines sit under the text, after "bot: "
MAX_ADVANCE = timedelta(days=90)

BANNER = """\
Hip recovery coach: terminal chat
This is the real bot (same handlers, content, reminders and storage) talking to a
pretend Telegram inside this program. No token needed; nothing leaves this computer.
Data folder: {data_dir}
{data_note}

  type anything        talk to the bot: /start to begin, /help for its commands
  #2                   tap button [2] of the latest message with buttons
  #7.2                 tap button [2] of message #7
  :now +10m            move the clock forward (+2h, +1d, +1d2h) and run what fell due
  :location 51.5 -0.1  share a location (sets your time zone)
  :open                open the last picture or file the bot sent
  :help   :quit        this list; leave (Ctrl-D works too)
"""

CLINICIAN_BANNER = """\
Hip recovery coach: terminal chat, as a clinician
This is the real bot (same handlers, content, reminders and storage) talking to a
pretend Telegram inside this program. No token needed; nothing leaves this computer.
You are a clinician here (your id 1001 is in ADMIN_USER_IDS), and the patients are
made up: Pat Green, Ann Lee, Raj Patel, Maria Lopez, Tom Baker and Lee Wong.
Data folder: {data_dir}
{data_note}

  /stats               who is active, and who needs a look
  /patient Pat         one patient's report and chart (a name, @username or id)
  :web                 the clinic dashboard (the Mini App) in your browser
  /programmes          the programmes; /assign puts a patient on one
  :alert               Tom Baker (a demo patient) reports a fall: see the alert arrive
  #2  #7.2             tap button [2] of the latest message, or of message #7
  :now +1d             move the clock forward and run what fell due
  :help   :quit        the chat's commands; leave (Ctrl-D works too)
"""

CHAT_HELP = """\
In this terminal chat:
  #2 taps button [2] of the latest buttons; #7.2 taps button [2] of message #7
  :now +10m | +2h | +1d   move the clock forward; reminders and timers that fall due run
  :location LAT LON       share a location (sets your time zone)
  :open                   open the last picture or file the bot sent
  :web                    a local address of your progress page (the Mini App), or of
                          the clinic dashboard with --clinician
  :alert                  (with --clinician) a demo patient reports a red flag
  :help  this list;  :quit  leave (Ctrl-D works too)"""

_TAG = re.compile(r"<[^<>]*>")
_TAP = re.compile(r"#(\d{1,4})(?:\.(\d{1,3}))?")
_PART = re.compile(r"(\d{1,5})\s*(w|d|h|m|s)", re.IGNORECASE)
_UNITS = {"w": "weeks", "d": "days", "h": "hours", "m": "minutes", "s": "seconds"}
_SLUG = re.compile(r"[^a-z0-9]+")
_BULLET = re.compile(r"\s*(?:[•*-]|\d{1,2}\.)\s+")


@dataclass(frozen=True)
class Button:
    """One inline button: what it says, and what a tap sends (or the link it opens)."""

    label: str
    data: str | None = None
    url: str | None = None


def strip_html(text: str) -> str:
    """What a user sees of Telegram HTML: tags dropped, entities such as &lt; decoded."""
    return html.unescape(_TAG.sub("", text))


def visible_text(text: str | None, parse_mode: str | None) -> str:
    """The text as Telegram would show it: HTML markup removed only when it is HTML."""
    if not text:
        return ""
    if (parse_mode or "").lower() == "html":
        return strip_html(text)
    return text


def inline_rows(markup: dict[str, Any] | None) -> list[list[Button]]:
    """The inline keyboard of a reply_markup, row by row (empty for other keyboards)."""
    rows: list[list[Button]] = []
    for row in (markup or {}).get("inline_keyboard") or []:
        buttons = [
            Button(str(b.get("text", "")), b.get("callback_data"), b.get("url"))
            for b in row
            if isinstance(b, dict)
        ]
        if buttons:
            rows.append(buttons)
    return rows


def flat_buttons(markup: dict[str, Any] | None) -> list[Button]:
    """Inline buttons in the order they are numbered: left to right, top to bottom."""
    return [button for row in inline_rows(markup) for button in row]


def format_button_rows(rows: list[list[Button]]) -> list[str]:
    """One line per keyboard row: ``[1] Done  [2] Skip``, numbered across rows."""
    lines: list[str] = []
    number = 0
    for row in rows:
        cells = []
        for button in row:
            number += 1
            link = f" ({button.url})" if button.url else ""
            cells.append(f"[{number}] {button.label}{link}")
        lines.append("  ".join(cells))
    return lines


def reply_keyboard_line(markup: dict[str, Any] | None) -> str | None:
    """A reply keyboard (under the typing box in Telegram) as one line, or None."""
    rows = (markup or {}).get("keyboard") or []
    labels: list[str] = []
    for row in rows:
        for button in row:
            if isinstance(button, str):
                labels.append(f"[{button}]")
            elif isinstance(button, dict):
                hint = " (type :location LAT LON)" if button.get("request_location") else ""
                labels.append(f"[{button.get('text', '')}]{hint}")
    return "keyboard: " + "  ".join(labels) if labels else None


def wrap(lines: list[str], width: int, first_used: int) -> list[str]:
    """Wrap long lines to ``width`` columns, lists hanging under their bullet.

    ``first_used`` is how much of the first line the head already takes.
    """
    out: list[str] = []
    for i, line in enumerate(lines):
        bullet = _BULLET.match(line)
        lead = " " * (first_used - len(INDENT)) if i == 0 and first_used > len(INDENT) else ""
        parts = textwrap.wrap(
            line, max(20, width - len(INDENT)), initial_indent=lead,
            subsequent_indent=" " * len(bullet.group(0)) if bullet else "",
            break_long_words=False, break_on_hyphens=False,
        )
        if parts and lead:
            parts[0] = parts[0][len(lead):]
        out += parts or [""]
    return out


def render(
    head: str,
    text: str,
    markup: dict[str, Any] | None = None,
    files: tuple[str, ...] = (),
    width: int | None = None,
) -> list[str]:
    """A bot message as terminal lines: head and first line, the rest indented, buttons.

    With ``width`` (a terminal), long lines are wrapped; a piped transcript keeps them.
    """
    body = [*files, *text.splitlines()] or [""]
    if width:
        body = wrap(body, width, len(head) + 1)
    lines = [f"{head} {body[0]}".rstrip()]
    lines += [f"{INDENT}{line}".rstrip() for line in body[1:]]
    lines += [f"{INDENT}{line}" for line in format_button_rows(inline_rows(markup))]
    keyboard = reply_keyboard_line(markup)
    if keyboard:
        lines.append(f"{INDENT}{keyboard}")
    return lines


def parse_tap(text: str) -> tuple[int | None, int] | None:
    """``#2`` -> (None, 2): button 2 of the latest keyboard; ``#7.2`` -> (7, 2); else None."""
    match = _TAP.fullmatch(text.strip())
    if match is None:
        return None
    if match.group(2) is None:
        return None, int(match.group(1))
    return int(match.group(1)), int(match.group(2))


def parse_advance(text: str) -> timedelta:
    """``+10m``, ``+2h``, ``+1d``, ``1h30m`` -> a timedelta; ValueError when it is not one."""
    raw = text.strip().removeprefix("+").replace(" ", "")
    if not raw:
        raise ValueError("say how far, for example :now +10m, :now +2h or :now +1d")
    total = timedelta(0)
    position = 0
    for match in _PART.finditer(raw):
        if match.start() != position:
            break
        total += timedelta(**{_UNITS[match.group(2).lower()]: int(match.group(1))})
        position = match.end()
    if position != len(raw):
        raise ValueError(f"{text.strip()!r} is not a time step; try +10m, +2h, +1d or +1d2h")
    if total <= timedelta(0):
        raise ValueError("the clock only moves forward")
    if total > MAX_ADVANCE:
        raise ValueError("at most 90 days at a time")
    return total


def describe_delta(delta: timedelta) -> str:
    """``1 d 2 h`` style, for the line that confirms a clock move."""
    seconds = int(delta.total_seconds())
    parts = []
    for size, unit in ((86400, "d"), (3600, "h"), (60, "min"), (1, "s")):
        if seconds >= size:
            parts.append(f"{seconds // size} {unit}")
            seconds %= size
    return " ".join(parts) or "0 s"


def parse_location(text: str) -> tuple[float, float]:
    """``51.5 -0.12`` (or with a comma) -> (latitude, longitude); ValueError otherwise."""
    parts = text.replace(",", " ").split()
    if len(parts) != 2:
        raise ValueError("type it as :location LATITUDE LONGITUDE, e.g. :location 51.5 -0.12")
    lat, lon = float(parts[0]), float(parts[1])
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise ValueError("latitude goes from -90 to 90 and longitude from -180 to 180")
    return lat, lon


def extension_for(data: bytes) -> str:
    """A file extension from the first bytes, so a saved picture opens in a viewer."""
    if data.startswith(b"\x89PNG"):
        return ".png"
    if data.startswith(b"\xff\xd8"):
        return ".jpg"
    if data.startswith(b"GIF8"):
        return ".gif"
    if data.startswith(b"%PDF"):
        return ".pdf"
    if data[4:8] == b"ftyp":
        return ".mp4"
    return ".bin"


def photo_file_name(caption: str | None, data: bytes, number: int) -> str:
    """``glute_bridge.png`` from a caption ``Glute bridge — 10 reps``; else ``picture-7.png``."""
    title = (caption or "").split(" — ")[0].split("\n")[0]
    slug = _SLUG.sub("_", title.lower()).strip("_")[:60]
    return f"{slug or f'picture-{number}'}{extension_for(data)}"


def safe_file_name(name: str | None, fallback: str) -> str:
    """A document's own name, reduced to one harmless path part."""
    base = (name or "").replace("\\", "/").rsplit("/", 1)[-1].strip().lstrip(".")
    cleaned = re.sub(r"[^\w.\- ]+", "_", base)[:100]
    return cleaned or fallback
