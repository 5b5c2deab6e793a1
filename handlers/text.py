"""Free text: offered to each feature in a fixed order until one takes it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine, Sequence
from typing import Any

from telegram import Update

from handlers.base import Context, send

TextRoute = Callable[[Update, Context], Awaitable[bool]]


def make_text_router(
    routes: Sequence[TextRoute],
    reask: Sequence[Callable[[Update, Context], Awaitable[None]]] = (),
) -> Callable[[Update, Context], Coroutine[Any, Any, None]]:
    """One message handler that asks each route in turn; the last word is a helpful reply.

    ``reask``: run after a route other than the first took the message, so a question
    the first route (a pending step) was waiting for is asked again after a side remark.
    """

    async def on_text(update: Update, context: Context) -> None:
        message = update.effective_message
        if message is None or message.text is None:
            return
        if not message.text.strip():
            await send(update, context, context.deps.content.text("unsupported_message"))
            return
        if len(message.text) > 4096:
            # Telegram never sends more, but if it did, a red flag in it must still count:
            # say so and read the start (every route reads a bounded prefix).
            await send(update, context, context.deps.content.text("text_too_long"))
        for index, route in enumerate(routes):
            if await route(update, context):
                if index > 0:
                    for again in reask:
                        await again(update, context)
                return
        await send(update, context, context.deps.content.text("help_intro"))

    return on_text
