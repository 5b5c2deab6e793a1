"""A writer process for the journal's kill tests: killed by SIGKILL at a chosen step.

``python -m tests.storage.journal_writer DATA START COUNT STEP NTH [BASE]`` writes units of
work (a record, a profile change, the update id) for five patients (``BASE + n % 5``:
new ones reach the steps of a journal's first line), prints ``ack N`` after
each, and kills itself with SIGKILL the ``NTH`` time the storage reaches ``STEP`` (a
name from ``bot.storage.journal.step``). Journals are folded every few lines, so the
steps of a fold are reached as often as those of an append.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import bot.storage.journal as journal
import bot.storage.tinydb_storage as tinydb_storage
from bot.storage import Store, current_update_id

SMALL_FOLD = 700  # bytes: a fold every two or three lines


def main() -> None:
    data_dir, start, count = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    kill_step, nth = sys.argv[4], int(sys.argv[5])
    base = int(sys.argv[6]) if len(sys.argv) > 6 else 100
    seen = 0

    def hook(name: str) -> None:
        nonlocal seen
        if name == kill_step:
            seen += 1
            if seen == nth:
                sys.stdout.flush()
                os.kill(os.getpid(), signal.SIGKILL)

    tinydb_storage.FOLD_BYTES = SMALL_FOLD
    journal.step_hook = hook
    store = Store(data_dir)
    for n in range(start, start + count):
        user_id = base + n % 5
        current_update_id.set(n)
        with store.user(user_id) as txn:
            txn.update("profile", user_id=user_id, last=n, consent=True)
            txn.add_record({"id": f"r{n}", "kind": "done", "date": "2026-11-28",
                            "ts": "2026-11-28T07:00:00Z", "source": "text", "set": n})
            if n % 7 == 0:  # now and then an undo of an earlier record
                txn.remove_record(f"r{n - 5}")
        sys.stdout.write(f"ack {n}\n")
        sys.stdout.flush()
    if kill_step == "stop":
        store.save_heads_snapshot()  # a clean stop: every journal folded


if __name__ == "__main__":
    main()
