"""The bounded map from a clinician's copy of a question to the patient who asked.

A question (or a red-flag alert) goes to every clinician's chat; remembering each copy
lets a clinician's Telegram reply find its way back to the patient. Pure: the map is
a plain dict that the caller stores.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

THREAD_LIMIT = 500  # clinician copies of questions remembered for replies


def thread_key(chat_id: int, message_id: int) -> str:
    """Message ids are per chat, so a clinician's copy is known by both."""
    return f"{int(chat_id)}:{int(message_id)}"


def remember_threads(
    threads: Mapping[str, int],
    keys: Iterable[str],
    user_id: int,
    limit: int = THREAD_LIMIT,
) -> dict[str, int]:
    """The map with new copies added, keeping only the newest ``limit`` entries."""
    merged = {k: v for k, v in threads.items() if isinstance(v, int)}
    for key in keys:
        merged.pop(key, None)
        merged[key] = int(user_id)
    items = list(merged.items())[-limit:] if limit > 0 else []
    return dict(items)


def forget_threads(threads: Mapping[str, int], user_id: int) -> dict[str, int]:
    """The map without any entry pointing at this user."""
    return {k: v for k, v in threads.items() if v != int(user_id)}
