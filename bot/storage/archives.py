"""Where old records go: one gzip-compressed archive per user and month.

One file holding every user would be rewritten in full on every reply. Here each user
has a small "hot" file (profile, state, session, recent update ids and the last days
of records); older records move to the monthly archives, written rarely. The cost of a
reply does not grow with the number of users, and it does not grow with a user's
history either: once a hot file holds more than ``HOT_MAX_RECORDS`` records, the older
ones move out (``Store.archive_due``, which the runner calls after each update, so no
reply waits for it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from bot.storage.atomic import atomic_write_bytes, ensure_dir
from bot.storage.codec import encode_archive, read_archive

HOT_DAYS = 2  # records this many days younger than the newest one stay in the hot file
HOT_MAX_RECORDS = 96  # past this many hot records, the older ones move to the archives
HOT_HARD_MAX = 4 * HOT_MAX_RECORDS  # ...at once, if nothing ran ``archive_due`` meanwhile
ARCHIVE_SUFFIX = ".json.gz"


def archive_month(path: Path) -> str:
    """The month (``YYYY-MM``) an archive file holds, from its name."""
    return path.name.split(".", 1)[0]


def hot_cutoff(events: Iterable[dict[str, Any]]) -> str | None:
    """The date from which records stay hot: HOT_DAYS before the newest one (None: no dates)."""
    newest = max((str(doc.get("date", "")) for doc in events), default="")
    try:
        return (date.fromisoformat(newest) - timedelta(days=HOT_DAYS)).isoformat()
    except ValueError:
        return None


def list_archive_files(folder: Path) -> list[Path]:
    """The archive files in one user's archive folder, oldest month first."""
    if not folder.is_dir():
        return []
    files = [p for p in folder.iterdir()
             if p.name.endswith((ARCHIVE_SUFFIX, ".json")) and not p.name.startswith(".")]
    return sorted(files, key=lambda p: (archive_month(p), p.name))


def write_month_archives(
    folder: Path,
    records: list[dict[str, Any]],
    tmp_dir: Path,
    read: Callable[[Path], list[dict[str, Any]]] = read_archive,
) -> None:
    """Merge ``records`` (by id) into the monthly archives in ``folder``, one write each.

    An older plain-JSON archive of the same month is merged in, then removed. ``read``
    reads an existing archive (the store's reader moves a damaged one aside and
    returns nothing, so the month is written afresh with the records moving now).
    """
    by_month: dict[str, list[dict[str, Any]]] = {}
    for rec in records:
        by_month.setdefault(str(rec.get("date", ""))[:7] or "unknown", []).append(rec)
    ensure_dir(folder)
    for month, recs in by_month.items():
        path = folder / f"{month}{ARCHIVE_SUFFIX}"
        legacy = folder / f"{month}.json"
        merged: dict[str, dict[str, Any]] = {}
        for existing in (legacy, path):
            if existing.exists():
                for rec in read(existing):
                    merged[str(rec["id"])] = rec
        for rec in recs:
            merged[str(rec["id"])] = rec
        atomic_write_bytes(path, encode_archive(merged.values()), tmp_dir=tmp_dir)
        if legacy.exists():
            legacy.unlink()
