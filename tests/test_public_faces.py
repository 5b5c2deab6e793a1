"""Each package's public face is pinned: a name added or dropped is a deliberate change.

Code outside a package imports from its face (``from bot.storage import Store``), so
what the face exports is the package's contract with the rest of the bot.
"""

from __future__ import annotations

import importlib

import pytest

FACES: dict[str, set[str]] = {
    "bot.domain.routine": {
        "ENDED", "AskPain", "AskRedFlags", "Cancel", "Cancelled", "Done", "DoneAll", "Easier",
        "Event", "Ignored", "Output", "PainDuring", "PainNoted", "PainScore", "StoppedForPain",
        "Resume", "Session", "ShowCard", "Skip", "StepPrompt", "Summary", "SwitchedEasier",
        "TimerEnd", "TooPainful", "Transition", "apply", "current_prompt", "interpret_text",
        "start_session", "step_indices", "step_text", "summary_text", "take_back", "timer_end",
        "validate",
    },

    "bot.storage": {
        "HOT_DAYS", "HOT_HARD_MAX", "HOT_MAX_RECORDS", "Migration", "SCHEMA_VERSION",
        "SEEN_LIMIT", "StorageError", "Store", "UserTxn", "current_update_id", "Forgotten",
        "Repository", "PatientTxn", "open_repository", "outside_update",
        "NoConsent",
        "encode_archive", "encode_user_file",
    },
    "bot.content": {"ContentError", "DEFAULT_CONTENT_DIR", "check_content_main", "load_content"},
    "bot.media.drawings": {"animation_file",
        "PNG_SIGNATURE", "clean_title", "illustration_file", "render_pose", "title_slug",
    },
    "handlers.base": {
        "Buttons", "Context", "answer", "consenting", "keyboard", "send", "send_message",
        "user_id_of",
    },
}


@pytest.mark.parametrize("package", sorted(FACES))
def test_the_face_exports_exactly_these_names(package: str) -> None:
    module = importlib.import_module(package)
    assert set(module.__all__) == FACES[package]
    missing = [name for name in module.__all__ if not hasattr(module, name)]
    assert missing == []
