"""The bounded map from a clinician's copy of a question to the patient who asked."""

from __future__ import annotations

from bot.domain.clinic.threads import forget_threads, remember_threads, thread_key


def test_threads_are_bounded_newest_kept() -> None:
    threads: dict[str, int] = {}
    for n in range(700):
        threads = remember_threads(threads, [thread_key(900, n)], 1000 + n, limit=500)
    assert len(threads) == 500
    assert thread_key(900, 699) in threads and thread_key(900, 199) not in threads
    assert threads[thread_key(900, 200)] == 1200


def test_forget_threads_drops_only_that_patient() -> None:
    threads = {"900:1": 5, "900:2": 6, "901:1": 5}
    assert forget_threads(threads, 5) == {"900:2": 6}
