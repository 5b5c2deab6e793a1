"""The Mini App's web server, beside the bot: its own port when polling, the webhook's
server in webhook mode.

``bot.web`` serves the pages and the API and knows nothing of Telegram; this module
gives it the one thing it needs from the bot, a way to tell a patient that their plan
changed (``notify``), and starts or mounts it. A port that cannot be opened is logged
and the bot runs on without the Mini App: reminders and replies matter more.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from telegram.error import Forbidden, TelegramError
from telegram.ext import Application

from bot.transport import health
from bot.transport.context import deps_of

if TYPE_CHECKING:  # the server (aiohttp, 0.14 s to import) only when the Mini App is on
    from aiohttp import web

    from bot.web.server import Notify

log = logging.getLogger(__name__)


def notifier(app: Application) -> Notify:
    """Send a text to a patient's chat; False when it could not be delivered."""

    async def notify(user_id: int, text: str) -> bool:
        try:
            await app.bot.send_message(user_id, text[:4096])
        except Forbidden:
            return False
        except TelegramError as exc:
            log.warning("A message from the Mini App could not be delivered: %s", exc)
            return False
        return True

    return notify


def mount(app: Application, web_app: web.Application) -> None:
    """Add the Mini App's routes to the webhook's server (unless WEB_PORT=0)."""
    from bot.web.server import add_mini_app

    deps = deps_of(app)
    if deps.settings.web_port:
        add_mini_app(web_app, deps, deps.settings.token, notifier(app))


@asynccontextmanager
async def serving(app: Application) -> AsyncIterator[int | None]:
    """Run the Mini App on WEB_LISTEN:WEB_PORT while the block runs (polling mode);
    yields the port it listens on, or None when off or when the port could not be had."""
    deps = deps_of(app)
    settings = deps.settings
    if not settings.web_port:
        yield None
        return
    from aiohttp import web

    from bot.web.server import make_mini_app

    web_app = make_mini_app(deps, settings.token, notifier(app))
    health.mount(app, web_app)  # GET /healthz beside the pages, as on the webhook's server
    runner = web.AppRunner(web_app, access_log=None)
    await runner.setup()
    try:
        site = web.TCPSite(runner, settings.web_listen, settings.web_port)
        try:
            await site.start()
        except OSError as exc:
            log.error("The Mini App could not listen on %s:%s (%s); running without it. "
                      "Set WEB_PORT to a free port, or 0 to turn it off.",
                      settings.web_listen, settings.web_port, exc.strerror or exc)
            yield None
            return
        log.info("Mini App on http://%s:%s/app/", settings.web_listen, settings.web_port)
        yield settings.web_port
    finally:
        await runner.cleanup()
