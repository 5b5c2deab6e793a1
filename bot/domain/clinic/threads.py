"""The map from a clinician's copy of a question to the patient who asked.

A question (or a red-flag alert) goes to every clinician's chat; remembering each copy
lets a clinician's Telegram reply find its way back to the patient. Pure: the map is
a plain dict that the caller stores.

Bounded per patient, never across patients: each patient keeps the copies of their
newest questions and alerts (``PER_PATIENT``), so however many one patient sends, a
clinician can still answer everyone else. The whole map is at most ``PER_PATIENT``
times the patients who asked; ``forget_threads`` drops a patient's entries.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

PER_PATIENT = 200  # clinician copies remembered per patient (a copy per clinician and message)


def thread_key(chat_id: int, message_id: int) -> str:
    """Message ids are per chat, so a clinician's copy is known by both."""
    return f"{int(chat_id)}:{int(message_id)}"


def remember_threads(
    threads: Mapping[str, int],
    keys: Iterable[str],
    user_id: int,
    per_patient: int = PER_PATIENT,
) -> dict[str, int]:
    """The map with new copies added; only this patient's oldest copies make room."""
    merged = {k: v for k, v in threads.items() if isinstance(v, int)}
    for key in keys:
        merged.pop(key, None)
        merged[key] = int(user_id)
    # Oldest first in the dict: walk from the newest and keep each patient's newest.
    kept: dict[int, int] = {}
    newest_first: list[tuple[str, int]] = []
    for key, patient in reversed(merged.items()):
        if kept.get(patient, 0) < per_patient:
            kept[patient] = kept.get(patient, 0) + 1
            newest_first.append((key, patient))
    return dict(reversed(newest_first))


def forget_threads(threads: Mapping[str, int], user_id: int) -> dict[str, int]:
    """The map without any entry pointing at this user."""
    return {k: v for k, v in threads.items() if v != int(user_id)}
