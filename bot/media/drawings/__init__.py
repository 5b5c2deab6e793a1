"""Stick-figure pictures of each exercise position: PNG line drawings and MP4 loops.

A patient reading a card on a phone understands a picture faster than a paragraph, so
every exercise names one built-in ``pose`` (``bot.content.model.KNOWN_POSES``). The
figure primitives are in ``figure`` (props in ``props``, moving body parts in ``body``),
the poses in ``poses`` (each drawn at any phase of its movement), the still drawing in
``render``, the animation in ``animate`` and the on-disk cache in ``cache``. Pure
package: it never imports ``telegram``; matplotlib and ffmpeg load only when drawing.
"""

from bot.media.drawings.cache import animation_file, illustration_file, title_slug
from bot.media.drawings.render import PNG_SIGNATURE, clean_title, render_pose

__all__ = [
    "PNG_SIGNATURE",
    "animation_file",
    "clean_title",
    "illustration_file",
    "render_pose",
    "title_slug",
]
