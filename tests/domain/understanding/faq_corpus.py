"""The labelled ways of asking the FAQ's questions, and their held-out fifth, fixed before tuning.

``tests/data/faq/questions.yaml`` was written before the matcher's vocabulary (the
entries' keywords and the lay synonyms), in the patients' words rather than the
entries' titles. A row is held out when the SHA-256 of its text, read as a number, is
divisible by 5 (as ``tests/domain/library/requests_corpus.py`` does for exercise
requests); ``split.yaml`` records the held-out ids and a digest of their texts, so a
held-out row that is edited or moved makes ``test_faq_corpus.py`` fail.

``python -m tests.domain.understanding.faq_corpus`` writes ``split.yaml`` (only when rows
are added); ``... faq_corpus report`` prints how often the right entry comes first on each
part, totals only: it never prints a held-out row (``report probe`` adds a column for
``probe.yaml``, the second, independent set). ``... faq_corpus misses`` lists the tuning
part's misses, for tuning (never the held-out rows); ``misses probe`` the probe set's.
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

import yaml

from bot.content import DEFAULT_CONTENT_DIR, load_content
from bot.content.model import Content
from bot.domain import routine as sm
from bot.domain.conversation import actions as act
from bot.domain.conversation.policy import decide
from bot.domain.understanding.faq_match import FaqIndex, faq_index
from bot.domain.understanding.faq_reading import with_faq
from bot.domain.understanding.interpret import interpret
from bot.semantics.sentence_encoder import load_encoder
from bot.semantics.vector_cache import CachedEncoder
from tests.held_out import parts
from tests.held_out import write_split as write_split_file

DATA_DIR = Path(__file__).resolve().parents[2] / "data" / "faq"
QUESTIONS_FILE = DATA_DIR / "questions.yaml"
SPLIT_FILE = DATA_DIR / "split.yaml"
#: A second, independent set of ways of asking, written before reading the matcher or the
#: tuning rows; measured once untouched, then tuned on with the tuning part.
PROBE_FILE = DATA_DIR / "probe.yaml"
TUNE2_FILE = DATA_DIR / "tune2.yaml"
#: A fourth set, written the same way; measured once untouched (words alone 65.7 %, words
#: and meaning 86.0 %), then tuning data: its askings are in content/faq_askings.yaml.
TUNE3_FILE = DATA_DIR / "tune3.yaml"


@dataclass(frozen=True)
class Question:
    id: str
    text: str
    expect: str | None  # an entry id, or None: the FAQ has no answer (offered /ask)


def load(path: Path = QUESTIONS_FILE) -> list[Question]:
    rows = yaml.safe_load(path.read_text(encoding="utf-8"))["questions"]
    return [Question(str(r["id"]), str(r["text"]),
                     None if r["expect"] is None else str(r["expect"])) for r in rows]


def write_split() -> None:
    write_split_file(SPLIT_FILE, load(),
                     "# The held-out fifth of questions.yaml (see "
                     "tests/domain/understanding/faq_corpus.py).\n"
                     "# Never look at these rows while tuning the FAQ matcher.\n")


_ENCODER: list[CachedEncoder | None] = []


def index_of(content: Content) -> FaqIndex:
    """The index as the bot builds it: by words and, when the sentence model is
    installed, by meaning (its askings' vectors kept for the process)."""
    if not _ENCODER:
        encoder = load_encoder()
        _ENCODER.append(CachedEncoder(encoder) if encoder is not None else None)
    return faq_index(content, _ENCODER[0])


def first(content: Content, text: str) -> str | None:
    """The entry the matcher puts first, or None when none is close enough."""
    found = index_of(content).match(text)
    return found.entry if found is not None else None


def answered(content: Content, text: str, after_no: bool = False) -> str | None:
    """The whole path outside a routine: the reading, the FAQ wiring and the policy. The
    entry answered, "-" for a question offered to /ask, or None for another action.
    ``after_no``: when the bot first asks the one safety question (a doubtful warning
    sign), the answer after the patient says no, as ``handlers.conversation`` reads it."""
    reading = interpret(text)
    actions = decide(with_faq(reading, text, index_of(content)), "idle", sm.interpret_text(text))
    if after_no and any(isinstance(a, act.AskFlag) for a in actions):
        rest = replace(reading, ask_about=None, flags=())
        actions = decide(with_faq(rest, text, index_of(content)), "idle",
                         sm.interpret_text(text))
    for action in actions:
        if isinstance(action, act.AnswerQuestion):
            return action.faq or "-"
    return None


def rate(content: Content, rows: list[Question]) -> float:
    """Right entry first (or no entry, for a question the FAQ cannot answer)."""
    return sum(first(content, r.text) == r.expect for r in rows) / len(rows)


def _pct(right: int, total: int) -> str:
    return f"{right}/{total} ({right / total:.1%})" if total else "-"


def _figures(content: Content, rows: list[Question]) -> dict[str, str]:
    asked = [r for r in rows if r.expect is not None]
    other = [r for r in rows if r.expect is None]
    firsts = {r.id: first(content, r.text) for r in rows}
    paths = {r.id: answered(content, r.text) for r in rows}
    return {
        "right entry first": _pct(sum(firsts[r.id] == r.expect for r in asked), len(asked)),
        "no entry for the others": _pct(sum(firsts[r.id] is None for r in other), len(other)),
        "all rows right": _pct(sum(firsts[r.id] == r.expect for r in rows), len(rows)),
        "idle: answered with it": _pct(sum(paths[r.id] == r.expect for r in asked), len(asked)),
        "  ... or after the safety question": _pct(
            sum(answered(content, r.text, after_no=True) == r.expect for r in asked), len(asked)),
        "idle: another action": _pct(sum(paths[r.id] is None for r in asked), len(asked)),
        "idle: others offered /ask": _pct(sum(paths[r.id] == "-" for r in other), len(other)),
    }


def report(with_probe: bool = False) -> None:
    """Totals on each part (and on the probe set when asked), and misses per entry on the
    tuning part (and the probe set) only."""
    content = load_content(DEFAULT_CONTENT_DIR)
    tune, heldout = parts(load())
    columns = [(f"tune ({len(tune)})", _figures(content, tune)),
               (f"held out ({len(heldout)})", _figures(content, heldout))]
    probe = load(PROBE_FILE) if with_probe else []
    if with_probe:
        columns.append((f"probe ({len(probe)})", _figures(content, probe)))
    print(f"{'':28} " + " ".join(f"{name:>20}" for name, _ in columns))
    for key in columns[0][1]:
        print(f"{key:28} " + " ".join(f"{figures[key]:>20}" for _, figures in columns))
    for name, rows in (("tune", tune), ("probe", probe)):
        misses: Counter[str] = Counter()
        for r in rows:
            if first(content, r.text) != r.expect:
                misses[str(r.expect)] += 1
        if rows:
            print(f"{name} misses per entry:", dict(misses.most_common()))


def tune_misses(path: Path | None = None) -> None:
    """The tuning part's misses (or the probe set's), with their text (never a held-out
    row)."""
    content = load_content(DEFAULT_CONTENT_DIR)
    tune = parts(load())[0] if path is None else load(path)
    index = index_of(content)
    for r in tune:
        found = index.match(r.text)
        said = answered(content, r.text)
        got = found.entry if found else None
        if got != r.expect or (r.expect is not None and said != r.expect):
            score = f"{found.score:.2f}/{found.margin:.2f}" if found else "-"
            print(f"{r.id:24} want {r.expect!s:18} got {got!s:18} {score:>11} "
                  f"path {said!s:16} {r.text}")
    for key, value in _figures(content, tune).items():
        print(f"{'tune' if path is None else 'probe'}: {key}: {value}")


if __name__ == "__main__":
    if sys.argv[1:] == ["report"]:
        report()
    elif sys.argv[1:] in (["report", "probe"], ["probe"]):
        report(with_probe=True)
    elif sys.argv[1:] == ["misses"]:
        tune_misses()
    elif sys.argv[1:] == ["misses", "probe"]:
        tune_misses(PROBE_FILE)
    elif sys.argv[1:] == ["misses", "tune2"]:
        tune_misses(TUNE2_FILE)
    elif sys.argv[1:] == ["misses", "tune3"]:
        tune_misses(TUNE3_FILE)
    else:
        write_split()
