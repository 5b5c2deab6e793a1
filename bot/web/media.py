"""``/app/media/<pose>.png`` and ``.mp4``: the exercise drawings the plan page shows.

The same stick-figure still and looping animation the chat sends with a card
(``bot.media.drawings``), drawn once into the store's cache folder and reused. Drawing
takes a moment (an animation a few seconds), so it runs in a worker thread and one
drawing of a file at a time; the event loop keeps answering meanwhile. Nothing here
is personal (a pose, no title), so the answer may be cached by the browser.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

from aiohttp import web

from bot.content.model import KNOWN_POSES
from bot.media.drawings import animation_file, illustration_file
from bot.web.base import ApiError, state

routes = web.RouteTableDef()

#: Kind of file -> (how it is made, its content type).
MAKERS: dict[str, tuple[Callable[[Path, str], Path], str]] = {
    "png": (illustration_file, "image/png"),
    "mp4": (animation_file, "video/mp4"),
}
CACHE_CONTROL = "public, max-age=86400"


@routes.get("/app/media/{name}")
async def media(request: web.Request) -> web.FileResponse:
    """A pose's still or animation; an unknown pose or kind is 404."""
    pose, _, kind = request.match_info["name"].rpartition(".")
    if pose not in KNOWN_POSES or kind not in MAKERS:
        raise ApiError(404, "no such picture")
    make, content_type = MAKERS[kind]
    app = state(request)
    lock = app.media_locks.setdefault(f"{pose}.{kind}", asyncio.Lock())
    async with lock:  # two pages asking at once: drawn once, the second reads the file
        try:
            path = await asyncio.to_thread(make, app.deps.store.cache_dir, pose)
        except ValueError:  # a pose the drawings do not know (yet)
            raise ApiError(404, "no such picture") from None
    return web.FileResponse(path, headers={"Content-Type": content_type,
                                           "Cache-Control": CACHE_CONTROL})
