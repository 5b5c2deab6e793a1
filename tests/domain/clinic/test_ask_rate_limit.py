"""/ask rate limit and the reply map per patient (issue 23, item 8), pure."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from bot.domain.clinic.ask_limit import ASK_LIMIT, ASK_WINDOW, ask_again_at, note_ask

NOW = datetime(2026, 3, 4, 12, 0, tzinfo=UTC)


def asked(times: int, start: datetime = NOW, every: timedelta = timedelta(minutes=1)) -> list:
    stamps: list[str] = []
    for n in range(times):
        stamps = note_ask(stamps, start + n * every)
    return stamps


def test_up_to_the_limit_an_hour_may_ask():
    assert ASK_LIMIT == 10 and timedelta(hours=1) == ASK_WINDOW
    stamps: list[str] = []
    for n in range(ASK_LIMIT):
        at = NOW + timedelta(minutes=n)
        assert ask_again_at(stamps, at) is None
        stamps = note_ask(stamps, at)
    assert ask_again_at(stamps, NOW + timedelta(minutes=10)) == NOW + ASK_WINDOW


def test_the_window_slides_one_question_at_a_time():
    stamps = asked(ASK_LIMIT)
    assert ask_again_at(stamps, NOW + ASK_WINDOW) is None, "the first has left the window"
    stamps = note_ask(stamps, NOW + ASK_WINDOW)
    assert ask_again_at(stamps, NOW + ASK_WINDOW) == NOW + ASK_WINDOW + timedelta(minutes=1)


def test_the_stored_list_stays_small_and_ignores_junk():
    stamps = asked(500, every=timedelta(seconds=1))
    assert len(stamps) == ASK_LIMIT
    assert ask_again_at(["not a time", 3, None], NOW) is None  # type: ignore[list-item]
    assert note_ask(["not a time"], NOW) == [NOW.isoformat()]  # type: ignore[list-item]


def test_a_clock_moved_back_does_not_lock_a_patient_out_for_long():
    stamps = asked(ASK_LIMIT, start=NOW + timedelta(days=1))
    again = ask_again_at(stamps, NOW)
    assert again is None or again <= NOW + ASK_WINDOW

