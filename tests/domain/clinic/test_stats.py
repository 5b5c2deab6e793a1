"""The clinician overview: one row per patient and who needs a look this week."""

from __future__ import annotations

import pytest

from bot.domain.clinic.stats import PatientRow, clinic_stats_text, patient_row
from tests.domain.progress.helpers import CONTENT, TODAY, days_back, rec, routine_day


def test_patient_row() -> None:
    records = [
        *routine_day(days_back(1)),
        rec(days_back(2), "painful", pain=7),
        rec(days_back(3), "pain", pain=4),
        rec(days_back(10), "pain", pain=9),  # older than a week
        rec(days_back(2), "redflag", note="fall"),
    ]
    row = patient_row(7, "Ana", records, TODAY, since=days_back(3))
    assert row == PatientRow(
        user_id=7,
        name="Ana",
        adherence_7=pytest.approx(1 / 2),  # type: ignore[arg-type]
        max_pain_7=7,
        red_flags_7=1,
        last_active=days_back(1),
    )
    empty = patient_row(8, "Ben", [], TODAY)
    assert (empty.max_pain_7, empty.red_flags_7, empty.last_active) == (None, 0, None)


def test_clinic_stats_text() -> None:
    rows = [
        PatientRow(1, "Ana", 1.0, 3, 0, days_back(0)),
        PatientRow(2, "Ben", 0.5, 7, 0, days_back(6)),
        PatientRow(3, "Cleo", None, 2, 1, days_back(2)),
        PatientRow(4, "Dev", 0.0, 9, 2, days_back(7)),  # not active this week
        PatientRow(5, "Eve", None, None, 0, None),
    ]
    text = clinic_stats_text(rows, CONTENT, today=TODAY)
    assert "{" not in text
    assert "3 of 5" in text
    assert "75%" in text  # mean of Ana and Ben; Cleo has no expected days
    lines = text.splitlines()
    attention = lines[lines.index(CONTENT.text("progress_clinic_attention")) + 1 :]
    assert attention == [
        "• Dev: 2 warning signs, pain up to 9/10",
        "• Cleo: 1 warning sign",
        "• Ben: pain up to 7/10",
    ]


def test_clinic_stats_when_calm() -> None:
    text = clinic_stats_text([PatientRow(1, "Ana", None, 5, 0, None)], CONTENT, today=TODAY)
    assert CONTENT.text("progress_clinic_attention_none") in text
    assert CONTENT.text("progress_clinic_adherence_none") in text
    assert "0 of 1" in text
