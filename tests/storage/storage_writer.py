"""A writer process for the kill test: records one event per unit of work, then says 'ack'."""

from __future__ import annotations

import sys
from pathlib import Path

from bot.storage import Store, current_update_id


def main() -> None:
    data_dir, start, count = Path(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
    store = Store(data_dir)
    for n in range(start, start + count):
        user_id = 100 + n % 5
        current_update_id.set(n)
        with store.user(user_id) as txn:
            txn.update("profile", user_id=user_id, last=n, consent=True)
            txn.add_record({"id": f"r{n}", "kind": "done", "date": "2026-11-28",
                            "ts": "2026-11-28T07:00:00Z", "source": "text", "set": n})
        sys.stdout.write(f"ack {n}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
