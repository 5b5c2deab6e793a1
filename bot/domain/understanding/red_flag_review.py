"""The model's second opinion on the rules' red-flag verdict: mostly it may only ask.

When a message is ambiguous the bot asks one yes/no question instead of guessing either
way (``policy.decide``: ``AskFlag``; "yes" is stop-and-seek-care and the alert). The
phrase rules (``red_flags``) decide; the model (``red_flag_model``) is heard in two
places only:

- the rules find nothing live and nothing vague to ask about, but the model's score is
  at least ``ask_from`` (``ask_from_qualified`` when the rules did find the words and
  a reason they are not live: "no fever", "my friend fell"): ask about the category the
  model names ("model"), unless the message is a short one whose only news is a pain
  score ("hip is 3/10 this morning", "my pain is 9 today": ``SCORE_WORDS``): a mild one is
  a routine report, and a high one gets the pain model's own red-flag screen
  (``policy``: ``screening``, ``red_flag_check``);
- the rules find a live flag, the message has a qualifier cue (a negator, a third
  person, a time gone by, a supposition, a figure of speech: ``qualifiers.cues``), no
  emergency hit is said to be happening now ("today", "since this morning":
  ``qualifiers.said_now``), the model's score is below ``doubt_below`` and words of the
  message weigh against a live flag (``DOUBT_WORDS``: not the bias alone): ask instead
  of alarming ("model_doubt"). A message with no qualifier cue at all is never doubted,
  whatever the model says; nor is a long one whose live hits' own sentences hold no cue
  and score at least ``doubt_below`` (``sign_sentences``): in a carer's day report the
  meals, the walk and "tomorrow" outweigh "her calf on the op leg looks puffy and hot",
  and say nothing about it;
- the rules found the words of a red flag and a reason they are not live ("is it ok to
  do the bridges when the wound is weeping?" read as a supposition), or only a vague
  hit of their own to ask about, but the model is sure the sign is there (``alarm_from``,
  chosen so that cross-validated it alarms on almost no message that is not a red flag,
  and never below a probability of ``MIN_SURE``): the rules' hit stands as an alarm
  ("model_sure"), with the rules' phrase and concept;
- the rules found nothing at all, and the model is as sure (``alarm_from``) and names a
  sign in a word of its own (the same test as for asking: not a word like "hip" or
  "today", weighing ``ASK_EVIDENCE`` alone): an alarm ("model_alone") for the category
  the model names, quoting that word and the words that weighed most. On five fresh
  batches written in lay words, measured before they were learnt from, this alarmed 8
  of the 23 red flags the rules missed (they were asked about before) and no other row.

So the model can turn nothing into a question or, when sure, an alarm; an alarm into a
question; or the rules' own qualified or vague words into an alarm; never an alarm into
nothing. Each question or alarm it causes names the concept and the words that weighed
most (``FlagHit.evidence``). The thresholds were chosen by 5-fold cross-validation
(``tests/domain/understanding/train_red_flag_model.py``).
Pure: no ``telegram``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from bot.domain.understanding.negation import NEGATORS
from bot.domain.understanding.pain_reading import parse_pain, pick_score
from bot.domain.understanding.qualifiers import cues, said_now
from bot.domain.understanding.reading import FlagHit
from bot.domain.understanding.red_flag_generic_words import GENERIC_WORDS
from bot.domain.understanding.red_flag_hedges import HEDGES
from bot.domain.understanding.red_flag_model import DOUBT_WORDS, EVIDENCE, RedFlagModel, load
from bot.domain.understanding.red_flag_phrases import (
    NOT_A_BODY_AWFUL,
    NOT_A_BODY_SLIP,
    Prepared,
)
from bot.domain.understanding.red_flag_phrases_people import TOKEN
from bot.domain.understanding.red_flags import prepared_message, scan_red_flags, urgency_of

#: The model asks only when one word (or pair) of the message weighs at least this much
#: towards a red flag on its own (1.1 log-odds; 99 % of the training red flags have one):
#: "something for tight hips" adds up to a score from many weak words, and is not asked.
ASK_EVIDENCE = 11_000
#: Words the rules excuse as no sign ("pollen's been horrendous", "my thumb slipped"): the
#: model does not ask about them either.
_EXCUSED = re.compile(f"{NOT_A_BODY_SLIP}|{NOT_A_BODY_AWFUL}")
#: A message this long with this few different words is a paste or a stuck key.
_REPEAT_WORDS, _DISTINCT_WORDS = 12, 3


def _repetitive(clean: str) -> bool:
    words = clean.split()
    return len(words) >= _REPEAT_WORDS and len(set(words)) <= _DISTINCT_WORDS


#: A pain score in a message this short is its news: the model never asks about it on its
#: own (the rules still read every word of it). A score of 6 or more is screened for red
#: flags by the pain model itself; asking first would only come between the two.
SCORE_WORDS = 10
#: A number too long to be a score, just after the pain ("pain 99999", "pain 1e9"):
#: answered as out of range (not "pain since 2023").
_LONG_NUMBER = re.compile(
    r"\b(?:pain|hip|score)\s+(?:is\s+|at\s+|of\s+)?(?:\d{3,}|\d+(?:[.,]\d+)?e[+-]?\d+)\b"
)


def _score_only(clean: str) -> bool:
    """Whether ``clean`` is a short message whose only news is a pain score."""
    if len(clean.split()) > SCORE_WORDS:
        return False
    found, score = parse_pain(clean)
    if (found and score is not None) or _LONG_NUMBER.search(clean):
        return True
    return pick_score(clean)[0] is not None  # "hip is a 2 this morning", "pain 15"


#: What becomes of a message's red-flag reading.
Verdict = Literal[
    "alarm", "alarm_model", "alarm_alone", "ask_rules", "ask_model", "ask_doubt", "none"
]


@dataclass(frozen=True)
class RulesView:
    """What the rules made of a message, as the second opinion weighs it."""

    live: bool  # a live hit: an alarm, unless doubted
    doubtable: bool  # live, with a qualifier cue, and no emergency hit said to be now
    asks: bool  # nothing live, but the rules' own vague hit to ask about
    qualified: bool  # hits, none live: the rules read the words and a reason


def _span(prepared: Prepared, hit: FlagHit) -> tuple[int, int]:
    """Where a hit's words stand in the prepared text."""
    if prepared.origin is None:
        return hit.start, hit.start + len(hit.phrase)
    origin = prepared.origin
    return bisect_left(origin, hit.start), bisect_left(origin, hit.start + len(hit.phrase))


#: The patient's own operated leg named ("the op leg", "the operated side"), or the patient
#: named as the one a carer looks after ("the gentleman I care for", "my client"): whoever
#: "he" or "she" is, the rules already read the sign as the patient's (not "my friend's new
#: hip", someone else's operation).
_PATIENT_NAMED = re.compile(
    r"\bthe\s+(?:op|operated)\s+(?:leg|hip|side)\b"
    r"|(?<!another\s)(?<!other\s)\b(?:gentleman|gent|lady|man|woman|client|resident|person)\s+"
    r"(?:i|we)\s+(?:care\s+for|look\s+after|visit|support)\b|\bmy\s+client\b"
    # "I'm my brother's carer", "I care for my mum"
    r"|\b(?:i'?m|im|i\s+am)\s+(?:my\s+)?\w+'?s\s+(?:main\s+|full[\s-]time\s+)?carer\b"
    r"|\bi\s+(?:care\s+for|look\s+after)\s+my\s+(?:mum|mom|dad|husband|wife|brother|sister"
    r"|son|daughter|partner|mother|father|nan|gran|grandad|grandma|grandpa|aunt|uncle)\b"
)


#: Words a live hit may hold as its own: the "can't" of "can't stand on it", the "had" of
#: "I've had an accident with my bowels" (round 32), not a denial or a time gone by.
_HIT_OWN = NEGATORS | {"had"}


def _doubt_cues(text: str, spans: Sequence[tuple[int, int]] = ()) -> frozenset[str]:
    """The qualifier cues that let the model doubt a live hit (hedges about telling left out,
    and the negators inside the live hits: the "can't" of "can't stand on it" is the sign;
    a third person left out when the patient is named: "the op leg", "the man I care for")."""
    text = HEDGES.sub(lambda m: " " * len(m[0]), text)  # the same length: spans still fit
    for start, end in spans:
        inside = TOKEN.sub(lambda m: " " * len(m[0]) if m[0] in _HIT_OWN else m[0],
                           text[start:end])
        text = text[:start] + inside + text[end:]
    found = cues(text)
    if _PATIENT_NAMED.search(text):
        return found - {"other_person"}
    return found


def _live_spans(prepared: Prepared, flags: Sequence[FlagHit]) -> list[tuple[int, int]]:
    return [_span(prepared, hit) for hit in flags if hit.live]


#: Where a sentence ends, for ``sign_sentences``.
_SENTENCE_END = re.compile(r"\n+|[.!?]+(?=\s|$)")  # not the point of "38.2"
#: Cues the rules weigh for each hit: a live hit has been read past them.
_WEIGHED_CUES = frozenset({"negated", "other_person"})
#: A message of fewer sentences is weighed whole: the sign's own sentence is most of it.
_SIGN_SENTENCES_FROM = 3


def sign_sentences(clean: str, spans: Sequence[tuple[int, int]]) -> str | None:
    """The sentences of a long message (``_SIGN_SENTENCES_FROM``) that hold the live hits
    at ``spans``, from the first one's to the last one's, when no cue of a supposition, a
    time gone by or a figure of speech stands in them (``_doubt_cues``; a negator or a
    third person the rules already weighed: the hit is live): the cue that made the
    message doubtable is elsewhere, in the day's news. None otherwise. Of the 461 rule
    hits the model doubted in every tuning set (13 of them red flags), this let 7 red
    flags through and no other message; from 2 sentences, 4 others would have gone
    through, and with every cue counted only 4 red flags."""
    if not spans:
        return None
    ends = [m.end() for m in _SENTENCE_END.finditer(clean)]
    if len([e for e in ends if clean[e:].strip()]) + 1 < _SIGN_SENTENCES_FROM:
        return None
    first, last = min(s for s, _ in spans), max(e for _, e in spans)
    start = max((e for e in ends if e <= first), default=0)
    end = min((e for e in ends if e >= last), default=len(clean))
    local = clean[start:end]
    if not clean[:start].strip() and not clean[end:].strip():
        return None
    inside = [(s - start, e - start) for s, e in spans if start <= s < end]
    if _doubt_cues(local, inside) - _WEIGHED_CUES:
        return None
    return local


def live_spans(text: str, prepared: Prepared | None = None,
               flags: Sequence[FlagHit] | None = None) -> list[tuple[int, int]]:
    """Where the rules' live hits of ``text`` stand in its prepared text (``prepared`` and
    ``flags``: the text's own, already computed)."""
    return _live_spans(prepared or prepared_message(text),
                       scan_red_flags(text) if flags is None else flags)


#: A live fever hit that is a reading ("a temp of 38.4"): a supposition or a denial beside
#: it ("ok to stretch or should I leave them?") is about what to do, not a doubt of it.
_FEVER_READING = re.compile(r"\b(?:3[89]|40|10[0-4])(?:[.,]\d)?\b")


def rules_view(prepared: Prepared, flags: Sequence[FlagHit], ask: FlagHit | None
               ) -> RulesView:
    live = [hit for hit in flags if hit.live]
    spans = _live_spans(prepared, live)
    doubts = _doubt_cues(prepared.text, spans) if live else frozenset()  # lazily: it is slow
    if doubts and doubts <= {"hypothetical", "negated"} and any(
            hit.category == "infection" and _FEVER_READING.search(hit.phrase) for hit in live):
        doubts = frozenset()
    doubtable = bool(doubts) and not any(
        said_now(prepared.text, *_span(prepared, hit))
        for hit in live if hit.urgency == "emergency"
    )
    return RulesView(bool(live), doubtable, not live and ask is not None,
                     not live and bool(flags))


def verdict(rules: RulesView, logit: int | None, against: int, model: RedFlagModel,
            asking: bool = False, local: int | None = None) -> Verdict:
    """The rule of the module docstring (``logit`` None: not scored; ``against``: how
    much the words against a live flag weigh, ``RedFlagModel.against``; ``asking``: the
    message reads as a request or a question, so the model needs the higher score;
    ``local``: the score of the live hits' own sentences, None when they are the whole
    message)."""
    if rules.live:
        if (rules.doubtable and logit is not None and logit < model.doubt_below
                and (local is None or local < model.doubt_below)
                and against >= DOUBT_WORDS):
            return "ask_doubt"
        return "alarm"
    if logit is not None and logit >= model.alarm_from:
        return "alarm_model" if rules.asks or rules.qualified else "alarm_alone"
    if rules.asks:
        return "ask_rules"
    floor = model.ask_from_qualified if rules.qualified or asking else model.ask_from
    if logit is not None and logit >= floor:
        return "ask_model"
    return "none"


#: Where a clause ends: a stop, a comma, a dash or a line break.
_CLAUSE_END = re.compile(r"[.,;:!?\n]|\s[-\u2013\u2014]\s")
#: A quoted clause is cut to this many characters either side of the word.
_CLAUSE_REACH = 60


def _clause(clean: str, start: int, end: int) -> tuple[int, int]:
    """The clause of ``clean`` around ``start:end`` ("cant catch my breath at all and my
    chest is tight"), so an alarm the model raised quotes more than one word."""
    left = max(start - _CLAUSE_REACH, 0)
    before = list(_CLAUSE_END.finditer(clean, left, start))
    begin = before[-1].end() if before else left
    after = _CLAUSE_END.search(clean, end, min(end + _CLAUSE_REACH, len(clean)))
    finish = after.start() if after else min(end + _CLAUSE_REACH, len(clean))
    while begin < start and clean[begin].isspace():
        begin += 1
    while finish > end and clean[finish - 1].isspace():
        finish -= 1
    return begin, finish


def _most_urgent(hits: Sequence[FlagHit]) -> FlagHit:
    return min(hits, key=lambda hit: (hit.urgency != "emergency", hit.start))


#: A death told: the signs the model alone finds there are more likely the one who died.
_DEATH = re.compile(
    r"\b(?:passed\s+away|passed\s+on|died|funeral|bereave\w*|lost\s+(?:my|our|her|his)\s+"
    r"(?:husband|wife|mum|mom|dad|son|daughter|brother|sister|partner))\b"
)


def second_opinion(
    text: str, flags: tuple[FlagHit, ...], ask: FlagHit | None, asking: bool = False
) -> tuple[tuple[FlagHit, ...], FlagHit | None]:
    """The rules' hits and vague hit of ``text``, reviewed (see the module docstring).

    ``asking``: the message's likeliest meaning is a request for an exercise or a
    question about the programme ("something for tight hips"): the model asks about it
    only from ``ask_from_qualified``, as for words the rules already ruled out.

    Returns the hits (doubted ones marked "unsure", so not live) and the hit to ask
    about, if any. Without the model's weights, the rules' verdict stands.
    """
    model = load()
    if model is None:
        return flags, ask
    prepared = prepared_message(text)
    clean = prepared.text
    rules = rules_view(prepared, flags, ask)
    if rules.live and not rules.doubtable:
        return flags, ask  # nothing for the model to say: skip scoring
    logit = model.logit(clean)
    spans = _live_spans(prepared, flags)
    doubting = rules.live and logit < model.doubt_below
    against = model.against(clean, spans) if doubting else 0
    local_text = sign_sentences(clean, spans) if doubting else None
    local = None if local_text is None else model.logit(local_text)
    said = verdict(rules, logit, against, model, asking, local)
    if said == "ask_doubt":
        live = [hit for hit in flags if hit.live]
        words = model.evidence(clean, live=False)
        doubted = tuple(replace(hit, qualifier="unsure") if hit.live else hit for hit in flags)
        return doubted, replace(_most_urgent(live), source="model_doubt",
                                evidence=tuple(item.words for item in words))
    if said == "alarm_model":
        sure_words = tuple(item.words for item in model.evidence(clean, live=True))
        if rules.asks and ask is not None:
            return (*flags, replace(ask, qualifier=None, source="model_sure",
                                    evidence=sure_words)), None
        sure = _most_urgent(flags)
        return tuple(replace(hit, qualifier=None, source="model_sure", evidence=sure_words)
                     if hit is sure else hit for hit in flags), None
    if said not in ("ask_model", "alarm_alone"):
        return flags, ask
    if _score_only(clean):
        return flags, ask  # "hip is 3/10 this morning": a score and little else
    towards = model.evidence(clean, live=True, most=None)  # all, to find a named sign
    excused = [m.span() for m in _EXCUSED.finditer(clean)]
    named = [item for item in towards if not set(item.words.split()) <= GENERIC_WORDS
             and not any(s <= item.start and item.end <= e for s, e in excused)]
    if not named or named[0].weight < ASK_EVIDENCE or _repetitive(clean):
        return flags, ask  # many weak words, one word over and over, or no sign named
    category = model.category(clean)
    evidence = tuple(item.words for item in towards[:EVIDENCE])
    if said == "alarm_alone" and _DEATH.search(clean):
        said = "ask_model"  # "my husband passed away, very sudden in the end": news, asked
    if said == "alarm_alone":  # quote the clause around the word, for the clinician
        phrase, start = prepared.quote(*_clause(clean, named[0].start, named[0].end))
        return (*flags, FlagHit(category, urgency_of(category, prepared), phrase, start, None,
                                "model_alone", evidence)), None
    phrase, start = prepared.quote(named[0].start, named[0].end)
    return flags, FlagHit(category, urgency_of(category, prepared), phrase, start, None,
                          "model", evidence)
