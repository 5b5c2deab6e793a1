"""Precise rules that override the intent model where they are sure of a kind.

The model ranks kinds from words and cues; these rules know shapes it weighs too
lightly: a bare "7" is a pain score, "how far back can I undo?" asks about Undo, "done
the washing" is not an exercise. ``meaning`` calls ``ruled_kind`` after the model. Pure.
"""

from __future__ import annotations

import re

from bot.domain.understanding.cue_topics import ACHE
from bot.domain.understanding.pain_reading import alone_score, pick_score
from bot.domain.understanding.reading import IntentKind

#: "I'm falling behind with my exercises": a worry about missed days (an FAQ), not a done.
_BEHIND = re.compile(
    r"\b(?:fall(?:ing|en)?|fell|got|getting|gotten|am|i'?m|im|so|bit|way)\s+behind\s+(?:with|on)\b"
    r"|\bfell\s+off\s+the\s+wagon\b"
)
_SCALE_SCORE = re.compile(r"(?<![\w.])-?\d+(?:[.,]\d+)?\s*(?:/|out of|outta)\s*(?:10|ten)\b")
_SMALL_TALK_BUT = frozenset({"pain", "score", "number", "q_start", "off_topic"})
_AWAY = re.compile(r"\b(?:off|break|away|back (?:next|on|in)|visiting)\b")
_GOOD_ONE = re.compile(
    r"(?:(?:oh|ah|ha|haha|ok|yes|yeah),? )?(?:nice|good|great|top|lovely|brilliant|fab|cracking)"
    r" one(?: (?:mate|pal|love|bot))?\W*"
)
_ASKS_REST = re.compile(
    r"\b(?:(?:can|could|may) (?:i|we) (?:just |please )?(?:rest|skip|have|take|miss|pause)"
    r"|i'?d like to (?:take|have|skip|rest|pause)|if i (?:could|can|might) (?:have|take|skip|miss)"
    r"|if i skipped)\b"
)
_SHOULD = re.compile(r"\b(?:should|better|best|ok to|okay to|safe|wise|harm)\b")
_REST_NOW = re.compile(r"\b(?:resting|rest day|day off|a break|a rest|skipping|skip)\b")
_CONDITION = re.compile(r"\b(?:if|when|whether)\b")
#: How the hip feels, in words the pain cue leaves to the model ("creakier", "stiff").
_FELT = re.compile(
    r"\b(?:stiff\w*|creak\w*|sore\w*|twing\w*|niggl\w*|grumbl\w*)\b|\b" + ACHE
)
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


def ruled_kind(text: str, cues: set[str], probs: dict[IntentKind, float]) -> IntentKind | None:
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
    if "rhetorical" in cues and top == "question":  # "would you believe it, 10 sit to stands"
        if cues & _DID_CUES and not cues & {"not_done", "future"}:
            return "done"
        if cues & {"pain", "trend", "pain_free", "score"} or _FELT.search(text):
            return "pain"
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
