"""What every storage backend promises, run unchanged on the embedded store and PostgreSQL.

The bot only ever talks to ``Repository``/``PatientTxn`` (``bot/storage/interface.py``);
these tests are that interface's definition in behaviour: units of work that write all
or nothing, records once each and in order, update dedupe, the consent gate, /forget,
bot-wide values, and the plain-data dumps ``migrate`` copies.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.domain.records import Record
from bot.storage import Forgotten, NoConsent, Repository, current_update_id

PATIENT = 4242


def rec(rid: str, day: str, ts: str, **extra: Any) -> Record:
    return Record(id=rid, date=day, ts=ts, kind="set", exercise="glute_bridge",  # type: ignore[typeddict-item]
                  **extra)


def consent(repo: Repository, user_id: int = PATIENT, **profile: Any) -> None:
    with repo.user(user_id) as txn:
        txn.set("profile", {"consent": True, "tz": "Europe/London", **profile})


def test_an_unknown_patient_reads_as_empty(repo: Repository) -> None:
    assert not repo.exists(PATIENT)
    assert repo.profile(PATIENT) == {}
    assert repo.records(PATIENT) == []
    assert not repo.has_data(PATIENT)
    assert not repo.may_store(PATIENT)
    with repo.user(PATIENT) as txn:
        assert not txn.exists
        assert txn.get("state") == {}
        assert txn.recent_records() == []


def test_nothing_is_written_without_consent(repo: Repository) -> None:
    def write() -> None:
        with repo.user(PATIENT) as txn:
            txn.set("profile", {"tz": "Europe/London"})
            txn.add_record(rec("r1", "2026-03-01", "2026-03-01T10:00:00"))

    with pytest.raises(NoConsent):
        write()
    assert not repo.exists(PATIENT)
    assert repo.records(PATIENT) == []


def test_a_unit_of_work_writes_everything_or_nothing(repo: Repository) -> None:
    consent(repo, first_name="Ann")
    def fail_half_way() -> None:
        with repo.user(PATIENT) as txn:
            txn.update("state", streak=3)
            txn.add_record(rec("r1", "2026-03-01", "2026-03-01T10:00:00"))
            raise RuntimeError("a bug half-way")

    with pytest.raises(RuntimeError):
        fail_half_way()
    assert repo.records(PATIENT) == []
    with repo.user(PATIENT) as txn:
        assert txn.get("state") == {}
        doc = txn.update("state", streak=3)
        assert doc == {"streak": 3}
        txn.add_record(rec("r1", "2026-03-01", "2026-03-01T10:00:00"))
    assert repo.profile(PATIENT)["first_name"] == "Ann"
    assert [r["id"] for r in repo.records(PATIENT)] == ["r1"]
    assert repo.may_store(PATIENT)
    assert repo.has_data(PATIENT)
    heads = {uid: (p, s) for uid, p, s in repo.iter_heads()}
    assert heads[PATIENT][1] == {"streak": 3}
    assert dict(repo.iter_profiles())[PATIENT]["consent"] is True
    assert PATIENT in repo.user_ids()


def test_records_once_each_in_order_with_since_and_undo(repo: Repository) -> None:
    consent(repo)
    with repo.user(PATIENT) as txn:
        assert txn.add_record(rec("b", "2026-03-02", "2026-03-02T09:00:00"))
        assert txn.add_record(rec("a", "2026-03-01", "2026-03-01T09:00:00"))
        assert txn.add_record(rec("c", "2026-03-02", "2026-03-02T09:00:00"))  # same second
        assert not txn.add_record(rec("a", "2026-03-01", "2026-03-01T09:00:00"))
        assert txn.has_record("a")
        assert [r["id"] for r in txn.recent_records()] == ["b", "a", "c"]
    assert [r["id"] for r in repo.records(PATIENT)] == ["a", "b", "c"]
    assert [r["id"] for r in repo.records(PATIENT, since=date(2026, 3, 2))] == ["b", "c"]
    with repo.user(PATIENT) as txn:
        removed = txn.remove_record("b")
        assert removed is not None and removed["id"] == "b"
        assert txn.remove_record("nope") is None
        assert not txn.has_record("b")
    assert [r["id"] for r in repo.records(PATIENT)] == ["a", "c"]


def test_recent_records_hold_every_record_of_the_newest_days(repo: Repository) -> None:
    consent(repo)
    with repo.user(PATIENT) as txn:
        for day in range(1, 29):
            txn.add_record(rec(f"r{day}", f"2026-02-{day:02d}", f"2026-02-{day:02d}T08:00:00"))
    with repo.user(PATIENT) as txn:
        recent = {r["id"] for r in txn.recent_records()}
    assert {"r26", "r27", "r28"} <= recent
    assert len(repo.records(PATIENT)) == 28


def test_the_update_id_lands_with_the_write_and_dedupes(repo: Repository) -> None:
    consent(repo)
    token = current_update_id.set(1001)
    try:
        with repo.user(PATIENT) as txn:
            assert not txn.seen(1001)
            txn.add_record(rec("r1", "2026-03-01", "2026-03-01T10:00:00"))
    finally:
        current_update_id.reset(token)
    assert repo.has_seen(PATIENT, 1001)
    assert not repo.has_seen(PATIENT, 1002)
    assert not repo.has_seen(PATIENT + 1, 1001)
    with repo.user(PATIENT) as txn:
        assert txn.seen(1001)
    repo.mark_seen(PATIENT, 1002, persist=True)
    assert repo.has_seen(PATIENT, 1002)
    repo.mark_seen(PATIENT + 1, 1003, persist=True)  # no consent: remembered, not stored
    assert repo.has_seen(PATIENT + 1, 1003)
    assert not repo.exists(PATIENT + 1)


def test_forget_leaves_nothing_and_refuses_writes_meanwhile(repo: Repository) -> None:
    consent(repo)
    with repo.user(PATIENT) as txn:
        txn.add_record(rec("r1", "2026-03-01", "2026-03-01T10:00:00"))
    consent(repo, PATIENT + 1)
    assert repo.journal.begin(PATIENT)
    assert PATIENT in repo.journal.pending
    assert not repo.may_store(PATIENT)
    with pytest.raises(Forgotten), repo.user(PATIENT) as txn:
        txn.update("state", x=1)
    repo.forget(PATIENT)
    assert repo.journal.end(PATIENT)
    assert PATIENT not in repo.journal.pending
    assert not repo.has_data(PATIENT)
    assert repo.records(PATIENT) == []
    assert repo.profile(PATIENT) == {}
    assert PATIENT not in repo.user_ids()
    assert repo.exists(PATIENT + 1)  # the others stay
    with pytest.raises(Forgotten), repo.user(PATIENT) as txn:  # an old button afterwards
        txn.update("state", x=1)


def test_bot_wide_values(repo: Repository) -> None:
    assert repo.bot_get("missing") is None
    repo.bot_set("file_ids", {"bridge": "abc"})
    repo.bot_update({"replies": {"1": 2}, "count": 3})
    assert repo.bot_get("file_ids") == {"bridge": "abc"}
    assert repo.bot_values() == {"file_ids": {"bridge": "abc"}, "replies": {"1": 2},
                                 "count": 3}


def test_the_change_stamp_moves_on_every_write(repo: Repository) -> None:
    consent(repo)
    first = repo.change_stamp(PATIENT)
    with repo.user(PATIENT) as txn:
        txn.add_record(rec("r1", "2026-03-01", "2026-03-01T10:00:00"))
    second = repo.change_stamp(PATIENT)
    assert second != first
    with repo.user(PATIENT) as txn:
        txn.get("state")  # a read writes nothing
    assert repo.change_stamp(PATIENT) == second


def test_a_dump_loads_back_the_same(repo: Repository) -> None:
    consent(repo, first_name="Bo")
    token = current_update_id.set(77)
    try:
        with repo.user(PATIENT) as txn:
            txn.update("state", streak=2)
            for day in range(1, 4):
                txn.add_record(rec(f"r{day}", f"2026-03-0{day}", f"2026-03-0{day}T07:00:00"))
    finally:
        current_update_id.reset(token)
    dump = repo.dump_patient(PATIENT)
    assert dump["seen"] == [77]
    assert dump["tables"]["state"] == {"streak": 2}
    assert [r["id"] for r in dump["records"]] == ["r1", "r2", "r3"]
    consent(repo, PATIENT + 5, first_name="Old")  # what was there is replaced, not merged
    with repo.user(PATIENT + 5) as txn:
        txn.update("session", step=3)
        txn.add_record(rec("old", "2026-02-01", "2026-02-01T07:00:00"))
    repo.load_patient(PATIENT + 5, dump)
    assert repo.dump_patient(PATIENT + 5) == dump
    assert repo.has_seen(PATIENT + 5, 77)


def test_health_says_ok(repo: Repository) -> None:
    health = repo.health()
    assert health["ok"] is True
    assert health["backend"] in ("embedded", "postgresql")
