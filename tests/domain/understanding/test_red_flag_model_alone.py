"""The red-flag model sure of a sign the rules did not find: an alarm that explains itself.

The rules are kept out of these tests (``second_opinion`` is given no hits), so they hold
whatever the rules learn later: the model alone must be sure (``alarm_from``), name a
sign in a word of its own, and quote the clause it stands in, for the clinician.
"""

from __future__ import annotations

import pytest

from bot.domain.understanding import red_flag_review
from bot.domain.understanding.reading import FlagHit
from bot.domain.understanding.red_flag_model import load
from bot.domain.understanding.red_flag_review import second_opinion
from bot.domain.understanding.red_flags import prepared_message
from handlers.base.red_flags import matched_words

#: Written for these tests, in lay words; the model alone is sure of each.
SURE = (
    ("wound", "the stitches line has gone angry red and hot and theres yellowy gunk "
              "seeping out of it"),
    ("dvt", "her leg has gone fat and purple from the knee down and it's hot, she had "
            "the new hip a fortnight ago"),
    ("pe", "cant catch my breath at all and chest is tight, op was last week"),
    ("dislocation", "heard a clunk when I bent to tie my shoe and now the hip won't move "
                    "and the leg looks short"),
    ("night_pain_sweats", "drenched every night, have to change the sheets, and the hip "
                          "pain wakes me whatever I do"),
)
#: Ordinary messages: the model is far from sure, so no alarm, whatever the rules say.
QUIET = (
    "did my bridges and the clams, 2 sets each, feeling good",
    "morning! what time will you remind me tomorrow?",
    "pain 9 today",  # a score alone: the pain model's own screen, never the model's alarm
    "the stitches came out on Tuesday and the nurse was happy with it",
)


@pytest.mark.parametrize(("category", "text"), SURE)
def test_a_sure_model_alarms_on_a_sign_the_rules_did_not_find(category: str, text: str
                                                               ) -> None:
    model = load()
    assert model is not None
    assert model.logit(prepared_message(text).text) >= model.alarm_from
    flags, ask = second_opinion(text, (), None)
    assert ask is None
    assert [(hit.category, hit.source, hit.live) for hit in flags] == [
        (category, "model_alone", True)]
    hit = flags[0]
    assert text[hit.start : hit.start + len(hit.phrase)] == hit.phrase
    assert len(hit.phrase.split()) >= 3  # a clause, not one word
    assert hit.evidence and all(w in prepared_message(text).text for w in hit.evidence)
    assert category in matched_words(flags) and "model:" in matched_words(flags)


@pytest.mark.parametrize("text", QUIET)
def test_ordinary_messages_raise_no_alarm_of_the_model(text: str) -> None:
    flags, _ = second_opinion(text, (), None)
    assert not any(hit.live for hit in flags)


@pytest.mark.parametrize(("category", "text"), SURE)
def test_without_the_weights_nothing_is_raised(monkeypatch: pytest.MonkeyPatch,
                                               category: str, text: str) -> None:
    monkeypatch.setattr(red_flag_review, "load", lambda: None)
    assert second_opinion(text, (), None) == ((), None)


def test_a_vague_hit_of_the_rules_becomes_an_alarm_when_the_model_is_sure() -> None:
    text = SURE[2][1]
    vague = FlagHit("pe", "emergency", "chest is tight", text.index("chest"))
    flags, ask = second_opinion(text, (), vague)
    assert ask is None
    assert [(hit.phrase, hit.source, hit.live) for hit in flags] == [
        ("chest is tight", "model_sure", True)]


def test_the_clinician_sees_the_rules_words_alone_for_a_rules_hit() -> None:
    hit = FlagHit("dvt", "emergency", "calf hot and swollen", 0)
    assert matched_words([hit]) == "dvt: \u201ccalf hot and swollen\u201d"
