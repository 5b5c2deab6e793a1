"""Start-up rebuilds that run while updates are already handled (``hooks.py``).

A rebuild walks every patient's stored head; an update may re-plan a patient before
the walk reaches them, from newer data than the walk may hold (a database cursor read
earlier). Each feature marks the patients it re-plans while its rebuild runs, and the
rebuild leaves them alone.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable
from typing import Any

from bot.transport.context import App

Head = tuple[int, dict[str, Any], dict[str, Any]]  # a patient's id, profile and state

#: Patients a rebuild handles between two chances for updates to run (a few ms).
YIELD_EVERY = 32


class RebuildMarks:
    """The patients one feature re-planned while its start-up rebuild runs."""

    def __init__(self, feature: str) -> None:
        self.key = f"rebuild_marks:{feature}"

    def start(self, app: App) -> set[int]:
        marks: set[int] = set()
        app.bot_data[self.key] = marks
        return marks

    def replanned(self, app: App, user_id: int) -> None:
        marks = app.bot_data.get(self.key)
        if marks is not None:
            marks.add(int(user_id))

    def end(self, app: App) -> None:
        app.bot_data.pop(self.key, None)

    async def walk(self, app: App, heads: Iterable[Head]) -> AsyncIterator[Head]:
        """The heads a rebuild works on: updates get the event loop every YIELD_EVERY
        patients, and a patient an update re-planned meanwhile is left out. The marks
        last as long as the walk."""
        live = self.start(app)
        try:
            for n, head in enumerate(heads, 1):
                if n % YIELD_EVERY == 0:
                    await asyncio.sleep(0)  # updates are handled meanwhile
                if head[0] not in live:  # else re-planned meanwhile, from newer data
                    yield head
        finally:
            self.end(app)
