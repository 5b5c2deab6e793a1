"""CSV and JSON exports: they read back to the same records and cannot run formulas."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any

from bot.domain.records import Record
from bot.media.export import CSV_FIELDS, clinic_csv, records_to_csv, records_to_json

INT_FIELDS = {"set", "reps", "hold", "pain"}

RECORDS: list[Record] = [
    {
        "id": "b2",
        "kind": "pain",
        "date": "2025-11-26",
        "ts": "2025-11-26T18:00:00Z",
        "source": "text",
        "pain": 3,
        "context": "after",
        "note": 'felt "ok", a bit stiff\nbetter after walking; ünïcödé ✅',
    },
    {
        "id": "a1",
        "kind": "done",
        "date": "2025-11-26",
        "ts": "2025-11-26T08:00:00Z",
        "source": "button",
        "exercise": "glute_bridge",
        "set": 1,
        "side": None,
        "reps": 10,
        "hold": None,
        "session": "s1",
    },
    {
        "id": "a0",
        "kind": "done",
        "date": "2025-11-26",
        "ts": "2025-11-26T08:00:00Z",
        "source": "button",
        "exercise": "abduction",
        "set": 1,
        "side": "left",
        "reps": 10,
        "session": "s1",
    },
    {"id": "c9", "kind": "rest", "date": "2025-11-25", "ts": "2025-11-25T07:00:00Z"},
]


def from_row(row: dict[str, str]) -> dict[str, Any]:
    """Undo the CSV: empty cells were None, number columns were ints."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if key == "user_id":
            continue
        if value == "":
            out[key] = None
        elif key in INT_FIELDS:
            out[key] = int(value)
        else:
            out[key] = value
    return out


def full(record: Record) -> dict[str, Any]:
    return {key: record.get(key) for key in CSV_FIELDS[1:]}


def test_fields_are_the_record_keys() -> None:
    assert CSV_FIELDS[0] == "user_id"
    assert set(CSV_FIELDS[1:]) == set(Record.__annotations__)
    assert len(CSV_FIELDS) == len(set(CSV_FIELDS))


def test_csv_round_trip() -> None:
    text = records_to_csv(RECORDS, user_id=42)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert list(rows[0]) == list(CSV_FIELDS)
    assert {row["user_id"] for row in rows} == {"42"}
    expected = sorted(RECORDS, key=lambda r: (r["ts"], r["id"]))
    assert [from_row(row) for row in rows] == [full(r) for r in expected]
    assert [row["id"] for row in rows] == ["c9", "a0", "a1", "b2"]  # by ts, then id


def test_csv_of_nothing_is_just_the_header() -> None:
    assert records_to_csv([], 1).strip() == ",".join(CSV_FIELDS)


def test_formula_injection_is_defused() -> None:
    notes = ["=HYPERLINK(\"http://x\")", "+1+1", "-2", "@SUM(A1)", "\t=1", "\r=1", "fine = ok"]
    records: list[Record] = [
        {"id": f"x{i}", "kind": "redflag", "ts": f"2025-11-26T10:00:0{i}Z", "note": note}
        for i, note in enumerate(notes)
    ]
    records.append({"id": "=evil", "kind": "done", "ts": "2025-11-27T00:00:00Z", "pain": 0})
    rows = list(csv.DictReader(io.StringIO(records_to_csv(records, 5))))
    cells = [row["note"] for row in rows[: len(notes)]]
    assert cells == ["'" + note for note in notes[:-1]] + ["fine = ok"]
    assert rows[-1]["id"] == "'=evil"
    assert rows[-1]["pain"] == "0"
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r"))


def test_json_export_parses_back() -> None:
    profile = {"user_id": 42, "name": "Ana", "tz": "Europe/Lisbon", "since": date(2025, 11, 1)}
    data = json.loads(records_to_json(profile, RECORDS))
    assert data["profile"] == {**profile, "since": "2025-11-01"}
    assert [r["id"] for r in data["records"]] == ["c9", "a0", "a1", "b2"]
    by_id = {r["id"]: r for r in data["records"]}
    for record in RECORDS:
        assert by_id[record["id"]] == record


def test_json_keeps_unicode_readable() -> None:
    assert "ünïcödé ✅" in records_to_json({}, RECORDS)


def test_clinic_csv_has_one_header_and_every_user() -> None:
    text = clinic_csv([(9, RECORDS[:2]), (3, RECORDS[2:])])
    assert text.count("user_id,") == 1
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [(row["user_id"], row["id"]) for row in rows] == [
        ("3", "c9"),
        ("3", "a0"),
        ("9", "a1"),
        ("9", "b2"),
    ]
    assert clinic_csv([]).strip() == ",".join(CSV_FIELDS)
