"""A message key the code uses but content/ lacks is a start-up error, not a runtime one."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.content import DEFAULT_CONTENT_DIR, ContentError, load_content
from bot.content.message_keys import used_message_keys


def test_code_uses_many_keys_and_all_exist():
    used = used_message_keys()
    assert len(used) > 100
    messages = load_content(DEFAULT_CONTENT_DIR).messages
    assert not [key for key in used if key not in messages]


def test_deleting_a_used_key_names_it(tmp_path: Path):
    content = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT_DIR, content)
    path = content / "messages" / "reminders.yaml"
    lines = [ln for ln in path.read_text().splitlines() if not ln.startswith("reminder_set:")]
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(ContentError) as err:
        load_content(content)
    assert "reminder_set" in str(err.value)
    assert "handlers/reminders/" in str(err.value)
