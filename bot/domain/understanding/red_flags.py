"""Red flags: symptoms that mean "stop exercising today and get checked".

Safety beats everything else the bot does, so the detector leans towards flagging:
a false alarm costs one day of exercise, a missed fall or a numb leg can cost far more.
Every match is explained (the category, the patient's own words, where they stand) and
qualified: "no fever", "I used to have numbness", "what if I fall", "my friend had a fall"
and "this weather is killing me" are found but are not live (``qualifiers``). Pure: no
``telegram``.

The phrasings live in ``red_flag_phrases*``; this module holds the flags, the safety
list, the urgency of what was said and the verdict:

- ``scan_red_flags(text)``: every hit (``reading.FlagHit``), live or qualified;
- ``detect_red_flags(text)``: the live flags, in ``RED_FLAGS`` order (memoised);
- ``ambiguous_red_flag(text)``: a vague maybe-flag to ask one question about;
- ``flag_by_id(id)``: a flag by its id, old ids of stored records included;
- ``prepared_message(text)``, ``urgency_of(category, prepared)``: the message as the scans
  read it, and a category's urgency in it, for the model's second opinion
  (``red_flag_review``, which ``interpret`` applies: it may turn the verdict into a question).
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, replace

from bot.domain.understanding import (
    red_flag_phrases_everyday,
    red_flag_phrases_everyday_msk,
    red_flag_phrases_indirect,
    red_flag_phrases_medical,
    red_flag_phrases_msk,
    red_flag_phrases_neuro,
    red_flag_phrases_spoken,
    red_flag_phrases_terse,
    red_flag_phrases_understated,
    red_flag_phrases_vascular,
)
from bot.domain.understanding import red_flag_triage_words as triage
from bot.domain.understanding.qualifiers import qualifier_at
from bot.domain.understanding.reading import FlagHit, Qualifier, Urgency
from bot.domain.understanding.red_flag_phrases import Prepared, Rule, prepare
from bot.domain.understanding.regex_gate import message_index, passing, word_starts

#: Telegram's longest message; the red-flag scan covers all of it.
MAX_SCAN_CHARS = 4096
#: Matches of one phrasing read per message: the same words over and over say nothing new.
MAX_MATCHES_PER_RULE = 12
#: How far either side of a phrase its sentence is read for vetoes.
_REACH = 300


@dataclass(frozen=True)
class RedFlag:
    """One red-flag category; ``emergency`` ones mean emergency services, not a clinic visit.

    ``urgency`` is the usual one; what a patient says can raise it (``FlagHit.urgency``).
    """

    id: str
    label: str  # patient-facing, after "You told me about:"; no "you": a relative may write
    urgency: Urgency

    @property
    def emergency(self) -> bool:
        """Whether this flag means emergency services now (``urgency == "emergency"``)."""
        return self.urgency == "emergency"


RED_FLAGS: tuple[RedFlag, ...] = (
    RedFlag("fracture_after_fall", "a fall, then bad pain or a leg that looks wrong",
            "emergency"),
    RedFlag("cannot_bear_weight", "not being able to put weight on the leg", "emergency"),
    RedFlag("infection", "a fever, chills or a hot, red, swollen hip", "same_day"),
    RedFlag("cauda_equina", "changes in bladder or bowel control, or numbness between "
            "the legs", "emergency"),
    RedFlag("neuro_deficit", "numbness, weakness or a dropping foot in the leg", "same_day"),
    RedFlag("cancer_weight_loss", "new pain with a history of cancer, or weight loss with no "
            "clear reason", "same_day"),
    RedFlag("night_pain_sweats", "pain that breaks sleep at night, or night sweats", "same_day"),
    RedFlag("dvt", "a hot, swollen or tender calf", "emergency"),
    RedFlag("pe", "chest pain, breathlessness or coughing blood", "emergency"),
    RedFlag("dislocation", "the hip popping out, or the leg suddenly shorter or turned",
            "emergency"),
    RedFlag("wound", "a wound that is red, weeping, smelly or opening", "same_day"),
    RedFlag("sudden_severe_pain", "sudden, severe pain", "emergency"),
)

_BY_ID: Mapping[str, RedFlag] = {flag.id: flag for flag in RED_FLAGS}
#: Ids stored by earlier versions, mapped to the closest category now.
OLD_IDS: Mapping[str, str] = {
    "fall": "fracture_after_fall",
    "leg_shortened": "fracture_after_fall",
    "hot_swollen_fever": "infection",
    "numbness": "neuro_deficit",
    "tingling": "neuro_deficit",
    "weakness": "neuro_deficit",
    "night_pain": "night_pain_sweats",
    "weight_loss": "cancer_weight_loss",
    "cancer_steroids": "cancer_weight_loss",
    "bladder_bowel": "cauda_equina",
}

#: The patient-facing safety list (onboarding, /help), read after "... if you have:".
#: Each warning sign in a few plain words, to list under "if you have:" (no instruction:
#: the list's heading says what to do, once for the emergencies and once for the rest).
SAFETY_SIGN_FOR: Mapping[str, str] = {
    "fracture_after_fall": "a fall, then bad pain, or a leg that looks shorter or turned",
    "cannot_bear_weight": "a leg you suddenly cannot put weight on",
    "dislocation": "a new hip that pops or clunks, then the leg will not move",
    "sudden_severe_pain": "sudden, severe pain for no reason",
    "cauda_equina": "changes in bladder or bowel control, or numbness between the legs",
    "dvt": "a hot, swollen, tender calf",
    "pe": "chest pain, breathlessness or coughing blood",
    "neuro_deficit": "numbness, weakness or a dragging foot (sudden: an emergency)",
    "infection": "fever or chills, or a hot, red, swollen hip or groin",
    "wound": "an operation wound that is red, hot, weeping, smelly or opening",
    "night_pain_sweats": "pain that wakes you whatever way you lie, or night sweats",
    "cancer_weight_loss": "weight loss without trying, or new pain after cancer",
}
_LINE_ORDER = (
    "fracture_after_fall", "dislocation", "cannot_bear_weight", "sudden_severe_pain",
    "cauda_equina", "dvt", "pe", "neuro_deficit", "infection", "wound", "night_pain_sweats",
    "cancer_weight_loss",
)

_RULES: tuple[Rule, ...] = (
    *red_flag_phrases_msk.RULES,
    *red_flag_phrases_neuro.RULES,
    *red_flag_phrases_medical.RULES,
    *red_flag_phrases_vascular.RULES,
    *red_flag_phrases_everyday.RULES,
    *red_flag_phrases_everyday_msk.RULES,
    *red_flag_phrases_spoken.RULES,
    *red_flag_phrases_spoken.RULES_TUNE10,
    *red_flag_phrases_spoken.RULES_TRIAGE,
    *red_flag_phrases_spoken.RULES_TUNE11,
    *red_flag_phrases_spoken.RULES_TUNE12,
    *red_flag_phrases_spoken.RULES_TUNE13,
    *red_flag_phrases_spoken.RULES_TUNE14,
    *red_flag_phrases_spoken.RULES_TUNE15,
    *red_flag_phrases_spoken.RULES_TUNE19,
    *red_flag_phrases_terse.RULES,
    *red_flag_phrases_understated.RULES,
    *red_flag_phrases_indirect.RULES,
    *red_flag_phrases_indirect.RULES_PASSING,
)
_AMBIGUOUS: tuple[Rule, ...] = (
    *red_flag_phrases_msk.AMBIGUOUS,
    *red_flag_phrases_neuro.AMBIGUOUS,
    *red_flag_phrases_medical.AMBIGUOUS,
    *red_flag_phrases_vascular.AMBIGUOUS,
)
_SENTENCE_END = re.compile(r"[.!?;]+(?=\s|$)|\n")


class _Sentences:
    """Where each sentence of a message begins and ends, found once."""

    def __init__(self, text: str) -> None:
        ends = [m.end() for m in _SENTENCE_END.finditer(text)]
        self.starts = [0, *ends]
        self.ends = [*ends, len(text)]

    def around(self, position: int) -> tuple[int, int]:
        index = bisect_right(self.starts, position) - 1
        return self.starts[index], self.ends[index]


def _hits_of(rule: Rule, prepared: Prepared, sentences: _Sentences
             ) -> list[tuple[int, int, Qualifier | None]]:
    """(start, end, qualifier) of each match of one rule in a prepared message."""
    text = prepared.text
    found: list[tuple[int, int, Qualifier | None]] = []
    vetoed: dict[tuple[int, int], bool] = {}
    for count, match in enumerate(rule.key.finditer(text)):
        if count >= MAX_MATCHES_PER_RULE:
            break  # the same words over and over say nothing new
        start, end = match.span()
        if start == end:
            continue
        low, high = sentences.around(start)
        if rule.subject is not None and rule.subject.search(text[max(low, start - 30) : start]):
            continue
        # a very long "sentence" (no full stops) is read only near the key
        near = (max(low, start - _REACH), min(high, end + _REACH))
        if near not in vetoed:
            sentence = text[near[0] : near[1]]
            vetoed[near] = bool(
                rule.unless is not None and rule.unless.search(sentence)
                and (rule.keep is None or not rule.keep.search(sentence))
            )
        if vetoed[near]:
            continue
        qualifier = qualifier_at(text, start, end, history=rule.history)
        if qualifier == "past" and _NOW_BEFORE.search(text, max(low, start - 40), start):
            qualifier = None  # "used to be my toes, but the last 2 weeks it's crept up"
        if rule.needs is not None:
            lo, hi = max(0, start - rule.window), min(len(text), end + rule.window)
            if rule.same_sentence:
                lo, hi = max(lo, low), min(hi, high)
            needs = [m for m in rule.needs.finditer(text, lo, hi)
                     if m.end() > m.start() and not (start <= m.start() and m.end() <= end)]
            if not needs:
                continue
            need_qualifiers = [_need_qualifier(rule, text, m, end) for m in needs]
            best = needs[need_qualifiers.index(None)] if None in need_qualifiers else needs[0]
            if qualifier is None and None not in need_qualifiers and not (
                    need_qualifiers[0] == "past" and needs[0].end() <= start
                    and _NOW_BEFORE.search(text, max(0, start - 40), start)) and not (
                    need_qualifiers[0] == "hypothetical" and needs[0].end() <= low):
                # (a need told as before, then the key as now, is the change: "numb only in
                # the thigh last month, now it went down to the shin"; so is a need asked
                # about in an earlier sentence: "could the slides cause numbness? it's crept
                # down from the knee to the ankle")
                qualifier = need_qualifiers[0]
            elif qualifier == "past" and None in need_qualifiers and best.start() >= end:
                qualifier = None  # "it had healed, but now it's weeping": now wins
            if max(end, best.end()) - min(start, best.start()) <= 120:
                start, end = min(start, best.start()), max(end, best.end())
        found.append((start, end, qualifier))
    return found


def _category(rule: Rule, text: str) -> str:
    if rule.category != "short_leg":
        return rule.category
    if triage.FALL_WORDS.search(text) or not triage.DISLOCATION_WORDS.search(text):
        return "fracture_after_fall"
    return "dislocation"  # a replaced hip, a clunk, a leg turned in


def _urgency(category: str, text: str) -> Urgency:
    """The category's usual urgency, raised or lowered by what the message says."""
    default = _BY_ID[category].urgency
    if category == "neuro_deficit":
        if triage.RECENT.search(text):
            return "emergency"
        if triage.GRADUAL.search(text):
            return "same_day"
        if triage.SUDDEN.search(text) or triage.SEVERE_DEFICIT.search(text):
            return "emergency"
        return "same_day"
    if category == "infection" and triage.VERY_UNWELL.search(text):
        return "emergency"
    if category == "cannot_bear_weight" and triage.GRADUAL.search(text):
        return "same_day"
    return default


#: "now" just before a key: what it tells is the change from what came before.
_NOW_BEFORE = re.compile(
    r"\b(?:now|since\s+then|these\s+days|lately|recently|this\s+(?:week|month)"
    r"|(?:the|these|over\s+the|in\s+the)\s+(?:last|past)\s+(?:few\s+|couple\s+(?:of\s+)?"
    r"|\d+\s+|two\s+|three\s+)?(?:days?|weeks?|months?)"
    # "I had a DVT in 2015 and this feels a bit like that did, calf hot": the sign is now
    r"|(?:this|it)\s+(?:feels|looks|is)\s+(?:\w+\s+){0,3}?(?:(?:like|the\s+same\s+as)\s+(?:that"
    r"|it|last\s+time|the\s+last\s+one|before)(?:\s+did|\s+was)?|the\s+same))\b[^.!?\n]{0,12}$"
)
#: Needed words that are themselves a denial ("no injury", "nothing set it off").
_DENIAL = re.compile(r"(?:no|not|never|nothing|without|didn'?t|hadn'?t|wasn'?t|weren'?t"
                     r"|haven'?t)\b")
_CLAUSE_END = re.compile(r"[.!?,;]|\b(?:and|but|now|then)\b")


def _need_qualifier(rule: Rule, text: str, need: re.Match[str], end: int) -> Qualifier | None:
    """Why a rule's needed words are no live report. After a history ("had breast cancer
    in 2016 and I have developed a deep ache"), only what follows the history's clause is
    read: its date dates the history, not the new pain."""
    if rule.history and need.start() >= end:
        cut = _CLAUSE_END.search(text, end, need.start())
        if cut is not None:
            return qualifier_at(text[cut.end():], need.start() - cut.end(),
                                need.end() - cut.end())
    qualifier = qualifier_at(text, *need.span(), since=end if need.start() >= end else 0)
    if qualifier == "negated" and _DENIAL.match(need.group()):
        return None  # "never like this, no injury": a denial of a cause is the point
    return qualifier


_GATES: dict[int, tuple[tuple[Rule, frozenset[str] | None], ...]] = {}


def _gated(rules: tuple[Rule, ...]) -> tuple[tuple[Rule, frozenset[str] | None], ...]:
    """Each rule with the word prefixes its key may start with, read once, on first use
    (kept by the table's identity: hashing two hundred rules per message would cost more)."""
    gated = _GATES.get(id(rules))
    if gated is None:
        gated = _GATES[id(rules)] = tuple((rule, word_starts(rule.key)) for rule in rules)
    return gated


def _scan(prepared: Prepared, rules: tuple[Rule, ...]) -> tuple[FlagHit, ...]:
    text = prepared.text
    sentences = _Sentences(text)
    index = message_index(text)
    best: dict[tuple[str, int], FlagHit] = {}
    spans: dict[tuple[str, int], int] = {}
    for rule in passing(_gated(rules), index):  # most rules: no word starts as their key
        if rule.key.search(text) is None:
            continue
        found = _hits_of(rule, prepared, sentences)
        if not found:
            continue  # most rules match nothing: the category and urgency are not needed
        category = _category(rule, text)
        urgency = _urgency(category, text)
        for start, end, qualifier in found:
            phrase, offset = prepared.quote(start, end)
            hit = FlagHit(category, urgency, phrase, offset, qualifier)
            key = (category, start)
            if key not in best or (hit.live and not best[key].live):
                best[key] = hit
                spans[key] = end
    cauda = [(s, spans[(c, s)]) for (c, s), h in best.items() if c == "cauda_equina" and h.live]
    hits = [
        hit for (category, start), hit in best.items()
        if not (category == "neuro_deficit" and hit.live
                and any(s <= start < e for s, e in cauda))
    ]
    return tuple(sorted(hits, key=lambda hit: (hit.start, RED_FLAGS.index(_BY_ID[hit.category]))))


@functools.lru_cache(maxsize=256)
def _prepared(text: str) -> Prepared:
    """The message prepared once for both scans (the flags, and the vague maybe-flags)."""
    return prepare(text)


@functools.lru_cache(maxsize=256)
def _scan_text(text: str) -> tuple[FlagHit, ...]:
    return _scan(_prepared(text), _RULES)


def prepared_message(text: str) -> Prepared:
    """The message as the scans read it (normalised, key words respelt), prepared once."""
    return _prepared(text[:MAX_SCAN_CHARS])


def urgency_of(category: str, prepared: Prepared) -> Urgency:
    """A category's urgency as the message's words raise or lower it."""
    return _urgency(category, prepared.text)


def scan_red_flags(text: str) -> tuple[FlagHit, ...]:
    """Every red-flag phrase in the message, live or not, in the order they appear.

    Each hit names its category, urgency, the patient's own words and where they start,
    and a qualifier (None when it is a live report about the patient, a relative writing
    for them included). Scans up to ``MAX_SCAN_CHARS`` characters.
    """
    return _scan_text(text[:MAX_SCAN_CHARS])


@functools.lru_cache(maxsize=64)
def detect_red_flags(text: str) -> tuple[RedFlag, ...]:
    """Every red flag the message reports now, in ``RED_FLAGS`` order; () when none.

    Memoised: every text message is screened by the red-flag handler and again by the
    intent classifier. Each flag carries the highest urgency its words call for.
    """
    urgencies: dict[str, Urgency] = {}
    for hit in scan_red_flags(text):
        if hit.live and urgencies.get(hit.category) != "emergency":
            urgencies[hit.category] = hit.urgency
    return tuple(
        flag if urgencies[flag.id] == flag.urgency else replace(flag, urgency=urgencies[flag.id])
        for flag in RED_FLAGS if flag.id in urgencies
    )


@functools.lru_cache(maxsize=64)
def ambiguous_red_flag(text: str) -> FlagHit | None:
    """A live phrase that might be a red flag but is too vague to call, or None.

    For "my leg feels weird since the op" the bot asks one yes/no question instead of
    guessing. None when the message reports a red flag outright (that wins) or nothing.
    """
    if detect_red_flags(text):
        return None
    hits = _scan(_prepared(text[:MAX_SCAN_CHARS]), _AMBIGUOUS)
    return next((hit for hit in hits if hit.live), None)


def safety_groups() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The warning signs in two lists, each sign once: those that need emergency services
    now, and those that need a clinician or doctor today (the lists' headings say which,
    once each, so no line repeats an instruction)."""
    emergency = tuple(SAFETY_SIGN_FOR[f] for f in _LINE_ORDER if flag_by_id(f).emergency)
    same_day = tuple(SAFETY_SIGN_FOR[f] for f in _LINE_ORDER if not flag_by_id(f).emergency)
    return emergency, same_day


def flag_by_id(flag_id: str) -> RedFlag:
    """Look a flag up by id, old ids of stored records included (``OLD_IDS``)."""
    return _BY_ID[OLD_IDS.get(flag_id, flag_id)]
