"""Issue 23, item 9: check-content refuses content that would break at run time.

Every ``{placeholder}`` of a message must be a name the code passes for that key, and
every key the code can look up must exist, including keys built from variables
(``f"session_ignored_{reason}"``, declared in ``bot/content/keys.py``). Before this,
``safety_redflag_item: "• {lable}"`` loaded fine and a red flag then got "Sorry, something
went wrong" and no clinician alert, and deleting ``session_ask_pain_before`` loaded fine
and ``/routine`` then failed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from bot.content import DEFAULT_CONTENT_DIR, ContentError, check_content_main, load_content

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _copy(tmp_path: Path) -> Path:
    target = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, target)
    return target


def _set_text(directory: Path, file: str, key: str, text: str) -> None:
    """Replace one message's text, keeping the rest of the file as written."""
    path = directory / "messages" / file
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
    end = index + 1
    while end < len(lines) and lines[end].startswith((" ", "\t")):
        end += 1  # the key's list items or folded lines
    lines[index:end] = [f"{key}: {text}"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _delete(directory: Path, file: str, key: str) -> None:
    path = directory / "messages" / file
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    assert key in data, key
    del data[key]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, width=1000), encoding="utf-8")


def _error(directory: Path) -> ContentError:
    with pytest.raises(ContentError) as info:
        load_content(directory)
    return info.value


def test_misspelt_placeholder_in_safety_redflag_item_is_refused(tmp_path: Path) -> None:
    directory = _copy(tmp_path)
    _set_text(directory, "coach.yaml", "safety_redflag_item", '"• {lable}"')
    err = _error(directory)
    assert (err.file, err.field) == ("content/messages/coach.yaml", "safety_redflag_item")
    assert "{lable}" in err.message
    assert "bot/domain/coaching/coach.py" in err.message  # where the code fills it
    assert "{label}" in err.message  # what it passes instead
    assert err.line is not None
    assert "\n" not in str(err)


def test_deleted_session_ask_pain_before_is_refused(tmp_path: Path) -> None:
    """Looked up as f"session_ask_pain_{context}": a key built from a variable."""
    directory = _copy(tmp_path)
    _delete(directory, "session.yaml", "session_ask_pain_before")
    err = _error(directory)
    assert err.field == "session_ask_pain_before"
    assert err.file.startswith("content/messages")
    assert "missing" in err.message
    assert "bot/domain/routine/prompts.py" in err.message


def test_deleted_session_ignored_key_of_a_dynamic_family_is_refused(tmp_path: Path) -> None:
    """``session_ignored_expects_pain`` is only ever looked up as
    f"session_ignored_{reason}" (``Run.ignore("expects_pain")``)."""
    directory = _copy(tmp_path)
    _delete(directory, "session.yaml", "session_ignored_expects_pain")
    err = _error(directory)
    assert err.field == "session_ignored_expects_pain"
    assert "missing" in err.message
    assert "bot/domain/routine/run.py" in err.message


def test_placeholder_in_a_text_the_code_fills_with_nothing_is_refused(tmp_path: Path) -> None:
    """``forget_done`` is sent without values: a {name} would reach the patient as is."""
    directory = _copy(tmp_path)
    _set_text(directory, "clinic.yaml", "forget_done", '"Deleted, {name}."')
    err = _error(directory)
    assert (err.file, err.field) == ("content/messages/clinic.yaml", "forget_done")
    assert "{name}" in err.message
    assert "handlers/data_rights.py" in err.message


def test_check_content_reports_each_mistake_on_its_own_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    directory = _copy(tmp_path)
    _set_text(directory, "coach.yaml", "safety_redflag_item", '"• {lable}"')
    _delete(directory, "session.yaml", "session_ask_pain_before")
    _delete(directory, "session.yaml", "session_ignored_expects_pain")
    assert check_content_main(directory) == 2
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 3, err
    for key in ("safety_redflag_item", "session_ask_pain_before", "session_ignored_expects_pain"):
        (line,) = [line for line in lines if f": {key}: " in line]
        assert line.startswith("content/messages"), line
    assert "Traceback" not in err


def test_a_message_the_code_never_uses_is_only_a_warning(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    directory = _copy(tmp_path)
    path = directory / "messages" / "library.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "library_unused_extra: 'Hi {anything}'\n",
        encoding="utf-8",
    )
    assert "library_unused_extra" in load_content(directory).messages
    assert check_content_main(directory) == 0
    out, err = capsys.readouterr()
    assert out.startswith("content OK")
    (line,) = [line for line in err.splitlines() if "library_unused_extra" in line]
    assert line.startswith("warning: content/messages/library.yaml: library_unused_extra: ")
    assert "never uses" in line


def test_real_content_passes_and_warns_only_of_unused_messages(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """No warning about code the scan could not follow: every lookup was checked."""
    assert check_content_main(DEFAULT_CONTENT_DIR) == 0
    out, err = capsys.readouterr()
    assert out.startswith("content OK") and out.count("\n") == 1
    for line in err.splitlines():
        assert line.startswith("warning: content/messages/"), line
        assert "the code never uses this message" in line, line
