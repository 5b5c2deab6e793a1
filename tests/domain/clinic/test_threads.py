"""The map from a clinician's copy of a question to the patient who asked.

Bounded per patient, so one patient's flood of questions (or alerts) never evicts the
copy of another patient's question (issue 23, item 8).
"""

from __future__ import annotations

from bot.domain.clinic.threads import (
    PER_PATIENT,
    forget_threads,
    remember_threads,
    thread_key,
)


def test_threads_are_bounded_per_patient_newest_kept() -> None:
    threads: dict[str, int] = {}
    for n in range(700):
        threads = remember_threads(threads, [thread_key(900, n)], 1000 + n % 2, per_patient=50)
    assert len(threads) == 100
    assert thread_key(900, 699) in threads and thread_key(900, 698) in threads
    assert thread_key(900, 599) not in threads
    assert threads[thread_key(900, 600)] == 1000


def test_one_patients_flood_never_evicts_another_patients_copy() -> None:
    threads = remember_threads({}, [thread_key(900, 1), thread_key(901, 1)], 7)
    for n in range(2, 1500):
        threads = remember_threads(threads, [thread_key(900, n), thread_key(901, n)], 8)
    assert threads[thread_key(900, 1)] == 7 and threads[thread_key(901, 1)] == 7
    assert thread_key(900, 1499) in threads, "the newest of the flood is kept"
    assert sum(1 for v in threads.values() if v == 8) == PER_PATIENT, "bounded per patient"


def test_junk_in_the_stored_map_is_dropped() -> None:
    threads = remember_threads({"900:1": "x", "900:2": 5}, ["900:3"], 6)  # type: ignore[dict-item]
    assert threads == {"900:2": 5, "900:3": 6}


def test_forget_threads_drops_only_that_patient() -> None:
    threads = {"900:1": 5, "900:2": 6, "901:1": 5}
    assert forget_threads(threads, 5) == {"900:2": 6}
