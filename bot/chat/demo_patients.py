"""Made-up patients for ``python -m bot chat --clinician``, so the clinician side has
someone to look at offline.

On the first clinician run in a data folder, six consenting, onboarded patients with two
to four weeks of plausible records are written straight to the store, before the bot
starts: sets done, pain before and after, rest days, one whose pain keeps rising, one
held after a red flag, one on the post-hip-replacement programme through a stored
prescription (as ``/assign`` would leave it). Everything is generated here from fixed
seeds; nothing is real and nothing is committed as data.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from bot.content.model import Content
from bot.domain.plans.changes import Who, assign
from bot.domain.plans.prescription import Prescription
from bot.domain.plans.today import day_plan
from bot.domain.profiles import new_profile
from bot.domain.records import Record, RecordKind, Source, new_record, utc_stamp
from bot.storage import Repository

CLINICIAN_ID = 1001  # the chat's own user, made a clinician by --clinician
CLINICIAN = {"id": CLINICIAN_ID, "is_bot": False, "first_name": "Sam",
             "username": "dr_sam"}  # what the pretend Telegram calls the clinician


@dataclass(frozen=True)
class DemoPatient:
    """One made-up patient: who, for how long, how regular, and their pain day by day."""

    user_id: int
    first_name: str
    username: str
    days: int  # how long ago they joined
    train_share: float  # share of days with a routine
    pain: Callable[[int, int], int]  # (day index, days) -> pain after the routine
    programme: str | None = None  # assigned by the demo clinician
    red_flag: str | None = None  # a red flag's id, reported two days ago (then held)
    reminder: str = "09:00"


def _steady(start: int, end: int) -> Callable[[int, int], int]:
    return lambda i, n: round(start + (end - start) * i / max(1, n - 1))


PATIENTS: tuple[DemoPatient, ...] = (
    DemoPatient(2001, "Pat Green", "patgreen", 28, 0.85, _steady(4, 2)),
    DemoPatient(2002, "Ann Lee", "annlee", 21, 0.8, _steady(2, 7), reminder="18:00"),
    DemoPatient(2003, "Raj Patel", "rajpatel", 15, 0.9, _steady(5, 3),
                programme="post_hip_replacement", reminder="08:00"),
    DemoPatient(2004, "Maria Lopez", "marialopez", 24, 0.75, _steady(3, 2),
                red_flag="infection", reminder="12:30"),
    DemoPatient(2005, "Tom Baker", "tombaker", 18, 0.55, _steady(4, 3), reminder="20:00"),
    DemoPatient(2006, "Lee Wong", "leewong", 25, 0.9, _steady(2, 1), reminder="07:30"),
)
#: The patient ``:alert`` speaks for, and what they say.
ALERT_PATIENT = PATIENTS[4]
ALERT_TEXT = "I fell and now I can't put any weight on my leg"


def telegram_users() -> dict[int, dict[str, Any]]:
    """The pretend Telegram's users: the clinician and each demo patient, by id."""
    users = {CLINICIAN_ID: dict(CLINICIAN)}
    for p in PATIENTS:
        users[p.user_id] = {"id": p.user_id, "is_bot": False, "first_name": p.first_name,
                            "username": p.username}
    return users


def seed_demo_patients(store: Repository, content: Content, now: datetime, tz: str) -> bool:
    """Write the demo patients unless a previous run did; True when they were written."""
    if any(store.exists(p.user_id) for p in PATIENTS):
        return False
    for patient in PATIENTS:
        profile, records = demo_patient(patient, content, now, tz)
        with store.user(patient.user_id) as txn:
            txn.set("profile", profile)
            for record in records:
                txn.add_record(record)
    return True


def demo_patient(
    patient: DemoPatient, content: Content, now: datetime, tz: str
) -> tuple[dict[str, Any], list[Record]]:
    """One demo patient's profile and records up to yesterday (pure, seeded by the id)."""
    zone = ZoneInfo(tz)
    today = now.astimezone(zone).date()
    joined = today - timedelta(days=patient.days)
    rng = random.Random(patient.user_id)
    profile = new_profile(patient.user_id, patient.first_name, patient.username,
                          _at(joined, time(8, 30), zone), tz)
    profile.update(stage="done", reminder_times=[patient.reminder])
    records: list[Record] = []
    made = _Maker(patient.user_id, zone)
    prescription = Prescription()
    if patient.programme:
        who = Who(CLINICIAN_ID, "Sam (demo clinician)", utc_stamp(_at(joined, time(9), zone)))
        change = assign(content, prescription, patient.programme, joined, who)
        prescription = change.prescription
        profile["prescription"] = prescription.as_data()
        records.append(made("plan", joined, time(9), source="system",
                            note=f"{who.name} [{who.id}]: {change.summary}"))
    flag_day = today - timedelta(days=2) if patient.red_flag else None
    rest_day = today - timedelta(days=3 + patient.user_id % 3)
    for i in range(patient.days):
        day = joined + timedelta(days=i)
        if flag_day is not None and day >= flag_day:
            if day == flag_day:
                records.append(made("redflag", day, time(19, 5), source="text",
                                    note=patient.red_flag))
            continue
        if day == rest_day:
            records.append(made("rest", day, time(10), source="button"))
            continue
        if rng.random() > patient.train_share:
            continue
        pain = max(0, min(10, patient.pain(i, patient.days) + rng.choice((-1, 0, 0, 1))))
        records += _routine_day(made, day, content, prescription, joined, pain, rng)
    if flag_day is not None:
        profile["hold"] = "redflag"
    return profile, records


def _routine_day(
    made: _Maker, day: date, content: Content, prescription: Prescription, joined: date,
    pain: int, rng: random.Random,
) -> list[Record]:
    """A routine as the bot records one: pain before, each set (and side), pain after."""
    plan = day_plan(content, prescription, day, joined).routine
    start = time(8 + rng.randrange(11), rng.randrange(60))
    session = f"demo-{made.user_id}-{day.isoformat()}"
    out = [made("pain", day, start, pain=max(0, pain + rng.choice((0, 1))),
                context="before", session=session)]
    minute = 1
    for exercise in plan.exercises:
        card = content.exercises.get(exercise)
        dose = plan.doses.get(exercise) or (card.dose if card else None)
        sets = dose.sets if dose else 2
        sides: tuple[str | None, ...] = ("left", "right") if dose and dose.per_side else (None,)
        for number in range(1, sets + 1):
            for side in sides:
                minute += 1
                out.append(made("done", day, start, minute, exercise=exercise, set=number,
                                side=side, reps=dose.reps if dose else None,
                                hold=dose.hold_seconds if dose else None, session=session))
    out.append(made("routine_complete", day, start, minute + 1, session=session))
    out.append(made("pain", day, start, minute + 2, pain=pain, context="after",
                    session=session))
    return out


class _Maker:
    """Records with unique ids, stamped at a local time of their day."""

    def __init__(self, user_id: int, zone: ZoneInfo) -> None:
        self.user_id = user_id
        self.zone = zone
        self.count = 0

    def __call__(self, kind: RecordKind, day: date, at: time, minutes: int = 0,
                 source: Source = "button", **fields: Any) -> Record:
        self.count += 1
        moment = _at(day, at, self.zone) + timedelta(minutes=minutes)
        return new_record(f"demo{self.user_id}-{self.count}", kind, day, moment,
                          source, **fields)


def _at(day: date, at: time, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, at, tzinfo=zone)
