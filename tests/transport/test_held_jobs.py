"""Far one-off jobs are held in memory and handed to APScheduler before they fall due."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from bot.transport import job_queue as jobs_mod
from bot.transport.job_queue import HORIZON, REFILL_ID, HeldJob, IndexedJobQueue, user_jobs


async def _noop(context: Any) -> None:
    return None


@pytest.fixture
async def queue() -> Any:
    q = IndexedJobQueue()
    await q.start()
    yield q
    q.scheduler.shutdown(wait=False)


def _aps_names(q: IndexedJobQueue) -> list[str]:
    return sorted(j.name for j in q.scheduler.get_jobs() if j.id != REFILL_ID)


async def test_far_job_is_held_but_found_listed_and_timed(queue: IndexedJobQueue) -> None:
    far = queue.run_once(_noop, timedelta(hours=20), name="reminder:5:0730", data={"a": 1})
    near = queue.run_once(_noop, timedelta(minutes=5), name="nudge:5")
    assert isinstance(far, HeldJob) and far.held
    assert not isinstance(near, HeldJob)
    assert _aps_names(queue) == ["nudge:5"], "only the near job is in APScheduler"
    assert queue.get_jobs_by_name("reminder:5:0730") == (far,)
    assert [j.name for j in queue.jobs()] == ["nudge:5", "reminder:5:0730"], "soonest first"
    assert [j.name for j in user_jobs(queue, 5)] == ["nudge:5", "reminder:5:0730"]
    assert far.next_t is not None
    expected = datetime.now(UTC) + timedelta(hours=20)
    assert abs((far.next_t - expected).total_seconds()) < 5
    assert queue.jobs("^reminder") == (far,)


async def test_removing_a_held_job_removes_it_everywhere(queue: IndexedJobQueue) -> None:
    far = queue.run_once(_noop, timedelta(days=6), name="weekly:7")
    far.schedule_removal()
    assert far.removed and far.next_t is None
    assert queue.get_jobs_by_name("weekly:7") == ()
    assert user_jobs(queue, 7) == ()
    assert queue.jobs() == ()
    assert queue.held_count() == 0
    queue._tz_now = lambda: datetime.now(UTC) + timedelta(days=7)  # type: ignore[method-assign]
    assert queue.refill() == 0, "a removed job is never handed over"
    assert _aps_names(queue) == []


async def test_refill_hands_over_what_falls_within_the_horizon(
    queue: IndexedJobQueue, monkeypatch: pytest.MonkeyPatch
) -> None:
    soon = queue.run_once(_noop, HORIZON + timedelta(minutes=5), name="reminder:8:0800")
    later = queue.run_once(_noop, timedelta(hours=5), name="reminder:8:1800",
                           job_kwargs={"misfire_grace_time": 1800, "coalesce": True})
    assert isinstance(soon, HeldJob) and isinstance(later, HeldJob)
    due_soon, due_later = soon.next_t, later.next_t
    held_id = soon.id
    real_now = queue._tz_now()
    monkeypatch.setattr(queue, "_tz_now", lambda: real_now + timedelta(minutes=10))
    assert queue.refill() == 1
    assert not soon.held and later.held
    assert soon.job.id == held_id, "the same id before and after the hand-over"
    assert soon.next_t == due_soon and later.next_t == due_later
    assert _aps_names(queue) == ["reminder:8:0800"]
    assert queue.get_jobs_by_name("reminder:8:0800") == (soon,)
    monkeypatch.setattr(queue, "_tz_now", lambda: real_now + timedelta(hours=5))
    assert queue.refill() == 1
    aps = queue.scheduler.get_job(later.id)
    assert aps.misfire_grace_time == 1800 and aps.coalesce is True, "job_kwargs kept"
    soon.schedule_removal()  # now through APScheduler, whose event cleans the index
    assert queue.get_jobs_by_name("reminder:8:0800") == ()
    assert [j.name for j in user_jobs(queue, 8)] == ["reminder:8:1800"]


async def test_a_refill_job_runs_every_few_minutes(queue: IndexedJobQueue) -> None:
    refill = queue.scheduler.get_job(REFILL_ID)
    assert refill is not None
    assert refill.trigger.interval == jobs_mod.REFILL_EVERY < HORIZON
    assert REFILL_ID not in [j.name for j in queue.jobs()], "not listed with the bot's jobs"
