"""``content/faq.yaml``: the everyday questions the bot answers, their shape and rules.

Clinicians write the answers, so the same strict checks as the rest of ``content/``
apply, each mistake one line naming the file and the entry: ids, titles and keywords
unique, answers short enough for a phone, an answer that mentions a medicine must offer
``/ask`` (only a clinician or a pharmacist may advise on one), and at most one entry
answers questions about warning signs, offering ``/ask`` too.
"""

from __future__ import annotations

import re
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
