"""Qualifiers: whether a phrase is the patient's own report now, or something else.

"No numbness" (negated), "I used to have numbness" (past), "what if I fall" (hypothetical),
"my friend had a fall" (other person) and "this weather is killing me" (figurative) all
use the words of a report without being one. ``qualifier_at`` reads the words around any
phrase of a message, red flag or not ("my husband did his bridges"), and says which
applies, if any. Pure: no ``telegram``.

The writer talks to their own hip coach, so "I" is the patient, and so is a parent or
partner a relative writes about ("Mum can't feel her legs"): a third person is "other"
only when the message says so (a friend or neighbour, "so I'm skipping today", "will
mine be the same?", "not me").
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from dataclasses import dataclass

from bot.domain.understanding import red_flag_phrases_context as when
from bot.domain.understanding import red_flag_phrases_figurative as figures
from bot.domain.understanding import red_flag_phrases_people as who
from bot.domain.understanding.negation import NEGATORS, clause_start_of, clause_starts, is_denied
from bot.domain.understanding.people_refs import Ref, people_refs
from bot.domain.understanding.reading import Qualifier

Span = tuple[int, int]

#: Where a comma-or-"and" segment of a sentence begins: who a phrase is about, and how
#: far a "years ago" reaches, are read segment by segment.
_SEGMENT = re.compile(r"[,:()]+|\s(?:and|but|so|then|now|cos|because|while|whilst)\s")


@dataclass(frozen=True)
class _Reading:
    """What ``qualifier_at`` needs to know about a whole message, worked out once."""

    sentences: tuple[Span, ...]
    sentence_starts: tuple[int, ...]
    segment_starts: tuple[int, ...]
    clauses: tuple[int, ...]
    idioms: tuple[Span, ...]
    forward: tuple[Span, ...]  # hypothetical cues reaching forward to the sentence end
    modal: tuple[Span, ...]  # hypothetical cues reaching forward to their segment end
    whole: tuple[Span, ...]  # hypothetical cues covering their whole sentence
    remote: tuple[Span, ...]  # "years ago", "used to"
    recalled: tuple[int, ...]  # "but that was a month ago", after the sign
    dated: tuple[int, ...]  # "started yesterday", "2 hours now": what is asked is happening
    resolved: tuple[Span, ...]  # "gone now", "fine since"
    ongoing: tuple[int, ...]  # "... and it still is"
    now: tuple[int, ...]  # "now", "today", "since yesterday"
    stops: tuple[int, ...]  # where a hypothetical's reach ends ("but", "right now")
    refs: tuple[Ref, ...]
    operations: tuple[int, ...]  # where an operation is mentioned
    writing_for: bool
    for_someone: bool  # "Mum did her bridges": the writer is not the one exercising
    own: tuple[int, ...]  # "my own", "I've got", "I'm limping myself"
    patient_word: str | None
    strong_other: bool
    weak_other: bool
    patient_cue: bool
    same_to_me: tuple[int, ...]  # "now mine's done the same": it happens to the writer now
    firsts: tuple[int, ...]  # where the writer speaks of themselves ("i", "my", "me")

    def dated_operation(self, position: int) -> bool:
        """Whether the segment at ``position`` names an operation ("had my op in 2019")."""
        index = max(bisect_right(self.segment_starts, position) - 1, 0)
        low = self.segment_starts[index]
        high = self.segment_starts[index + 1] if index + 1 < len(self.segment_starts) else 1 << 30
        return any(low <= op < high for op in self.operations)


def _spans(pattern: re.Pattern[str], text: str) -> tuple[Span, ...]:
    return tuple(m.span() for m in pattern.finditer(text))


def _sentences(text: str) -> tuple[Span, ...]:
    ends = [m.end() for m in when.SENTENCE_END.finditer(text)]
    starts = [0, *ends]
    return tuple(
        (start, end) for start, end in zip(starts, [*ends, len(text)], strict=True)
        if end > start
    )


def _not_supposing(text: str, position: int, sentences: tuple[Span, ...]) -> bool:
    """Whether the cue at ``position`` supposes nothing: "not sure if", "still do it if my
    wound's leaking", a sentence that neither asks nor plans ("if I try to stand...")."""
    if when.not_supposed_at(text, position):
        return True
    low, high = next(((s, e) for s, e in sentences if s <= position < e), (0, len(text)))
    return when.ASKING.search(text, low, high) is None


@functools.lru_cache(maxsize=256)
def _read(text: str) -> _Reading:
    sentences = _sentences(text)
    sentence_starts = tuple(s for s, _ in sentences) or (0,)
    segment_starts = tuple(sorted({*sentence_starts, *(m.end() for m in _SEGMENT.finditer(text))}))
    resolved = _spans(when.RESOLVED, text)
    remote = tuple(span for span in _spans(when.REMOTE, text)  # not "his op was last month"
                   if not when.OPERATION_WAS.search(text, max(0, span[0] - 40), span[0]))
    now = tuple(
        m.start() for m in when.NOW.finditer(text)  # not "gone now", "years ago now"
        if not any(s <= m.start() <= e + 1 for s, e in (*resolved, *remote))
    )
    writing = who.WRITING_FOR.search(text)
    patient_word = None
    if writing:
        word = next((g for g in writing.groups() if g), None)
        patient_word = who.stem(word) if word and who.person_kind(word) else None
    forward = tuple(sorted(
        [m.span() for m in when.FORWARD.finditer(text)
         if not when.OK_WHILE.match(text, m.start())]
        + [m.span() for m in when.GATED.finditer(text)
           if not _not_supposing(text, m.start(), sentences)]
    ))
    return _Reading(
        sentences=sentences,
        sentence_starts=sentence_starts,
        segment_starts=segment_starts,
        clauses=tuple(clause_starts(text)),
        idioms=(*_spans(figures.IDIOMS, text), *(
            m.span() for m in figures.KILLING.finditer(text)
            if not figures.BODY_BEFORE.search(text[max(0, m.start() - 40) : m.start()])
        )),
        forward=forward,
        modal=_spans(when.MODAL, text),
        whole=tuple((m.start() + len(m.group()) - len(m.group().lstrip(".!?\n\t ")), m.end())
                    for m in when.WHOLE.finditer(text)),  # from the sentence's first word
        remote=remote,
        recalled=tuple(m.start() for m in when.RECALLED.finditer(text)),
        dated=tuple(m.start() for m in when.DATED.finditer(text)),
        resolved=resolved,
        ongoing=tuple(m.start() for m in when.ONGOING.finditer(text)),
        now=now,
        stops=tuple(m.start() for m in when.STOP.finditer(text)),
        refs=people_refs(text, segment_starts, who.CARER.search(text) is not None),
        operations=tuple(m.start() for m in when.OPERATION.finditer(text)),
        writing_for=writing is not None,
        for_someone=who.FOR_SOMEONE.search(text) is not None,
        own=tuple(m.start() for m in who.OWN.finditer(text)),
        patient_word=patient_word,
        strong_other=who.STRONG_OTHER.search(text) is not None,
        weak_other=who.WEAK_OTHER.search(text) is not None,
        patient_cue=who.PATIENT_CUE.search(text) is not None,
        same_to_me=tuple(m.start() for m in who.SAME_TO_ME.finditer(text)),
        firsts=tuple(m.start() for m in who.FIRST_PERSON.finditer(text)),
    )


def _within(starts: tuple[int, ...], position: int, length: int) -> Span:
    """The span of ``starts`` that holds ``position`` (ends where the next begins)."""
    index = max(bisect_right(starts, position) - 1, 0)
    end = starts[index + 1] if index + 1 < len(starts) else length
    return starts[index], end


def _negated(text: str, reading: _Reading, start: int, end: int, since: int) -> bool:
    clause = max(clause_start_of(list(reading.clauses), start), since)
    return is_denied(text, start, end, clause_start=clause)


def _next_sentence_end(reading: _Reading, position: int, length: int) -> int:
    """Where the sentence after the one holding ``position`` ends."""
    _, high = _within(reading.sentence_starts, position, length)
    return _within(reading.sentence_starts, high, length)[1] if high < length else high


def _hypothetical(reading: _Reading, start: int, length: int) -> bool:
    low, high = _within(reading.sentence_starts, start, length)
    if reading.dated:
        after = _next_sentence_end(reading, start, length)
        if any(low <= d < after for d in reading.dated):
            # "should I worry if my leg went numb? 2 hours now", "ok to skip today, since
            # this morning my foot keeps slapping": it is happening
            return False
    if any(low <= s < high for s, _ in reading.whole):
        return True
    for s, e in reading.forward:
        if low <= s and e <= start and not any(e <= stop < start for stop in reading.stops):
            return True
    seg_low, _ = _within(reading.segment_starts, start, length)
    return any(seg_low <= s and e <= start for s, e in reading.modal)


def _past(reading: _Reading, start: int, end: int, length: int) -> bool:
    low, high = _within(reading.sentence_starts, start, length)
    seg_low, seg_high = _within(reading.segment_starts, start, length)
    seg_high = max(seg_high, end)
    own_now = any(seg_low <= n < seg_high and not start <= n < end for n in reading.now)
    if any(end <= n < high for n in reading.ongoing):
        return False  # "went numb right after the op and it still is"

    def blocked(left: int, right: int) -> bool:
        return any(left <= n < right and not start <= n < end for n in reading.now)

    for s, e in reading.remote:  # "years ago": its own segment, and later ones
        if not low <= s < high or blocked(min(e, start), max(s, end)):
            continue
        if seg_low <= s < seg_high:
            return True
        if e <= start and not own_now and not reading.dated_operation(s):
            return True
    if any(end <= r < high and not blocked(end, r) for r in reading.recalled):
        return True  # "couldn't stand on it, but that was a month ago"
    for s, e in reading.resolved:  # "gone now" reaches back over its sentence
        if low <= s < high and not own_now:
            left, right = (e, start) if e <= start else (end, s)
            if not blocked(left, right):
                return True
    # "Fell last year. Fine since." - a resolution opening the next sentence.
    following = next((s for s in reading.sentences if s[0] >= high), None)
    if following is not None and not own_now:
        return any(following[0] <= s < following[0] + 12 for s, _ in reading.resolved)
    return False


#: How near after a phrase "my <body>" names its owner ("pain in my hip").
_OWNER = 30


def _subject(reading: _Reading, start: int, end: int, length: int) -> Ref | None:
    """Who the phrase is about: the last person named in its segment, else the last one
    before it who is not an object (in its sentence, then earlier); None for the writer."""
    low, high = _within(reading.sentence_starts, start, length)
    seg_low, seg_high = _within(reading.segment_starts, start, length)
    in_segment = [r for r in reading.refs if seg_low <= r.start < end]
    if in_segment:
        return in_segment[-1]
    if any(r.kind == "first" and r.word == "my" and end <= r.start < min(seg_high, end + _OWNER)
           for r in reading.refs):
        return None  # "... bam, out of the blue stabbing pain in my hip": the writer's
    earlier = [r for r in reading.refs if r.start < seg_low
               and (r.subject or r.kind in ("first", "pronoun"))]  # not "picked up my grandson"
    in_sentence = [r for r in earlier if r.start >= low]
    if not in_sentence and any(r.kind == "first" and low <= r.start < high for r in reading.refs):
        return None  # "she said message you. both legs weak and numb in my privates"
    if not in_sentence and earlier:  # "Kids are off school. Did my walk. The cut's opened"
        _, after = _within(reading.sentence_starts, earlier[-1].start, length)
        if any(after <= f < low for f in reading.firsts):
            return None
    candidates = in_sentence or earlier
    if not in_sentence and candidates and candidates[-1].word in who.ANIMALS:
        return None  # "the dog's going up the walls. Fell off the stepladder": the writer
    return candidates[-1] if candidates else None


def _third_person(reading: _Reading, start: int, end: int, length: int) -> Ref | None:
    """The person (not the writer) the phrase is about, or None."""
    subject = _subject(reading, start, end, length)
    if subject is None or subject.kind == "first":
        return None
    if subject.kind == "pronoun":
        return _antecedent(reading, subject)
    return subject


def _antecedent(reading: _Reading, pronoun: Ref) -> Ref:
    """The person a "she" or "his" stands for: the last one named before it that fits."""
    sex = who.sex(pronoun.word)
    return next(
        (r for r in reversed(reading.refs) if r.start < pronoun.start
         and r.kind in ("patient", "other") and r.word not in who.ANIMALS
         and who.sex(r.word) in (sex, "")),
        pronoun,
    )


def _other_person(reading: _Reading, start: int, end: int, length: int) -> bool:
    """Whether the phrase is about someone who is not the patient, or is the writer's own
    complaint in a message they write for the patient."""
    person = _third_person(reading, start, end, length)
    if person is None:
        return _writers_own(reading, start, length)
    if reading.strong_other:
        return True
    if reading.writing_for:
        if person.kind == "other" and person.word in who.CARED:
            return True  # a carer's "another resident": not the one they write for
        named = person.kind in ("patient", "other")
        return named and reading.patient_word is not None and person.word != reading.patient_word
    if person.kind == "other":  # unless kin whose own hip operation the message names
        return not (reading.patient_cue and not reading.weak_other and person.word in who.KIN)
    return reading.weak_other and not reading.patient_cue


def _writers_own(reading: _Reading, start: int, length: int) -> bool:
    """Whether the writer's own phrase is a complaint of their own in a message written for
    the patient ("Mum did her bridges. I've got flu myself")."""
    if not (reading.for_someone or reading.patient_word is not None):
        return False
    low, high = _within(reading.sentence_starts, start, length)
    return any(low <= s < high for s in reading.own)


def _figurative(reading: _Reading, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in reading.idioms)


def qualifier_at(
    clean_text: str, start: int, end: int, *, since: int = 0, history: bool = False
) -> Qualifier | None:
    """Why the phrase ``clean_text[start:end]`` is not a live report, or None when it is.

    ``clean_text`` is normalised text (``text_norm.normalise``). The checks run in order:
    negated, figurative, hypothetical, other person, past. A relative's own history ("my
    mum had a fall last year") is about someone else: other person. Negators before
    ``since`` are not read (for a phrase that completes another: "no feeling | down
    there"). With ``history``, the past does not count ("had cancer years ago" is the
    point of a cancer history).
    """
    length = len(clean_text)
    if not 0 <= start <= end <= length:
        raise ValueError(f"span {start}:{end} is outside the text")
    reading = _read(clean_text)
    if _negated(clean_text, reading, start, end, since):
        return "negated"
    if _figurative(reading, start, end):
        return "figurative"
    if _hypothetical(reading, start, length):
        return "hypothetical"
    if any(s >= end for s in reading.same_to_me):
        return None  # "her hip popped out last year and now mine's done the same"
    if _other_person(reading, start, end, length):
        return "other_person"
    if history or not _past(reading, start, end, length):
        return None
    person = _third_person(reading, start, end, length)
    if person is not None and person.kind == "patient" and not reading.writing_for:
        return "other_person"  # "my mum had a fall last year", from the patient
    return "past"


#: Words that may put a phrase in the past or in a supposition, though no rule says so.
_PAST_WORDS = re.compile(r"\b(?:had|was|were|ago|once|history|used\s+to|previous\w*|before)\b")
_SUPPOSING_WORDS = re.compile(
    r"\?|\b(?:if|whether|might|could|would|should|worried|scared|afraid|risks?|chances?"
    r"|signs?|symptoms?)\b"
)
_WORDS = re.compile(r"[a-z]+(?:'[a-z]+)?")


#: Negators that deny nothing: an understatement ("probably nothing, but...") and a
#: weight lost "without trying" (the danger sign itself), "doesn't matter", "no good",
#: "exercises not done".
_NOT_DENIALS = re.compile(
    r"\b(?:(?:it'?s|its|prob(?:ably)?|likely|maybe|possibly|perhaps)\s+)+nothing\b"
    r"|\bwithout\s+(?:even\s+)?trying\b|\bnot\s+(?:been\s+)?(?:dieting|trying)\b"
    r"|\bnothing\s+(?:major|serious|much)\b|\b(?:doesn'?t|does\s+not)\s+matter\b|\bno\s+good\b"
    r"|\bnothing\s+(?:will\s+|would\s+)?(?:come|comes|came|happens|happened)\b"
    r"|\b(?:exercises?|stretches|routine|them|it)\s+(?:were\s+|was\s+)?not\s+(?:done|started)\b"
    r"|\b(?:don'?t|do\s+not|didn'?t)\s+know\s+why\b|\bno\s+idea\s+why\b"
    # "didn't do anything to it", "no injury, nothing set it off": no cause, the point
    r"|\b(?:didn'?t|did\s+not|hadn'?t|haven'?t)\s+(?:do|done)\s+(?:anything|nothing)(?:\s+to\s+it)?\b"
    r"|\bno\s+(?:injury|fall|knock|trauma|reason|warning)\b|\bwithout\s+(?:any\s+)?warning\b"
    r"|\bnothing\s+(?:set|triggered|brought)\s+it\b|\bnot\s+(?:improving|getting\s+better|easing)\b"
)


@functools.lru_cache(maxsize=64)
def cues(clean_text: str) -> frozenset[Qualifier]:
    """The kinds of qualifier the message has any cue for, anywhere, whether or not a
    phrase was read as qualified: a negator, a figure of speech, a supposition or a
    question, a third person, or a time gone by. Empty: nothing in the message could make
    a phrase anything but a live report (``red_flag_review`` never doubts those)."""
    reading = _read(clean_text)
    found: set[Qualifier] = set()
    if any(word in NEGATORS for word in _WORDS.findall(_NOT_DENIALS.sub(" ", clean_text))):
        found.add("negated")
    if reading.idioms:
        found.add("figurative")
    if (reading.forward or reading.modal or reading.whole or when.GATED.search(clean_text)
            or _SUPPOSING_WORDS.search(clean_text)):
        found.add("hypothetical")
    if reading.strong_other or any(ref.kind != "first" for ref in reading.refs):
        found.add("other_person")
    if reading.remote or reading.resolved or _PAST_WORDS.search(clean_text):
        found.add("past")
    return frozenset(found)


def said_now(clean_text: str, start: int, end: int) -> bool:
    """Whether the segment of the phrase ``clean_text[start:end]`` says it is happening now
    ("today", "this morning", "since yesterday", "now", "still"...), outside the phrase, or
    a time after it dates it ("...? 2 hours now").
    "new" does not count: here it is mostly the new hip."""
    reading = _read(clean_text)
    length = len(clean_text)
    low, high = _within(reading.segment_starts, start, length)
    high = max(high, end)
    if any(low <= n < high and not start <= n < end and not clean_text.startswith("new", n)
           for n in reading.now):
        return True
    after = _next_sentence_end(reading, start, length) if reading.dated else start
    return any(start <= d < after for d in reading.dated)
