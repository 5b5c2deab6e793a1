"""``python -m bench.understanding``: what the understanding step costs per message.

Every text of the labelled corpus (tests/data/understanding, both parts: speed is not
tuned) is read cold: every per-message memo of the understanding package is cleared
before each message, so no figure is a cache hit on the same text. Baseline, measured
in the same run: the red-flag scan alone, which every message already paid for before
the understanding step grew.
Targets (the understanding issue): at most 1 ms median and 5 ms p99 per message.

    python -m bench.understanding            # three passes over the corpus
    python -m bench.understanding --passes 1
"""

from __future__ import annotations

import argparse
import functools
import gc
import sys
import time
from collections.abc import Callable
from pathlib import Path

import yaml

from bench.table import Row, median, percentile, render
from bot.content import DEFAULT_CONTENT_DIR, load_content
from bot.domain.understanding import (
    exercise_names,
    interpret,
    meaning,
    pain_reading,
    qualifiers,
    questions,
    red_flag_model,
    red_flag_phrases,
    red_flag_review,
    red_flags,
    spelling,
)
from bot.domain.understanding.faq_match import faq_index
from bot.domain.understanding.faq_reading import needs_index
from bot.semantics.sentence_encoder import load_encoder
from bot.semantics.vector_cache import CachedEncoder
from tests.domain.understanding.faq_corpus import PROBE_FILE as FAQ_PROBE
from tests.domain.understanding.faq_corpus import QUESTIONS_FILE as FAQ_QUESTIONS
from tests.domain.understanding.faq_corpus import load as faq_rows_of

CORPUS = Path(__file__).resolve().parents[1] / "tests" / "data" / "understanding"
MEDIAN_TARGET_MS = 1.0
P99_TARGET_MS = 5.0


def corpus_texts() -> list[str]:
    """Every message of the corpus, in file order (the split file holds no texts)."""
    texts: list[str] = []
    for path in sorted(CORPUS.glob("*.yaml")):
        if path.name == "split.yaml":
            continue
        rows = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        texts += [str(row["text"]) for row in rows if isinstance(row, dict) and "text" in row]
    return texts


#: Memos keyed by a whole message are cleared before each timed message; larger ones are
#: keyed by a word or a pattern and stay warm across messages in the bot as well (the
#: red-flag model's per-word weights too), and unbounded ones load data once (the models'
#: weights).
PER_MESSAGE_MEMO = 256


def _memos() -> list[functools._lru_cache_wrapper[object]]:
    """The per-message memos of the understanding package (cleared before each message)."""
    found = []
    for module in (exercise_names, interpret, meaning, pain_reading, qualifiers, questions,
                   red_flag_model, red_flag_phrases, red_flag_review, red_flags, spelling):
        for value in vars(module).values():
            info = getattr(value, "cache_info", None)
            if info is None or value in found:
                continue
            size = info().maxsize
            if size is not None and size <= PER_MESSAGE_MEMO:
                found.append(value)
    return found


def timed(step: Callable[[str], object], texts: list[str], passes: int) -> list[float]:
    """Milliseconds per message, each read cold (memos cleared first, not timed)."""
    memos = _memos()
    out: list[float] = []
    gc.disable()
    try:
        for _ in range(passes):
            for text in texts:
                for memo in memos:
                    memo.cache_clear()
                start = time.perf_counter()
                step(text)
                out.append((time.perf_counter() - start) * 1000)
    finally:
        gc.enable()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=3)
    args = parser.parse_args(argv)
    texts = corpus_texts()
    interpret.interpret("warm up the lazy model and the regular expressions")
    baseline = timed(red_flags.detect_red_flags, texts, args.passes)
    full = timed(interpret.interpret, texts, args.passes)
    med, p99 = median(full), percentile(full, 99)
    rows = [
        Row("messages read (cold)", f"{len(full)} ({len(texts)} texts x {args.passes})"),
        Row("baseline: red-flag scan alone, median / p99",
            f"{median(baseline):.3f} / {percentile(baseline, 99):.3f} ms"),
        Row("understanding step, median", f"{med:.3f} ms", f"<= {MEDIAN_TARGET_MS} ms",
            med <= MEDIAN_TARGET_MS),
        Row("understanding step, p99", f"{p99:.3f} ms", f"<= {P99_TARGET_MS} ms",
            p99 <= P99_TARGET_MS),
        Row("understanding step, max", f"{max(full):.3f} ms"),
        Row("cost over the baseline, median", f"{med / max(median(baseline), 1e-9):.1f}x"),
    ]
    print(render(rows, "The understanding step, per message"))
    print()
    print(render(faq_rows(texts, args.passes), "The FAQ step, per message that reaches it"))
    return 0


def faq_rows(texts: list[str], passes: int) -> list[Row]:
    """The FAQ lookup with the sentence model against words alone (the baseline, same
    run), over the FAQ corpus's askings; and how many of the understanding corpus's
    messages reach the lookup at all (the others never pay for it)."""
    content = load_content(DEFAULT_CONTENT_DIR)
    questions = [r.text for path in (FAQ_QUESTIONS, FAQ_PROBE) for r in faq_rows_of(path)]
    words = faq_index(content)
    encoder = load_encoder()
    rows = [Row("FAQ askings timed", f"{len(questions)} x {passes}")]
    base = timed(words.match, questions, passes)
    rows.append(Row("baseline: words alone, median / p99",
                    f"{median(base):.3f} / {percentile(base, 99):.3f} ms"))
    if encoder is None:
        rows.append(Row("with the sentence model", "not installed"))
    else:
        start = time.perf_counter()
        both = faq_index(content, CachedEncoder(encoder))
        built = time.perf_counter() - start
        full = timed(both.match, questions, passes)
        rows += [
            Row("index built (model loaded, askings encoded)", f"{built:.1f} s"),
            Row("words and meaning, median / p99",
                f"{median(full):.3f} / {percentile(full, 99):.3f} ms"),
            Row("cost over words alone, median", f"{median(full) / median(base):.0f}x"),
        ]
    reach = sum(needs_index(interpret.interpret(t), t) for t in texts)
    rows.append(Row("corpus messages that reach the FAQ step",
                    f"{reach} of {len(texts)} ({reach / len(texts):.0%})"))
    return rows


if __name__ == "__main__":
    sys.exit(main())
