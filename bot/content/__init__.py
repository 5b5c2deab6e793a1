"""The clinician-edited content under ``content/``: load it, validate it, or say what is wrong.

Outside code loads content through this face (``load_content``, ``ContentError``,
``DEFAULT_CONTENT_DIR``, ``check_content_main``) and takes the dataclasses and vocabulary
(``Content``, ``Exercise``, ``REASON_IDS``, ``KNOWN_POSES``, ...) from ``bot.content.model``.
"""

from bot.content.errors import ContentError
from bot.content.loader import DEFAULT_CONTENT_DIR, check_content_main, load_content

__all__ = ["DEFAULT_CONTENT_DIR", "ContentError", "check_content_main", "load_content"]
