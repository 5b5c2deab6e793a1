"""Docker's HEALTHCHECK: exit 0 when the bot's ``GET /healthz`` answers 200, else 1.

Standard library only (the slim image has no curl). Asks the server this container
runs: the webhook's port when ``WEBHOOK_URL`` is set, else the Mini App's ``WEB_PORT``
(polling mode; with ``WEB_PORT=0`` there is no server to ask, and it says so).
"""

from __future__ import annotations

import os
import sys
import urllib.error
import urllib.request


def target() -> str | None:
    if os.environ.get("WEBHOOK_URL"):
        host = os.environ.get("WEBHOOK_LISTEN") or "127.0.0.1"
        port = os.environ.get("WEBHOOK_PORT") or "8443"
    else:
        host = os.environ.get("WEB_LISTEN") or "127.0.0.1"
        port = os.environ.get("WEB_PORT") or "8080"
        if port == "0":
            return None
    if host in ("0.0.0.0", "::", ""):  # noqa: S104 (listening everywhere: ask loopback)
        host = "127.0.0.1"
    return f"http://{host}:{port}/healthz"


def main() -> int:
    url = target()
    if url is None:
        print("no web server (WEB_PORT=0): nothing to check")
        return 0
    try:
        with urllib.request.urlopen(url, timeout=8) as response:  # noqa: S310 (http only)
            print(response.read(2000).decode(errors="replace"))
            return 0 if response.status == 200 else 1
    except urllib.error.HTTPError as exc:  # 503: the answer says which part is down
        print(exc.read(2000).decode(errors="replace"))
        return 1
    except OSError as exc:
        print(f"no answer from {url}: {exc}")
        return 1


if __name__ == "__main__":
    sys.exit(main())
