"""Undo inside a routine: the steps a taken-back reply marked done become undone again.

"Sorry, I didn't actually do that" after a typed "done" that finished the routine removes
its records; without this the session would still hold those steps as done, and the
after-pain answer would record the routine as complete again.
"""

from __future__ import annotations

import copy
from collections.abc import Iterable, Mapping

from bot.domain.routine.session import Session, validate


def step_indices(session: Session, records: Iterable[Mapping[str, object]]) -> set[int]:
    """The steps of ``session`` whose "done" records are among ``records``."""
    prefix = f"{session.id}:"
    found: set[int] = set()
    for record in records:
        record_id = str(record.get("id") or "")
        if record.get("kind") != "done" or not record_id.startswith(prefix):
            continue
        index = record_id.removeprefix(prefix).split(":", 1)[0]
        if index.isdigit() and int(index) < len(session.steps):
            found.add(int(index))
    return found


def take_back(session: Session, indices: Iterable[int]) -> Session | None:
    """The session back at the first taken-back step, with it and every later step
    undone; None when nothing of a running session was taken back.

    When that is no clean rewind (a later step skipped or stopped as painful since), the
    routine is ended instead: what it holds as done can no longer be trusted.
    """
    wanted = set(indices)
    if not wanted or not session.active or session.phase == "pain_before":
        return None
    first = min(wanted)
    handled = {i for i, step in enumerate(session.steps[first:], first) if step.outcome}
    if handled <= wanted and all(session.steps[i].outcome == "done" for i in wanted):
        rewound = _rewound(session, first)
        if rewound is not None:
            return rewound
    ended = copy.deepcopy(session)
    ended.phase, ended.seq = "cancelled", session.seq + 1
    return ended


def _rewound(session: Session, first: int) -> Session | None:
    """A copy of ``session`` at step ``first``, that step and every later one undone."""
    rewound = copy.deepcopy(session)
    for step in rewound.steps[first:]:
        step.outcome = None
    rewound.index, rewound.phase, rewound.seq = first, "step", session.seq + 1
    rewound.pain_after = None
    try:
        validate(rewound)
    except ValueError:
        return None
    return rewound
