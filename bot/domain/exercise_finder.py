"""Find an exercise from what people actually type, and render its card.

People write "how do I do the glut bridge??", "figur 4 pls" or "something for tight hips".
Names and aliases are matched fuzzily (rapidfuzz) after filler words, emoji and case are
stripped; when no name fits, the exercises' goal words are tried. The one firm rule: the
answer is ``sure`` only when exactly one exercise is named; anything doubtful becomes
``choices`` so the user picks, and text about something else is ``none``. Pure.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from rapidfuzz import fuzz, process

from bot.content.model import Content, Dose, Exercise
from bot.domain.exercise_descriptions import DescriptionIndex
from bot.domain.exercise_words import (
    ASK_CUES,
    NEGATIONS,
    NEUTRAL,
    REPORT_CUES,
    SHOW_CUES,
    coverage,
    tokens,
    unswapped,
    words,
)

#: A name window scoring at least this (0-100) counts as naming the exercise.
SURE_SCORE = 86.0
#: Below SURE_SCORE but at least this: a plausible, doubtful match (offered as a choice).
MAYBE_SCORE = 72.0
#: A description score (``exercise_descriptions``) of at least this offers the exercise;
#: at least SHOWN_SURE, and DESCRIBED_LEAD times the next one, shows it at once; at least
#: DESCRIBED_SURE (and OUTVOTE times theirs) outvotes exercises matched by name.
DESCRIBED_MAYBE = 4.0
DESCRIBED_SURE = 8.0
SHOWN_SURE = 12.0
DESCRIBED_LEAD = 1.3
#: What a score keeps when the message puts the body in another position than the card
#: ("leg lifts on my side in bed" is not the standing leg lift).
MISPLACED = 0.5
#: How much a doubtful name match counts next to a description score scaled to 0-1.
NAME_WEIGHT = 0.3
#: A name match gives way when another exercise's description score is this many times
#: its own (and at least DESCRIBED_SURE).
OUTVOTE = 1.5
#: Terms shorter than this many characters must appear exactly ("walk" is not "talk").
SHORT_TERM = 6
#: A goal word this alike (0-100) to a word of the message is read as that word.
GOAL_TYPO = 85.0


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


#: The match, how it was found ("name", "described", "goal" or ""), the best name hit,
#: the tokens.
_Analysis = tuple[LibraryMatch, str, _Hit | None, tuple[str, ...]]


class Library:
    """A matching index built once per Content; ``find`` and ``mentions`` are cheap."""

    def __init__(self, content: Content) -> None:
        import numpy as np  # at the first lookup, not at start-up (63 ms)
        self.content = content
        self._order = {ex_id: pos for pos, ex_id in enumerate(content.exercises)}
        self._goals: dict[str, tuple[tuple[str, ...], ...]] = {}
        terms: list[tuple[str, tuple[str, ...]]] = []  # (exercise id, term tokens)
        for ex in content.exercises.values():
            names = (ex.name, ex.id.replace("_", " "), *ex.aliases)
            terms += [(ex.id, term) for term in _unique(tokens(name) for name in names)]
            self._goals[ex.id] = _unique(tokens(goal) for goal in ex.goals)
        self._terms = [term for _, term in terms]
        self._term_words = frozenset(word for _, term in terms for word in term)
        self._term_text = [" ".join(term) for _, term in terms]
        self._term_size = np.array([len(term) for _, term in terms])
        self._term_fuzzy = np.array([len(text) >= SHORT_TERM for text in self._term_text])
        owners = [owner for owner, _ in terms]
        self._blocks = {ex_id: (owners.index(ex_id), len(owners) - owners[::-1].index(ex_id))
                        for ex_id in content.exercises}
        goal_words = {word for goals in self._goals.values() for goal in goals for word in goal}
        self._goal_words = frozenset(goal_words)
        self._goal_sets = [(ex_id, frozenset(goal), len(goal))
                           for ex_id, goals in self._goals.items() for goal in goals]
        self._goal_long = sorted(word for word in goal_words if len(word) >= SHORT_TERM)
        self._descriptions = DescriptionIndex(content.exercises.values())
        # each exercise's names as one searchable string: " term one | term two "
        self._vocabulary = {
            ex_id: " | ".join(" ".join(term) for owner, term in terms if owner == ex_id)
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
        import numpy as np  # at the first lookup, not at start-up (63 ms)
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
        # a window that leaves out a word of the name names it less ("raise towel" is not
        # "toe raise", "side knee" is not "knee slides")
        for row, col in zip(*np.nonzero(score >= MAYBE_SCORE), strict=True):
            if self._term_size[row] > 1:
                start, span = spans[col]
                score[row, col] *= coverage(self._terms[row], query[start : start + span])
        # the widest sure window wins, then the highest score (ties: the first term, then
        # the first window); each exercise's terms are one block of rows
        key = np.where(score >= SURE_SCORE, width * 1000 + score, score)
        row_top = score.max(axis=1).tolist()
        row_key = key.max(axis=1).tolist()
        row_col = key.argmax(axis=1).tolist()
        hits: dict[str, _Hit] = {}
        for ex_id, (low, high) in self._blocks.items():
            best = max(range(low, high), key=row_key.__getitem__)
            start, span = spans[row_col[best]]
            hits[ex_id] = _Hit(max(row_top[low:high]), start, start + span)
        return hits

    def _goal_hits(self, query: tuple[str, ...]) -> dict[str, int]:
        """Exercise id -> the most specific goal phrase (in words) found in the query.

        A goal word is present exactly, or (when long enough) as the start of a word or
        with a small typo; each goal word is looked up once per query."""
        import numpy as np  # at the first lookup, not at start-up (63 ms)
        present = set(self._goal_words.intersection(query))
        if query and self._goal_long:
            close = process.cdist(self._goal_long, list(query), scorer=fuzz.ratio,
                                  score_cutoff=GOAL_TYPO)
            present |= {self._goal_long[i] for i in np.flatnonzero(close.any(axis=1))}
            present |= {word for word in self._goal_long
                        if any(q.startswith(word) for q in query)}
        found: dict[str, int] = {}
        for ex_id, goal, size in self._goal_sets:
            if size > found.get(ex_id, 0) and goal <= present:
                found[ex_id] = size
        return found

    def _analyse(self, text: str) -> _Analysis:
        """Analyse once: routing calls ``mentions`` and then ``find`` on the same text."""
        if self._last is None or self._last[0] != text:
            self._last = (text, self._compute(text))
        return self._last[1]

    def _compute(self, text: str) -> _Analysis:
        """The match, how it was found, the best name hit and the query tokens."""
        query = tuple(unswapped(token, self._term_words) for token in tokens(text))
        if not query:
            return LibraryMatch("none", ()), "", None, query
        hits = self._name_hits(query)
        ranked = sorted(hits, key=lambda ex_id: (-hits[ex_id].score, self._order[ex_id]))
        named = [ex_id for ex_id in ranked if hits[ex_id].score >= SURE_SCORE]
        maybe = [ex_id for ex_id in ranked if hits[ex_id].score >= MAYBE_SCORE]
        # "my knee hurts" reports pain: a body word in it is not a request for a goal
        goals = {} if REPORT_CUES & set(words(text)) else self._goal_hits(query)
        by_goal = sorted(goals, key=lambda ex_id: (-goals[ex_id], self._order[ex_id]))
        top = hits[ranked[0]]
        described = self._descriptions.scores(text)
        misplaced = self._descriptions.misplaced(text)
        for ex_id in misplaced & described.keys():
            described[ex_id] *= MISPLACED
        named = _uncovered(named, hits, query, self._vocabulary)
        # equal names: the longer match, then the better description, goes first
        named.sort(key=lambda ex_id: (-hits[ex_id].score, hits[ex_id].start - hits[ex_id].end,
                                      -described.get(ex_id, 0.0), self._order[ex_id]))
        chosen = named[0] if len(named) == 1 else None
        leader = max(described, key=described.__getitem__, default="")
        if (chosen is not None and chosen not in misplaced
                and not _negated(query, hits[chosen])
                and not _outvote_all(leader, [chosen], described)
                and not any(_inside(hits[chosen], hits[other]) for other in maybe
                            if other != chosen)):
            return self._match("sure", [chosen]), "name", hits[chosen], query
        if maybe or described:
            blended = self._blend(hits, described, maybe, misplaced)
            if blended:
                first, score = blended[0]
                leads = len(blended) == 1 or score >= DESCRIBED_LEAD * blended[1][1]
                if leads and not named and described.get(first, 0.0) >= SHOWN_SURE:
                    return self._match("sure", [first]), "described", top, query
                picks = [ex_id for ex_id, _ in blended]
                if len(named) > 1 and not _outvote_all(picks[0], named, described):
                    # names side by side: offer each of them first, the best blended first
                    picks = ([ex_id for ex_id in picks if ex_id in named]
                             + [ex_id for ex_id in picks if ex_id not in named])
                return self._choices(picks, ranked), "name" if maybe else "described", top, query
        if by_goal:
            best = goals[by_goal[0]]
            runner_up = goals[by_goal[1]] if len(by_goal) > 1 else 0
            if best > runner_up:
                return self._match("sure", by_goal[:1]), "goal", None, query
            return self._choices(by_goal, ranked), "goal", None, query
        return LibraryMatch("none", ()), "", None, query

    def _blend(
        self, hits: dict[str, _Hit], described: dict[str, float], maybe: list[str],
        misplaced: frozenset[str],
    ) -> list[tuple[str, float]]:
        """Name matches and description scores on one scale, best first; only exercises
        named at least plausibly or described well enough take part."""
        top = max(described.values(), default=0.0)
        blended: dict[str, float] = {}
        for ex_id in self.content.exercises:
            name = NAME_WEIGHT * hits[ex_id].score / 100 if ex_id in maybe else 0.0
            if ex_id in misplaced:
                name *= MISPLACED
            words = described.get(ex_id, 0.0)
            if name or words >= DESCRIBED_MAYBE:
                blended[ex_id] = name + (words / top if top else 0.0)
        return sorted(blended.items(), key=lambda item: (-item[1], self._order[item[0]]))

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
        said = set(words(text))
        asking = bool(said & SHOW_CUES) or (
            not said & REPORT_CUES and ("?" in text or bool(said & ASK_CUES))
        )
        if how in ("goal", "described"):
            return asking
        if asking:
            return True
        if hit is None or hit.score < SURE_SCORE or said & REPORT_CUES:
            return False
        rest = query[: hit.start] + query[hit.end :]
        return all(word in NEUTRAL for word in rest)


def _unique(items: Iterable[tuple[str, ...]]) -> tuple[tuple[str, ...], ...]:
    """Non-empty token tuples, each once, in first-seen order."""
    return tuple(dict.fromkeys(item for item in items if item))


def _inside(inner: _Hit, outer: _Hit) -> bool:
    """``outer`` covers ``inner``'s words and more."""
    return (outer.start <= inner.start and inner.end <= outer.end
            and outer.end - outer.start > inner.end - inner.start)


def _covers(outer: str, inner: str, hits: dict[str, _Hit], query: tuple[str, ...],
            vocabulary: dict[str, str]) -> bool:
    """``outer``'s matched words hold ``inner``'s, which are one of ``outer``'s own names
    too ("supine piriformis stretch" holds "piriformis stretch")."""
    words = " ".join(query[hits[inner].start:hits[inner].end])
    return _inside(hits[inner], hits[outer]) and words in vocabulary[outer]


def _uncovered(named: list[str], hits: dict[str, _Hit], query: tuple[str, ...],
               vocabulary: dict[str, str]) -> list[str]:
    """The named exercises that no other named one holds: "walking with a frame or the
    bridge" names the assisted walk and the bridge, not the plain walk as well."""
    return [ex_id for ex_id in named
            if not any(other != ex_id and _covers(other, ex_id, hits, query, vocabulary)
                       for other in named)]


def _outvote_all(rival: str, named: list[str], described: dict[str, float]) -> bool:
    """An exercise no name matched is described far better than every one named ("bend
    knee sliding foot up the bed" holds "knee bend", a squat's nickname; "lying on my side
    knees bent, lift the top knee" holds "knee lift" and "knee bend")."""
    best = max(described.get(ex_id, 0.0) for ex_id in named)
    return rival not in named and described.get(rival, 0.0) >= max(DESCRIBED_SURE,
                                                                   OUTVOTE * best)


def _negated(query: tuple[str, ...], hit: _Hit) -> bool:
    """'not the bridge' or 'other than the bridge': do not be sure about the bridge."""
    return any(word in NEGATIONS for word in query[max(0, hit.start - 3) : hit.start])


def exercise_card(
    content: Content, exercise: Exercise, level: Literal["easier", "normal", "harder"] = "normal",
    dose: Dose | None = None,
) -> str:
    """The exercise card as plain text (no markup: escape it for the parse mode in use);
    ``dose``: the one in use when the patient's plan sets its own."""
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
        f"{text('card_dose_heading')}\n{(dose or exercise.dose_for(level)).describe()}",
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
