"""``content/faq.yaml``: the everyday questions the bot answers, their shape and rules.

Clinicians write the answers, so the same strict checks as the rest of ``content/``
apply, each mistake one line naming the file and the entry: ids, titles and keywords
unique, answers short enough for a phone, an answer that mentions a medicine must offer
``/ask`` (only a clinician or a pharmacist may advise on one), and at most one entry
answers questions about warning signs, offering ``/ask`` too. ``faq_askings.yaml``
(optional) lists ways patients have asked each entry: every entry it names must exist,
and no asking may sit under two entries.
"""

from __future__ import annotations

import re
from dataclasses import replace
from types import MappingProxyType
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr, StringConstraints

from bot.content.errors import ContentError, ContentErrors
from bot.content.model import FaqEntry
from bot.content.schema import Ident, Short
from bot.content.yaml_source import YamlSource

#: Phone-sized: a longer answer is a leaflet, and patients stop reading.
MAX_ANSWER_CHARS = 600
MAX_KEYWORDS = 12
MAX_KEYWORD_CHARS = 40
#: Askings per entry, and characters per asking: examples, not a transcript archive.
MAX_ASKINGS = 60
MAX_ASKING_CHARS = 200
#: Words that make an answer about medicines, which must then offer /ask.
MEDICINE_WORDS = re.compile(
    r"\b(?:medicines?|medications?|meds|painkillers?|pain ?relief|tablets?|pills?"
    r"|paracetamol|ibuprofen|naproxen|codeine|co-?codamol|aspirin|anti-?inflammator\w*"
    r"|drugs?|injections?|steroids?)\b",
    re.IGNORECASE,
)
ASK_COMMAND = re.compile(r"(?<![\w/])/ask\b")

Answer = Annotated[
    StrictStr, StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_ANSWER_CHARS)
]
Keyword = Annotated[
    StrictStr,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_KEYWORD_CHARS),
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class FaqEntryModel(_Model):
    id: Ident
    title: Short
    answer: Answer
    keywords: Annotated[list[Keyword], Field(max_length=MAX_KEYWORDS)] = Field(
        default_factory=list
    )
    warning_signs: StrictBool = False


class FaqFile(_Model):
    faq: Annotated[list[FaqEntryModel], Field(min_length=1)]


Asking = Annotated[
    StrictStr,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_ASKING_CHARS),
]


class AskingsFile(_Model):
    askings: dict[Ident, Annotated[list[Asking], Field(max_length=MAX_ASKINGS)] | None]


def check_askings(source: YamlSource, parsed: AskingsFile, faq: FaqFile) -> None:
    """Every asking under an entry of faq.yaml, and none under two entries."""
    problems: list[ContentError] = []
    ids = {entry.id for entry in faq.faq}
    seen: dict[str, str] = {}
    for entry_id, askings in parsed.askings.items():
        if entry_id not in ids:
            problems.append(source.error(
                ("askings", entry_id), f"no FAQ entry {entry_id!r} in faq.yaml"))
        for index, asking in enumerate(askings or ()):
            key = " ".join(asking.casefold().split())
            if key in seen:
                where = ("listed twice" if seen[key] == entry_id
                         else f"also listed under {seen[key]!r}")
                problems.append(source.error(("askings", entry_id, index),
                                             f"asking {asking!r} is {where}"))
            seen.setdefault(key, entry_id)
    if problems:
        raise ContentErrors(problems)


def with_askings(entries: MappingProxyType[str, FaqEntry], parsed: AskingsFile | None
                 ) -> MappingProxyType[str, FaqEntry]:
    """The entries with their askings (one line each), when the file is there."""
    if parsed is None:
        return entries
    return MappingProxyType({
        entry_id: replace(entry, askings=tuple(
            " ".join(a.split()) for a in parsed.askings.get(entry_id) or ()))
        for entry_id, entry in entries.items()
    })


def check_faq(source: YamlSource, parsed: FaqFile) -> None:
    """Every rule across entries; all the mistakes at once, one line each."""
    problems: list[ContentError] = []
    ids: set[str] = set()
    titles: dict[str, str] = {}
    keywords: dict[str, str] = {}
    warning: str | None = None
    for index, entry in enumerate(parsed.faq):
        loc = ("faq", index)
        if entry.id in ids:
            problems.append(source.error((*loc, "id"), f"duplicate FAQ id {entry.id!r}"))
        ids.add(entry.id)
        title = entry.title.casefold()
        if title in titles:
            problems.append(source.error(
                (*loc, "title"), f"the same title as {titles[title]!r}"))
        titles.setdefault(title, entry.id)
        if entry.warning_signs:
            if warning is not None:
                problems.append(source.error(
                    (*loc, "warning_signs"),
                    f"only one entry may answer warning signs ({warning!r} already does)",
                ))
            warning = warning or entry.id
            if not ASK_COMMAND.search(entry.answer):
                problems.append(source.error(
                    (*loc, "answer"), "the warning-signs answer must offer /ask"))
        medicine = MEDICINE_WORDS.search(entry.answer)
        if medicine is not None and not ASK_COMMAND.search(entry.answer):
            problems.append(source.error(
                (*loc, "answer"),
                f"mentions {medicine.group()!r}: an answer about medicines must offer /ask",
            ))
        own: set[str] = set()
        for k_index, keyword in enumerate(entry.keywords):
            key = " ".join(keyword.casefold().split())
            if key in own:
                problems.append(source.error(
                    (*loc, "keywords", k_index), f"keyword {keyword!r} is listed twice"))
            elif keywords.get(key, entry.id) != entry.id:
                problems.append(source.error(
                    (*loc, "keywords", k_index),
                    f"keyword {keyword!r} is already a keyword of {keywords[key]!r}",
                ))
            own.add(key)
            keywords.setdefault(key, entry.id)
    if problems:
        raise ContentErrors(problems)


def faq_entries(parsed: FaqFile) -> MappingProxyType[str, FaqEntry]:
    """The entries by id, in the file's order (titles and keywords on one line each)."""
    return MappingProxyType({
        entry.id: FaqEntry(
            id=entry.id,
            title=" ".join(entry.title.split()),
            answer=entry.answer,
            keywords=tuple(" ".join(k.split()) for k in entry.keywords),
            warning_signs=entry.warning_signs,
        )
        for entry in parsed.faq
    })
