"""``:now +1d`` in the terminal chat: move the bot's clock and run what falls due on the way.

The bot schedules its jobs (reminders, nudges, snoozes, hold timers) in the JobQueue
*relative to its clock*: a reminder due in 21 h on the bot's clock runs 21 h of real
time later. Moving the clock forward therefore does not fire anything by itself; this
module does, in order, as if the time had really passed: each job runs with the clock
set to its own due time, so a job it schedules in turn (the next reminder, a nudge, the
next countdown tick) is placed correctly and runs too if it also falls inside the step.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from telegram.ext import Job

from bot.clock import Clock
from bot.transport.context import App

MAX_JOBS_PER_STEP = 500  # a job that re-arms itself at once must not loop for ever


class ClockMover:
    """Remembers the clock offset each job was scheduled under, and moves the clock."""

    def __init__(self, app: App, clock: Clock) -> None:
        self.app = app
        self.clock = clock
        self._offsets: dict[str, timedelta] = {}

    def _jobs(self) -> list[Job[Any]]:
        """Live jobs; each one new since the last look was scheduled under today's offset."""
        queue = self.app.job_queue
        if queue is None:
            return []
        jobs = [j for j in queue.jobs() if not j.removed and j.next_t is not None]
        ids = {str(j.id) for j in jobs}
        for key in [k for k in self._offsets if k not in ids]:
            del self._offsets[key]
        for job in jobs:
            self._offsets.setdefault(str(job.id), self.clock.offset)
        return jobs

    def due_on_clock(self, job: Job[Any]) -> datetime:
        """When the job falls due in the bot's time (its real run time plus its offset)."""
        assert job.next_t is not None
        return job.next_t.astimezone(UTC) + self._offsets.get(str(job.id), self.clock.offset)

    def note_jobs(self) -> None:
        """Record the offset of jobs scheduled since the last look (call before a move)."""
        self._jobs()

    async def advance(self, delta: timedelta) -> list[str]:
        """Move the clock by ``delta``; run every job due by then, earliest first.

        Returns the names of the jobs that ran.
        """
        target = self.clock.offset + delta
        ran: list[str] = []
        while len(ran) < MAX_JOBS_PER_STEP:
            jobs = self._jobs()
            limit = datetime.now(UTC) + target
            due = [(self.due_on_clock(j), j) for j in jobs]
            due = [(when, j) for when, j in due if when <= limit]
            if not due:
                break
            when, job = min(due, key=lambda pair: pair[0])
            # The job sees the clock at its own due time, never earlier than now.
            self.clock.offset = max(self.clock.offset, when - datetime.now(UTC))
            job.schedule_removal()  # it runs now, not again at its real time
            await job.run(self.app)
            ran.append(job.name or "job")
        self.clock.offset = max(self.clock.offset, target)
        self._jobs()
        return ran
