"""The FAQ index with the sentence model: loaded only when the first question needs it.

NumPy, the tokenizer and the model's weights cost memory (about 80 MB once in use) and
import time; a bot whose patients only report "done" never pays either. ``Deps.faq()``
calls ``build`` in a worker thread at the first everyday question.
"""

from __future__ import annotations

from pathlib import Path

from bot.content.model import Content
from bot.domain.understanding.faq_match import FaqIndex, faq_index


def build(content: Content, cache: Path) -> FaqIndex:
    """The index matching by meaning too, or by words alone when the model is not
    installed (logged once by ``load_encoder``)."""
    from bot.semantics.sentence_encoder import load_encoder  # numpy, tokenizers: lazily
    from bot.semantics.vector_cache import CachedEncoder

    encoder = load_encoder()
    if encoder is None:
        return faq_index(content)
    # a new index each time (not faq_index's memo): Deps keeps it while the content stands
    return FaqIndex(content.faq.values(), CachedEncoder(encoder, cache))
