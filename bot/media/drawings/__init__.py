"""Stick-figure pictures of each exercise position, drawn as PNG line drawings.

A patient reading a card on a phone understands a picture faster than a paragraph, so
every exercise names one built-in ``pose`` (``bot.content.model.KNOWN_POSES``). The
figure primitives are in ``figure``, the poses in ``poses``, the drawing in ``render``
and the on-disk cache in ``cache``. Pure package: it never imports ``telegram``.
"""

from bot.media.drawings.cache import illustration_file, title_slug
from bot.media.drawings.render import PNG_SIGNATURE, clean_title, render_pose

__all__ = ["PNG_SIGNATURE", "clean_title", "illustration_file", "render_pose", "title_slug"]
