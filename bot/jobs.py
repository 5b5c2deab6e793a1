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
"""

from __future__ import annotations

import functools
from typing import Any

import apscheduler.job
from apscheduler.events import EVENT_ALL_JOBS_REMOVED, EVENT_JOB_REMOVED, JobEvent, SchedulerEvent
from telegram.ext import CallbackContext, ExtBot, Job, JobQueue

from bot.pacing import send_slot

CCT = CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]

#: Job kinds that send a message to a user when they run (``kind:user_id[:more]``).
PACED_KINDS = frozenset({"reminder", "nudge", "snooze", "weekly", "resend"})


def owner_of(name: str | None) -> str | None:
    """The user part of a job name ``kind:user_id[:more]`` (None for other names)."""
    if not name:
        return None
    parts = name.split(":", 2)
    return parts[1] if len(parts) > 1 else None


class IndexedJobQueue(JobQueue[CCT]):
    """``JobQueue`` with O(1) ``get_jobs_by_name`` and ``jobs_of(user_id)``."""

    def __init__(self) -> None:
        super().__init__()
        self._by_name: dict[str, dict[str, Job[CCT]]] = {}  # name -> {aps id: job}
        self._name_of: dict[str, str] = {}  # aps id -> name
        self._by_owner: dict[str, set[str]] = {}  # user id -> names
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
        if (job.name or "").split(":", 1)[0] in PACED_KINDS:
            async with send_slot(job_queue.application.bot):
                await job.run(job_queue.application)
        else:
            await job.run(job_queue.application)

    # adding ------------------------------------------------------------------------
    def _index(self, job: Job[CCT]) -> Job[CCT]:
        name = job.name or ""
        job_id = job.job.id
        self._by_name.setdefault(name, {})[job_id] = job
        self._name_of[job_id] = name
        owner = owner_of(name)
        if owner is not None:
            self._by_owner.setdefault(owner, set()).add(name)
        return job

    def run_once(self, *args: Any, **kwargs: Any) -> Job[CCT]:
        return self._index(super().run_once(*args, **kwargs))

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
            return
        if not isinstance(event, JobEvent):
            return
        name = self._name_of.pop(event.job_id, None)
        if name is None:
            return
        jobs = self._by_name.get(name)
        if jobs is not None:
            jobs.pop(event.job_id, None)
            if not jobs:
                del self._by_name[name]
                owner = owner_of(name)
                names = self._by_owner.get(owner) if owner is not None else None
                if names is not None:
                    names.discard(name)
                    if not names:
                        del self._by_owner[owner]  # type: ignore[arg-type]

    # looking up --------------------------------------------------------------------
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
