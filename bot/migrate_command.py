"""``python -m bot migrate``: copy every patient between the embedded store and PostgreSQL.

``--from`` and ``--to`` each name a data folder or a ``postgresql://`` URL (``--from``
defaults to BOT_DATA_DIR). The copy itself is ``bot.storage.transfer``; here are the
command line's checks (not onto itself, not into a folder that is not a data folder),
the verification through what /export sends, and the one-line summary. Exit status 0:
copied and verified; 1: a patient failed or differs (ids listed); 2: refused.
Output names patients by id only, and a URL never with its password.
"""

from __future__ import annotations

import json
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import parse_qs, urlparse

from bot.config import SettingsError, load_settings
from bot.media.export import records_to_json
from bot.storage import Repository, StorageError, open_repository
from bot.storage.opening import is_postgres_url
from bot.storage.transfer import (
    CopyReport,
    Progress,
    TargetNotEmpty,
    VerifyReport,
    copy_repository,
    verify_copy,
)


@dataclass(frozen=True)
class Place:
    """One side of a copy: a data folder or a PostgreSQL URL."""

    url: str | None = None
    folder: Path | None = None

    @classmethod
    def parse(cls, text: str) -> Place:
        if is_postgres_url(text):
            place = cls(url=text)
            try:
                place.identity()
            except ValueError:  # a port that is not a number (never echo the URL)
                raise ValueError("is not a valid postgresql:// URL") from None
            return place
        if "://" in text:
            raise ValueError("is neither a postgresql:// URL nor a folder")
        return cls(folder=Path(text).expanduser())

    def identity(self) -> tuple[object, ...]:
        """What makes two places the same (a folder by its real path, a database by
        host, port and name)."""
        if self.folder is not None:
            return ("folder", self.folder.resolve())
        parsed = urlparse(self.url or "")
        query = parse_qs(parsed.query)
        host = parsed.hostname or query.get("host", ["localhost"])[0]
        port = parsed.port or int(query.get("port", ["5432"])[0])
        name = parsed.path.lstrip("/") or query.get("dbname", [parsed.username or ""])[0]
        return ("postgresql", host.lower(), port, name)

    def describe(self) -> str:
        """For messages: never the URL's password."""
        if self.folder is not None:
            return str(self.folder)
        _kind, host, port, name = self.identity()
        return f"PostgreSQL {host}:{port}/{name}"

    def problem(self, *, source: bool) -> str | None:
        """Why this folder cannot be used (None: fine). Opening a folder as a store
        makes its sub-folders, so a typo must not turn some other folder into one."""
        if self.folder is None:
            return None
        is_data = (self.folder / "users").is_dir() or (self.folder / "meta.json").is_file()
        if source and not self.folder.is_dir():
            return "no such folder"
        if source and not is_data:
            return "not a data folder (no users/ inside)"
        if self.folder.is_dir() and any(self.folder.iterdir()) and not is_data:
            return "not empty and not a data folder"
        return None

    def open(self, scratch: Path) -> Repository:
        """The repository; PostgreSQL's cache of pictures goes to a scratch folder."""
        if self.folder is not None:
            return open_repository(self.folder)
        return open_repository(scratch, self.url)


def export_of(repo: Repository, user_id: int) -> str:
    """What /export's JSON sends (``handlers/data_rights.py``), canonical: PostgreSQL's
    jsonb keeps no key order, but every value and its type (1, 1.0, true) must survive.
    (The CSV is left out: it holds the same records, and rendering it doubled the time.)"""
    sent = records_to_json(repo.profile(user_id), repo.records(user_id))
    return json.dumps(json.loads(sent), sort_keys=True, ensure_ascii=False)


def default_folder() -> Path:
    """BOT_DATA_DIR from the environment or .env (migrating needs no token)."""
    placeholder = "0:not-needed"  # settings insist on a token; migrating never uses it
    return load_settings(telegram_bot_token=placeholder).bot_data_dir


def _fail(message: str, code: int = 2) -> int:
    print(f"error: {message}", file=sys.stderr)
    return code


def _progress(started: float) -> Progress:
    """A line on stderr every PROGRESS_EVERY patients: a big store takes minutes."""
    def show(what: str, done: int, total: int) -> None:
        print(f"{what} {done} of {total} patients ({time.perf_counter() - started:.0f} s)",
              file=sys.stderr, flush=True)

    return show


def migrate_main(source_text: str | None, target_text: str, *, force: bool = False) -> int:
    """Copy, verify, summarise; the exit status (see the module's docstring)."""
    try:
        source = Place.parse(source_text) if source_text else Place(folder=default_folder())
    except (ValueError, SettingsError) as err:
        return _fail(f"--from {err}")
    try:
        target = Place.parse(target_text)
    except ValueError as err:
        return _fail(f"--to {err}")
    if source.identity() == target.identity():
        return _fail("--from and --to are the same place; nothing to copy")
    for flag, place, is_source in (("--from", source, True), ("--to", target, False)):
        problem = place.problem(source=is_source)
        if problem:
            return _fail(f"{flag} {place.describe()}: {problem}")
    with tempfile.TemporaryDirectory(prefix="bot-migrate-") as scratch:
        return _copy_and_verify(source, target, Path(scratch), force=force)


def _copy_and_verify(source: Place, target: Place, scratch: Path, *, force: bool) -> int:
    started = time.perf_counter()
    opened: list[Repository] = []
    try:
        try:
            src = source.open(scratch / "from")
            opened.append(src)
            dst = target.open(scratch / "to")
            opened.append(dst)
        except StorageError as err:
            which = "--from" if not opened else "--to"
            return _fail(f"{which}: {err}")
        try:
            copied = copy_repository(src, dst, force=force,
                                     progress=_progress(started))
        except TargetNotEmpty as err:
            return _fail(f"{err} ({target.describe()}); nothing copied. Add --force to "
                         f"replace its patients with the source's")
        dst.close()  # verify what was stored, not what the open store remembers
        dst = target.open(scratch / "to")
        opened.append(dst)
        verified = verify_copy(src, dst, copied.copied, fingerprint=export_of,
                               progress=_progress(started))
    except StorageError as err:
        return _fail(f"the copy stopped: {err}", 1)
    finally:
        for repo in opened:
            repo.close()
    return _summarise(copied, verified, time.perf_counter() - started)


def _ids(ids: list[int]) -> str:
    shown = ", ".join(str(i) for i in ids[:50])
    return shown + (f" and {len(ids) - 50} more" if len(ids) > 50 else "")


def _summarise(copied: CopyReport, verified: VerifyReport, seconds: float) -> int:
    notes = [
        (copied.forgetting, "skipped (their /forget is unfinished; the bot's next start on "
                            "that store finishes it)"),
        (copied.no_consent, "skipped (no consent to storage)"),
        (copied.removed, "removed from the target (the source does not have them)"),
        (copied.failed, "FAILED to copy"),
        (verified.differ, "DIFFER after copying"),
        (verified.unexpected, "in the target though not copied"),
    ]
    for ids, what in notes:
        if ids:
            print(f"{len(ids)} patients {what}: {_ids(ids)}", file=sys.stderr)
    if verified.bot_values_differ:
        print(f"bot-wide values DIFFER after copying: {', '.join(verified.bot_values_differ)}",
              file=sys.stderr)
    print(f"{len(copied.copied)} patients copied, {copied.records} records, "
          f"{copied.bot_values} bot-wide values in {seconds:.1f} s "
          f"(copy {copied.seconds:.1f} s, verify {verified.seconds:.1f} s); "
          f"verified: {verified.identical} of {verified.checked} patients identical")
    return 0 if verified.ok and not copied.failed else 1
