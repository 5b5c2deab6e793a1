"""A message of friendly emoji only ("🙏🏼🙏🏼", "🌞👍", "😊🌼") is a greeting or thanks.

The model reads emoji as characters, so a skin tone or an unusual pair can tip such a
message to "nothing understood", and the patient gets "did you mean" buttons for a
smile. Faces, hands, hearts, flowers, sunshine and a morning cuppa are social whatever
their order or tone; anything else (a pizza, a car, a shrug, a tick) is left to the other
readers. Pure: no ``telegram``.
"""

from __future__ import annotations

#: Skin tones, variation selectors and joiners: how an emoji is drawn, not what it says.
_DRAWING = frozenset({*map(chr, range(0x1F3FB, 0x1F400)), "\ufe0f", "\ufe0e", "\u200d"})
FRIENDLY = frozenset(
    "😀😁😂🤣😃😄😅😆😉😊😋😎😍😘🥰😗😙😚🙂🤗🤩😇🥳😌😜😝😛🤭"
    "👋👌👍👏🙌🙏🤝✌🤙👊✊🫶"
    "❤🧡💛💚💙💜🤍🤎🖤💕💞💓💗💖💘💝💐🌷🌸🌹🌺🌻🌼🌞☀🌈⭐🌟✨😺😸☕🍵"
)


def friendly_emoji_only(text: str) -> bool:
    """Whether ``text`` (normalised) is nothing but friendly emoji, spaces and !."""
    seen = False
    for char in text:
        if char in _DRAWING or char in " !.":
            continue
        if char not in FRIENDLY:
            return False
        seen = True
    return seen
