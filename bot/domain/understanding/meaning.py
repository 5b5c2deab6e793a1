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


#: "I'm falling behind with my exercises": a worry about missed days (an FAQ), not a done.
_BEHIND = re.compile(
    r"\b(?:fall(?:ing|en)?|fell|got|getting|gotten|am|i'?m|im|so|bit|way)\s+behind\s+(?:with|on)\b"
    r"|\bfell\s+off\s+the\s+wagon\b"
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


_TRIGGER = re.compile(r"\b(?:did|done|finished|walked|pain|hurts?|sore|ach\w*)\b")
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


_SCALE_SCORE = re.compile(r"(?<![\w.])-?\d+(?:[.,]\d+)?\s*(?:/|out of|outta)\s*(?:10|ten)\b")
_SMALL_TALK_BUT = frozenset({"pain", "score", "number", "q_start", "off_topic"})
_AWAY = re.compile(r"\b(?:off|break|away|back (?:next|on|in)|visiting)\b")
_GOOD_ONE = re.compile(
    r"(?:(?:oh|ah|ha|haha|ok|yes|yeah),? )?(?:nice|good|great|top|lovely|brilliant|fab|cracking)"
    r" one(?: (?:mate|pal|love|bot))?\W*"
)
_ASKS_REST = re.compile(
    r"\b(?:(?:can|could|may) (?:i|we) (?:just |please )?(?:rest|skip|have|take|miss|pause)"
    r"|i'?d like to (?:take|have|skip|rest|pause))\b"
)
_SHOULD = re.compile(r"\b(?:should|better|best|ok to|okay to|safe|wise|harm)\b")
_REST_NOW = re.compile(r"\b(?:resting|rest day|day off|a break|a rest|skipping|skip)\b")
_CONDITION = re.compile(r"\b(?:if|when|whether)\b")
_DID_CUES = frozenset({"done_word", "did", "count", "walked"})
_ASKING = frozenset({"qmark", "q_start", "q_mid", "request", "please"})
_OTHER_ACTS = _DID_CUES | _ASKING | {"rest", "undo", "rest_request", "exercise", "social"}


#: "I can put weight on it fine": an answer to the weight question, reassurance like "no
#: fever", not a pain report.
_BEARS_FINE = re.compile(
    r"\bcan\s+(?:put|bear|take)\s+(?:full\s+|my\s+|all\s+my\s+)?weight\s+(?:on|through)\s+"
    r"(?:it|the\s+leg|my\s+leg|the\s+hip)\s+(?:fine|ok|okay|no\s+(?:problem|bother)|normally)\b"
)
_LATER = re.compile(
    r"\b(?:later|tonight|tomorrow|tmrw?|2moro\w*|after\s+(?:tea|dinner|lunch|work|breakfast)"
    r"|this\s+(?:evening|afternoon)|in\s+a\s+(?:bit|while))\b"
)
_YET = re.compile(r"\byet\b")
#: The exercises said done in so many words, wherever in a long message: "Oh and did my
#: exercises after breakfast", "She did all her exercises", "got my exercises in".
_DID_THEM = re.compile(
    r"(?<!will have )(?<!ll have )(?<!would have )(?<!should have )(?<!could have )"
    r"\b(?:did|done|finished|completed|got\s+through)\s+(?:all\s+(?:of\s+)?)?(?:my|her|his|me"
    r"|our)\s+(?:exercises|stretches|routine|bits|physio)\b(?!\s+(?:yet|later|tomorrow|tonight))"
    r"|\bgot\s+(?:all\s+)?(?:my|her|his)\s+(?:exercises|stretches|routine|bits)\s+in\b"
)
#: A reply that only says it does not know: no record to take back, no rest asked for.
_UNSURE_ONLY = re.compile(
    r"(?:(?:hmm+|erm+|um+|well|honestly|to be honest|tbh|i'?m|im|i am)\W+)*"
    r"(?:not\s+(?:really\s+|too\s+|quite\s+|100%?\s+)?sure|unsure|no\s+idea|dunno|no\s+clue"
    r"|i\s+(?:don'?t|do\s+not|dont)\s+know|idk|maybe|perhaps|possibly|can'?t\s+say)"
    r"(?:\W+(?:tbh|really|to be honest|sorry|lol|tbf|either way))*\W*"
)
_MARKS_ONLY = re.compile(r"\W+")
_LONG_NUMBER = re.compile(r"\W*(\d{4,})\W*")
#: One to three letters over and over, 40 characters or more: a stuck key or a paste.
_STUCK_KEY = re.compile(r"(\w{1,3}?)\1{13,}")
_LAUGHS = frozenset({"ha", "he", "hi", "ah", "x", "xo", "lol", "k"})
_SOCIAL_MARKS = frozenset("👍👌🙏😂🤣😊🙂😀😃😄😁❤♥💕💖😘🥰👋🤗⭐🌟😍☺👏🙌\ufe0f\u200d ")
_DONE_MARKS = frozenset("✅✔☑💪")


def _mostly_symbols(text: str) -> bool:
    """Whether under 40 % of the visible characters are letters (and none is an emoji)."""
    visible = [c for c in text if not c.isspace()]
    letters = sum(c.isalpha() for c in visible)
    return bool(visible) and letters < 0.4 * len(visible) and all(ord(c) < 0x2000 for c in visible)


def _ruled(text: str, cues: set[str], probs: dict[IntentKind, float]) -> IntentKind | None:
    """A kind a precise rule is sure of, whatever the model says; None when none is."""
    if _MARKS_ONLY.fullmatch(text):  # emoji and marks only: "👍", "✅✅", "🍌🍌", "??"
        if set(text) & _DONE_MARKS:
            return "done"
        return "social" if set(text) <= _SOCIAL_MARKS else "unknown"
    if _GOOD_ONE.fullmatch(text):
        return "social"  # "good one!", "nice one 👍": praise, not a score of 1
    stuck = _STUCK_KEY.fullmatch(text)
    if stuck and stuck.group(1) not in _LAUGHS:
        return "unknown"  # "ididid..." for a page: a stuck key, not "did"
    long_number = _LONG_NUMBER.fullmatch(text)
    if long_number and int(long_number.group(1)) > 1000:
        return "unknown"  # "1234", "987654321": a pin or a pocket dial, not a score
    if _UNSURE_ONLY.fullmatch(text):
        return "unknown"  # "not sure", "dunno tbh": nothing to record or take back
    if alone_score(text)[0]:
        return "pain"  # a bare number: a pain score ("7", "11/10" asks again)
    if _SCALE_SCORE.search(text) and not cues & _DID_CUES:
        return "pain"  # "20/10 lol"
    top = max(probs, key=lambda kind: probs[kind])
    short = len(text.split()) <= 6
    if "pain_free" in cues and len(text.split()) <= 8 and not cues & _OTHER_ACTS:
        return "pain"  # "it doesn't hurt at all": a score of 0
    if _BEHIND.search(text) and top in ("done", "social", "rest", "unknown", "pain") and not (
        cues & {"did", "undo", "rest_request", "rest_request_time"}
    ):
        return "question"  # "im falling behind with my exercises", "fell off the wagon"
    if "asks_undo" in cues and top in ("undo", "unknown", "social", "question", "done"):
        return "question"  # "how far back can I undo?": asked about, not done
    if "done_instead" in cues and "not_done" not in cues and top in (
        "undo", "rest", "social", "done", "unknown"
    ):
        return "done"  # "scratch my last message, I did manage them after all"
    if ("undo_strong" in cues and "stray" not in cues and top in (
        "question", "unknown", "social", "done", "rest", "exercise"
    )) or ("not_my_pain" in cues and top == "pain"):
        return "undo"  # "can you delete what I just sent", "pressed done by accident"
    if "undo_rest" in cues and not cues & _DID_CUES and top in ("rest", "social", "unknown"):
        return "undo"  # "cancel my break", "un-skip me" (not "ignore the skip, did the lot")
    if top == "undo" and "not_done" in cues and not cues & {"undo", "undo_strong"} and (
        _LATER.search(text) and _YET.search(text)
    ):
        return "rest"  # "havent done them yet, after tea": not yet, not a mistaken record
    if "rest_request_time" in cues and top in ("question", "unknown") and "topic" not in cues:
        return "rest"  # "can I rest it till Monday?"
    if (
        "how_to_do" in cues and cues & {"exercise", "name_end"} and "topic" not in cues
        and not _CONDITION.search(text)
        and top in ("question", "unknown", "social", "done")
        and not cues & {"did", "walked", "count", "undo", "rest_request", "pain"}
    ):
        return "exercise"  # "how do I do the clams", "tell me about the bridge one"
    if (
        "negated_symptom" in cues and len(text.split()) <= 8
        and top in ("pain", "rest", "social", "undo") and "only_ache" not in cues
        and not cues & (_OTHER_ACTS | {"score", "number", "trend"})
    ):
        return "unknown"  # "no tingling at all": an answer to a red-flag check, not a report
    if _BEARS_FINE.search(text) and len(text.split()) <= 10 and not cues & (
        _OTHER_ACTS | {"score", "number", "trend"}
    ):
        return "social"  # "I can put weight on it fine": reassurance, like "no fever"
    if "rest_after_done" in cues and "done_past" in cues and top == "done" and _REST_NOW.search(
        text
    ):
        return "rest"  # "ten days in a row, so treating myself to a day off"
    if _DID_THEM.search(text) and top in ("social", "unknown", "rest") and not cues & {
        "not_done", "qmark", "undo", "undo_strong"
    }:
        return "done"  # a long message of news with "did my exercises" in the middle
    if "after_that" in cues and top in ("question", "social", "rest") and not cues & {
        "pain", "score", "number", "qmark", "rest", "rest_request", "q_start"
    }:
        return "done"  # "dying for a cuppa after that walk"
    if (
        "yes_no" in cues and top == "exercise" and "how_to_do" not in cues
        and not cues & {"request", "did", "done_word", "count", "walked"}
    ):
        return "question"  # "is walking uphill ok", "do these help my balance"
    if "wish_back" in cues and top in ("rest", "done", "undo") and not cues & {
        "rest_request", "rest_request_time", "undo_strong", "did", "done_word", "rest"
    }:
        return "social"  # "rest well yourself", "that's me done chatting, Corrie's on"
    if "sign_off" in cues and top in ("rest", "social") and not cues & {
        "rest_request", "rest_request_time", "undo", "did", "done_word"
    } and ("domain" not in cues or "mind at rest" in text):
        return "social"  # "ok will do, thanks", "night night, early shift tmrw"
    if "rest" in cues and "social" in cues and top == "social" and not cues & {
        "did", "done_word", "walked", "pain", "qmark", "q_start", "how_are_you", "small_talk",
        "other_person", "resolved", "negated_symptom",
    }:
        return "rest"  # "no thanks, not today", "cheers but I'm giving it a miss"
    if (
        "rest_request_time" in cues and top == "question" and _ASKS_REST.search(text)
        and not _SHOULD.search(text)
    ):
        return "rest"  # "can I rest it till Monday?", "I'd like to take a week's break"
    if "score" in cues and top == "exercise" and not cues & (_ASKING | {"did", "count"}):
        return "pain"  # "sit to stands are ok, only a 2"
    if (
        "trend" in cues and top in ("question", "exercise") and len(text.split()) <= 10
        and not cues & (_ASKING | _DID_CUES | {"topic"})
    ):
        return "pain"  # "getting worse every day", "the clams made it a bit worse"
    if "what_if" in cues and top in ("exercise", "social", "rest") and not cues & (
        _DID_CUES | {"how_to_do"}
    ):
        return "question"  # "what if my leg goes numb during the clams?"
    if cues >= {"only_ache", "pain", "negated_symptom"} and top == "unknown":
        return "pain"  # "no sharp pain, just a dull ache": what is felt is the report
    if "thanks_for" in cues and top == "question" and not cues & {"qmark", "q_start", "q_mid"}:
        return "social"  # "you're a lifesaver, thanks for the reminders"
    if "pure_social" in cues and short and top in ("done", "exercise", "question") and not cues & {
        "qmark", "q_start", "q_mid", "request"
    }:
        return "social"  # "nice one", "good one 👍"
    if "elsewhere" in cues and top == "social" and "how_are_you" not in cues:
        return "unknown"  # "Happy birthday Aunty Sue!", "me and Barry at Blackpool"
    if (
        "small_talk" in cues and top in ("rest", "pain", "question", "done")
        and not cues & (_OTHER_ACTS | _SMALL_TALK_BUT) and not _AWAY.search(text)
    ):
        return "social"  # "the daffodils are out, spring at last", "our anniversary today"
    if "stray" in cues and top in ("undo", "social", "rest"):
        return "unknown"  # "the dog sat on my phone", "sorry, meant for my sister"
    if "done_chore" in cues and "pain" in cues and top in ("done", "unknown") and pick_score(
        text
    )[0] is not None:
        return "pain"  # "mum's hip is a 3 today, got her nails done": the pain is the report
    if "done_chore" in cues and "exercise" not in cues and top == "done" and not cues & {
        "walked", "count"
    } and not _DID_THEM.search(text):
        return "unknown"  # "done the washing, now for the hoovering": not an exercise
    if cues <= {"no_cue"} and _mostly_symbols(text):
        return "unknown"  # "{name} {0} %s": code or a template, not a greeting
    if (
        "asks_exercise" in cues and (cues & _ASKING or short)
        and top in ("pain", "unknown", "social")
        and not cues & {"done_word", "did", "rest", "undo", "rest_request"}
    ):
        return "exercise" if "exercise" in cues else "question"  # "something for stiff hips?"
    return None


def _rank(text: str) -> list[tuple[IntentKind, float]]:
    """Kinds with their confidence, best first; precise rules override the model."""
    feats = features(text)
    probs = _probabilities(feats)
    cues = {f[2:] for f in feats if f.startswith("r:") and "&" not in f}
    if "done_blocked" in cues and not cues & {"did", "walked", "count"}:
        probs["done"] = min(probs["done"], 0.01)  # "almost done", "not done yet": not a done
    ruled = _ruled(text, cues, probs)
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
