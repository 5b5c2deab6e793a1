"""The meaning of a message: its possible readings, ranked, with their slots.

Three layers, each doing what it is good at:

1. Normalising and respelling (``text_norm``, ``spelling``): one plain form of the text.
2. Rules: slot readers that are precise about numbers, sides, spans and exercise names
   (``done_reading``, ``rest_reading``, ``pain_reading``, ``questions``,
   ``exercise_names``, ``reminder_reading``), and cues that point to each kind (``cues``).
3. A small linear model (``model``) that ranks the kinds from the words and the cues,
   trained on the tuning part of the labelled corpus and the probe rows (never the
   held-out fifth). Where a rule is sure (a bare "7" is a pain score, "how do I do the
   clams" asks for an exercise, "done the washing" is not one) the rule wins.

Red flags are not readings: ``interpret`` adds the red-flag hits. Pure: no ``telegram``.
"""

from __future__ import annotations

import functools
import re

from bot.domain.understanding.cue_topics import ACHE
from bot.domain.understanding.cues import says_done
from bot.domain.understanding.done_reading import done_slots
from bot.domain.understanding.emoji_reading import friendly_emoji_only
from bot.domain.understanding.exercise_names import mentions
from bot.domain.understanding.model import MODEL_KINDS, features, load, softmax
from bot.domain.understanding.pain_reading import (
    alone_score,
    pain_free,
    pain_when,
    pick_score,
    trend,
)
from bot.domain.understanding.precise_rules import ruled_kind
from bot.domain.understanding.qualifiers import qualifier_at
from bot.domain.understanding.questions import question_topic
from bot.domain.understanding.reading import UNKNOWN, IntentKind, Qualifier, Reading, Slots
from bot.domain.understanding.reminder_reading import reminder_slots
from bot.domain.understanding.rest_reading import rest_slots
from bot.domain.understanding.score_fix import corrected_score
from bot.domain.understanding.spelling import correct
from bot.domain.understanding.start_reading import asks_to_start
from bot.domain.understanding.text_norm import normalise

#: Only this much of a message is read for meaning (the red-flag scan reads more).
MAX_INTENT_CHARS = 1000
#: How sure the model must be of a kind for it to be listed as a reading.
MIN_CONFIDENCE = 0.04
MAX_READINGS = 4
#: A reminder request the rules read ("stop reminding me") ranks above the model's kinds.
REMINDER_CONFIDENCE = 0.95
#: So does a request to start the routine now ("start today's routine", "let's go").
START_CONFIDENCE = 0.95
#: A message of friendly emoji only is social (``emoji_reading``).
EMOJI_CONFIDENCE = 0.97
#: Spreads the raw scores into probabilities (fitted by cross-validation on the tuning part).
TEMPERATURE = 230.0
_HAS_CONTENT = re.compile(r"[^\W_]|[^\w\s.,;:!?'\"()\-]")
_NOT_PATIENT = re.compile(
    r"\b(?:my |a |our )?(?:friend|neighbou?r|colleague|pal|mate|bloke|lady|woman|man|cat"
    r"|dog)\b(?:'s)? (?:did|does|has done|walked|had|has|says? (?:his|her) pain)\b"
)


_WORD_HYPHEN = re.compile(r"(?<=[^\W\d_])-(?=[^\W\d_])")


def _respelt(clean: str) -> str:
    """Normalised text as the rules read it: "sit-to-stand" as words, key words respelt."""
    return correct(_WORD_HYPHEN.sub(" ", clean))


def prepare(text: str) -> str:
    """The form every rule and the model read: normalised, key words respelt."""
    return _respelt(normalise(text[:MAX_INTENT_CHARS]))


def _pain_slots(text: str) -> Slots:
    score, found = pick_score(text)
    alone, value = alone_score(text)
    if alone:
        number: int | None = value
    elif score is not None:
        number = score.value
    else:
        number = 0 if pain_free(text) else None
    return Slots(score=number, when=pain_when(text, score), trend=trend(text, score, found))


def _slots(kind: IntentKind, clean: str, text: str) -> Slots:
    if kind == "done":
        return done_slots(clean, text)
    if kind == "rest":
        return rest_slots(text)
    if kind in ("pain", "undo"):  # an undo may put a score right: "I meant 6"
        return _pain_slots(text) if kind == "pain" else Slots(score=corrected_score(text))
    if kind == "exercise":
        named = mentions(text)
        return Slots(exercise=named[0].exercise if named else None)
    if kind == "question":
        named = mentions(text)
        return Slots(topic=question_topic(text), exercise=named[0].exercise if named else None)
    return Slots()


_TRIGGER = re.compile(
    r"\b(?:did|done|finished|walked|pain|hurts?|sore)\b|\b" + ACHE
)
_PAST_OR_IF = re.compile(
    r"\b(?:used|was|were|had|ago|last|years?|back|before|once|if|would|could|might|should"
    r"|in case|suppose\w*|imagine|what|when|whether|will|gonna|going to|until|till)\b"
)


def _qualifier(kind: IntentKind, text: str) -> Qualifier | None:
    """Why a done or pain reading is not the patient's own report now, if it is not.

    A relative writing for the patient ("Mum did hers", "Dad says a 6") is the patient's
    report (the corpus's convention, as for red flags); a friend or a neighbour is not.
    """
    if kind not in ("done", "pain"):
        return None
    return _report_qualifier(text)


@functools.lru_cache(maxsize=64)
def _report_qualifier(text: str) -> Qualifier | None:
    if _NOT_PATIENT.search(text):
        return "other_person"
    trigger = _TRIGGER.search(text)
    if trigger is None or not _PAST_OR_IF.search(text):
        return None  # no word that could make it past or hypothetical: skip the costly read
    found = qualifier_at(text, trigger.start(), trigger.end())
    return found if found in ("past", "hypothetical") else None


def _probabilities(feats: list[str]) -> dict[IntentKind, float]:
    model = load()
    if model is None:  # no weights: a flat guess the rules below can still correct
        return {kind: (0.2 if kind == "unknown" else 0.1) for kind in MODEL_KINDS}
    raw = model.scores(feats)
    return dict(zip(MODEL_KINDS, softmax(raw, TEMPERATURE), strict=True))


def _rank(text: str) -> list[tuple[IntentKind, float]]:
    """Kinds with their confidence, best first; precise rules override the model."""
    feats = features(text)
    probs = _probabilities(feats)
    cues = {f[2:] for f in feats if f.startswith("r:") and "&" not in f}
    if "done_blocked" in cues and not cues & {"did", "walked", "count"}:
        probs["done"] = min(probs["done"], 0.01)  # "almost done", "not done yet": not a done
    ruled = ruled_kind(text, cues, probs)
    if ruled is not None:
        probs[ruled] = max(probs.values()) + 0.5
    total = sum(probs.values())
    ranked = sorted(probs.items(), key=lambda item: (-item[1], MODEL_KINDS.index(item[0])))
    return [(kind, p / total) for kind, p in ranked]


def readings(text: str) -> tuple[Reading, ...]:
    """The readings of ``text``, best first, with slots and qualifiers; never empty.

    Kinds the model finds likely (at least ``MIN_CONFIDENCE``, at most ``MAX_READINGS``),
    plus a pain reading when a score is given and a done reading when something is said
    to be done, however unlikely, so a pending question can take the reply that fits.
    """
    clean = normalise(text[:MAX_INTENT_CHARS])
    if not _HAS_CONTENT.search(clean):
        return (UNKNOWN,)
    if friendly_emoji_only(clean):  # "🙏🏼🙏🏼", "🌞👍": a greeting or thanks
        return (Reading("social", EMOJI_CONFIDENCE),)
    respelt = _respelt(clean)
    ranked = _rank(respelt)
    kinds = [(kind, p) for kind, p in ranked if p >= MIN_CONFIDENCE][:MAX_READINGS]
    listed = {kind for kind, _ in kinds}
    # A pending question may want a reading the model ranks low: a score, or a "done".
    extra: list[tuple[IntentKind, float]] = []
    if "pain" not in listed and pick_score(respelt)[0] is not None:
        extra.append(("pain", dict(ranked)["pain"]))
    if "done" not in listed and says_done(respelt):
        extra.append(("done", dict(ranked)["done"]))
    found = [
        Reading(kind, round(p, 3), _slots(kind, clean, respelt), _qualifier(kind, respelt))
        for kind, p in [*kinds, *extra]
    ]
    reminder = reminder_slots(respelt)
    if reminder is not None:  # a request about the bot's own reminders is sure: first
        found.insert(0, Reading("reminder", REMINDER_CONFIDENCE, reminder))
    elif asks_to_start(respelt):
        found.insert(0, Reading("start", START_CONFIDENCE))
    return tuple(found) or (UNKNOWN,)
