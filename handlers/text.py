"""Free text: offered to each feature in a fixed order until one takes it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine, Sequence
from typing import Any

from telegram import Update

from handlers.base import Context, get_deps, send

TextRoute = Callable[[Update, Context], Awaitable[bool]]


def make_text_router(
    routes: Sequence[TextRoute],
) -> Callable[[Update, Context], Coroutine[Any, Any, None]]:
    """One message handler that asks each route in turn; the last word is a helpful reply."""

    async def on_text(update: Update, context: Context) -> None:
        message = update.effective_message
        if message is None or message.text is None:
            return
        if len(message.text) > 4096 or not message.text.strip():
            await send(update, context, get_deps(context).content.text("unsupported_message"))
            return
        for route in routes:
            if await route(update, context):
                return
        await send(update, context, get_deps(context).content.text("help_intro"))

    return on_text
