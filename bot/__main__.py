"""Command line: ``python -m bot`` (run), ``check-content``, ``chat``, ``migrate``."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from secrets import token_urlsafe
from urllib.parse import urlparse

from bot.config import SettingsError, load_settings
from bot.content import DEFAULT_CONTENT_DIR, ContentError, check_content_main, load_content
from bot.logs import setup_logging
from bot.storage import StorageError

log = logging.getLogger("bot")


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return 2


def run() -> int:
    """Run the bot until SIGTERM/SIGINT: polling, or a webhook when WEBHOOK_URL is set."""
    try:
        settings = load_settings()
    except SettingsError as err:
        return _fail(str(err))
    webhook_secret = None
    if settings.webhook_secret is not None:
        webhook_secret = settings.webhook_secret.get_secret_value()
    elif settings.webhook_url:
        # Never an open webhook: anyone who found the URL could post updates as any user.
        webhook_secret = token_urlsafe(32)
    secrets: tuple[str, ...] = (settings.token,)
    if webhook_secret is not None:
        secrets += (webhook_secret,)
    setup_logging(settings.log_level, secrets,
                  third_party_debug=settings.log_third_party_debug)
    try:
        content = load_content(settings.content_dir or DEFAULT_CONTENT_DIR)
    except ContentError as err:
        return _fail(f"bad content, not starting: {err}")

    # Imported here so that check-content and chat start without loading what they skip.
    from bot.app import build_application
    from bot.transport.runner import TokenRejected, run_polling
    from bot.transport.webhook import run_webhook

    try:
        app = build_application(settings, content=content)
    except StorageError as err:
        return _fail(f"BOT_DATA_DIR: {err}")
    try:
        if settings.webhook_url:
            if settings.webhook_secret is None:
                log.info("WEBHOOK_SECRET is not set; using a random one for this run")
            log.info("Starting webhook on %s:%s", settings.webhook_listen,
                     settings.webhook_port)
            run_webhook(
                app,
                listen=settings.webhook_listen,
                port=settings.webhook_port,
                path=urlparse(settings.webhook_url).path,
                webhook_url=settings.webhook_url,
                secret=webhook_secret,
                allowed_updates=["message", "edited_message", "callback_query",
                                 "my_chat_member"],
            )
        else:
            from bot.transport.context import deps_of

            if not deps_of(app).store.claim_poller():
                return _fail("another instance already polls Telegram for this bot's data; "
                             "Telegram allows one poller per token. Run several instances "
                             "in webhook mode instead (README: \"Several instances\").")
            run_polling(app)
    except TokenRejected as err:  # one line, no token (PTB's InvalidToken quotes it)
        return _fail(str(err))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description="Hip recovery coach bot")
    sub = parser.add_subparsers(dest="command")
    sub.add_parser("run", help="run the Telegram bot (default)")
    check = sub.add_parser("check-content", help="validate the files under content/")
    check.add_argument("--content-dir", type=Path, default=DEFAULT_CONTENT_DIR)
    chat = sub.add_parser("chat", help="talk to the real bot in this terminal, offline")
    chat.add_argument("--data-dir", type=Path, default=None)
    chat.add_argument("--clinician", action="store_true",
                      help="chat as a clinician, with made-up patients to look at")
    move = sub.add_parser(
        "migrate", help="copy every patient between a data folder and PostgreSQL",
        description="Copy every patient and the bot-wide values from one store to another, "
                    "then read them back from both and compare. Stop the bot first.")
    move.add_argument("--from", dest="source", metavar="URL_OR_DIR", default=None,
                      help="a data folder or a postgresql:// URL (default: BOT_DATA_DIR)")
    move.add_argument("--to", dest="target", metavar="URL_OR_DIR", required=True,
                      help="a data folder or a postgresql:// URL; refused if it holds data")
    move.add_argument("--force", action="store_true",
                      help="write into a target that already holds data: its patients are "
                           "replaced by the source's (patients only the target has are "
                           "deleted, as /forget would), and its bot-wide values too")
    args = parser.parse_args(argv)
    if args.command == "check-content":
        return check_content_main(args.content_dir)
    if args.command == "chat":
        from bot.chat.terminal import chat_main  # only this command needs the fake server

        return chat_main(args.data_dir, clinician=args.clinician)
    if args.command == "migrate":
        from bot.migrate_command import migrate_main  # loads the export and both backends

        return migrate_main(args.source, args.target, force=args.force)
    return run()


if __name__ == "__main__":
    sys.exit(main())
