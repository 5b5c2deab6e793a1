"""``python -m bot migrate``: every patient copied between the embedded store and
PostgreSQL, checked through what /export sends, refusals with exit status 2.

The issue's "done when": a 1,000-patient store goes to PostgreSQL and back to a new
folder, and every patient's export is the same before and after.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.domain.records import Record
from bot.migrate_command import export_of, migrate_main
from bot.storage import Repository, Store, current_update_id, open_repository
from bot.storage.portable import PortableData
from bot.storage.transfer import comparable, copy_repository, verify_copy

TODAY = date(2026, 3, 20)
FIRST = 500_000_001
SUMMARY = re.compile(r"(\d+) patients copied, (\d+) records, (\d+) bot-wide values in "
                     r"[\d.]+ s .*verified: (\d+) of (\d+) patients identical")


@pytest.fixture
def no_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    """Durability is not what these tests are about: thousands of fsyncs would be."""
    monkeypatch.setattr(os, "fsync", lambda fd: None)


def record(uid: int, n: int, day: date, **fields: Any) -> Record:
    base: dict[str, Any] = {
        "id": f"{uid}:{n}", "kind": "set", "date": day.isoformat(),
        "ts": f"{day.isoformat()}T07:{n:02d}:00Z", "source": "button",
        "exercise": "glute_bridge", "set": 1, "side": None, "reps": 10, "hold": None,
        "pain": None, "context": None, "session": f"s{uid}", "note": None,
    }
    base.update(fields)
    return Record(**base)  # type: ignore[typeddict-item]


def add_patients(store: Store, user_ids: range, *, archive_every: int = 3) -> None:
    """Patients with consent, a profile and state, handled update ids, and records over
    three months; every ``archive_every``-th has its older months in the archives."""
    for uid in user_ids:
        days = [TODAY - timedelta(days=d) for d in (70, 69, 40, 1, 0)]
        token = current_update_id.set(uid * 10)
        try:
            with store.user(uid) as txn:
                txn.set("profile", {"consent": True, "first_name": f"Zoë {uid}",
                                    "tz": "Europe/Berlin", "reminder_times": ["08:00"],
                                    "plan": {"level": "normal", "since": "2026-01-01"}})
                txn.set("state", {"streak": uid % 7, "outcomes": [{"max_pain": 2}]})
                for n, day in enumerate(days):
                    txn.add_record(record(uid, n, day, pain=n if n % 2 else None,
                                          note="=1+2 ☺" if n == 3 else None))
                # Two records of the same second: their order must survive.
                txn.add_record(record(uid, 9, days[-1], kind="pain", pain=3,
                                      ts=f"{days[-1].isoformat()}T07:04:00Z"))
        finally:
            current_update_id.reset(token)
        if uid % archive_every == 0:
            store.archive_old_records(uid, TODAY)


def summary_of(out: str) -> tuple[int, ...]:
    found = SUMMARY.search(out)
    assert found, out
    return tuple(int(g) for g in found.groups())


@pytest.fixture
def source_dir(tmp_path: Path, no_fsync: None) -> Path:
    folder = tmp_path / "source"
    store = Store(folder)
    add_patients(store, range(FIRST, FIRST + 5))
    store.bot_update({"file_ids": {"glute_bridge": "AgAD"}, "threads": {"1": FIRST}})
    return folder


def test_a_thousand_patients_go_to_postgresql_and_back_unchanged(
        tmp_path: Path, database_url: str, no_fsync: None,
        capsys: pytest.CaptureFixture[str]) -> None:
    source = Store(tmp_path / "a")
    ids = range(FIRST, FIRST + 1000)
    add_patients(source, ids)
    source.bot_update({"file_ids": {"glute_bridge": "AgAD"}, "count": 3})
    assert any(source.archive_files(uid) for uid in ids)  # some records sit in archives
    exports = {uid: export_of(source, uid) for uid in ids}
    dumps = {uid: comparable(source.dump_patient(uid)) for uid in ids}

    started = time.perf_counter()
    assert migrate_main(str(tmp_path / "a"), database_url) == 0
    there = time.perf_counter() - started
    out, err = capsys.readouterr()
    assert summary_of(out) == (1000, 6000, 2, 1000, 1000)
    assert "copied 1000 of 1000 patients" in err and "verified 1000 of 1000" in err

    started = time.perf_counter()
    assert migrate_main(database_url, str(tmp_path / "b")) == 0
    back = time.perf_counter() - started
    out, _err = capsys.readouterr()
    assert summary_of(out) == (1000, 6000, 2, 1000, 1000)

    after = Store(tmp_path / "b")  # a fresh start on the copy, as the bot would
    assert after.user_ids() == list(ids)
    assert {uid: export_of(after, uid) for uid in ids} == exports
    assert {uid: comparable(after.dump_patient(uid)) for uid in ids} == dumps
    assert after.bot_values() == source.bot_values()
    with capsys.disabled():
        print(f"\n1,000 patients: to PostgreSQL {there:.1f} s, back {back:.1f} s "
              "(copy and verify each)")


def test_a_target_that_holds_data_is_refused_without_force(
        source_dir: Path, tmp_path: Path, database_url: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    target = open_repository(tmp_path / "cache", database_url)
    target.bot_set("file_ids", {"x": "y"})  # one bot-wide value is enough
    target.close()
    assert migrate_main(str(source_dir), database_url) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "already holds 0 patients and 1 bot-wide values" in err and "--force" in err
    target = open_repository(tmp_path / "cache", database_url)
    assert target.user_ids() == [] and target.bot_values() == {"file_ids": {"x": "y"}}
    target.close()


def test_force_makes_the_target_hold_exactly_the_source(
        source_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = Store(tmp_path / "target")
    add_patients(target, range(FIRST, FIRST + 1))  # an older copy of one of them...
    with target.user(FIRST) as txn:
        txn.add_record(record(FIRST, 30, TODAY, kind="rest"))  # ...that has drifted
    add_patients(target, range(7, 8))  # one the source does not have (forgotten since)
    target.bot_update({"stale": 1})
    assert migrate_main(str(source_dir), str(tmp_path / "target")) == 2
    assert "--force" in capsys.readouterr().err

    assert migrate_main(str(source_dir), str(tmp_path / "target"), force=True) == 0
    out, err = capsys.readouterr()
    assert summary_of(out) == (5, 30, 2, 5, 5)
    assert "1 patients removed from the target" in err
    after, source = Store(tmp_path / "target"), Store(source_dir)
    assert after.user_ids() == source.user_ids()
    assert not after.has_data(7)
    assert after.records(FIRST) == source.records(FIRST)
    assert after.bot_get("stale") is None
    assert after.bot_get("file_ids") == {"glute_bridge": "AgAD"}


def test_a_patient_with_an_unfinished_forget_is_not_copied(
        source_dir: Path, tmp_path: Path, database_url: str,
        capsys: pytest.CaptureFixture[str]) -> None:
    Store(source_dir).journal.begin(FIRST + 2)  # a /forget a crash cut short
    assert migrate_main(str(source_dir), database_url) == 0
    out, err = capsys.readouterr()
    assert summary_of(out) == (4, 24, 2, 4, 4)
    assert "1 patients skipped (their /forget is unfinished" in err
    assert str(FIRST + 2) in err
    target = open_repository(tmp_path / "cache", database_url)
    assert FIRST + 2 not in target.user_ids() and not target.has_data(FIRST + 2)
    target.close()


def test_force_replaces_a_drifted_patient_in_postgresql(source_dir: Path, tmp_path: Path,
                                                        database_url: str) -> None:
    target = open_repository(tmp_path / "cache", database_url)
    try:
        with target.user(FIRST) as txn:
            txn.set("profile", {"consent": True, "first_name": "old"})
            txn.set("session", {"step": 3})  # a table the source's copy does not have
            txn.add_record(record(FIRST, 30, TODAY, kind="rest"))
        source = Store(source_dir)
        report = copy_repository(source, target, force=True)
        assert len(report.copied) == 5 and not report.failed
        assert verify_copy(source, target, report.copied, fingerprint=export_of).ok
        assert target.dump_patient(FIRST)["tables"].get("session") is None
    finally:
        target.close()


def test_an_unfinished_forget_in_the_target_is_not_undone(source_dir: Path,
                                                          tmp_path: Path) -> None:
    target = Store(tmp_path / "target")
    add_patients(target, range(FIRST, FIRST + 1))
    target.journal.begin(FIRST)  # they asked to be forgotten there; a crash cut it short
    report = copy_repository(Store(source_dir), target, force=True)
    assert report.forgetting == [FIRST] and FIRST not in report.copied
    assert report.removed == [FIRST]  # what the target held of them is gone...
    assert not target.has_data(FIRST)
    assert FIRST in Store(tmp_path / "target").journal.pending  # ...and its start finishes


def test_a_patient_that_differs_after_copying_fails_the_run(
        source_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    real = PortableData.load_patient

    def lossy(self: Store, user_id: int, dump: dict[str, Any]) -> None:
        if user_id == FIRST + 1:  # a backend bug that drops a record
            dump = {**dump, "records": dump["records"][:-1]}
        real(self, user_id, dump)

    monkeypatch.setattr(PortableData, "load_patient", lossy)
    assert migrate_main(str(source_dir), str(tmp_path / "copy")) == 1
    out, err = capsys.readouterr()
    assert "verified: 4 of 5 patients identical" in out
    assert f"1 patients DIFFER after copying: {FIRST + 1}" in err
    assert "Zoë" not in out + err  # ids only, nothing personal


def test_a_profile_without_consent_is_not_copied(tmp_path: Path, no_fsync: None) -> None:
    class NoConsentSource(Store):
        def dump_patient(self, user_id: int) -> dict[str, Any]:
            dump = super().dump_patient(user_id)
            profile = {**dump["tables"]["profile"], "consent": user_id != FIRST}
            return {**dump, "tables": {**dump["tables"], "profile": profile}}

    source = NoConsentSource(tmp_path / "a")
    add_patients(source, range(FIRST, FIRST + 2))
    target: Repository = Store(tmp_path / "b")
    report = copy_repository(source, target)
    assert report.no_consent == [FIRST] and report.copied == [FIRST + 1]
    assert verify_copy(source, target, report.copied, fingerprint=export_of).ok
    assert not target.has_data(FIRST)


def test_only_the_last_handled_updates_are_compared() -> None:
    dump = {"tables": {}, "records": [], "seen": list(range(500, 0, -1))}
    assert comparable(dump)["seen"] == list(range(301, 501))


@pytest.mark.parametrize(("source", "target", "says"), [
    ("same", "same", "same place"),
    ("missing", "new", "no such folder"),
    ("plain", "new", "not a data folder"),
    ("same", "plain", "not empty and not a data folder"),
    ("same", "mysql://db/x", "neither a postgresql:// URL nor a folder"),
    ("same", "postgresql://me:hunter2@db:port/x", "not a valid postgresql:// URL"),
])
def test_refusals_say_why_in_one_line(source_dir: Path, tmp_path: Path, source: str,
                                      target: str, says: str,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "plain").mkdir()
    (tmp_path / "plain" / "notes.txt").write_text("mine")
    places = {"same": str(source_dir), "missing": str(tmp_path / "nowhere"),
              "plain": str(tmp_path / "plain"), "new": str(tmp_path / "new")}
    assert migrate_main(places[source], places.get(target, target)) == 2
    err = capsys.readouterr().err
    assert says in err and len(err.strip().splitlines()) == 1
    assert "hunter2" not in err
    assert not (tmp_path / "plain" / "users").exists()  # nothing made in a stranger's folder


def test_the_same_database_is_the_same_place(database_url: str,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    other_spelling = database_url.replace("postgresql://", "postgres://") + "?sslmode=disable"
    assert migrate_main(database_url, other_spelling) == 2
    assert "same place" in capsys.readouterr().err


def run_cli(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items()
               if k not in ("TELEGRAM_BOT_TOKEN", "BOT_DATA_DIR", "DATABASE_URL")}
    return subprocess.run([sys.executable, "-m", "bot", "migrate", *args], cwd=cwd,
                          env={**environ, **env}, capture_output=True, text=True,
                          timeout=120, check=False)


def test_the_command_line(source_dir: Path, tmp_path: Path, database_url: str) -> None:
    # --from defaults to BOT_DATA_DIR, and no token is needed to migrate.
    first = run_cli("--to", database_url, cwd=tmp_path, BOT_DATA_DIR=str(source_dir))
    assert first.returncode == 0, first.stderr
    assert summary_of(first.stdout) == (5, 30, 2, 5, 5)
    assert first.stdout.count("\n") == 1

    again = run_cli("--from", str(source_dir), "--to", database_url, cwd=tmp_path)
    assert again.returncode == 2
    assert again.stdout == ""
    assert again.stderr.startswith("error: the target already holds 5 patients")
    assert len(again.stderr.strip().splitlines()) == 1

    forced = run_cli("--from", str(source_dir), "--to", database_url, "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert summary_of(forced.stdout) == (5, 30, 2, 5, 5)

    home = run_cli("--from", database_url, "--to", str(tmp_path / "home"), cwd=tmp_path)
    assert home.returncode == 0, home.stderr
    assert "verified: 5 of 5 patients identical" in home.stdout
    for shown in (first, again, forced, home):
        assert "Zoë" not in shown.stdout + shown.stderr

    usage = run_cli("--from", str(source_dir), cwd=tmp_path)  # --to is required
    assert usage.returncode == 2
    helped = run_cli("--help", cwd=tmp_path)
    assert "--force" in helped.stdout and "replaced by the source's" in helped.stdout
