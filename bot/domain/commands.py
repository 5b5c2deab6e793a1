"""The command menu: one list feeds Telegram's menu (set_my_commands) and /help."""

from __future__ import annotations

from rapidfuzz.distance import OSA

PATIENT_COMMANDS: tuple[tuple[str, str], ...] = (
    ("routine", "Start today's guided routine"),
    ("exercises", "Browse the exercises"),
    ("exercise", "Show one exercise, e.g. /exercise bridge"),
    ("plan", "Your plan: programme, stage and today's exercises"),
    ("cards", "Exercise cards: /cards full every time, or /cards short once familiar"),
    ("progress", "Streak, adherence, pain trend and chart"),
    ("history", "The last 14 days, one line a day"),
    ("weekly", "Weekly summary: /weekly off, /weekly sunday 18:00"),
    ("remind", "Set reminder times, e.g. /remind 07:30 18:00"),
    ("reminders", "List your reminders"),
    ("timezone", "Set your time zone, e.g. /timezone London"),
    ("pause", "Pause reminders, e.g. /pause 3"),
    ("resume", "Resume reminders"),
    ("cancel", "End the current routine"),
    ("ask", "Send a question to your clinician"),
    ("export", "Download everything stored about you"),
    ("forget", "Delete everything stored about you"),
    ("start", "Start again: welcome, safety and consent"),
    ("help", "What I can do"),
)

CLINICIAN_COMMANDS: tuple[tuple[str, str], ...] = (
    ("stats", "Clinic overview: adherence, pain, red flags"),
    ("patient", "One patient's summary: /patient <name, @username or id>"),
    ("export_all", "CSV of every consenting patient's records"),
    ("dashboard", "Open the dashboard (a Mini App): patients, charts, plans"),
    ("programmes", "The programmes you can assign"),
    ("assign", "Put a patient on a programme: /assign <patient> <programme> [date]"),
    ("planadd", "Add an exercise: /planadd <patient> <exercise>"),
    ("planremove", "Remove an exercise: /planremove <patient> <exercise>"),
    ("plandose", "Change a dose: /plandose <patient> <exercise> 3x12"),
    ("planphase", "Start a stage on a date: /planphase <patient> <stage> <date>"),
    ("plannote", "Leave a note on the plan: /plannote <patient> <text>"),
)


def help_lines(is_admin: bool) -> list[str]:
    """One line per command, clinician commands only for clinicians."""
    lines = [f"/{name} — {text}" for name, text in PATIENT_COMMANDS]
    if is_admin:
        lines.append("")
        lines.extend(f"/{name} — {text}" for name, text in CLINICIAN_COMMANDS)
    return lines


def closest_command(typed: str, is_admin: bool) -> tuple[str, str] | None:
    """The command a mistyped one was meant to be ("/strat" -> start), with its line in the
    menu; None when none is one slip away (two for long names) or it is spelt right (a
    command for another bot, or a clinician's command sent by a patient)."""
    word = typed.lstrip("/").split("@", 1)[0].split(maxsplit=1)[0:1]
    name = word[0].casefold() if word else ""
    if not name:
        return None
    menu = PATIENT_COMMANDS + (CLINICIAN_COMMANDS if is_admin else ())
    limit = 1 if len(name) <= 5 else 2
    best = min(menu, key=lambda item: (OSA.distance(name, item[0]),
                                       not item[0].startswith(name), len(item[0])))
    distance = OSA.distance(name, best[0])
    return best if 0 < distance <= limit else None
