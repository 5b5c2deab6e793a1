"""The FAQ matcher (``faq_match``) and which readings carry its entry (``faq_reading``):
red flags, warning signs and requests for an exercise's card are never answered from it."""

from __future__ import annotations

import zlib
from dataclasses import replace

import numpy as np
import pytest

from bot.content import DEFAULT_CONTENT_DIR, load_content
from bot.content.model import FaqEntry
from bot.domain.understanding.faq_match import MIN_SIMILARITY, FaqIndex, faq_index, stem, terms
from bot.domain.understanding.faq_reading import STRONG_SIMILARITY, strong, with_faq
from bot.domain.understanding.interpret import interpret
from bot.domain.understanding.reading import Interpretation, Reading, Slots

CONTENT = load_content(DEFAULT_CONTENT_DIR)
INDEX = faq_index(CONTENT)


def entry_of(text: str) -> str | None:
    found = INDEX.match(text)
    return found.entry if found is not None else None


def read(text: str) -> Interpretation:
    return with_faq(interpret(text), text, INDEX)


@pytest.mark.parametrize(("text", "entry"), [
    ("am i ok to get in the bath yet", "bathing"),
    ("when can i start driving again after the op", "driving"),
    ("why is my hip so stiff first thing when i get up", "morning_stiffness"),
    ("shud i take paracetomol before", "painkillers"),
    ("will losing some wieght help", "weight_loss"),  # a swapped letter
    ("is swiming ok", "swimming"),  # a letter left out
    ("how do i do the stairs", "stairs"),
    ("right, what comes next", "next"),
])
def test_everyday_questions_find_their_entry(text: str, entry: str) -> None:
    assert entry_of(text) == entry


@pytest.mark.parametrize(("text", "entry"), [
    # lay expressions read as one word: a stick-on patch is no walking stick, a step
    # count is walking, not stairs, a long drive is sitting, "this thing" is the bot
    ("could i try a stick-on heat patch", "ice_heat"),
    ("my fitbit says 3000 steps, is that enough", "walking_amount"),
    ("long drive up north tomorrow, any advice", "sitting_long"),
    ("how does this app work", "bot_help"),
    ("would an automatic be easier to drive", "driving"),
    ("can i pick up where i left off after a week away", "missed_days"),
    ("is it bad to pick things up off the floor", "bending"),
    # small words in one form: "make love" meets "making love", "till" meets "before",
    # "a rough night" is a bad night
    ("when can we make love", "sex"),
    ("how long till i can feel normal", "recovery_time"),
    ("rough night, should i still do them", "tired"),
    # a small word or two between the words of a keyword
    ("who can see what i write here", "privacy"),
    # word families: "harmful", "sexual"
    ("is the pain harmful", "hurt_not_harm"),
    ("sexual activity after a hip op, when", "sex"),
])
def test_lay_expressions_small_words_and_word_families(text: str, entry: str) -> None:
    assert entry_of(text) == entry


@pytest.mark.parametrize("text", [
    "how do i make a lasagne", "can you recommend a good film", "hello", "",
    "qwzx", "🙂",
    "is it going to rain tomorrow",  # the forecast, not the weather's effect on a hip
    "when is my next appointment",  # not what comes next in the routine
])
def test_other_messages_find_none(text: str) -> None:
    assert entry_of(text) is None


def test_words_are_brought_to_one_form() -> None:
    assert stem("swimming") == "swim" and stem("crossed") == "cross"
    assert stem("morning") == "morning"  # not "morn"
    assert terms("Crutches or a Zimmer frame?") == ["stick", "stick", "stick"]
    assert terms("is it ok to do it") == []
    assert terms("am i allowed, is it supposed to") == []  # small words once stemmed too
    assert stem("harmful") == "harm" and stem("painful") == "painful"


def test_an_index_of_made_up_entries_uses_their_words() -> None:
    """Content-driven: the index knows only the entries it is given (a few dozen, as
    the real FAQ, so that a word of one entry is a rare word)."""
    fillers = [FaqEntry(f"other_{n}", f"Question {n}?", f"Answer number {n}.", ())
               for n in range(30)]
    index = FaqIndex([
        FaqEntry("parking", "Where can I park?", "The clinic car park is free.", ("park",)),
        FaqEntry("hours", "When are you open?", "Nine to five, Monday to Friday.", ()),
        *fillers,
    ])
    assert (found := index.match("is there anywhere to park")) is not None
    assert found.entry == "parking" and found.margin > 0.5 and found.evidence >= 1
    assert index.match("what about lunch") is None
    assert index.warning_signs is None


def test_a_command_an_answer_offers_is_not_what_it_is_about() -> None:
    fillers = [FaqEntry(f"other_{n}", f"Question {n}?", f"Answer number {n}.", ())
               for n in range(30)]
    index = FaqIndex([
        FaqEntry("hours", "When are you open?", "Nine to five; send /parking for more.", ()),
        *fillers,
    ])
    assert "parking" not in index.weights["hours"]


def test_a_question_carries_its_entry() -> None:
    reading = read("am i allowed in the swimming pool")
    assert reading.top.kind == "question" and reading.top.slots.faq == "swimming"


def test_a_red_flag_is_never_answered() -> None:
    text = "my calf is hot and swollen, can i still go swimming"
    reading = read(text)
    assert reading.is_red_flag and reading.top.kind == "redflag"
    assert reading == interpret(text)


def test_a_vague_warning_sign_keeps_its_safety_question() -> None:
    base = Interpretation(readings=(Reading("question", 0.9),),
                          ask_about=interpret("my leg feels odd since the op").ask_about)
    assert base.ask_about is not None
    assert with_faq(base, "can i go swimming", INDEX) is base


@pytest.mark.parametrize("text", [
    "if my calf ever swells up do I need to go to A&E?",
    "what should I do if my wound starts leaking, do I go to A&E?",
    "if I get chest pain should I go to A&E?",
])
def test_a_question_about_a_warning_sign_gets_the_warning_signs(text: str) -> None:
    """(A supposed sign the second opinion is sure enough of, "if my calf goes hot and
    tight...", gets the safety question instead: the stricter answer.)"""
    reading = read(text)
    assert not reading.is_red_flag
    assert reading.top.slots.faq == "warning_signs"


def test_a_request_for_an_exercise_card_stays_one() -> None:
    for text in ("how do I do the glute bridge?", "show me the clams"):
        reading = read(text)
        assert reading.top.kind == "exercise" and reading.top.slots.faq is None, text


def test_something_for_stiff_hips_still_offers_exercises() -> None:
    reading = read("any stretches for stiff hips?")
    assert reading.top.slots.faq is None


def test_an_unknown_needs_a_strong_match() -> None:
    assert read("can you book me a taxi for 3").top.slots.faq is None
    assert read("who won the match last night").top.slots.faq is None


def test_a_pain_score_is_never_a_question() -> None:
    reading = read("my pain is 4 this morning, is that normal")
    assert reading.top.kind == "pain" and reading.top.slots.score == 4


def test_a_score_less_pain_report_that_asks_is_answered() -> None:
    fake = Interpretation(readings=(Reading("pain", 0.8, Slots(score=None)),))
    answered = with_faq(fake, "stiff as a board every morning, is that normal?", INDEX)
    assert answered.top.kind == "question"
    assert answered.top.slots.faq == "morning_stiffness"
    assert with_faq(fake, "stiff as a board every morning", INDEX) is fake  # a report


# --- meaning as well as words (a stand-in encoder: the real one is tested in
# tests/semantics and measured by the corpus) ----------------------------------------------


class TopicEncoder:
    """Places a text on one axis per topic word it contains, plus a little on an axis of
    its own: a stand-in for the model whose closeness the test controls."""

    axes = ("zorbly", "quix", "snoof")  # words no entry uses

    def encode(self, text: str) -> np.ndarray:
        vector = np.zeros(len(self.axes) + 4096, np.float32)
        for i, axis in enumerate(self.axes):
            vector[i] = float(axis in text)
        vector[len(self.axes) + zlib.crc32(text.encode()) % 4096] = 0.2
        return vector / np.linalg.norm(vector)

    def encode_all(self, texts: object) -> np.ndarray:
        return np.stack([self.encode(t) for t in texts])  # type: ignore[attr-defined]


def _with_askings() -> list[FaqEntry]:
    asked = {"ice_heat": ("something zorbly on it?",), "car": ("when can i quix",)}
    return [replace(e, askings=asked.get(e.id, ())) for e in CONTENT.faq.values()]


def test_a_question_sharing_no_word_with_its_entry_is_found_by_meaning() -> None:
    text = "is a zorbly thing good"
    assert INDEX.match(text) is None  # no shared word
    found = FaqIndex(_with_askings(), TopicEncoder()).match(text)
    assert found is not None and found.entry == "ice_heat"
    assert found.similarity > 0.9 and found.score == 0


def test_meaning_far_from_every_asking_gives_no_answer() -> None:
    index = FaqIndex(_with_askings(), TopicEncoder())
    assert index.match("the cat had kittens") is None
    assert index.similarities("the cat had kittens")["ice_heat"] < MIN_SIMILARITY


def test_words_and_meaning_add_up() -> None:
    """Strong words still win against a weaker pull of meaning."""
    index = FaqIndex(_with_askings(), TopicEncoder())
    found = index.match("can i quix? also is a hot water bottle or an ice pack better")
    assert found is not None and found.entry == "ice_heat"
    words = INDEX.match("can i quix? also is a hot water bottle or an ice pack better")
    assert words is not None and words.entry == "ice_heat"


def test_a_close_match_is_strong_enough_to_answer_a_non_question() -> None:
    index = FaqIndex(_with_askings(), TopicEncoder())
    found = index.match("something zorbly on it")
    assert found is not None and found.similarity >= STRONG_SIMILARITY  # type: ignore[operator]
    assert strong(found)
