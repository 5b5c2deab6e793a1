"""Find an exercise from what people actually type, and render its card.

People write "how do I do the glut bridge??", "figur 4 pls" or "something for tight hips".
Names and aliases are matched fuzzily (rapidfuzz) after filler words, emoji and case are
stripped; when no name fits, the exercises' goal words are tried. The one firm rule: the
answer is ``sure`` only when exactly one exercise is named; anything doubtful becomes
``choices`` so the user picks, and text about something else is ``none``. Pure: no
``telegram``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

import numpy as np
from rapidfuzz import fuzz, process

from bot.content.model import Content, Exercise

#: A name window scoring at least this (0-100) counts as naming the exercise.
SURE_SCORE = 86.0
#: Below SURE_SCORE but at least this: a plausible, doubtful match (offered as a choice).
MAYBE_SCORE = 72.0
#: Terms shorter than this many characters must appear exactly ("walk" is not "talk").
SHORT_TERM = 6
#: Only this much of a message is read: names come early, and it keeps matching fast.
MAX_CHARS = 600
MAX_TOKENS = 40


def _wordset(words: str) -> frozenset[str]:
    """A set of words written as one spaced string (easier to read and edit)."""
    return frozenset(words.split())


# Words that never identify an exercise; removed from the text and from names alike.
_FILLER = _wordset(
    """a about am an and any are at be can could cud do does doing done for from get give
    go going got have hey hi hello how i im is it its just know let lets like me my need
    now of oh ok okay on one or please pls plz s show so some tell thank thanks that the
    this to today u uh um up want wanna was what whats which with would you your again
    exercise exercises move moves movement card info instructions instruction"""
)
# Words that plainly ask to be shown an exercise.
_SHOW_CUES = _wordset(
    """how show explain teach tell card instructions instruction demo form technique steps
    describe remind"""
)
# Words (or "?") that suggest a request, unless the text reports pain or a finished set.
_ASK_CUES = _wordset(
    """what whats which help do doing try start give want need recommend suggest something
    any anything good exercise exercises stretch stretches please pls"""
)
# Words of a report ("the bridge hurts", "did 10 bridges"): other features answer those.
_REPORT_CUES = _wordset(
    """hurt hurts hurting hurted pain painful sore ache aches aching achy did done finished
    stopped skipped twinge sharp worse"""
)
# Words that, just before a name, mean the person may want a different exercise.
_NEGATIONS = _wordset("not no instead except other than without beside")
# Words that may sit beside a name without changing what is asked ("the bridge exercise").
_NEUTRAL = _wordset("stretch stretching exercise routine version")

_NON_WORD = re.compile(r"[^\w]+|_")


def _stem(token: str) -> str:
    """A very light plural strip so 'hips', 'glutes' and 'stretches' meet their names."""
    if len(token) > 4 and token.endswith(("ches", "shes", "xes")):
        return token[:-2]
    if len(token) > 3 and token.endswith("s") and not token.endswith(("ss", "us", "is")):
        return token[:-1]
    return token


def _words(text: str) -> list[str]:
    """Lower-case word tokens with emoji, punctuation and accents' odd forms removed."""
    clean = unicodedata.normalize("NFKC", text[:MAX_CHARS]).casefold()
    return [word for word in _NON_WORD.split(clean) if word][:MAX_TOKENS]


def _tokens(text: str) -> tuple[str, ...]:
    """The words that can identify an exercise: stemmed, filler removed."""
    return tuple(_stem(word) for word in _words(text) if word not in _FILLER)


@dataclass(frozen=True)
class LibraryMatch:
    """What free text points at: one exercise for sure, a few choices, or nothing."""

    status: Literal["sure", "choices", "none"]
    exercises: tuple[Exercise, ...]


@dataclass(frozen=True)
class _Hit:
    """The best name match of one exercise: score and which query tokens it covered."""

    score: float
    start: int
    end: int


#: The match, how it was found ("name", "goal" or ""), the best name hit, the tokens.
_Analysis = tuple[LibraryMatch, str, _Hit | None, tuple[str, ...]]


class Library:
    """A matching index built once per Content; ``find`` and ``mentions`` are cheap."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self._order = {ex_id: pos for pos, ex_id in enumerate(content.exercises)}
        self._goals: dict[str, tuple[tuple[str, ...], ...]] = {}
        terms: list[tuple[str, tuple[str, ...]]] = []  # (exercise id, term tokens)
        for ex in content.exercises.values():
            names = (ex.name, ex.id.replace("_", " "), *ex.aliases)
            terms += [(ex.id, term) for term in _unique(_tokens(name) for name in names)]
            self._goals[ex.id] = _unique(_tokens(goal) for goal in ex.goals)
        self._term_text = [" ".join(term) for _, term in terms]
        self._term_size = np.array([len(term) for _, term in terms])
        self._term_fuzzy = np.array([len(text) >= SHORT_TERM for text in self._term_text])
        self._rows = {
            ex_id: np.array([i for i, (owner, _) in enumerate(terms) if owner == ex_id])
            for ex_id in content.exercises
        }
        self._last: tuple[str, _Analysis] | None = None

    # --- scoring ------------------------------------------------------------------------

    def _name_hits(self, query: tuple[str, ...]) -> dict[str, _Hit]:
        """How well some name or alias of each exercise appears somewhere in the query.

        Every window of the query (a run of words about as long as a term) is scored
        against every term in one rapidfuzz call. An exercise's score is its best window;
        its span is the widest window that names it for sure, so "glut bridge" covers both
        words, not just "bridge". Short terms count only when spelled exactly.
        """
        count = len(query)
        widest = min(count, int(self._term_size.max(initial=1)) + 1)
        spans = [(a, w) for w in range(1, widest + 1) for a in range(count - w + 1)]
        texts = [" ".join(query[a : a + w]) for a, w in spans]
        width = np.array([w for _, w in spans])
        plain = process.cdist(self._term_text, texts, scorer=fuzz.ratio)
        shuffled = process.cdist(self._term_text, texts, scorer=fuzz.token_sort_ratio)
        score = np.maximum(plain, np.where(width > 1, shuffled, 0))
        size = self._term_size[:, None]
        near = (np.abs(width - size) <= 1) | ((width == count) & (count < size))
        exact = (plain == 100) & (width == size)
        score = np.where(self._term_fuzzy[:, None], np.where(near, score, 0), exact * 100.0)
        hits: dict[str, _Hit] = {}
        for ex_id, rows in self._rows.items():
            own = score[rows]
            top = float(own.max(initial=0.0))
            # the widest sure window wins, then the highest score
            key = np.where(own >= SURE_SCORE, width * 1000 + own, own)
            _, col = np.unravel_index(int(np.argmax(key)), key.shape)
            start, span = spans[col]
            hits[ex_id] = _Hit(top, start, start + span)
        return hits

    def _goal_hits(self, query: tuple[str, ...]) -> dict[str, int]:
        """Exercise id -> the most specific goal phrase (in words) found in the query."""
        found: dict[str, int] = {}
        for ex_id, goals in self._goals.items():
            for goal in goals:
                if all(_has_word(query, word) for word in goal):
                    found[ex_id] = max(found.get(ex_id, 0), len(goal))
        return found

    def _analyse(self, text: str) -> _Analysis:
        """Analyse once: routing calls ``mentions`` and then ``find`` on the same text."""
        if self._last is None or self._last[0] != text:
            self._last = (text, self._compute(text))
        return self._last[1]

    def _compute(self, text: str) -> _Analysis:
        """The match, how it was found, the best name hit and the query tokens."""
        query = _tokens(text)
        if not query:
            return LibraryMatch("none", ()), "", None, query
        hits = self._name_hits(query)
        ranked = sorted(hits, key=lambda ex_id: (-hits[ex_id].score, self._order[ex_id]))
        named = [ex_id for ex_id in ranked if hits[ex_id].score >= SURE_SCORE]
        maybe = [ex_id for ex_id in ranked if hits[ex_id].score >= MAYBE_SCORE]
        goals = self._goal_hits(query)
        by_goal = sorted(goals, key=lambda ex_id: (-goals[ex_id], self._order[ex_id]))
        top = hits[ranked[0]]
        if len(named) == 1 and not _negated(query, top):
            return self._match("sure", named), "name", top, query
        if maybe:
            picks = maybe + [ex_id for ex_id in by_goal if ex_id not in maybe]
            return self._choices(picks, ranked), "name", top, query
        if by_goal:
            best = goals[by_goal[0]]
            runner_up = goals[by_goal[1]] if len(by_goal) > 1 else 0
            if best > runner_up:
                return self._match("sure", by_goal[:1]), "goal", None, query
            return self._choices(by_goal, ranked), "goal", None, query
        return LibraryMatch("none", ()), "", None, query

    def _match(self, status: Literal["sure", "choices"], ids: list[str]) -> LibraryMatch:
        return LibraryMatch(status, tuple(self.content.exercises[ex_id] for ex_id in ids))

    def _choices(self, picks: list[str], ranked: list[str]) -> LibraryMatch:
        """Two or three options, best first; padded with the next best names if needed."""
        ordered = list(dict.fromkeys(picks))
        for ex_id in ranked:
            if len(ordered) >= 2:
                break
            if ex_id not in ordered:
                ordered.append(ex_id)
        return self._match("choices", ordered[:3])

    # --- public -------------------------------------------------------------------------

    def find(self, text: str) -> LibraryMatch:
        """Which exercise the text names or asks for (see module docstring for the rules)."""
        return self._analyse(text)[0]

    def mentions(self, text: str) -> bool:
        """True when the text clearly names an exercise or asks for one.

        Used to route free text: a bare name ("glute bridge") or a request ("how do I do
        the bridge?", "something for tight hips?") counts; a report that merely contains a
        name ("walking hurts today") does not, so other features can answer it.
        """
        match, how, hit, query = self._analyse(text)
        if match.status == "none":
            return False
        words = set(_words(text))
        asking = bool(words & _SHOW_CUES) or (
            not words & _REPORT_CUES and ("?" in text or bool(words & _ASK_CUES))
        )
        if how == "goal":
            return asking
        if asking:
            return True
        if hit is None or hit.score < SURE_SCORE:
            return False
        rest = query[: hit.start] + query[hit.end :]
        return all(word in _NEUTRAL for word in rest)


def _unique(items: Iterable[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """Non-empty token tuples, each once, in first-seen order."""
    return tuple(dict.fromkeys(item for item in items if item))


def _has_word(query: tuple[str, ...], word: str) -> bool:
    """A goal word is present exactly, or with a small typo when it is long enough."""
    if word in query:
        return True
    return len(word) >= SHORT_TERM and any(
        q.startswith(word) or fuzz.ratio(word, q) >= 85 for q in query
    )


def _negated(query: tuple[str, ...], hit: _Hit) -> bool:
    """'not the bridge' or 'other than the bridge': do not be sure about the bridge."""
    return any(word in _NEGATIONS for word in query[max(0, hit.start - 3) : hit.start])


def exercise_card(
    content: Content, exercise: Exercise, level: Literal["easier", "normal", "harder"] = "normal"
) -> str:
    """The exercise card as plain text (no markup: escape it for the parse mode in use)."""
    text = content.text
    steps = "\n".join(
        text("card_step_line", number=pos, text=step)
        for pos, step in enumerate(exercise.steps, start=1)
    )
    cues = "\n".join(text("card_cue_line", text=cue) for cue in exercise.cues)
    blocks = [
        text("card_title", name=exercise.name),
        f"{text('card_position_heading')}\n{exercise.position}",
        f"{text('card_steps_heading')}\n{steps}",
        f"{text('card_dose_heading')}\n{exercise.dose_for(level).describe()}",
        f"{text('card_why_heading')}\n{exercise.why}",
        f"{text('card_cues_heading')}\n{cues}",
        f"{text('card_stop_heading')}\n{exercise.stop_if}",
    ]
    for key, variant in (("card_easier_heading", exercise.easier),
                         ("card_harder_heading", exercise.harder)):
        line = text("card_variant_line", name=variant.name, description=variant.description)
        if variant.dose is not None:
            line += " " + text("card_variant_dose", dose=variant.dose.describe())
        blocks.append(f"{text(key)}\n{line}")
    return "\n\n".join(blocks)


#: Message keys exercise_card and the library feature need in content/messages/.
CARD_MESSAGE_KEYS: tuple[str, ...] = (
    "card_title",
    "card_position_heading",
    "card_steps_heading",
    "card_step_line",
    "card_dose_heading",
    "card_why_heading",
    "card_cues_heading",
    "card_cue_line",
    "card_stop_heading",
    "card_easier_heading",
    "card_harder_heading",
    "card_variant_line",
    "card_variant_dose",
)


_CACHE: dict[int, Library] = {}


def library_for(content: Content) -> Library:
    """The Library of this Content, built on first use (content is loaded once per run)."""
    library = _CACHE.get(id(content))
    if library is None or library.content is not content:
        if len(_CACHE) >= 8:
            _CACHE.clear()
        library = _CACHE[id(content)] = Library(content)
    return library


def find_exercise(content: Content, text: str) -> LibraryMatch:
    """Which exercise ``text`` names or asks for: sure, choices or none."""
    return library_for(content).find(text)


def mentions_exercise(content: Content, text: str) -> bool:
    """True when ``text`` clearly names an exercise or asks for one (for routing)."""
    return library_for(content).mentions(text)
