"""Copying every patient and the bot-wide values into another backend (``migrate``).

Storage-level only: a patient moves as ``dump_patient`` -> ``load_patient`` plain data
(one write each), the bot-wide values as one ``bot_update``, and the copy is checked by
comparing dumps; the caller adds its own comparison (the command line compares what
/export sends). The rules, and why:

- a target that holds anything is refused unless ``force``: a copy onto live data
  would mix two bots' patients;
- with ``force`` the target ends up with exactly the source's patients and values: a
  patient who used /forget since an older copy must not come back from it;
- a patient whose /forget is unfinished, in the source or in the target, is not copied
  (the next start on that store finishes it; a copy must not bring them back), nor one
  without consent (PostgreSQL's bulk load bypasses the consent gate: checked here).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.storage.atomic import StorageError
from bot.storage.interface import Repository
from bot.storage.transaction import SEEN_LIMIT

log = logging.getLogger(__name__)

#: (what, done, total): called every ``every`` patients, e.g. to print a progress line.
Progress = Callable[[str, int, int], None]
#: Something derived from a patient's stored data that must be equal on both sides.
Fingerprint = Callable[[Repository, int], object]
PROGRESS_EVERY = 1000


class TargetNotEmpty(StorageError):
    """The target already holds patients or bot-wide values, and ``force`` was not given."""


@dataclass
class CopyReport:
    """What ``copy_repository`` did (patient ids only: nothing personal)."""

    copied: list[int] = field(default_factory=list)
    records: int = 0
    bot_values: int = 0
    forgetting: list[int] = field(default_factory=list)  # /forget unfinished on either side
    no_consent: list[int] = field(default_factory=list)
    failed: list[int] = field(default_factory=list)  # reading or writing them failed
    removed: list[int] = field(default_factory=list)  # only the target had them (force)
    seconds: float = 0.0


@dataclass
class VerifyReport:
    """What ``verify_copy`` found: ``ok`` when every copied patient reads the same."""

    checked: int = 0
    identical: int = 0
    differ: list[int] = field(default_factory=list)
    unexpected: list[int] = field(default_factory=list)  # in the target, not copied
    bot_values_differ: list[str] = field(default_factory=list)  # keys
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return (self.identical == self.checked and not self.unexpected
                and not self.bot_values_differ)


def comparable(dump: Mapping[str, Any]) -> dict[str, Any]:
    """A dump as both backends must agree on it. Only the last SEEN_LIMIT handled update
    ids count: the embedded store keeps no more (they only serve dedupe)."""
    seen = sorted(int(i) for i in dump.get("seen") or [])
    return {"tables": dict(dump.get("tables") or {}),
            "records": [dict(r) for r in dump.get("records") or []],
            "seen": seen[-SEEN_LIMIT:]}


def copy_repository(source: Repository, target: Repository, *, force: bool = False,
                    progress: Progress | None = None,
                    every: int = PROGRESS_EVERY) -> CopyReport:
    """Copy every patient (one ``load_patient`` each) and the bot-wide values.

    Raises TargetNotEmpty before writing anything when the target holds data and
    ``force`` is False. A patient whose copy fails is listed in ``failed``; the others
    go on (one broken patient must not stop a migration of thousands).
    """
    started = time.perf_counter()
    before = set(target.user_ids())
    target_values = target.bot_values()
    if (before or target_values) and not force:
        raise TargetNotEmpty(f"the target already holds {len(before)} patients and "
                             f"{len(target_values)} bot-wide values")
    report = CopyReport()
    pending = set(source.journal.pending) | set(target.journal.pending)
    user_ids = source.user_ids()
    for done, user_id in enumerate(user_ids, start=1):  # load_patient replaces, both backends
        _copy_patient(source, target, user_id, pending=pending, report=report)
        if progress is not None and done % every == 0:
            progress("copied", done, len(user_ids))
    if force:
        _remove_others(target, before - set(report.copied), report)
    values = source.bot_values()
    # No delete in the interface: a value only the target had reads as missing (None).
    cleared = {key: None for key in target_values if key not in values}
    if values or cleared:
        target.bot_update({**values, **cleared})
    report.bot_values = len(values)
    report.seconds = time.perf_counter() - started
    return report


def _copy_patient(source: Repository, target: Repository, user_id: int, *,
                  pending: set[int], report: CopyReport) -> None:
    if user_id in pending:
        report.forgetting.append(user_id)
        return
    try:
        dump = source.dump_patient(user_id)
        profile = (dump.get("tables") or {}).get("profile") or {}
        if not profile.get("consent"):
            report.no_consent.append(user_id)
            return
        target.load_patient(user_id, dump)
    except StorageError as exc:
        log.warning("Patient not copied (%s)", type(exc).__name__)
        report.failed.append(user_id)
        return
    report.copied.append(user_id)
    report.records += len(dump.get("records") or [])


def _remove_others(target: Repository, user_ids: Iterable[int], report: CopyReport) -> None:
    """With ``force``: the target's patients the source did not copy go, as /forget does."""
    for user_id in sorted(user_ids):
        try:
            target.forget(user_id)
        except StorageError as exc:
            log.warning("A patient only the target had was not removed (%s)",
                        type(exc).__name__)
            if user_id not in report.failed:
                report.failed.append(user_id)
            continue
        if user_id not in report.failed:
            report.removed.append(user_id)


def verify_copy(source: Repository, target: Repository, user_ids: Iterable[int], *,
                fingerprint: Fingerprint | None = None, progress: Progress | None = None,
                every: int = PROGRESS_EVERY) -> VerifyReport:
    """Read every copied patient back from both sides and compare: their dumps and,
    when given, ``fingerprint`` of each side. Also: the target holds no other patient,
    and the bot-wide values agree."""
    started = time.perf_counter()
    ids = list(user_ids)
    report = VerifyReport(checked=len(ids))
    for done, user_id in enumerate(ids, start=1):
        if _same(source, target, user_id, fingerprint):
            report.identical += 1
        else:
            report.differ.append(user_id)
        if progress is not None and done % every == 0:
            progress("verified", done, len(ids))
    report.unexpected = sorted(set(target.user_ids()) - set(ids))
    ours, theirs = source.bot_values(), target.bot_values()
    report.bot_values_differ = sorted(key for key in set(ours) | set(theirs)
                                      if ours.get(key) != theirs.get(key))
    report.seconds = time.perf_counter() - started
    return report


def _same(source: Repository, target: Repository, user_id: int,
          fingerprint: Fingerprint | None) -> bool:
    try:
        if comparable(source.dump_patient(user_id)) != comparable(target.dump_patient(user_id)):
            return False
        return fingerprint is None or fingerprint(source, user_id) == fingerprint(target,
                                                                                  user_id)
    except StorageError as exc:
        log.warning("A patient could not be read back (%s)", type(exc).__name__)
        return False
