"""Run the application: our own getUpdates loop (or our webhook, ``webhook.py``).

Why our own loop: PTB's polling confirms a batch to Telegram when it fetches the
next one, not when handlers have finished, so a crash can lose updates that were
fetched but not yet handled. Here the offset moves past an update only after it was
handled (and its data written), so after a crash Telegram delivers it again and the
storage's update-id dedupe handles it once.

A token Telegram refuses ends the run with ``TokenRejected``, whose text is one line
without the token (PTB's ``InvalidToken`` quotes the whole token).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import warnings
from collections.abc import AsyncIterator, Awaitable, Callable

from telegram import Update
from telegram.error import Forbidden, InvalidToken, RetryAfter, TelegramError
from telegram.ext import Application
from telegram.warnings import PTBUserWarning

from bot.storage import current_update_id
from bot.transport import health, mini_app
from bot.transport.context import patient_turn

log = logging.getLogger(__name__)

MAX_BACKOFF = 30.0
TOKEN_REJECTED = "Telegram refused the bot token (check TELEGRAM_BOT_TOKEN)"  # noqa: S105


class TokenRejected(Exception):
    """Telegram answered 401/404 to the token: nothing to retry, the operator must act."""

    def __init__(self) -> None:
        super().__init__(TOKEN_REJECTED)


async def handle_update(app: Application, update: Update) -> None:
    """Handle one update (its data written, its reply sent); raises if dispatch failed.

    ``process_update`` hands handler errors to the error handler, which answers the
    user: such an update counts as handled. What escapes is a bug in dispatch itself.
    """
    token = current_update_id.set(update.update_id)
    try:
        user = update.effective_user
        if user is None:
            await app.process_update(update)
            return
        # One patient's updates one at a time (across instances on a shared database):
        # a redelivery waits for the first delivery, then finds it handled.
        async with patient_turn(app, user.id):
            await app.process_update(update)
    finally:
        current_update_id.reset(token)


async def handle_batch(app: Application, updates: list[Update]) -> int:
    """Handle updates one by one, in order; returns the next offset to confirm."""
    offset = 0
    for update in updates:
        try:
            with health.handling(app):  # for /healthz: under way, then handled
                await handle_update(app, update)
        except Exception:
            # A bug in dispatch itself: log and move on.
            log.exception("Update %s could not be processed", update.update_id)
        housekeeping(app)
        offset = update.update_id + 1
    return offset


def housekeeping(app: Application) -> None:
    """After an update, its reply sent: storage work no reply should wait for.

    Never raises: one patient's damaged data must not end the process for everyone
    (``archive_due`` already keeps each patient's trouble to them; this is the last net).
    """
    store = getattr(app.bot_data.get("deps"), "store", None)
    if store is not None:
        try:
            store.archive_due()
        except Exception:
            log.exception("Housekeeping failed; the bot carries on")


async def poll_updates(
    app: Application, stop: asyncio.Event, *, poll_timeout: int = 10, limit: int = 100
) -> None:
    """Fetch and handle updates until ``stop`` is set, confirming only handled ones."""
    offset = 0
    backoff = 0.5
    while not stop.is_set():
        fetch = asyncio.ensure_future(
            app.bot.get_updates(
                offset=offset,
                timeout=poll_timeout,
                limit=limit,
                allowed_updates=Update.ALL_TYPES,
            )
        )
        stopper = asyncio.ensure_future(stop.wait())
        done, _ = await asyncio.wait({fetch, stopper}, return_when=asyncio.FIRST_COMPLETED)
        if fetch not in done:
            fetch.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await fetch
            break
        stopper.cancel()
        try:
            updates = fetch.result()
        except RetryAfter as exc:
            await _sleep_or_stop(stop, _seconds(exc.retry_after))
            continue
        except (InvalidToken, Forbidden):
            log.critical("Telegram refused the bot token; stopping")
            raise
        except TelegramError as exc:  # 5xx, resets, timeouts, a 409 from a second poller
            log.warning("getUpdates failed (%s); retrying in %.1f s", exc, backoff)
            await _sleep_or_stop(stop, backoff)
            backoff = min(backoff * 2, MAX_BACKOFF)
            continue
        except Exception:
            # An update this PTB cannot parse (a newer Bot API): without this the loop
            # would stop, and after a restart stop again on the same update for good.
            try:
                offset = await handle_raw_batch(app, offset, limit)
            except TelegramError as exc:
                log.warning("getUpdates failed (%s); retrying in %.1f s", exc, backoff)
                await _sleep_or_stop(stop, backoff)
            continue
        backoff = 0.5
        if updates:  # ids only: PTB's own DEBUG line has whole updates (names, text)
            log.debug("getUpdates returned %d updates (%s..%s)", len(updates),
                      updates[0].update_id, updates[-1].update_id)
            offset = await handle_batch(app, list(updates))


async def handle_raw_batch(app: Application, offset: int, limit: int) -> int:
    """Fetch the batch again as JSON and handle it update by update, skipping unreadable ones."""
    with warnings.catch_warnings():  # PTB warns that get_updates exists: it cannot parse
        warnings.simplefilter("ignore", PTBUserWarning)
        raw = await app.bot.do_api_request(
            "getUpdates",
            api_kwargs={"offset": offset, "limit": limit, "timeout": 0,
                        "allowed_updates": list(Update.ALL_TYPES)},
        )
    for data in raw or []:
        update_id = int(data["update_id"])
        try:
            update = Update.de_json(data, app.bot)
        except Exception as exc:  # its content is not logged: it may be health data
            log.error("Update %s could not be read (%s); skipped", update_id,
                      type(exc).__name__)
            offset = update_id + 1
            continue
        offset = await handle_batch(app, [update])
    return offset


def _seconds(value: object) -> float:
    total = getattr(value, "total_seconds", None)
    return float(total()) if callable(total) else float(value)  # type: ignore[arg-type]


async def _sleep_or_stop(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), timeout=seconds)


@contextlib.asynccontextmanager
async def running(app: Application) -> AsyncIterator[None]:
    """Initialise, run post_init and start jobs; on exit stop and shut down cleanly.

    A token Telegram refuses, at start-up or later, becomes ``TokenRejected``.
    """
    try:
        await app.initialize()
        try:
            if app.post_init is not None:
                await app.post_init(app)
            await app.start()
            try:
                yield
            finally:
                await app.stop()
                if app.post_stop is not None:
                    await app.post_stop(app)
        finally:
            await app.shutdown()
            if app.post_shutdown is not None:
                await app.post_shutdown(app)
    except InvalidToken:
        raise TokenRejected() from None


async def serve(
    app: Application,
    stop: asyncio.Event,
    *,
    poll_timeout: int = 10,
    on_started: Callable[[], None] | None = None,
) -> None:
    """Initialise, run post_init, start jobs, poll until stopped, then shut down cleanly."""
    async with running(app), mini_app.serving(app):
        # A webhook left from an earlier deployment would make getUpdates fail.
        await app.bot.delete_webhook(drop_pending_updates=False)
        if on_started is not None:
            on_started()
        await poll_updates(app, stop, poll_timeout=poll_timeout)


def run_until_signal(serve_until: Callable[[asyncio.Event], Awaitable[None]]) -> None:
    """Blocking: run ``serve_until(stop)`` until SIGTERM or SIGINT sets ``stop``."""

    async def main() -> None:
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGTERM, signal.SIGINT):
            loop.add_signal_handler(sig, stop.set)
        await serve_until(stop)
        log.info("Stopped cleanly")

    asyncio.run(main())


def run_polling(app: Application) -> None:
    """Blocking entry point: poll until SIGTERM or SIGINT."""
    run_until_signal(
        lambda stop: serve(app, stop, on_started=lambda: log.info("Bot is running (polling)"))
    )
