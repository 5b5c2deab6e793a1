"""The code scan's cache: the same answer as a fresh scan, reused only for the same code."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from bot.content import code_keys_cache
from bot.content.message_keys import ROOT, scan


@pytest.fixture(scope="module")
def code(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the code the scan reads (so a test may touch a file)."""
    root = tmp_path_factory.mktemp("code")
    for package in ("bot", "handlers"):
        shutil.copytree(ROOT / package, root / package,
                        ignore=shutil.ignore_patterns("__pycache__", "*.json"))
    return root


def test_the_cached_answer_equals_a_fresh_scan(code: Path, tmp_path: Path) -> None:
    fresh = scan(code)
    first = code_keys_cache.cached_scan(code, tmp_path)
    again = code_keys_cache.cached_scan(code, tmp_path)
    assert first == fresh and again == fresh
    assert len(list(tmp_path.glob("code-keys-*.json"))) == 1


def test_unchanged_code_is_not_scanned_again(
    code: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    code_keys_cache.cached_scan(code, tmp_path)

    def no_scan(*_: object) -> None:
        raise AssertionError("scanned although the code did not change")

    monkeypatch.setattr(code_keys_cache, "scan", no_scan)
    assert code_keys_cache.cached_scan(code, tmp_path).uses


def test_an_edited_module_is_scanned_again(code: Path, tmp_path: Path) -> None:
    before = code_keys_cache.fingerprint(code)
    code_keys_cache.cached_scan(code, tmp_path)
    module = code / "handlers" / "common.py"
    stat = module.stat()
    os.utime(module, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    assert code_keys_cache.fingerprint(code) != before
    code_keys_cache.cached_scan(code, tmp_path)
    assert len(list(tmp_path.glob("code-keys-*.json"))) == 2


def test_a_damaged_or_unwritable_cache_only_means_a_fresh_scan(
    code: Path, tmp_path: Path
) -> None:
    path = tmp_path / f"code-keys-{code_keys_cache.fingerprint(code)}.json"
    path.write_text("{not json", encoding="utf-8")
    assert code_keys_cache.cached_scan(code, tmp_path) == scan(code)
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x", encoding="utf-8")
    assert code_keys_cache.cached_scan(code, blocked) == scan(code)
