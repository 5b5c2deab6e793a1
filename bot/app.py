"""build_application(): the one place where every handler and job is wired.

Used by ``python -m bot``, by the tests and by the terminal chat, so nothing is
wired twice.
"""

from __future__ import annotations

import gc
import logging
from zoneinfo import ZoneInfo

from telegram import BotCommand, BotCommandScopeChat, Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)
from telegram.request import BaseRequest

from bot.clock import Clock
from bot.config import Settings
from bot.content import DEFAULT_CONTENT_DIR, load_content
from bot.content.model import Content
from bot.deps import Deps
from bot.domain.commands import CLINICIAN_COMMANDS, PATIENT_COMMANDS
from bot.storage import Repository, open_repository
from bot.transport.aiohttp_request import AiohttpRequest
from bot.transport.context import CONTEXT_TYPES, App, attach_deps, deps_of
from bot.transport.job_queue import HORIZON, IndexedJobQueue
from bot.transport.network import RetryingRateLimiter
from handlers import (
    clinicians,
    coach,
    common,
    conversation,
    data_rights,
    fleet,
    gate,
    library,
    mini_app,
    onboarding,
    plans,
    progress,
    reminders,
    session,
)
from handlers.base.hooks import run_startup_hooks, stop_startup_hooks
from handlers.base.replies import unknown_command
from handlers.text import make_text_router

log = logging.getLogger(__name__)


PRE_GROUP = -10  # dedupe, private chats only
SAFETY_GROUP = -9  # red flags, before every feature and every pending question
POST_GROUP = 100  # remember updates that wrote nothing


async def _post_init(app: App) -> None:
    """Start-up work that needs the network: the command menu."""
    deps = deps_of(app)
    try:
        await app.bot.set_my_commands([BotCommand(c, d) for c, d in PATIENT_COMMANDS])
        for admin in deps.settings.admin_user_ids:
            await app.bot.set_my_commands(
                [BotCommand(c, d) for c, d in PATIENT_COMMANDS + CLINICIAN_COMMANDS],
                scope=BotCommandScopeChat(admin),
            )
    except TelegramError as exc:  # a menu is nice to have, not a reason to stop
        log.warning("Could not set the command menu: %s", exc)
    queue = app.job_queue

    def rebuilt() -> None:
        if isinstance(queue, IndexedJobQueue):
            log.info("%d jobs held in memory until %d minutes before they are due",
                     queue.held_count(), HORIZON.total_seconds() // 60)
        # What start-up built (content, every patient's head, the held jobs) lives as
        # long as the process: the cyclic garbage collector need not walk it again at
        # every full collection while replies are being handled.
        gc.freeze()

    await run_startup_hooks(app, then=rebuilt)


async def _post_stop(app: App) -> None:
    """Updates and jobs have stopped: so does a start-up rebuild still under way."""
    await stop_startup_hooks(app)


async def _post_shutdown(app: App) -> None:
    """After a clean stop: save the heads snapshot that makes the next start quick."""
    deps = deps_of(app)
    deps.store.save_heads_snapshot()
    deps.store.close()


def build_application(
    settings: Settings,
    *,
    content: Content | None = None,
    store: Repository | None = None,
    clock: Clock | None = None,
    request: BaseRequest | None = None,
) -> App:
    """Build the bot: settings in, a ready-to-run Application out."""
    content = content or load_content(settings.content_dir or DEFAULT_CONTENT_DIR)
    store = store or open_repository(
        settings.bot_data_dir,
        settings.database_url.get_secret_value() if settings.database_url else None)
    deps = Deps(settings=settings, content=content, store=store, clock=clock or Clock())

    limiter = RetryingRateLimiter(  # paced sends, 429s and network blips
        max_retries=3, max_rate=settings.max_messages_per_second)
    if store.shared:  # several instances: one budget for the whole fleet
        limiter.fleet = store
    builder = (
        Application.builder()
        .token(settings.token)
        .base_url(settings.telegram_base_url)
        .base_file_url(settings.telegram_base_url.replace("/bot", "/file/bot"))
        .defaults(Defaults(tzinfo=ZoneInfo(settings.default_timezone)))
        .rate_limiter(limiter)
        .context_types(CONTEXT_TYPES)
        .job_queue(IndexedJobQueue())
        .post_init(_post_init)
        .post_stop(_post_stop)
        .post_shutdown(_post_shutdown)
    )
    if not settings.webhook_url:
        builder = builder.updater(None)  # our runner polls; it confirms only handled updates
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    else:  # aiohttp, not httpx: see bot/transport/aiohttp_request.py
        builder = builder.request(AiohttpRequest()).get_updates_request(AiohttpRequest(1))
    app: App = builder.build()
    attach_deps(app, deps)

    # Before everything: private chats only, each update once.
    app.add_handler(TypeHandler(Update, gate.before), group=PRE_GROUP)
    app.add_handler(TypeHandler(Update, gate.safety), group=SAFETY_GROUP)

    # Onboarding and help.
    app.add_handler(CommandHandler("start", onboarding.start))
    app.add_handler(CommandHandler("help", common.help_command))
    app.add_handler(
        CallbackQueryHandler(onboarding.consent_button, pattern=r"^ob:consent:(yes|no)$")
    )
    app.add_handler(CallbackQueryHandler(onboarding.time_button, pattern=r"^ob:time:"))
    app.add_handler(CallbackQueryHandler(onboarding.tz_button, pattern=r"^ob:tz:"))
    app.add_handler(MessageHandler(filters.LOCATION, onboarding.location))

    # Reminders: settings commands, snooze, blocked users; jobs rebuilt at start-up.
    reminders.register(app)

    # Exercise library, corrections of "done" (Undo...), and the guided routine.
    library.register(app)
    conversation.register(app)
    session.register(app)

    # Coaching: red flags, movement over rest, pain reports, the plan, the morning check.
    coach.register(app)

    # Progress, data rights, clinicians and /ask (replies from clinicians before the router),
    # personal plans (/plan, and the clinician's commands that change one).
    progress.register(app)
    data_rights.register(app)
    clinicians.register(app)
    plans.register(app)
    mini_app.register(app)

    # Several instances on one database: re-plan patients another instance changed.
    fleet.register(app)

    # Free text: a pending onboarding step first, then the conversation policy (red flags
    # were already answered by the safety gate).
    router = make_text_router([onboarding.onboarding_text, conversation.conversation_text],
                              reask=[onboarding.reask_step])
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & ~filters.UpdateType.EDITED,
                                   router))

    # Everything else gets a clear answer, never silence.
    app.add_handler(MessageHandler(filters.COMMAND, unknown_command))
    app.add_handler(CallbackQueryHandler(common.stale_button))
    app.add_handler(MessageHandler(filters.ALL, common.unsupported_message))

    # After everything: remember updates that wrote nothing.
    app.add_handler(TypeHandler(Update, gate.after), group=POST_GROUP)
    app.add_error_handler(common.on_error)
    return app
