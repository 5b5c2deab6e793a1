"""`python -m bot chat --clinician`: the demo patients, and a scripted clinician's chat."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from bot.chat.demo_patients import PATIENTS, demo_patient, seed_demo_patients
from bot.content import DEFAULT_CONTENT_DIR, load_content
from bot.domain.plans.prescription import prescription_of
from bot.domain.profiles import as_profile
from bot.storage import Store
from tests.chat.test_chat import run_script

CONTENT = load_content(DEFAULT_CONTENT_DIR)
NOW = datetime(2026, 3, 11, 12, 0, tzinfo=UTC)


def test_demo_patients_have_weeks_of_plausible_records() -> None:
    kinds: Counter[str] = Counter()
    for patient in PATIENTS:
        profile, records = demo_patient(patient, CONTENT, NOW, "Europe/London")
        view = as_profile(profile)
        assert view.onboarded and view.username and " " in profile["first_name"]
        days = {r["date"] for r in records if r["kind"] == "routine_complete"}
        assert 7 <= len(days) <= 28, patient
        assert max(r["date"] for r in records) < "2026-03-11"  # up to yesterday
        assert len({r["id"] for r in records}) == len(records)
        assert all(0 <= (r["pain"] or 0) <= 10 for r in records)
        kinds.update(r["kind"] for r in records)
    assert kinds["redflag"] == 1 and kinds["plan"] == 1 and kinds["rest"] >= 3
    raj = next(p for p in PATIENTS if p.programme)
    profile, _ = demo_patient(raj, CONTENT, NOW, "Europe/London")
    assert prescription_of(profile).programme == "post_hip_replacement"


def test_seeding_is_once_per_data_folder(tmp_path: Path) -> None:
    assert seed_demo_patients(Store(tmp_path), CONTENT, NOW, "Europe/London")
    store = Store(tmp_path)
    assert sorted(uid for uid, _ in store.iter_profiles()) == [p.user_id for p in PATIENTS]
    assert len(store.records(PATIENTS[0].user_id)) > 50
    assert not seed_demo_patients(store, CONTENT, NOW, "Europe/London")


def test_a_clinician_script_sees_stats_a_report_and_an_alert(tmp_path: Path) -> None:
    run = run_script(["/stats", "/patient Pat", "/patient lee", ":alert", ":quit"],
                     "--clinician", "--data-dir", str(tmp_path / "clinic"))
    assert run.returncode == 0, run.stderr
    out = run.stdout
    assert "as a clinician" in out and "/patient Pat" in out and ":alert" in out
    assert "Six made-up patients were added" in out
    stats = out.split("you> /stats", 1)[1].split("you> /patient Pat", 1)[0]
    assert "Active: 6 of 6 patients." in stats
    assert "Maria Lopez (@marialopez) [2004]: 1 warning sign" in stats
    assert "Ann Lee (@annlee) [2002]: pain up to" in stats
    report = out.split("you> /patient Pat", 1)[1].split("you> /patient lee", 1)[0]
    assert "Pat Green (@patgreen), id 2001" in report and "[photo saved:" in report
    several = out.split("you> /patient lee", 1)[1].split("you> :alert", 1)[0]
    assert "More than one patient matches lee" in several
    assert "2002" in several and "2006" in several
    alert = out.split("you> :alert", 1)[1]
    assert "About Tom Baker (@tombaker) (id 2005)" in alert
    assert "I fell and now I can't put any weight on my leg" in alert
    again = run_script(["/patient 2003"], "--clinician", "--data-dir", str(tmp_path / "clinic"))
    assert "from an earlier run" in again.stdout and "Raj Patel" in again.stdout


def test_alert_needs_the_clinician_chat() -> None:
    run = run_script([":alert"])
    assert run.returncode == 0 and ":alert needs the clinician chat" in run.stdout
    assert "made-up" not in run.stdout
