"""The clinician's figures agree with what the patients did, for generated patients:
the /patient report (streak, the week's and the month's percentages, and the week
summary inside it), the /stats overview, the Mini App dashboard's rows and the clinic
export's caption.
"""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from fractions import Fraction
from math import floor

import pytest

from bot.domain.clinic.dashboard import dashboard_row
from bot.domain.clinic.patients import patient_report_text
from bot.domain.clinic.stats import clinic_stats_text, patient_row
from bot.domain.profiles import display_name
from bot.domain.progress.figures import local_since
from bot.media.export import clinic_csv
from tests.domain.figures import truth
from tests.domain.figures.patients import CONTENT, SEEDS, TODAY, patient
from tests.domain.figures.read import fill, fills, half_up
from tests.domain.figures.test_progress_figures import check_week

COVERS = frozenset({
    "clinic_patient_numbers", "progress_clinic_active", "progress_clinic_adherence",
    "progress_clinic_pain", "progress_clinic_flags", "clinic_export_caption",
})


def _share(seed: int, window: int) -> str:
    complete, expected = truth.routine_days(patient(seed), TODAY, window)
    return f"{half_up(complete, expected)}%" if expected else CONTENT.text("clinic_not_enough")


@pytest.mark.parametrize("seed", SEEDS)
def test_patient_report(seed: int) -> None:
    p = patient(seed)
    report = patient_report_text(p.user_id, p.profile, p.records, TODAY, CONTENT)
    numbers = fill("clinic_patient_numbers", report)
    assert int(numbers["streak"]) == truth.streak(p, TODAY)
    assert numbers["adherence_7"] == _share(seed, 7)
    assert numbers["adherence_30"] == _share(seed, 30)
    check_week(p, report, TODAY)


@pytest.mark.parametrize("seed", SEEDS)
def test_dashboard_row(seed: int) -> None:
    p = patient(seed)
    row = dashboard_row(CONTENT, p.user_id, p.profile, p.records, TODAY, local_since(p.profile))
    for window, share in ((7, row.adherence_7), (30, row.adherence_30)):
        complete, expected = truth.routine_days(p, TODAY, window)
        assert share == (complete / expected if expected else None)


def test_clinic_overview() -> None:
    patients = [patient(seed) for seed in SEEDS]
    rows = [patient_row(p.user_id, display_name(p.profile), p.records, TODAY,
                        local_since(p.profile)) for p in patients]
    text = clinic_stats_text(rows, CONTENT, TODAY)
    active = [p for p in patients
              if (last := truth.last_active(p, TODAY)) and (TODAY - last).days < 7]
    shown = fill("progress_clinic_active", text)
    assert (int(shown["active"]), int(shown["total"])) == (len(active), len(patients))
    shares: list[Fraction] = []
    for p in active:
        complete, expected = truth.routine_days(p, TODAY, 7)
        if expected:
            shares.append(Fraction(complete, expected))
    assert shares, "the generated clinic has active patients"
    mean = sum(shares) / len(shares)
    pct = int(fill("progress_clinic_adherence", text)["pct"])
    assert pct == floor(mean * 100 + Fraction(1, 2))
    week = truth.dates(TODAY - timedelta(days=6), TODAY)
    for p in patients:
        flags = sum(1 for d in week if (day := truth.day_of(p, d)) and day.red_flag)
        top = max((s for d in week for s in truth.pains_on(p, d) + truth.painful_on(p, d)),
                  default=None)
        name = display_name(p.profile)
        lines = [f for f in fills("progress_clinic_row", text) if f["name"] == name]
        if not flags and (top is None or top <= 5):
            assert not lines
            continue
        (line,) = lines
        reasons = line["reasons"].split(", ")
        if flags > 1:
            assert [int(f["count"]) for part in reasons
                    for f in fills("progress_clinic_flags", part)] == [flags]
        elif flags == 1:
            assert CONTENT.text("progress_clinic_flag_one") in reasons
        if top is not None and top > 5:
            assert [int(f["pain"]) for part in reasons
                    for f in fills("progress_clinic_pain", part)] == [top]


def test_clinic_export_caption_counts_patients_and_rows() -> None:
    rows = [(patient(seed).user_id, patient(seed).records) for seed in SEEDS[:10]]
    caption = CONTENT.text("clinic_export_caption", patients=len(rows),  # handlers/clinicians
                           rows=sum(len(r) for _, r in rows))
    read = list(csv.DictReader(io.StringIO(clinic_csv(rows))))
    said = fill("clinic_export_caption", caption)
    assert int(said["rows"]) == len(read)
    assert int(said["patients"]) == len({r["user_id"] for r in read})
