"""Exports of stored records: CSV for spreadsheets, JSON for a full copy of one's data.

Pure. CSV cells that a spreadsheet would run as a formula are defused, because a
note is free text typed by a user and a clinician may open the file in Excel.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping, Sequence

from bot.domain.records import Record

#: Column order of every CSV export: the owner first, then each Record key.
CSV_FIELDS: tuple[str, ...] = (
    "user_id",
    "id",
    "kind",
    "date",
    "ts",
    "source",
    "exercise",
    "set",
    "side",
    "reps",
    "hold",
    "pain",
    "context",
    "session",
    "note",
    "reply",
)
#: First characters that make Excel, LibreOffice or Sheets treat a cell as a formula.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _safe_cell(value: object) -> object:
    """A cell value that no spreadsheet will execute; numbers and None pass through."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _order(records: Iterable[Record]) -> list[Record]:
    """Oldest first; the id breaks ties between records of the same second."""
    return sorted(records, key=lambda r: (str(r.get("ts") or ""), str(r.get("id") or "")))


def _write(writer: csv.DictWriter[str], user_id: int, records: Iterable[Record]) -> None:
    for record in _order(records):
        row = {key: _safe_cell(record.get(key)) for key in CSV_FIELDS[1:]}
        writer.writerow({"user_id": user_id, **row})


def _writer(buffer: io.StringIO) -> csv.DictWriter[str]:
    writer = csv.DictWriter(buffer, fieldnames=CSV_FIELDS, extrasaction="ignore")
    writer.writeheader()
    return writer


def records_to_csv(records: Iterable[Record], user_id: int) -> str:
    """One user's records as CSV text with a header row."""
    buffer = io.StringIO()
    _write(_writer(buffer), user_id, records)
    return buffer.getvalue()


def clinic_csv(rows: Iterable[tuple[int, Sequence[Record]]]) -> str:
    """Several users' records in one CSV, one header, grouped by user id."""
    buffer = io.StringIO()
    writer = _writer(buffer)
    for user_id, records in sorted(rows, key=lambda row: row[0]):
        _write(writer, user_id, records)
    return buffer.getvalue()


def records_to_json(profile: Mapping[str, object], records: Iterable[Record]) -> str:
    """Everything stored about a user, as readable JSON (dates become ISO strings)."""
    data = {"profile": dict(profile), "records": _order(records)}
    return json.dumps(data, indent=2, ensure_ascii=False, default=str)
