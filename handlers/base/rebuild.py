"""Start-up rebuilds that run while updates are already handled (``hooks.py``).

A rebuild walks every patient's stored head; an update may re-plan a patient before
the walk reaches them, from newer data than the walk may hold (a database cursor read
earlier). Each feature marks the patients it re-plans while its rebuild runs, and the
rebuild leaves them alone.
"""

from __future__ import annotations

from bot.transport.context import App

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
