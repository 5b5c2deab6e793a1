"""What every feature handler shares, below the features: replies, hooks, records,
the guided routine's driver, exercise cards and the red-flag response.

Feature modules (``handlers/<feature>.py``) import from here and from ``bot``, never
from each other; this package imports no feature module.
"""

from handlers.base.replies import (
    Buttons,
    Context,
    answer,
    consenting,
    keyboard,
    send,
    send_message,
    user_id_of,
)

__all__ = ["Buttons", "Context", "answer", "consenting", "keyboard", "send", "send_message",
           "user_id_of"]
