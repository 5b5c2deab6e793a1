"""Finding a patient for /patient and the report a clinician reads about one."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from bot.content import DEFAULT_CONTENT_DIR, load_content
from bot.domain.clinic.patients import find_patients, patient_report_text, patient_status
from bot.domain.records import Record
from tests.domain.progress.helpers import profile

CONTENT = load_content(DEFAULT_CONTENT_DIR)


def test_find_patients_by_id_or_username_consenting_only() -> None:
    people = [
        (1, profile(username="Ann_B")),
        (2, profile(username="bob", consent=False)),
        (3, profile(username="")),
    ]
    assert [uid for uid, _ in find_patients(people, "1")] == [1]
    assert [uid for uid, _ in find_patients(people, "@ann_b")] == [1]
    assert [uid for uid, _ in find_patients(people, "ANN_B")] == [1]
    assert find_patients(people, "@bob") == []
    assert find_patients(people, "2") == []
    assert find_patients(people, "@") == []
    assert find_patients(people, "  ") == []


def test_patient_report_names_the_patient_and_the_week() -> None:
    today = date(2026, 3, 11)
    records: list[Record] = [
        {"id": "a", "kind": "routine_complete", "date": "2026-03-10",
         "ts": "2026-03-10T12:00:00Z"},
        {"id": "b", "kind": "pain", "pain": 6, "date": "2026-03-10",
         "ts": "2026-03-10T12:01:00Z"},
        {"id": "c", "kind": "redflag", "note": "night pain", "date": "2026-03-11",
         "ts": "2026-03-11T08:00:00Z"},
    ]
    text = patient_report_text(1, profile(), records, today, CONTENT)
    assert "Ann (@ann_b), id 1" in text
    assert "Last entry: 11 Mar" in text
    assert "night pain" in text
    assert "Reminders: on." in text
    assert "Streak: 1 days" in text


@pytest.mark.parametrize(
    ("fields", "key"),
    [
        ({}, "clinic_status_on"),
        ({"active": False}, "clinic_status_stopped"),
        ({"hold": {"since": "x"}}, "clinic_status_hold"),
        ({"paused_until": "2026-04-01"}, "clinic_status_paused"),
        ({"paused_until": "2026-01-01"}, "clinic_status_on"),
        ({"reminder_times": []}, "clinic_status_no_reminders"),
    ],
)
def test_patient_status(fields: dict[str, Any], key: str) -> None:
    assert patient_status(profile(**fields), date(2026, 3, 11)) == key
    assert key in CONTENT.messages
