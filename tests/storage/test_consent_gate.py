"""The consent gate in the storage layer: no write for a patient without consent.

Every write of a patient's records or state goes through a unit of work; its commit
refuses (``NoConsent``, a ``StorageError``) when the profile it would write has no
consent, and says ``Forgotten`` when the patient's data was deleted by /forget.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.domain.profiles import new_profile
from bot.domain.records import Record
from bot.storage import Forgotten, NoConsent, StorageError, Store, current_update_id
from tests.storage.test_storage import rec

NOW = datetime(2026, 11, 28, 8, 0, tzinfo=UTC)


def consented(store: Store, uid: int) -> None:
    with store.user(uid) as txn:
        txn.set("profile", new_profile(uid, "Pat", None, NOW, "UTC"))


def a_record() -> Record:
    return rec(1)  # type: ignore[return-value]


def user_files(store: Store) -> list[Path]:
    return sorted(store.users_dir.iterdir())


def test_a_record_without_consent_is_refused_and_no_file_appears(tmp_path: Path):
    store = Store(tmp_path)
    with pytest.raises(NoConsent), store.user(5) as txn:
        txn.add_record(a_record())
    assert user_files(store) == []
    assert not store.exists(5)
    assert issubclass(NoConsent, StorageError)  # callers that handle "not saved" still do


def test_state_without_consent_is_refused_too(tmp_path: Path):
    store = Store(tmp_path)
    with pytest.raises(NoConsent), store.user(5) as txn:
        txn.update("state", last_pushback="r1")
    assert user_files(store) == []


def test_a_profile_without_consent_is_refused(tmp_path: Path):
    store = Store(tmp_path)
    with pytest.raises(NoConsent), store.user(5) as txn:
        txn.set("profile", {"user_id": 5, "first_name": "Pat", "consent": False})
    assert user_files(store) == []


def test_the_consent_write_itself_and_later_writes_go_through(tmp_path: Path):
    store = Store(tmp_path)
    consented(store, 5)
    with store.user(5) as txn:
        assert txn.add_record(a_record())
    assert len(store.records(5)) == 1


def test_after_forget_writes_are_refused_as_forgotten_until_consent_again(tmp_path: Path):
    store = Store(tmp_path)
    consented(store, 5)
    store.forget(5)
    with pytest.raises(Forgotten), store.user(5) as txn:
        txn.add_record(a_record())
    assert user_files(store) == []
    assert issubclass(Forgotten, NoConsent)
    consented(store, 5)  # /start again: the consent write is allowed
    with store.user(5) as txn:
        txn.add_record(a_record())
    assert len(store.records(5)) == 1


def test_the_dedupe_mark_never_writes_a_file_without_consent(tmp_path: Path):
    """``mark_seen(persist=True)``: nothing for an unknown user, nor over a file without
    consent (an older version's file, a hand edit): that file is left as it is."""
    store = Store(tmp_path)
    store.mark_seen(5, 100, persist=True)
    assert user_files(store) == []
    legacy = store.user_path(6)
    legacy.write_bytes(b'{"profile":{"1":{"user_id":6,"consent":false}},"state":{}}')
    before = legacy.read_bytes()
    store.mark_seen(6, 101, persist=True)
    assert legacy.read_bytes() == before
    assert store.has_seen(6, 101)  # still remembered in memory: handled once


def test_a_commit_with_an_update_id_but_no_consent_writes_nothing(tmp_path: Path):
    store = Store(tmp_path)
    token = current_update_id.set(42)
    try:
        with pytest.raises(NoConsent), store.user(5) as txn:
            txn.add_record(a_record())
    finally:
        current_update_id.reset(token)
    assert user_files(store) == []
