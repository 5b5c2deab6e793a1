"""Who a message names: the writer, or third persons, in order, for ``qualifiers``.

Each mention says whether it could be the patient ("my husband", a carer's "client"),
is someone else ("my friend", "the other grandad"), or is a pronoun to resolve. Pure: no
``telegram``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from bot.domain.understanding import red_flag_phrases_people as who

#: "This is Siobhan, " before "Mammy's daughter": the writer introducing themselves.
_INTRODUCED = re.compile(r"\bthis\s+is\s+[\w']+,?\s+$")

#: The writer's own introduction, opening the message: "hi this is Dev, Mums next door
#: neighbour", "hello its Joan's friend Maggie". The role named in it is the writer; the
#: one named before it ("Jean's daughter") is the patient, "our Jean" later on too.
_INTRODUCTION = re.compile(
    r"^(?:(?:hi|hello|hiya|hey|morning|evening)\b[,!.\s]*)?(?:it'?s|its|this\s+is|i'?m|im"
    r"|i\s+am)\s+(?:[a-z]+,?\s+)?(?:the|her|his|their|([a-z]+?)(?:'s|s))\s+(?:next\s+door\s+)?"
    r"(?:neighbou?r|friend|carer|daughter|son|wife|husband|niece|nephew|grandson|granddaughter"
    r"|sister|brother|partner)\b"
)

#: Before "patient": the patient named as such ("my husband (the patient)"), or a virtue.
_NO_PATIENT = frozenset({"the", "so", "very", "being", "be", "been", "too", "more", "really"})


#: Titles before a name: "Mr P's wife", "Mrs Kaur's son" are someone of theirs.
_TITLED = frozenset({"mr", "mrs", "ms", "miss", "dr"})


#: Before "me", words that make it a place ("the lady next to me"), not who a sign is about.
_BESIDE = frozenset({"beside", "behind", "near", "opposite"})


def _beside(words: list[str], index: int) -> bool:
    """Whether the "me" at ``index`` is a place: "beside me", "next to me", "in front of me"."""
    before = words[index - 1] if index else ""
    earlier = words[index - 2] if index > 1 else ""
    return before in _BESIDE or (before, earlier) in (("to", "next"), ("of", "front"))


@dataclass(frozen=True)
class Ref:
    """Someone a message mentions: the writer ("first"), or a third person."""

    start: int
    kind: str  # "first", "patient" (could be the patient), "other", "pronoun"
    word: str
    subject: bool  # said as the one something happens to, not "my friend's" or "his"


#: Before "little ones", a size or a count: small things, not the children.
_SIZED = frozenset({"only", "just", "some", "few", "couple", "did", "do", "doing", "very",
                    "really", "two", "three", "tiny"})


def people_refs(text: str, segment_starts: tuple[int, ...], carer: bool) -> tuple[Ref, ...]:
    """The people ``text`` names, in order (``carer``: the writer says they are a carer)."""
    found: list[Ref] = []
    tokens = list(who.TOKEN.finditer(text))
    words = [t.group() for t in tokens]
    introduction = _INTRODUCTION.match(text)
    introduced = introduction.end() if introduction else -1
    introduced_for = introduction.group(1) if introduction else None
    lead = 0  # tokens since the segment began that may come before its subject
    segment = 0
    for index, match in enumerate(tokens):
        word, start = words[index], match.start()
        current = bisect_right(segment_starts, start)
        if current != segment:
            segment, lead = current, 0
        nxt = words[index + 1] if index + 1 < len(words) else ""
        subject = lead == 0
        if word in who.LEADING:
            continue
        lead += 1
        if word in who.FIRST:
            if word == "my":
                if who.person_kind(nxt):
                    lead -= 1  # "my friend": the next word is the person
                    continue
                later = words[index + 2] if index + 2 < len(words) else ""
                if nxt not in who.BODY and later not in who.BODY:
                    continue  # "my exercise class": not the writer's body
            if nxt in who.COGNITIVE:
                continue  # "a man I know collapsed": not the writer's report
            if word == "me" and _beside(words, index):
                continue  # "the lady next to me fainted": where she was, not who
            found.append(Ref(start, "first", word, word != "my"))
        elif word in who.THIRD:
            if who.owned_thing(words, index):
                continue  # "got up off her low sofa": a thing of hers, not who it is about
            found.append(Ref(start, "pronoun", word, word not in ("his", "her")))
        else:
            kind = who.person_kind(word)
            stem = who.stem(word)
            if match.end() == introduced:
                continue  # "this is Dev, Mums next door neighbour": the writer
            previous = words[index - 1] if index else ""
            if stem == "client" or (carer and stem in who.CARED):
                # a carer's "client", "the lady I care for"; not "my other client"
                kind = "other" if who.another(words, index) else "patient"
            elif who.partner(words, index):
                kind = "patient"  # "my fella", "my other half"
            elif kind and who.another(words, index):
                kind = "other"  # "the other grandad (not the one on here)"
            elif stem in who.TITLES and previous not in who.OWNERS:
                kind = "patient"  # "Auntie says...", "Uncle Mo": the name the family calls them
            elif stem in who.CARED and who.another(words, index):
                kind = "other"  # "another resident had a fall": not the one cared for here
            if who.not_a_subject(words, index) or (word == "patient" and previous in _NO_PATIENT):
                continue  # "my husband (the patient)", "so patient"; "at his brother's"
            if word in ("someone", "somebody") and (
                previous in ("like", "if", "though") or nxt.startswith("else")
                or (index > 1 and words[index - 2].startswith("belong"))
            ):
                continue  # "like someone stabbed me", "belongs to someone else": a figure
            if word in ("one", "ones") and index and words[index - 1] == "little":
                if index > 1 and (words[index - 2] in _SIZED or words[index - 2].isdigit()):
                    continue  # "the bridges (only little ones)": small ones, not children
                kind = "other"
            elif index and words[index - 1] == "our" and word == introduced_for:
                kind = "patient"  # "It's Sandra, Jeans daughter. Our Jean went over..."
            elif index and words[index - 1] == "our" and not kind and word not in who.NOT_NAMED:
                kind, word = "other", who.OUR  # "our Jack": family, read as kin
            if kind and index and words[index - 1].endswith("'s") and (
                who.person_kind(words[index - 1])  # "my friend's husband"
                or (index > 1 and words[index - 2] in _TITLED)  # "Mr P's wife"
            ):
                if _INTRODUCED.search(text[max(0, start - 40):start]
                                      .removesuffix(words[index - 1] + " ")):
                    continue  # "This is Siobhan, Mammy's daughter": the writer
                kind = "other"  # "my friend's husband", "my partner's mum"
                if found and found[-1].start == tokens[index - 1].start():
                    # "Mum's husband was taken in": the husband is the one it is about
                    subject = subject or found.pop().subject
            if kind and found and text[max(0, start - 2) : start].strip() == "(" and (
                start - found[-1].start < 30
            ):
                continue  # "my father (abba)", "my wife (Jan)": the same person, named again
            if kind:
                # "my uncle who lost weight", "it's Dad who's poorly"
                relative = nxt in ("who", "that", "whose", "who's", "whos")
                found.append(Ref(start, kind, who.stem(word), subject or relative))
    return tuple(found)
