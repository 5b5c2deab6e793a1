"""Finding a patient for /patient and the report a clinician reads about one."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

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


# ---- finding a patient by name (the terminal chat's demo patients, say) -------------

CLINIC = [
    (2001, profile(first_name="Pat Green", username="patgreen")),
    (2002, profile(first_name="Ann", last_name="Lee", username="annlee")),
    (2003, profile(first_name="Raj Patel", username="rajpatel")),
    (2006, profile(first_name="Lee Wong", username="leewong")),
    (2007, profile(first_name="Pat", username="", consent=False)),
]


def ids(query: str) -> list[int]:
    return [uid for uid, _ in find_patients(CLINIC, query)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Pat", [2001]),  # the word Pat: not Raj Patel, not a patient who declined
        ("pat green", [2001]),
        ("  PAT   GREEN ", [2001]),
        ("green", [2001]),
        ("gre", [2001]),
        ("pat g", [2001]),
        ("pate", [2003]),  # the start of a word
        ("Lee", [2002, 2006]),  # several: the handler asks which one
        ("ann lee", [2002]),  # first and last name stored apart
        ("@annlee", [2002]),
        ("@ANN", [2002]),  # the start of a username
        ("@lee", [2006]),  # @ looks at usernames only
        ("rajpatel", [2003]),
        ("atel", [2003]),  # anywhere, when nothing else matches
        ("2006", [2006]),
        ("Zed", []),
        ("@", []),
        ("", []),
    ],
)
def test_find_patients_by_name_username_or_id(query: str, expected: list[int]) -> None:
    assert ids(query) == expected


def test_a_patient_called_just_pat_comes_before_pat_green() -> None:
    people = [(1, profile(first_name="Pat Green", username="")),
              (2, profile(first_name="Pat", username=""))]
    assert [uid for uid, _ in find_patients(people, "pat")] == [2]
    assert [uid for uid, _ in find_patients(people, "pat gr")] == [1]


odd_values = st.one_of(st.none(), st.text(max_size=12), st.integers(), st.booleans(),
                       st.lists(st.text(max_size=3), max_size=2))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(-10**12, 10**12),
                       st.dictionaries(st.sampled_from(["first_name", "last_name",
                                                        "username", "consent"]),
                                       odd_values)),
             max_size=5),
    st.text(max_size=40),
)
def test_find_patients_never_raises(people: list[tuple[int, dict[str, Any]]],
                                    query: str) -> None:
    found = find_patients(people, query)
    assert all(entry in people for entry in found)
    assert all(bool(p.get("consent")) for _, p in found)
