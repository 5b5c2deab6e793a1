"""The red-flag screening questions, asked after high pain (before or after a routine).

Kept apart from the red-flag response so that the routine driver can ask them
without depending on what happens after a "yes".
"""

from __future__ import annotations

from telegram import Update

from bot.domain.coaching import coach as coaching
from handlers.base.replies import Context, send


async def ask_red_flag_questions(update: Update, context: Context, ctx: str) -> None:
    """The screening questions after pain of 7 or more; ``ctx``: session token or p:<pain>."""
    deps = context.deps
    text = deps.content.text
    await send(update, context, coaching.red_flag_questions(deps.content),
               [[(text("coach_rf_yes_button"), f"rf:y:{ctx}")],
                [(text("coach_rf_no_button"), f"rf:n:{ctx}")]])
