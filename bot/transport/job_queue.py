"""A JobQueue that finds jobs by name (and by user) without scanning every job.

PTB's ``JobQueue.get_jobs_by_name`` wraps every APScheduler job in a ``Job`` and
matches a regular expression against each name: with 20,000 jobs (10,000 users, a
reminder and a weekly summary each) one lookup takes tens of milliseconds, and
rebuilding every job at start-up, which looks each name up before adding it, takes
minutes. Here an index by name is kept beside the scheduler: filled when a job is
added, emptied by the scheduler's own "job removed" event (sent when a job is
removed, and when a one-off job has run). Lookups cost the same at 10 or 10,000 users.

Job names follow ``kind:user_id[:more]`` (``reminder:42:0730``, ``weekly:42``), so
the index can also answer "every job of this user".

One-off jobs due more than ``HORIZON`` ahead are *held*: kept in a heap in memory (a
``HeldJob``, a real PTB ``Job`` without an APScheduler job yet) and handed to the
scheduler by one repeating job a while before they fall due. Adding 24,000 APScheduler
jobs (a reminder or two and a weekly summary per patient) was most of a 9-second
start-up; a held job costs a heap push. Held jobs are found, listed, removed and run
exactly like scheduled ones, and keep their id when handed over.
"""

from __future__ import annotations

import datetime as dtm
import functools
import heapq
import itertools
import re
from typing import Any, cast

import apscheduler.job
from apscheduler.events import EVENT_ALL_JOBS_REMOVED, EVENT_JOB_REMOVED, JobEvent, SchedulerEvent
from telegram.ext import CallbackContext, ExtBot, Job, JobQueue

from bot.transport.context import shares_its_data
from bot.transport.pacing import send_slot

CCT = CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]

#: One-off jobs due later than this are held in memory, not in APScheduler...
HORIZON = dtm.timedelta(minutes=30)
#: ...and handed over this often, so each is in the scheduler 20+ minutes before it is due.
REFILL_EVERY = dtm.timedelta(minutes=10)
REFILL_ID = "jobqueue-refill"

#: Job kinds that send a message to a user when they run (``kind:user_id[:more]``).
PACED_KINDS = frozenset({"reminder", "nudge", "snooze", "weekly", "resend"})


def owner_of(name: str | None) -> str | None:
    """The user part of a job name ``kind:user_id[:more]`` (None for other names)."""
    if not name:
        return None
    parts = name.split(":", 2)
    return parts[1] if len(parts) > 1 else None


_held_ids = itertools.count(1)


class HeldJob(Job[CCT]):
    """A one-off job due beyond ``HORIZON``: in memory until the queue hands it over."""

    __slots__ = ("_due", "_held_id", "_job_kwargs", "_queue")

    def __init__(self, queue: IndexedJobQueue, callback: Any, due: dtm.datetime, *,
                 data: object, name: str | None, chat_id: int | None, user_id: int | None,
                 job_kwargs: dict[str, Any]) -> None:
        super().__init__(callback, data=data, name=name, chat_id=chat_id, user_id=user_id)
        self._due = due
        self._queue = queue
        self._job_kwargs = job_kwargs
        self._held_id = f"held-{next(_held_ids)}"  # APScheduler's own ids are uuid4 hex

    @property
    def id(self) -> str:
        """The same before and after the hand-over (APScheduler gets it as the job id)."""
        return self._held_id

    @property
    def held(self) -> bool:
        return self._job is None

    @property
    def next_t(self) -> dtm.datetime | None:
        if not self.held:
            return cast(dtm.datetime | None, self.job.next_run_time)
        return None if self._removed else self._due

    def schedule_removal(self) -> None:
        if not self.held:
            super().schedule_removal()
            return
        self._removed = True
        self._queue._drop_held(self)


class IndexedJobQueue(JobQueue[CCT]):
    """``JobQueue`` with O(1) ``get_jobs_by_name`` and ``jobs_of(user_id)``, and far
    one-off jobs held in memory until ``HORIZON`` before they are due."""

    def __init__(self) -> None:
        super().__init__()
        self._by_name: dict[str, dict[str, Job[CCT]]] = {}  # name -> {job id: job}
        self._name_of: dict[str, str] = {}  # aps id -> name
        self._by_owner: dict[str, set[str]] = {}  # user id -> names
        self._held: list[tuple[float, int, HeldJob]] = []  # heap by due time
        self._seq = itertools.count()
        self.scheduler.add_listener(self._on_removed, EVENT_JOB_REMOVED | EVENT_ALL_JOBS_REMOVED)

    # running -----------------------------------------------------------------------
    @staticmethod
    async def job_callback(job_queue: JobQueue[CCT], job: Job[CCT]) -> None:
        """Run a job; one that messages a user first waits for its turn in the send pace.

        10,000 reminders due in the same minute are 10,000 jobs started at once. Each
        waits here, before it reads or writes anything, and is prepared only when it
        can be sent: the pace of preparing is the pace of sending, a crash mid-way has
        marked only what went out, and a waiting job is one small task, not a whole
        call stack.
        """
        app = job_queue.application
        if (job.name or "").split(":", 1)[0] in PACED_KINDS and not shares_its_data(app):
            async with send_slot(app.bot):
                await job.run(app)
        else:  # several instances: the job checks it is still wanted, then takes its slot
            await job.run(app)

    # adding ------------------------------------------------------------------------
    def _index(self, job: Job[CCT]) -> Job[CCT]:
        name = job.name or ""
        self._add_to_index(name, job.job.id, job)
        self._name_of[job.job.id] = name
        return job

    def _add_to_index(self, name: str, job_id: str, job: Job[CCT]) -> None:
        self._by_name.setdefault(name, {})[job_id] = job
        owner = owner_of(name)
        if owner is not None:
            self._by_owner.setdefault(owner, set()).add(name)

    # held jobs -----------------------------------------------------------------------
    async def start(self) -> None:
        await super().start()
        if self.scheduler.get_job(REFILL_ID) is None:
            self.scheduler.add_job(
                self._refill_job, "interval", seconds=REFILL_EVERY.total_seconds(),
                id=REFILL_ID, name=REFILL_ID, misfire_grace_time=None, coalesce=True,
            )
        self.refill()

    async def _refill_job(self) -> None:  # a coroutine: APScheduler runs it on the loop
        self.refill()

    def refill(self) -> int:
        """Hand every held job due within ``HORIZON`` to the scheduler; how many moved."""
        limit = (self._tz_now() + HORIZON).timestamp()
        moved = 0
        while self._held and self._held[0][0] <= limit:
            job = heapq.heappop(self._held)[2]
            if job.removed or not job.held:
                continue
            aps_job = self.scheduler.add_job(
                self.job_callback, name=job.name, trigger="date", run_date=job._due,
                args=(self, job), timezone=job._due.tzinfo, id=job.id, **job._job_kwargs,
            )
            job._job = aps_job
            self._name_of[aps_job.id] = job.name or ""
            moved += 1
        return moved

    def held_count(self) -> int:
        return sum(1 for _, _, job in self._held if job.held and not job.removed)

    def _drop_held(self, job: HeldJob) -> None:
        """A held job was removed: out of the index now, out of the heap when popped."""
        self._forget(job.name or "", job.id)

    def run_once(
        self,
        callback: Any,
        when: float | dtm.timedelta | dtm.datetime | dtm.time,
        data: object | None = None,
        name: str | None = None,
        chat_id: int | None = None,
        user_id: int | None = None,
        job_kwargs: dict[str, Any] | None = None,
    ) -> Job[CCT]:
        now = self._tz_now()
        if isinstance(when, dtm.timedelta):  # how the bot schedules: relative to its clock
            due = now + when
        else:
            due = self._parse_time_input(when, shift_day=True)
            if due.tzinfo is None:
                due = due.replace(tzinfo=self.scheduler.timezone)
        if due - now <= HORIZON:
            return self._index(super().run_once(
                callback, due, data=data, name=name, chat_id=chat_id, user_id=user_id,
                job_kwargs=job_kwargs))
        job: HeldJob = HeldJob(self, callback, due, data=data, name=name, chat_id=chat_id,
                                    user_id=user_id, job_kwargs=dict(job_kwargs or {}))
        heapq.heappush(self._held, (due.timestamp(), next(self._seq), job))
        self._add_to_index(job.name or "", job.id, job)
        return job

    def run_repeating(self, *args: Any, **kwargs: Any) -> Job[CCT]:
        return self._index(super().run_repeating(*args, **kwargs))

    def run_monthly(self, *args: Any, **kwargs: Any) -> Job[CCT]:
        return self._index(super().run_monthly(*args, **kwargs))

    def run_daily(self, *args: Any, **kwargs: Any) -> Job[CCT]:
        return self._index(super().run_daily(*args, **kwargs))

    def run_custom(self, *args: Any, **kwargs: Any) -> Job[CCT]:
        return self._index(super().run_custom(*args, **kwargs))

    # removing ----------------------------------------------------------------------
    def _on_removed(self, event: SchedulerEvent) -> None:
        if event.code == EVENT_ALL_JOBS_REMOVED:
            self._by_name.clear()
            self._name_of.clear()
            self._by_owner.clear()
            self._held.clear()
            return
        if not isinstance(event, JobEvent):
            return
        name = self._name_of.pop(event.job_id, None)
        if name is not None:
            self._forget(name, event.job_id)

    def _forget(self, name: str, job_id: str) -> None:
        jobs = self._by_name.get(name)
        if jobs is not None:
            jobs.pop(job_id, None)
            if not jobs:
                del self._by_name[name]
                owner = owner_of(name)
                names = self._by_owner.get(owner) if owner is not None else None
                if names is not None:
                    names.discard(name)
                    if not names:
                        del self._by_owner[owner]  # type: ignore[arg-type]

    # looking up --------------------------------------------------------------------
    def jobs(self, pattern: str | re.Pattern[str] | None = None) -> tuple[Job[CCT], ...]:
        """Every job, scheduled or held, soonest first (the refill job is not listed)."""
        scheduled: list[Job[CCT]] = [
            Job.from_aps_job(aps) for aps in self.scheduler.get_jobs() if aps.id != REFILL_ID]
        held: list[Job[CCT]] = [job for _, _, job in sorted(self._held)
                                if job.held and not job.removed]
        found = sorted(scheduled + held, key=lambda j: j.next_t or dtm.datetime.max.replace(
            tzinfo=dtm.UTC))
        if pattern is None:
            return tuple(found)
        regex = re.compile(pattern)
        return tuple(job for job in found if job.name and regex.search(job.name))

    def get_jobs_by_name(self, name: str) -> tuple[Job[CCT], ...]:
        return tuple(self._by_name.get(name, {}).values())

    def jobs_of(self, user_id: int | str) -> tuple[Job[CCT], ...]:
        """Every scheduled job whose name is ``kind:<user_id>[:...]``."""
        names = self._by_owner.get(str(user_id), ())
        return tuple(job for name in sorted(names) for job in self._by_name.get(name, {}).values())


def user_jobs(queue: JobQueue[Any], user_id: int) -> tuple[Job[Any], ...]:
    """A user's jobs (named ``kind:<user_id>[:...]``): indexed when possible, else a scan."""
    if isinstance(queue, IndexedJobQueue):
        return queue.jobs_of(user_id)
    return tuple(j for j in queue.jobs() if owner_of(j.name) == str(user_id))


# APScheduler checks a job's callable against its arguments with inspect.signature
# every time a job is created: 40% of the cost of adding one. PTB always schedules
# the same callable (JobQueue.job_callback) with the same arguments, so the answer
# is remembered per (callable, number of arguments, keyword names).
_check_callable_args = apscheduler.job.check_callable_args


@functools.lru_cache(maxsize=256)
def _checked(func: Any, nargs: int, kwnames: tuple[str, ...]) -> None:
    _check_callable_args(func, (None,) * nargs, dict.fromkeys(kwnames))


def _cached_check(func: Any, args: Any, kwargs: Any) -> None:
    try:
        _checked(func, len(args), tuple(sorted(kwargs)))
    except TypeError:  # unhashable callable: check it the slow way
        _check_callable_args(func, args, kwargs)


apscheduler.job.check_callable_args = _cached_check
