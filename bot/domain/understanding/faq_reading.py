"""The FAQ entry a reading carries: which readings of a message may be answered from it.

``interpret`` reads a message without the content; the FAQ (``content/faq.yaml``) is
content, so the conversation adds the entry to the reading once it has the content, with
``with_faq``. A question carries the entry the matcher (``faq_match``) puts first, but
one that asks for exercises ("something for stiff hips?") only when it matches strongly.
A message the intent model calls unknown, a pain report with no score or a greeting
that asks something ("stiff as a board every morning, normal?"), a weak rest reading
that names no day and no reason, or a request for no exercise in particular, becomes a
question when it matches an entry strongly. A question that mentions a warning sign,
even "what if...", is answered by the warning-signs entry or offered /ask, never by
another entry. Everything else keeps its reading: a red flag (always first), a request
for an exercise's card ("how do I do the glute bridge"), a "done", a rest day asked
for and a reminder request. Pure: no ``telegram``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from bot.domain.understanding.faq_match import FaqIndex, FaqMatch
from bot.domain.understanding.reading import Interpretation, Reading
from bot.domain.understanding.text_norm import normalise

#: A match this sure turns another reading into a question, and wins over "something
#: for ...", which otherwise offers exercises.
STRONG_SCORE = 8.0
#: The share of the two best scores the best needs for that (clearly ahead).
STRONG_MARGIN = 0.6
#: And the words or phrases of the entry it must share: one word ("taxi", "night") is
#: never enough to answer a message that did not read as a question.
STRONG_EVIDENCE = 2
#: Or this close in meaning to one of the entry's askings (see ``faq_match``).
STRONG_SIMILARITY = 0.7
#: A rest reading below this, with no day and no reason, may be a question after all
#: ("I'm falling behind with my exercises" is no request for a day off).
WEAK_REST = 0.6
#: Warning signs that are not the patient's now, but make a question one about them:
#: "what if my calf swells", "I had a clot once", "Mum's hip popped out" (not "no
#: numbness", or a figure of speech).
WARNING_QUALIFIERS = frozenset({"hypothetical", "past", "other_person", "unsure"})
#: Topics of ``questions.question_topic`` that ask for exercises rather than an answer.
EXERCISE_TOPICS = frozenset({"exercise suggestion"})
#: Words that make "something for stiff hips" a request for exercises: only a strong
#: match answers it from the FAQ ("any tips for getting my shoes on" is not one).
_EXERCISE_WORDS = re.compile(
    r"\b(?:exercis\w*|stretch\w*|moves?|workouts?|strengthen\w*|(?:some|any)thing for)\b")
#: Asking for an exercise's card: never answered from the FAQ.
_HOW_TO = re.compile(r"\bhow (?:do|should|to|can) (?:i|you|we)? ?(?:do|perform)\b|\bshow me\b")
#: A message that asks something (beside a question mark): a question word first, or
#: after a comma, "should i", "is that", or "... normal?" at the end.
_ASKING = re.compile(
    r"\?|(?:^|[,.;!] ?)(?:how|what|whats|when|why|which|where|who|can|could|should|shall"
    r"|is|isnt|are|am|do|does|doesnt|dont|did|will|would|wouldnt|shouldnt|surely"
    r"|any)\b|\b(?:will|should|can|could|would|do|does|did|is|am) i\b"
    r"|\b(?:is (?:it|that|this)|does (?:it|that))\b"
    r"|\b(?:whats|what's|what is|(?<!that )(?<!thats )(?<!that's )why|how come"
    r"|how (?:do|can|long|much|often|should)"
    r"|what (?:should|can|do))\b"
    r"|\b(?:normal|ok|okay|alright|safe|right|bad|worse|a problem|matter|tips?|advice)\W*$"
)


def strong(found: FaqMatch | None) -> bool:
    """Whether a match is sure enough to override what the intent model thought: by
    its words, or by meaning (``STRONG_SIMILARITY``, when the encoder is there)."""
    if found is None:
        return False
    if found.similarity >= STRONG_SIMILARITY:  # 0 without an encoder
        return True
    return (found.score >= STRONG_SCORE and found.margin >= STRONG_MARGIN
            and found.evidence >= STRONG_EVIDENCE)


def _answered(reading: Interpretation, entry: str | None) -> Interpretation:
    """The reading with its top one turned into a question the entry answers."""
    if entry is None:
        return reading
    top = reading.readings[0]
    question = Reading("question", top.confidence, replace(top.slots, faq=entry))
    return replace(reading, readings=(question, *reading.readings[1:]))


def _may_ask(top: Reading, clean: str) -> bool:
    """Whether a reading other than a question may be one after all: an unknown, a
    pain report with no score or a greeting that asks something, a request for no
    exercise in particular that is no request for a card."""
    if top.kind == "unknown":
        return True
    if top.kind == "social":  # "I'm falling behind with my exercises": only a strong match
        return True
    if top.kind == "rest":  # the same, read weakly as a rest day: only a strong match
        return (top.confidence < WEAK_REST and top.slots.span in (None, "unspecified")
                and top.slots.reason is None)
    if top.kind == "pain":
        return top.slots.score is None and bool(_ASKING.search(clean))
    if top.kind == "exercise":
        return top.slots.exercise is None and not _HOW_TO.search(clean)
    return False


def needs_index(reading: Interpretation, text: str) -> bool:
    """Whether ``with_faq`` would look ``text`` up in the index: a caller that builds
    the index on first use (with the sentence model) asks this first, so a "done" or a
    pain score never waits for it."""
    if reading.is_red_flag or reading.ask_about is not None or not reading.readings:
        return False
    top = reading.readings[0]
    if top.qualifier is not None:
        return False
    if any(hit.qualifier in WARNING_QUALIFIERS for hit in reading.flags):
        return top.kind == "question"
    return top.kind == "question" or _may_ask(top, normalise(text))


def with_faq(reading: Interpretation, text: str, index: FaqIndex) -> Interpretation:
    """``reading`` with the FAQ entry on its top reading where one fits (see the module
    docstring); the same object when none does."""
    if not needs_index(reading, text):
        return reading
    top = reading.readings[0]
    if any(hit.qualifier in WARNING_QUALIFIERS for hit in reading.flags):
        # a warning sign, if only "what if...": its answer, or a person's
        return _answered(reading, index.warning_signs)
    clean = normalise(text)
    found = index.match(text)
    if found is None:
        return reading
    if strong(found):
        return _answered(reading, found.entry)
    if top.kind == "question" and not (
        top.slots.topic in EXERCISE_TOPICS and _EXERCISE_WORDS.search(clean)
    ):
        return _answered(reading, found.entry)
    return reading
