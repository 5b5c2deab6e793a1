"""What a person would notice over the ten days, read back out of the bot's messages.

Each check returns the problems it found as sentences (an empty list when all is well),
so that one run of the ten days reports every one of them. The figures are read with
``tests.domain.figures.read`` (the phrasings of content/messages, whatever the wording)
and compared with what the patient did, counted from the conversation itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from bot.content.model import Content, Dose
from tests.domain.figures.read import dose_in, fill, fills, has, minutes_in
from tests.e2e.ten_days import DEMOS, Line, Routine, has_button, text_of

_EVENING_WORDS = re.compile(r"\bgood evening\b|\bthis evening\b", re.IGNORECASE)
_AFTERNOON_WORDS = re.compile(r"\bgood afternoon\b|\bthis afternoon\b", re.IGNORECASE)
_MORNING_WORDS = re.compile(r"\bgood morning\b|\bthis morning\b", re.IGNORECASE)


@dataclass(frozen=True)
class Done:
    """One routine as the patient lived it: sets prompted (the two sides of a set are
    one set), exercises shown, and the minutes it announced."""

    sets: int
    exercises: int
    announced: int | None


def routine_figures(content: Content, r: Routine) -> tuple[Done, list[str]]:
    """Announced minutes = the summary's; each picture's caption = its card's dose; each
    step asks for that dose; the summary counts the sets and exercises prompted."""
    problems: list[str] = []
    where = f"{r.day:%a %d %b}, {r.kind}"
    texts = [text_of(m) for m in r.messages]
    counts = fill("session_summary_counts", texts[-1])
    intro = next((t for t in texts if "Today's plan:" in t), None)
    announced = None
    if intro is not None:
        announced = minutes_in(fill("session_intro", intro.split("\n\n")[0])["duration"])
        counted = minutes_in(counts["duration"])
        if announced != counted:
            problems.append(f"{where}: announced as about {announced} minutes, the summary "
                            f"says about {counted}")
    heading = content.text("card_dose_heading")
    dose: Dose | None = None
    cards = sets = 0
    for i, msg in enumerate(r.messages):
        first = texts[i].split("\n", 1)[0]
        if msg.method in DEMOS or has_button(msg, "lib:show:"):
            dose = dose_in(fill("session_card_short_title", first)["dose"])
            cards += 1
            if msg.method in DEMOS:
                block = next((b for b in texts[i + 1].split("\n\n")
                              if b.startswith(heading + "\n")), None)
                on_card = dose_in(block.split("\n", 1)[1]) if block else None
                if on_card != dose:
                    problems.append(f"{where}: the caption {first!r} and its card's dose "
                                    f"{on_card} disagree")
        elif has_button(msg, "s:d:"):
            assert dose is not None, f"{where}: a step before any card: {texts[i]!r}"
            sets += "right side" not in first
            problems += _step_figures(where, texts[i], dose)
    if (int(counts["sets"]), int(counts["exercises"]), int(counts["total"])) != (
            sets, cards, cards):
        problems.append(f"{where}: the summary says {counts['exercises']} of "
                        f"{counts['total']} exercises and {counts['sets']} sets; "
                        f"{cards} exercises and {sets} sets were asked for")
    return Done(sets, cards, announced), problems


def _step_figures(where: str, prompt: str, dose: Dose) -> list[str]:
    """A step prompt asks for the dose its card showed."""
    wanted = {"hold": dose.hold_seconds, "reps": dose.reps}
    found: dict[str, int] = {}
    for key in ("session_step_hold", "session_step_reps", "session_step_reps_hold",
                "session_step_walk", "session_step_walk_sets"):
        if not has(key, prompt):
            continue
        values = fill(key, prompt)
        found.update({k: int(v) for k, v in values.items() if k in wanted})
        if "duration" in values:
            found["minutes"] = minutes_in(values["duration"])
            wanted["minutes"] = dose.minutes
        label = values.get("label")
        if label:
            side = has("session_set_label_side", label)
            sets = fill("session_set_label_side" if side else "session_set_label", label)
            found["sets"], wanted["sets"] = int(sets["sets"]), dose.sets
    wrong = {k: (v, wanted[k]) for k, v in found.items() if wanted.get(k) != v}
    if not found:
        return [f"{where}: a step prompt with no figure read: {prompt!r}"]
    return [f"{where}: the step {prompt!r} asks for {wrong} (said, card)"] if wrong else []


def summary_streak(r: Routine) -> int:
    text = text_of(r.messages[-1])
    if has("session_summary_streak_one", text):
        return 1
    return int(fill("session_summary_streak", text)["streak"])


def reminder_minutes(text: str) -> int | None:
    """The minutes a reminder announces (None for a nudge, which names none)."""
    found = fills("reminder_head", text.split("\n", 1)[0])
    return int(found[0]["minutes"]) if found else None


@dataclass(frozen=True)
class Progress:
    streak: int
    week_pct: int | None
    month_pct: int | None
    sets_today: int
    sets_since_monday: int


def progress_figures(text: str) -> Progress:
    """The figures of a /progress reply."""
    if has("progress_streak_none", text):
        streak = 0
    elif has("progress_streak_one", text):
        streak = 1
    else:
        streak = int(fill("progress_streak", text)["days"])

    def pct(key: str) -> int | None:
        return int(fill(key, text)["pct"]) if has(key, text) else None

    today = int(fill("progress_today", text)["sets"]) if has("progress_today", text) else 0
    return Progress(streak, pct("progress_adherence_7"), pct("progress_adherence_30"), today,
                    int(fill("progress_sets_week", text)["sets"]))


# --- what the patient did, counted the documented way -------------------------------------

EXCUSED = ("rest", "flare")


def streak(status: dict[date, str], today: date) -> int:
    """Complete days in a row; rest and flare-up days pause it, anything else breaks it;
    today counts once complete."""
    day = today if status.get(today) == "complete" else today - timedelta(days=1)
    count = 0
    while day in status:
        if status[day] == "complete":
            count += 1
        elif status[day] not in EXCUSED:
            break
        day -= timedelta(days=1)
    return count


def routine_days(status: dict[date, str], today: date, days: int) -> tuple[int, int]:
    """(full-routine days, expected days) over ``days`` dates ending today, from the
    first day: rest and flare-up days are not expected, today only once complete."""
    window = [today - timedelta(days=i) for i in range(days)]
    expected = [d for d in window if d in status and status[d] not in EXCUSED
                and (d != today or status[d] == "complete")]
    return sum(status[d] == "complete" for d in expected), len(expected)


# --- the time of day, and no question on top of another ------------------------------------


def time_of_day(lines: list[Line]) -> list[str]:
    """"Good morning" only before noon, afternoon words from noon to six, evening words
    from five."""
    problems = []
    for ln in lines:
        if ln.message is None:
            continue
        text, hour = text_of(ln.message), ln.at.hour  # (a "This evening" button is fine)
        for words, ok in ((_MORNING_WORDS, hour < 12), (_AFTERNOON_WORDS, 12 <= hour < 18),
                          (_EVENING_WORDS, hour >= 17)):
            found = words.search(text)
            if found and not ok:
                problems.append(f"{ln.at:%a %H:%M}: {found.group(0)!r} in {text[:80]!r}")
    return problems
