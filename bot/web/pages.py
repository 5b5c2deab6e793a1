"""The pages and their files: ``/app/patient``, ``/app/clinic`` and ``/app/static/<file>``.

Only files that exist under ``bot/web/static/``, with a known kind, are served: no
folder listing, no name that could climb out of the folder (every path segment is a
plain name and the resolved file must lie inside it). The pages carry no personal data
(they fetch it from ``/api`` with the signed initData), so they may be cached, but are
checked again each time so a new version reaches patients at once.
"""

from __future__ import annotations

import re
from pathlib import Path

from aiohttp import web

from bot.web.base import ApiError

routes = web.RouteTableDef()

STATIC_DIR = Path(__file__).resolve().parent / "static"
#: The kinds of file served, with their content types.
TYPES: dict[str, str] = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".json": "application/json",
    ".map": "application/json",
    ".svg": "image/svg+xml",
    ".png": "image/png",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".txt": "text/plain; charset=utf-8",
}
CACHE_CONTROL = "no-cache"  # may be kept, but asked about again (ETag / Last-Modified)
_SEGMENT = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}")
MAX_DEPTH = 4


def static_file(relative: str, folder: Path | None = None) -> Path | None:
    """The file ``relative`` names inside ``folder`` (the static folder by default), or
    None (missing, a folder, an unknown kind, or a name that is not a plain path in it)."""
    folder = folder or STATIC_DIR
    parts = relative.split("/")
    if len(parts) > MAX_DEPTH or not all(_SEGMENT.fullmatch(p) and ".." not in p
                                         for p in parts):
        return None
    path = folder.joinpath(*parts)
    if path.suffix.lower() not in TYPES:
        return None
    try:
        resolved = path.resolve(strict=True)
        root = folder.resolve(strict=True)
    except (OSError, RuntimeError):
        return None
    if not resolved.is_relative_to(root) or not resolved.is_file():
        return None
    return resolved


def _serve(relative: str) -> web.FileResponse:
    path = static_file(relative)
    if path is None:
        raise ApiError(404, "not found")
    return web.FileResponse(path, headers={"Content-Type": TYPES[path.suffix.lower()],
                                           "Cache-Control": CACHE_CONTROL})


@routes.get("/app/patient")
async def patient_page(request: web.Request) -> web.FileResponse:
    """The patient's progress and plan page."""
    return _serve("patient.html")


@routes.get("/app/clinic")
async def clinic_page(request: web.Request) -> web.FileResponse:
    """The clinicians' dashboard page."""
    return _serve("clinic.html")


@routes.get("/app/static/{path:.+}")
async def static(request: web.Request) -> web.FileResponse:
    """A script, style sheet or the vendored chart library."""
    return _serve(request.match_info["path"])
