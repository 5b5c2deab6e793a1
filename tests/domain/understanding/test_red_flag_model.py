"""The red-flag second opinion: reproducible, explainable, and mostly only a question.

The committed weights retrain byte for byte from the tune part, probes 1-2 and the
batches (checked by row key only: held-out texts are never read). The model may turn
nothing into a question or an alarm into a question (when the message has a qualifier
cue), never an alarm into nothing; only when it is sure (``alarm_from``) does it raise an
alarm (``test_red_flag_model_alone.py``); every question or alarm it causes names a
category and the words that weighed most.
"""

from __future__ import annotations

import json
import os
from dataclasses import replace

import pytest
import yaml

from bot.domain import routine as sm
from bot.domain.conversation import actions as act
from bot.domain.conversation.policy import STATES, decide
from bot.domain.understanding import red_flag_model, red_flag_review
from bot.domain.understanding.interpret import EVERYDAY_SURE, interpret
from bot.domain.understanding.qualifiers import cues
from bot.domain.understanding.reading import FlagHit
from bot.domain.understanding.red_flag_model import (
    DOUBT_WORDS,
    SCALE,
    WEIGHTS_FILE,
    RedFlagModel,
    category_features,
    features,
    from_data,
    load,
    probability,
)
from bot.domain.understanding.red_flag_review import RulesView, second_opinion, verdict
from bot.domain.understanding.red_flags import (
    RED_FLAGS,
    ambiguous_red_flag,
    detect_red_flags,
    prepared_message,
    scan_red_flags,
)
from tests.domain.understanding.corpus import RED_FLAG_CATEGORIES, Row
from tests.domain.understanding.split import SPLIT_FILE, corpus, held_out, row_key
from tests.domain.understanding.train_red_flag_model import (
    BATCHES,
    MAX_DOUBT,
    MIN_SURE,
    PROBE_FILES,
    build,
    data_of,
    inputs,
    inputs_digest,
    logit_of,
    seen,
    trained_on,
    training_rows,
)

#: 1.49 MB with the tune part, probes 1-2 and tune4 to tune6; 1.99 MB with every batch once
#: features seen in one row only (in one red flag, for the category head) were dropped;
#: 2.47 MB with tune161, read once per process in 0.06 s here. Raised from 2.5 MB to
#: 3.5 MB then: a read of about 0.1 s at first use costs nothing a patient notices.
MAX_BYTES = 3_500_000
#: ``FULL=1`` retrains in full and compares byte for byte (5 minutes).
FULL = os.environ.get("FULL") == "1"
#: Rules find nothing live; the model asks (shivery all night: an infection?). Round 31's
#: weights alarm on "been shivering and boiling hot in turns all night, can't get warm",
#: the example until then: rigors at night, the model now calls it alone.
MODEL_ASKS = "been shivery all night, can't get warm"
#: Rules alarm on "a clot"; a supposition, and the model says strongly "not live".
MODEL_DOUBTS = "I wonder whether a clot would feel like cramp, asking for my book club"
#: A plain emergency with no qualifier cue: never doubted, whatever the model says.
PLAIN_EMERGENCY = "my calf went hot and swollen two days after the hip op"
ORDINARY = ("did my bridges, 3/10", "hi there", "can I do the walk later today")


def clean(text: str) -> str:
    return prepared_message(text).text


# --- reproducible, and learnt from the tune part, probes 1-2 and the batches only -------


def test_the_committed_weights_were_trained_on_todays_inputs() -> None:
    """Training is deterministic, so the weights are stale exactly when what it reads has
    changed: the rows, their features, the rules' views of them, or the training code."""
    data, views = inputs()
    committed = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert committed["inputs_sha256"] == inputs_digest(data, views), (
        "red_flag_weights.json is stale: run "
        "python -m tests.domain.understanding.train_red_flag_model"
    )


def test_the_inputs_digest_sees_a_changed_label_feature_or_view() -> None:
    rows = [Row("a", "cant feel my bum when i wipe", "redflag", {"category": "cauda_equina"}),
            Row("b", "did my bridges", "done", {}),
            Row("c", "did my clams", "done", {})]
    data, views = data_of(rows), [seen(row.text) for row in rows]
    digest = inputs_digest(data, views)
    assert inputs_digest(data_of(rows), [seen(row.text) for row in rows]) == digest
    relabelled = [*rows[:2], replace(rows[2], intent="rest")]
    assert inputs_digest(data_of(relabelled), views) != digest
    assert inputs_digest(replace(data, feats=[*data.feats[:2], data.feats[2][:-1]]),
                         views) != digest
    flipped = replace(views[1], view=replace(views[1].view, asks=not views[1].view.asks))
    assert inputs_digest(data, [views[0], flipped, views[2]]) != digest


@pytest.mark.skipif(not FULL, reason="retrains in full (5 minutes): FULL=1 make test")
@pytest.mark.timeout(900)
def test_retraining_reproduces_the_committed_weights_exactly() -> None:
    text, _ = build()
    assert text == WEIGHTS_FILE.read_text(encoding="utf-8"), (
        "red_flag_weights.json is stale: run "
        "python -m tests.domain.understanding.train_red_flag_model"
    )


def test_the_model_saw_tuning_and_probe_rows_only() -> None:
    rows = training_rows()
    held = set(yaml.safe_load(SPLIT_FILE.read_text(encoding="utf-8"))["heldout_ids"])
    assert rows
    assert not {row_key(row.text) for row in rows} & held
    tunes = ("t4-", "t5-", "t6-", "t8-", "t9-", *(f"t{n}-" for n in BATCHES))
    probes = (*(f"{name.removesuffix('.yaml')}:" for name in PROBE_FILES), *tunes)
    assert all("probe3" not in name for name in PROBE_FILES)
    # Corpus rows come from the tune part only (a probe row's hash may fall in the
    # held-out bucket, but no probe text is a held-out text: checked above).
    assert not any(held_out(row.text) for row in rows if not row.id.startswith(probes))
    assert {row.intent for row in rows} >= {"redflag", "done", "pain", "social"}
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    assert data["trained_on"] == trained_on(rows)


def test_the_weights_are_small_and_load_with_ordered_thresholds() -> None:
    assert WEIGHTS_FILE.stat().st_size <= MAX_BYTES
    model = load()
    assert model is not None
    assert model.categories == RED_FLAG_CATEGORIES
    assert set(model.categories) == {flag.id for flag in RED_FLAGS}
    assert model.ask_from <= model.ask_from_qualified
    assert model.doubt_below <= logit_of(MAX_DOUBT)
    assert model.alarm_from >= max(logit_of(MIN_SURE), model.ask_from_qualified)
    assert probability(model.doubt_below) <= MAX_DOUBT + 1e-4
    assert all(len(row) == len(model.categories) for row in model.category_weights.values())


# --- deterministic and cheap ---------------------------------------------------------------


def test_scoring_is_deterministic_and_the_word_memo_changes_nothing() -> None:
    data = json.loads(WEIGHTS_FILE.read_text(encoding="utf-8"))
    first, second = from_data(data), from_data(data)
    for text in (MODEL_ASKS, MODEL_DOUBTS, PLAIN_EMERGENCY, *ORDINARY):
        prepared = clean(text)
        assert first.logit(prepared) == second.logit(prepared) == first.logit(prepared)
        assert first.evidence(prepared, live=True) == second.evidence(prepared, live=True)
        assert first.category(prepared) == second.category(prepared)
    assert features(clean(MODEL_ASKS)) == features(clean(MODEL_ASKS))
    assert set(category_features(clean(MODEL_ASKS))) <= set(features(clean(MODEL_ASKS)))


def test_the_score_is_the_sum_of_its_features() -> None:
    model = load()
    assert model is not None
    prepared = clean(MODEL_ASKS)
    assert model.logit(prepared) == sum(model.live.get(f, 0) for f in features(prepared))
    words = model.weighed(prepared)
    assert model.logit(prepared) == model.live["bias"] + sum(item.weight for item in words)


# --- explainable ---------------------------------------------------------------------------


def test_a_question_the_model_asks_names_the_concept_and_the_words() -> None:
    assert not detect_red_flags(MODEL_ASKS) and ambiguous_red_flag(MODEL_ASKS) is None
    reading = interpret(MODEL_ASKS)
    hit = reading.ask_about
    assert not reading.is_red_flag
    assert hit is not None and hit.source == "model" and hit.live
    assert hit.category in RED_FLAG_CATEGORIES
    assert hit.category == "infection"
    assert hit.evidence and len(hit.evidence) <= red_flag_model.EVIDENCE
    assert all(words in clean(MODEL_ASKS) for words in hit.evidence)
    assert MODEL_ASKS[hit.start : hit.start + len(hit.phrase)] == hit.phrase
    model = load()
    assert model is not None
    weights = [item.weight for item in model.evidence(clean(MODEL_ASKS), live=True)]
    assert weights == sorted(weights, reverse=True) and all(w > 0 for w in weights)


def test_evidence_never_names_bare_function_words() -> None:
    model = load()
    assert model is not None
    for text in (MODEL_ASKS, MODEL_DOUBTS, PLAIN_EMERGENCY):
        for live in (True, False):
            for item in model.evidence(clean(text), live=live):
                assert not set(item.words.split()) <= red_flag_model.FUNCTION_WORDS


def test_a_doubted_alarm_becomes_a_question_naming_the_words_against() -> None:
    assert detect_red_flags(MODEL_DOUBTS)
    assert cues(clean(MODEL_DOUBTS))
    reading = interpret(MODEL_DOUBTS)
    assert not reading.is_red_flag
    hit = reading.ask_about
    assert hit is not None and hit.source == "model_doubt"
    assert hit.category == "dvt"
    assert any(flag.qualifier == "unsure" for flag in reading.flags)
    assert hit.evidence and all(words in clean(MODEL_DOUBTS) for words in hit.evidence)
    assert MODEL_DOUBTS[hit.start : hit.start + len(hit.phrase)] == hit.phrase


# --- only ever a question --------------------------------------------------------------------


def test_a_plain_emergency_with_no_qualifier_cue_is_never_doubted() -> None:
    assert not cues(clean(PLAIN_EMERGENCY))
    reading = interpret(PLAIN_EMERGENCY)
    assert reading.is_red_flag and reading.emergency and reading.ask_about is None


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_messages_are_not_asked_about(text: str) -> None:
    reading = interpret(text)
    assert not reading.is_red_flag and reading.ask_about is None


def test_on_the_tune_rows_the_model_never_silences_or_raises_an_alarm() -> None:
    """Every tune row (never a held-out one): an alarm of the rules stays an alarm or
    becomes a question, and there is no alarm without the rules unless the model is sure
    of it; a rules' alarm in a message without a qualifier cue stays an alarm."""
    tune = [row for row in corpus() if not held_out(row.text)]
    sure = ("model_sure", "model_alone")
    for row in tune:
        rules_alarm = bool(detect_red_flags(row.text))
        reading = interpret(row.text)
        if reading.is_red_flag and not rules_alarm:
            assert all(hit.source in sure for hit in reading.live_flags), row.id
        if rules_alarm:
            assert reading.is_red_flag or reading.ask_about is not None, row.id
            if not cues(clean(row.text)):
                assert reading.is_red_flag, row.id


def test_without_the_weights_the_rules_decide(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(red_flag_review, "load", lambda: None)
    for text in (MODEL_ASKS, MODEL_DOUBTS):
        flags, vague = scan_red_flags(text), ambiguous_red_flag(text)
        assert second_opinion(text, flags, vague) == (flags, vague)


def _model(ask_from: int = 0, ask_from_qualified: int = 10_000, doubt_below: int = -20_000,
           alarm_from: int = 70_000) -> RedFlagModel:
    return RedFlagModel({}, RED_FLAG_CATEGORIES, {}, ask_from, ask_from_qualified, doubt_below,
                        alarm_from)


@pytest.mark.parametrize(
    ("view", "logit", "against", "expected"),
    [
        # a live rule hit: an alarm, unless doubtable, scored low, with words against
        (RulesView(True, False, False, False), -90_000, 90_000, "alarm"),
        (RulesView(True, True, False, False), -90_000, 90_000, "ask_doubt"),
        (RulesView(True, True, False, False), -20_000, 90_000, "alarm"),
        (RulesView(True, True, False, False), -90_000, DOUBT_WORDS - 1, "alarm"),
        (RulesView(True, True, False, False), None, 90_000, "alarm"),
        # the rules' own vague hit is asked about whatever the model says
        (RulesView(False, False, True, False), -90_000, 0, "ask_rules"),
        # nothing found: the model asks from ask_from
        (RulesView(False, False, False, False), 0, 0, "ask_model"),
        (RulesView(False, False, False, False), -1, 0, "none"),
        # words found and qualified by the rules: the model must be surer
        (RulesView(False, False, False, True), 9_999, 0, "none"),
        (RulesView(False, False, False, True), 10_000, 0, "ask_model"),
        # ... and from alarm_from, sure they are live: the rules' hit is an alarm
        (RulesView(False, False, False, True), 69_999, 0, "ask_model"),
        (RulesView(False, False, False, True), 70_000, 0, "alarm_model"),
        # ... and so does the rules' own vague hit; where the rules found nothing, the
        # model's own sign is an alarm (``second_opinion`` checks it names one)
        (RulesView(False, False, True, False), 69_999, 0, "ask_rules"),
        (RulesView(False, False, True, False), 70_000, 0, "alarm_model"),
        (RulesView(False, False, False, False), 69_999, 0, "ask_model"),
        (RulesView(False, False, False, False), 70_000, 0, "alarm_alone"),
    ],
)
def test_the_verdict_table(view: RulesView, logit: int | None, against: int, expected: str
                           ) -> None:
    assert verdict(view, logit, against, _model()) == expected


def test_probability_and_log_odds_agree() -> None:
    assert SCALE == 10_000
    assert abs(probability(logit_of(0.2)) - 0.2) < 1e-4
    assert probability(0) == 0.5


# --- the policy asks one yes/no question, in every state --------------------------------------


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("text", [MODEL_ASKS, MODEL_DOUBTS])
def test_a_model_question_is_asked_in_every_state(text: str, state: str) -> None:
    reading = interpret(text)
    got = decide(reading, state, sm.interpret_text(text))  # type: ignore[arg-type]
    assert got == (act.AskFlag(reading.ask_about),)  # type: ignore[arg-type]


def test_a_doubted_hit_is_not_live_but_keeps_its_words() -> None:
    hit = FlagHit("dvt", "emergency", "clot", 20)
    assert hit.live and hit.source == "rules" and hit.evidence == ()
    doubted = replace(hit, qualifier="unsure")
    assert not doubted.live


def test_these_phrases_are_not_corpus_rows() -> None:
    """Checked by row key only: held-out texts are never read."""
    mine = {row_key(t) for t in (MODEL_ASKS, MODEL_DOUBTS, PLAIN_EMERGENCY, *ORDINARY)}
    held = set(yaml.safe_load(SPLIT_FILE.read_text(encoding="utf-8"))["heldout_ids"])
    tune = {row_key(row.text) for row in corpus() if not held_out(row.text)}
    assert not mine & held
    assert not mine & tune


@pytest.mark.parametrize("text", [
    "hip is 3/10 this morning",
    "hip pain is 5 out of ten right now",
    "feels great, 0 pain!",
    "4 out of 10 after the walk, bit achy",
    "creeping up again this week, 4 now",  # a score parse_pain misses, pick_score finds
    "the hips a 2 today, best in ages",
])
def test_a_mild_score_alone_is_never_asked_about(text: str) -> None:
    reading = interpret(text)
    assert not reading.is_red_flag and reading.ask_about is None, reading.ask_about


@pytest.mark.parametrize("text", [
    "pain 3/10 but I can't feel my foot since this morning",
    "2/10 today but my calf is hot and swollen since the op",
])
def test_a_mild_score_beside_a_sign_still_alarms(text: str) -> None:
    assert interpret(text).is_red_flag


@pytest.mark.parametrize("text", [
    "my hip's a 9 today, worse than yesterday",
    "pain 8/10 this morning",
    "pain " + "9" * 40,
    "pain 1e9",
])
def test_a_high_score_alone_is_left_to_the_pain_screen(text: str) -> None:
    """A score of 6 or more gets the pain model's own red-flag screen (``policy``): the
    second opinion asks nothing first (``_score_only``, whatever the weights say)."""
    assert red_flag_review._score_only(prepared_message(text).text)
    flags, vague = scan_red_flags(text), ambiguous_red_flag(text)
    assert second_opinion(text, flags, vague) == (flags, vague)
    assert interpret(text).ask_about is None


@pytest.mark.parametrize("text", [
    "not sure if I should mention it, the top of my scar has opened up",
    "might be nothing but the wound has opened at one end",
    "don't want to bother you, my calf has gone hot and swollen since the op",
])
def test_a_hedge_about_telling_is_no_reason_to_doubt(text: str) -> None:
    """"Not sure if I should mention it": a hedge about telling, not a denial or a
    supposition about the sign, so the model may not turn the alarm into a question."""
    flags = scan_red_flags(text)
    assert any(hit.live for hit in flags)
    view = red_flag_review.rules_view(prepared_message(text), flags, None)
    assert not view.doubtable


@pytest.mark.parametrize("text", [
    "hip and me say morning!",
    "two weeks in already, where does the time go",
    "feeling far more hopeful since I started",
    # time, manner and talk: "like a 7", "nearly gone", "every time ... come on"
    "the limp has nearly gone, walking like a spring chicken",
    "every time the adverts come on I do a few ankle pumps",
    "sitting in the car is the worst, like a 7 after an hour",
    "tomatoes coming on a treat, the greenhouse is full",
])
def test_words_that_name_no_sign_never_ask_alone(text: str) -> None:
    """"hip", "weeks", "started", "felt" may weigh towards a flag in the model, but a
    question needs a word that names a sign (``GENERIC_WORDS``)."""
    reading = interpret(text)
    assert not reading.is_red_flag and reading.ask_about is None


# --- a message read for sure as an everyday one needs the model's higher score -----------


@pytest.mark.parametrize("text", [
    # (after round 20's retraining the model no longer asked "...on the bed" at all)
    "knee to chest on the floor 10 each leg",
    "knee to chest lying on the floor, 10 each leg",
])
def test_a_sure_everyday_report_needs_the_higher_score_to_be_asked(text: str) -> None:
    """Read at the lower score, the body words ("leg", "floor") would have asked it."""
    reading = interpret(text)
    assert reading.top.kind == "done" and reading.top.confidence >= EVERYDAY_SURE
    assert reading.ask_about is None and not reading.is_red_flag
    _, asked = red_flag_review.second_opinion(text, scan_red_flags(text),
                                              ambiguous_red_flag(text), False)
    assert asked is not None, "no longer a case for the higher score: pick another"


# --- sure of words the rules qualified: an alarm ---------------------------------------------

#: The rules match the sign but read it as a supposition or as someone else's; the model is
#: sure it is happening to the patient: the rules' hit is an alarm.
SURE_DESPITE_RULES = (
    ("pe", "should I still go on my walk if I get out of breath just getting to the bathroom "
           "and my chest hurts when I breathe in? my hip op was 10 days ago"),
    ("sudden_severe_pain", "my brother's hip suddenly went into agony an hour ago for no "
                           "reason at all, he's shaking"),
)
#: Suppositions and old history with the same words: the model is not sure, no alarm.
STILL_QUALIFIED = (
    "what should I do if my wound starts weeping?",
    "how would I know if I had a clot in my leg?",
    "had a clot in my calf in 2019, all sorted now, no swelling",
)


@pytest.mark.parametrize(("category", "text"), SURE_DESPITE_RULES)
def test_the_model_sure_of_qualified_words_raises_the_rules_hit(category: str, text: str
                                                                  ) -> None:
    reading = interpret(text)
    assert reading.is_red_flag
    sure = [hit for hit in reading.live_flags if hit.source == "model_sure"]
    assert [hit.category for hit in sure] == [category]
    assert sure[0].phrase in text and sure[0].evidence  # the rules' words, and the model's
    assert any(hit.qualifier in ("hypothetical", "other_person") for hit in reading.flags)


@pytest.mark.parametrize(("category", "text"), SURE_DESPITE_RULES)
def test_without_the_weights_the_qualified_words_stay_qualified(
        monkeypatch: pytest.MonkeyPatch, category: str, text: str) -> None:
    monkeypatch.setattr(red_flag_review, "load", lambda: None)
    flags, vague = scan_red_flags(text), ambiguous_red_flag(text)
    reviewed, _ = second_opinion(text, flags, vague)
    assert not any(hit.live for hit in reviewed)
    assert category in {hit.category for hit in reviewed}


@pytest.mark.parametrize("text", STILL_QUALIFIED)
def test_suppositions_and_history_stay_unalarmed(text: str) -> None:
    reading = interpret(text)
    assert reading.flags and not reading.is_red_flag
