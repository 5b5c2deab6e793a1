"""Synthetic patients for the benchmarks: a year of history each, in the Store's file format.

Nothing here is committed data: every run generates it into a temporary folder.

One patient-year is modelled on what the real bot records. A routine is run through the
real session state machine (``bot.domain.routine``) once per plan level, and
each training day reuses those records with a fresh session id and time: a pain score
before, one record per set and side, a pain score after, "routine complete". On top of
that come next-morning check-ins, pain reports, rest days and a few "done"s outside a
session. Patients train on 50-90 % of days (a different rate per pattern). Older records
sit in monthly gzip archives and the last few days in the hot file, exactly where ``Store``
itself would have put them (the generator replays its overflow rule record by record).

Writing 10,000 users' years through the real ``Store`` would take an hour of fsyncs, so
files are written directly, with the Store's own encoders. To keep generation fast, a few
dozen history patterns are built (per time zone) and each user gets one; archive bytes are
shared between users with the same pattern, while every hot file (profile, reminder
times, state, dedupe ids) is the user's own.
"""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from bot.content import DEFAULT_CONTENT_DIR, load_content
from bot.content.model import Content
from bot.domain import routine as sm
from bot.domain.progress.weekly import plan_weekly, weekly_plan
from bot.domain.reminders.planning import plan_jobs, reminder_plan
from bot.domain.reminders.stored_plans import REMINDER_PLAN, WEEKLY_PLAN
from bot.storage import (
    HOT_DAYS,
    HOT_MAX_RECORDS,
    SCHEMA_VERSION,
    SEEN_LIMIT,
    encode_archive,
    encode_user_file,
)

ZONES = (
    "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles",
    "Asia/Kolkata", "Australia/Sydney", "Asia/Tokyo", "America/Sao_Paulo",
)  # fmt: skip
SLOTS = ("07:00", "07:30", "08:00", "09:00", "12:30", "17:30", "18:00", "19:00", "20:00")
ADHERENCE = (0.5, 0.65, 0.8, 0.9)  # share of days with a routine, one per pattern
FIRST_UID = 100_000_001
_PATTERNS_PER_ZONE = len(ADHERENCE)


@dataclass
class Dataset:
    """What was generated: where, for whom, and how big it is on disk."""

    data_dir: Path
    user_ids: list[int]
    zones: dict[int, str]
    days: int
    records_per_user: float
    apparent_bytes: int = 0
    allocated_bytes: int = 0
    files: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def bytes_per_user_year(self, allocated: bool = True) -> float:
        total = self.allocated_bytes if allocated else self.apparent_bytes
        return total / len(self.user_ids) * 365 / self.days


# --- one routine, as the real state machine records it --------------------------------


def routine_templates(content: Content) -> dict[str, list[dict[str, Any]]]:
    """The records of one complete routine per plan level, from ``bot.domain.routine``."""
    now = datetime(2026, 1, 1, 8, 0, tzinfo=UTC)
    today = now.date()
    out: dict[str, list[dict[str, Any]]] = {}
    for level in ("easier", "normal", "harder"):
        levels = dict.fromkeys(content.exercises, level)
        session, _ = sm.start_session(content, "SID", today, now, levels=levels)
        records: list[dict[str, Any]] = []
        for _ in range(200):
            if not session.active:
                break
            event: sm.Event = (
                sm.PainScore(2) if session.phase.startswith("pain") else sm.Done("text")
            )
            step = sm.apply(content, session, event, now, today)
            session = step.session
            records += [dict(r) for r in step.records]
        out[level] = records
    return out


def _stamp(day: date, at: time, zone: ZoneInfo, minutes: int) -> str:
    local = datetime.combine(day, at, zone) + timedelta(minutes=minutes)
    return local.astimezone(UTC).replace(tzinfo=None).isoformat() + "Z"


def _blank(rec_id: str, kind: str, day: date, ts: str, **fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": rec_id, "kind": kind, "date": day.isoformat(), "ts": ts, "source": "button",
        "exercise": None, "set": None, "side": None, "reps": None, "hold": None,
        "pain": None, "context": None, "session": None, "note": None,
    }
    record.update(fields)
    return record


def year_of_records(
    templates: dict[str, list[dict[str, Any]]],
    rng: random.Random,
    zone: str,
    today: date,
    days: int,
    adherence: float,
) -> list[dict[str, Any]]:
    """One patient's history: ``days`` local days ending yesterday, oldest first."""
    tz = ZoneInfo(zone)
    level = "normal"
    out: list[dict[str, Any]] = []
    loose = 0
    trained_yesterday = False
    for back in range(days, 0, -1):
        day = today - timedelta(days=back)
        at = time(rng.choice((7, 8, 12, 18, 19)), rng.choice((0, 15, 30, 45)))
        if trained_yesterday and rng.random() < 0.5:  # the next-morning check-in
            ts = _stamp(day, time(7, 45), tz, rng.randrange(90))
            feel = rng.choice(("better", "same", "same", "worse"))
            out.append(_blank(f"u{day:%y%m%d}:m", "morning", day, ts, note=feel))
            out.append(_blank(f"u{day:%y%m%d}:p", "pain", day, ts, pain=rng.randint(0, 6),
                              context="morning"))
        trained_yesterday = rng.random() < adherence
        if trained_yesterday:
            if rng.random() < 0.02:
                level = rng.choice(("easier", "normal", "normal", "harder"))
            sid = f"{rng.getrandbits(32):08x}"
            minute = 0
            skip_from = 99 if rng.random() > 0.1 else rng.randrange(3, 12)
            for n, rec in enumerate(templates[level]):
                if n >= skip_from and rec["kind"] == "done":
                    continue  # stopped early: a partial session
                minute += 1
                copy = dict(rec, id=rec["id"].replace("SID", sid), session=sid,
                            date=day.isoformat(), ts=_stamp(day, at, tz, minute))
                if copy["kind"] == "pain":
                    copy["pain"] = rng.randint(0, 6)
                out.append(copy)
        elif rng.random() < 0.08:  # chose rest after the push-back
            ts = _stamp(day, at, tz, 0)
            out.append(_blank(f"u{day:%y%m%d}:c", "choice", day, ts, note="rest"))
            out.append(_blank(f"u{day:%y%m%d}:rest", "rest", day, ts, note="chose rest"))
        if rng.random() < 0.04:
            ts = _stamp(day, time(20, 0), tz, rng.randrange(60))
            out.append(_blank(f"u{day:%y%m%d}:r", "pain", day, ts, pain=rng.randint(1, 7),
                              context="report", source="text"))
        if rng.random() < 0.03:
            loose += 1
            ts = _stamp(day, time(13, 0), tz, rng.randrange(120))
            out.append(_blank(f"u{day:%y%m%d}:d{loose}", "done", day, ts, source="text",
                              exercise="glute_bridge", reps=10, note="outside session"))
    return out


def split_hot(records: Sequence[dict[str, Any]]) -> tuple[list[dict[str, Any]], list[dict]]:
    """(archived, hot) as ``Store`` leaves them: its overflow rule replayed per record."""
    hot: list[dict[str, Any]] = []
    archived: list[dict[str, Any]] = []
    for rec in records:  # oldest first, so the newest date is this record's
        hot.append(rec)
        if len(hot) > HOT_MAX_RECORDS:
            cutoff = (date.fromisoformat(rec["date"]) - timedelta(days=HOT_DAYS)).isoformat()
            if hot[0]["date"] < cutoff:
                archived += [r for r in hot if r["date"] < cutoff]
                hot = [r for r in hot if r["date"] >= cutoff]
    return archived, hot


def by_month(records: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    months: dict[str, list[dict[str, Any]]] = {}
    for rec in records:
        months.setdefault(rec["date"][:7], []).append(rec)
    return months


@dataclass
class _Pattern:
    zone: str
    today: date
    archives: dict[str, bytes]  # month -> archive file bytes
    hot: list[dict[str, Any]]
    count: int
    events: bytes = b""  # the hot records as the "events" table, encoded once


_PATTERNS: dict[tuple[str, int, int], list[_Pattern]] = {}


def _patterns(content: Content, now: datetime, days: int, seed: int) -> list[_Pattern]:
    key = (now.strftime("%Y-%m-%dT%H:%M"), days, seed)
    if key not in _PATTERNS:
        _PATTERNS.clear()
        _PATTERNS[key] = _build_patterns(content, now, days, seed)
    return _PATTERNS[key]


def _build_patterns(content: Content, now: datetime, days: int, seed: int) -> list[_Pattern]:
    templates = routine_templates(content)
    patterns = []
    for z, zone in enumerate(ZONES):
        today = now.astimezone(ZoneInfo(zone)).date()
        for a, adherence in enumerate(ADHERENCE):
            rng = random.Random(seed * 1000 + z * 10 + a)
            records = year_of_records(templates, rng, zone, today, days, adherence)
            archived, hot = split_hot(records)
            archives = {m: encode_archive(recs) for m, recs in by_month(archived).items()}
            events = json.dumps({str(n): rec for n, rec in enumerate(hot, start=1)},
                                ensure_ascii=False, separators=(",", ":")).encode()
            patterns.append(_Pattern(zone, today, archives, hot, len(records), events))
    return patterns


# --- profiles, state, and the files ----------------------------------------------------


def _last_due(slot: time, zone: ZoneInfo, now: datetime) -> datetime:
    """The most recent instant this daily slot fell due, in UTC."""
    local = now.astimezone(zone)
    due = datetime.combine(local.date(), slot, zone)
    if due > local:
        due -= timedelta(days=1)
    return due.astimezone(UTC)


def _slots_away_from(now: datetime, zone: ZoneInfo, rng: random.Random) -> list[str]:
    """One or two reminder times, none due within 90 minutes of ``now``: a benchmark
    window should not fire a stray reminder."""
    local = now.astimezone(zone)
    minutes_now = local.hour * 60 + local.minute
    far = []
    for slot in SLOTS:
        h, m = (int(x) for x in slot.split(":"))
        gap = abs(h * 60 + m - minutes_now)
        if min(gap, 1440 - gap) > 90:
            far.append(slot)
    return sorted(rng.sample(far, 2 if rng.random() < 0.4 else 1))


def user_file(
    uid: int,
    pattern: _Pattern,
    now: datetime,
    rng: random.Random,
    *,
    reminder_at: datetime | None,
) -> bytes:
    """One user's hot file: profile, state, dedupe ids, the last days of records."""
    zone = ZoneInfo(pattern.zone)
    local_now = now.astimezone(zone)
    if reminder_at is not None:  # every user due at the same UTC minute
        times = [reminder_at.astimezone(zone).strftime("%H:%M")]
        last_fired: dict[str, str] = {}
    else:
        times = _slots_away_from(now, zone, rng)
        last_fired = {
            t.replace(":", ""): _last_due(time.fromisoformat(t), zone, now).isoformat()
            for t in times
        }
    profile = {
        "user_id": uid, "first_name": f"Patient {uid % 10_000}", "username": "",
        "consent": True, "created": (now - timedelta(days=366)).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "stage": "done", "tz": pattern.zone, "reminder_times": times,
        "reminder_days": list(range(7)), "paused_until": None, "active": True,
        "weekly_summary": True, "weekly_day": (local_now.weekday() + 3) % 7,
        "weekly_time": "18:00", "plan": {"level": "normal", "reason": "start",
                                         "since": (pattern.today - timedelta(300)).isoformat()},
    }
    state: dict[str, Any] = {
        # "done" typed now is recorded for the exercise prompted last, as in a real session.
        "last_prompt": {"date": local_now.date().isoformat(), "exercise": "hip_flexor_stretch"},
        "last_fired": last_fired,
        "outcomes": [{"date": (pattern.today - timedelta(days=d)).isoformat(),
                      "max_pain": rng.randint(0, 5), "all_done": True} for d in (5, 3, 2)],
        "last_reason": "mood:0",
    }
    # The plans the running bot stored at its last re-plan: after the latest reminder.
    planned_at = max((datetime.fromisoformat(v) for v in last_fired.values()), default=now)
    planned_at += timedelta(milliseconds=40)
    state[REMINDER_PLAN] = reminder_plan(
        profile, plan_jobs(uid, profile, state, planned_at, catch_up=False), planned_at)
    state[WEEKLY_PLAN] = weekly_plan(profile, plan_weekly(profile, state, planned_at),
                                     planned_at)
    seen = sorted(rng.sample(range(700_000_000, 799_999_999), SEEN_LIMIT))
    data = {"profile": {"1": profile}, "state": {"1": state}, "seen": {"1": {"ids": seen}}}
    raw = encode_user_file(data)[0]
    return raw[:-1] + b',"events":' + pattern.events + b"}"  # the same bytes, spliced


def _write(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


def _prepare_dir(data_dir: Path) -> None:
    for folder in (data_dir, data_dir / "users", data_dir / "archive", data_dir / "cache"):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    _write(data_dir / "meta.json", b'{"schema_version":%d}' % SCHEMA_VERSION)


def generate(
    data_dir: Path,
    users: int,
    *,
    now: datetime | None = None,
    days: int = 365,
    seed: int = 8,
    reminder_at: datetime | None = None,
    archives: bool = True,
    content: Content | None = None,
) -> Dataset:
    """Write ``users`` patients with ``days`` of history each into ``data_dir``.

    ``reminder_at``: every user gets one daily reminder at that UTC instant's local
    time (the fan-out); otherwise one or two times away from ``now``.
    ``archives=False`` writes only the hot files (the archives are never read by the
    scenario, e.g. the fan-out).
    """
    now = now or datetime.now(UTC)
    content = content or load_content(DEFAULT_CONTENT_DIR)
    patterns = _patterns(content, now, days, seed)
    _prepare_dir(data_dir)
    rng = random.Random(seed)
    user_ids = [FIRST_UID + n for n in range(users)]
    zones: dict[int, str] = {}
    records = 0

    for n, uid in enumerate(user_ids):
        pattern = patterns[(n * 7 + n // len(patterns)) % len(patterns)]
        zones[uid] = pattern.zone
        records += pattern.count
        if archives and pattern.archives:
            folder = data_dir / "archive" / str(uid)
            folder.mkdir(mode=0o700, exist_ok=True)
            for month, raw in pattern.archives.items():
                _write(folder / f"{month}.json.gz", raw)
        _write(data_dir / "users" / f"{uid}.json",
               user_file(uid, pattern, now, rng, reminder_at=reminder_at))
        # A patient who has used the bot has a journal file beside the hot file: a fold
        # empties it and never deletes it (bot/storage/journal.py). Empty, as after the
        # clean stop that preceded these data.
        _write(data_dir / "users" / f"{uid}.journal", b"")
    dataset = Dataset(data_dir, user_ids, zones, days, records / max(users, 1))
    measure_disk(dataset)
    return dataset


def rewrite_hot_files(dataset: Dataset, *, now: datetime, reminder_at: datetime | None,
                      seed: int = 9, content: Content | None = None) -> None:
    """New hot files for the same users (e.g. all due at one minute), archives untouched."""
    content = content or load_content(DEFAULT_CONTENT_DIR)
    patterns = {p.zone: p for p in _patterns(content, now, dataset.days, seed)}
    rng = random.Random(seed)
    for uid in dataset.user_ids:
        pattern = patterns[dataset.zones[uid]]
        _write(dataset.data_dir / "users" / f"{uid}.json",
               user_file(uid, pattern, now, rng, reminder_at=reminder_at))


def measure_disk(dataset: Dataset) -> None:
    """Bytes on disk under users/ and archive/: as listed, and as allocated in blocks."""
    apparent = allocated = files = 0
    for sub in ("users", "archive"):
        for root, _dirs, names in os.walk(dataset.data_dir / sub):
            for name in names:
                st = os.stat(os.path.join(root, name))
                apparent += st.st_size
                allocated += st.st_blocks * 512
                files += 1
    dataset.apparent_bytes, dataset.allocated_bytes, dataset.files = apparent, allocated, files
