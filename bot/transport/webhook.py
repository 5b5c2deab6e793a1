"""Webhook mode: answer Telegram's POST only after the update was handled and stored.

PTB's ``run_webhook`` answers 200 as soon as it has *queued* an update; Telegram then
forgets it, so a crash loses every update still in the queue (measured: 60 posted and
answered, 13 stored after a SIGKILL). Here each POST runs the update through the same
path as the polling runner (``handle_update``: gate, handlers, one atomic write, the
reply) and answers when that is over, so what was not answered Telegram sends again,
and the storage's update-id dedupe handles a repeat once.

Answers: 200 handled (or skipped as unreadable, as polling skips it); 403 without the
right ``X-Telegram-Bot-Api-Secret-Token``; 400 for a body that is not an update in
JSON; 500 when dispatch itself failed (Telegram retries). Handler errors reach the
error handler, which answers the user, exactly as in polling. Updates are handled one
at a time, in the order they arrived, like a polled batch.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections.abc import Callable, Sequence

from aiohttp import web
from telegram import Update
from telegram.ext import Application

from bot.transport import health, mini_app
from bot.transport.runner import handle_update, housekeeping, run_until_signal, running

log = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 (a name)
MAX_BODY = 1024 * 1024  # an update is a few KB; Telegram's own limit for a message is 4096
SHUTDOWN_GRACE = 20.0  # seconds for answers under way at SIGTERM to finish


class WebhookHandler:
    """The one POST route: check, parse, handle, then answer."""

    def __init__(self, app: Application, secret: str | None) -> None:
        self.app = app
        self.secret = secret.encode() if secret else None
        self.under_way = 0  # received and not yet answered (for the shutdown log and tests)
        self._lock = asyncio.Lock()  # one update at a time, in arrival order (FIFO)

    async def handle(self, request: web.Request) -> web.Response:
        if self.secret is not None:
            given = request.headers.get(SECRET_HEADER, "").encode()
            if not hmac.compare_digest(given, self.secret):
                return web.Response(status=403, text="wrong secret token")
        try:
            data = json.loads(await request.read())
        except (ValueError, UnicodeDecodeError):
            return web.Response(status=400, text="not JSON")
        update_id = data.get("update_id") if isinstance(data, dict) else None
        if not isinstance(update_id, int) or isinstance(update_id, bool):
            return web.Response(status=400, text="not an update")
        try:
            update = Update.de_json(data, self.app.bot)
        except Exception as exc:  # a newer Bot API; its content is not logged (health data)
            log.error("Update %s could not be read (%s); skipped", update_id,
                      type(exc).__name__)
            return web.Response(status=200)
        self.under_way += 1
        try:
            async with self._lock:
                return await self._handle(update)
        finally:
            self.under_way -= 1

    async def _handle(self, update: Update) -> web.Response:
        try:
            with health.handling(self.app):  # for /healthz: under way, then handled
                await handle_update(self.app, update)
        except Exception:
            log.exception("Update %s could not be processed; Telegram will send it again",
                          update.update_id)
            return web.Response(status=500, text="not processed")
        housekeeping(self.app)  # never raises: the update is stored, its answer stands
        log.debug("Update %s handled; answering 200", update.update_id)
        return web.Response(status=200)


HANDLER = web.AppKey("handler", WebhookHandler)


def make_web_app(app: Application, path: str, secret: str | None) -> web.Application:
    """The aiohttp application: POST ``/<path>`` (its handler under ``HANDLER``) and
    ``GET /healthz`` (no secret needed, nothing personal: ``health.py``)."""
    web_app = web.Application(client_max_size=MAX_BODY)
    handler = web_app[HANDLER] = WebhookHandler(app, secret)
    web_app.router.add_post("/" + path.lstrip("/"), handler.handle)
    health.mount(app, web_app)
    return web_app


async def serve_webhook(
    app: Application,
    stop: asyncio.Event,
    *,
    listen: str,
    port: int,
    path: str,
    webhook_url: str,
    secret: str | None,
    allowed_updates: Sequence[str],
    on_started: Callable[[], None] | None = None,
) -> None:
    """Start the bot, listen, register the webhook, serve until ``stop``, shut down.

    At ``stop`` the server stops taking connections and finishes the updates under way
    before the application stops; the webhook stays registered, so Telegram keeps
    what arrives meanwhile for the next start.
    """
    async with running(app):
        web_app = make_web_app(app, path, secret)
        mini_app.mount(app, web_app)  # the Mini App on the same server, under /app and /api
        runner = web.AppRunner(web_app, access_log=None, shutdown_timeout=SHUTDOWN_GRACE)
        await runner.setup()
        try:
            await web.TCPSite(runner, listen, port).start()
            await app.bot.set_webhook(
                url=webhook_url,
                secret_token=secret,
                allowed_updates=list(allowed_updates),
                drop_pending_updates=False,
            )
            if on_started is not None:
                on_started()
            await stop.wait()
        finally:
            if web_app[HANDLER].under_way:
                log.info("Finishing %d updates under way", web_app[HANDLER].under_way)
            await runner.cleanup()


def run_webhook(
    app: Application,
    *,
    listen: str,
    port: int,
    path: str,
    webhook_url: str,
    secret: str | None,
    allowed_updates: Sequence[str],
) -> None:
    """Blocking entry point: serve the webhook until SIGTERM or SIGINT."""
    run_until_signal(
        lambda stop: serve_webhook(
            app, stop, listen=listen, port=port, path=path, webhook_url=webhook_url,
            secret=secret, allowed_updates=allowed_updates,
            on_started=lambda: log.info("Bot is running (webhook on %s:%s)", listen, port),
        )
    )
