"""The command menu: one list feeds Telegram's menu (set_my_commands) and /help."""

from __future__ import annotations

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
