"""The guided routine state machine: every transition, tokens, records, restarts."""

from __future__ import annotations

import json
import re
import string
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.content.model import Content, Dose, Exercise, ExerciseKind, Reason, Routine, Variant
from bot.domain.records import Record, Source
from bot.domain.routine import (
    AskPain,
    AskRedFlags,
    Cancel,
    Done,
    Easier,
    Event,
    Ignored,
    PainDuring,
    PainScore,
    Resume,
    Session,
    ShowCard,
    Skip,
    StepPrompt,
    StoppedForPain,
    Summary,
    SwitchedEasier,
    TimerEnd,
    TooPainful,
    Transition,
    apply,
    current_prompt,
    interpret_text,
    start_session,
    step_text,
    summary_text,
    timer_end,
    validate,
)

ROOT = Path(__file__).resolve().parents[3]
MESSAGES_FILE = ROOT / "content" / "messages" / "session.yaml"
NOW = datetime(2025, 3, 1, 7, 30, tzinfo=UTC)
TODAY = date(2025, 3, 1)
STAMP = "2025-03-01T07:30:00Z"


def _messages() -> dict[str, tuple[str, ...]]:
    raw = yaml.safe_load(MESSAGES_FILE.read_text(encoding="utf-8"))
    return {k: (v,) if isinstance(v, str) else tuple(v) for k, v in raw.items()}


def _exercise(
    id_: str,
    name: str,
    kind: ExerciseKind,
    dose: Dose,
    easier: Dose | None,
    helps: tuple[str, ...],
) -> Exercise:
    return Exercise(
        id=id_,
        name=name,
        kind=kind,
        aliases=(),
        position="",
        steps=("Move gently.",),
        dose=dose,
        helps=helps,
        why="",
        cues=(),
        stop_if="",
        easier=Variant("Smaller move", "Move through a smaller range.", easier),
        harder=Variant("Bigger move", "Add a set.", replace(dose, sets=dose.sets + 1)),
    )


def make_content() -> Content:
    """One exercise of each kind, like the real routine."""
    exercises = [
        _exercise(
            "stretch",
            "Hip flexor stretch",
            "hold",
            Dose(sets=3, hold_seconds=30, per_side=True),
            Dose(sets=3, hold_seconds=20, per_side=True),
            ("flexibility",),
        ),
        # no easier dose: "too painful" falls back to a gentler dose
        _exercise(
            "abduction",
            "Hip abduction",
            "reps",
            Dose(sets=1, reps=10, per_side=True),
            None,
            ("strength",),
        ),
        _exercise(
            "bridge",
            "Glute bridge",
            "reps",
            Dose(sets=1, reps=10, hold_seconds=3),
            Dose(sets=1, reps=6),
            ("strength",),
        ),
        _exercise(
            "walk", "Easy walk", "walk", Dose(sets=1, minutes=5), Dose(sets=1, minutes=3), ()
        ),
    ]
    reasons = {
        "flexibility": Reason("flexibility", "Flexibility", ("Stretching keeps the hip supple.",)),
        "strength": Reason("strength", "Strength", ("Strong muscles take load off the joint.",)),
    }
    return Content(
        exercises={e.id: e for e in exercises},
        reasons=reasons,
        routine=Routine(
            exercises=("stretch", "abduction", "bridge", "walk"),
            minutes=12,
            mobility_only=("walk", "stretch"),
        ),
        messages=_messages(),
    )


CONTENT = make_content()


def rec(id_: str, kind: str, **fields: object) -> dict[str, object]:
    """A full record as the session writes it: every field present."""
    base: dict[str, object] = {
        "id": f"s1:{id_}",
        "kind": kind,
        "date": "2025-03-01",
        "ts": STAMP,
        "source": "button",
        "exercise": None,
        "set": None,
        "side": None,
        "reps": None,
        "hold": None,
        "pain": None,
        "context": None,
        "session": "s1",
        "note": None,
    }
    base.update(fields)
    return base


def new(
    exercises: tuple[str, ...] | None = None, levels: Mapping[str, str] | None = None
) -> Session:
    session, _ = start_session(CONTENT, "s1", TODAY, NOW, levels=levels, exercises=exercises)
    return session


def go(session: Session, event: Event, now: datetime = NOW) -> Transition:
    """Apply one event and check the result is a valid, JSON-storable state."""
    t = apply(CONTENT, session, event, now, now.date())
    validate(t.session)
    json.dumps(t.session.to_dict())
    return t


def started(exercises: tuple[str, ...] | None = None) -> Session:
    """A session past the pain-before question."""
    s = new(exercises)
    return go(s, PainScore(3, s.token)).session


def kinds(outputs: Sequence[object]) -> list[str]:
    return [type(o).__name__ for o in outputs]


def ignored(outputs: Sequence[object]) -> list[str]:
    """The reasons, when every output is an Ignored; else the output types."""
    return [o.reason if isinstance(o, Ignored) else type(o).__name__ for o in outputs]


# --- starting ---------------------------------------------------------------------------


def test_start_builds_one_step_per_set_and_side_and_asks_pain_first():
    s, outputs = start_session(CONTENT, "s1", TODAY, NOW)
    shape = [(st.exercise_id, st.set_no, st.side, st.kind) for st in s.steps]
    assert shape == [
        ("stretch", 1, "left", "hold"),
        ("stretch", 1, "right", "hold"),
        ("stretch", 2, "left", "hold"),
        ("stretch", 2, "right", "hold"),
        ("stretch", 3, "left", "hold"),
        ("stretch", 3, "right", "hold"),
        ("abduction", 1, "left", "reps"),
        ("abduction", 1, "right", "reps"),
        ("bridge", 1, None, "reps"),
        ("walk", 1, None, "walk"),
    ]
    assert (s.phase, s.index, s.kind, s.date, s.started) == (
        "pain_before", 0, "routine", "2025-03-01", STAMP
    )  # fmt: skip
    assert len(outputs) == 1
    ask = outputs[0]
    assert isinstance(ask, AskPain)
    assert (ask.context, ask.token) == ("before", "s1:0")
    assert "Hip flexor stretch, Hip abduction, Glute bridge, Easy walk" in ask.text
    # From the steps, as the summary counts them, never the routine's declared 12:
    # holds 6 x 30 s, abduction 2 x 10 x 4 s, bridge 10 x (4 + 3) s, walk 300 s = 630 s.
    assert "About 11 minutes" in ask.text
    assert "0" in ask.text and "10" in ask.text


def test_start_levels_single_exercise_and_flare_plan():
    harder = new(levels={"stretch": "harder", "walk": "bogus"})
    assert [st.level for st in harder.steps if st.exercise_id == "stretch"] == ["harder"] * 8
    assert {st.level for st in harder.steps if st.exercise_id == "walk"} == {"normal"}
    one = new(("bridge",))
    assert one.kind == "custom"
    assert len(one.steps) == 1
    assert one.steps[0].reps == 10 and one.steps[0].hold == 3
    flare = new(CONTENT.routine.mobility_only)
    assert flare.kind == "mobility"
    assert [st.exercise_id for st in flare.steps][:1] == ["walk"]
    easier = new(("walk",), levels={"walk": "easier"})
    assert easier.steps[0].minutes == 3


def test_start_rejects_unknown_exercise_empty_list_and_naive_time():
    with pytest.raises(ValueError, match="unknown exercise"):
        new(("nope",))
    with pytest.raises(ValueError, match="at least one"):
        new(())
    with pytest.raises(ValueError, match="timezone"):
        start_session(CONTENT, "s1", TODAY, datetime(2025, 3, 1, 7, 30))


def test_step_texts_for_each_kind():
    s = new()
    texts = [step_text(CONTENT, st) for st in s.steps]
    assert texts[0].startswith("Set 1 of 3, left side: hold 30 s.")
    assert texts[1].startswith("Set 1 of 3, right side: hold 30 s.")
    assert texts[6] == "Set 1 of 1, left side: 10 slow repetitions, then tap Done or type done."
    assert texts[8] == (
        "Set 1 of 1: 10 slow repetitions, pausing 3 s at the top of each, "
        "then tap Done or type done."
    )
    assert texts[9] == "Walk for 5 minutes at an easy pace, then tap Done."


# --- a whole session ----------------------------------------------------------------------


def test_whole_session_records_in_full():
    s = new()
    records: list[Record] = []
    outputs: list[object] = []

    def step(event: Event) -> None:
        nonlocal s
        t = go(s, event)
        s = t.session
        stored = {r["id"] for r in records}
        records.extend(r for r in t.records if r["id"] not in stored)  # as the store does
        outputs.extend(t.outputs)

    step(PainScore(3, s.token))  # button
    step(Done("button", s.token))  # stretch 1 left
    step(Done("text"))  # stretch 1 right, typed
    step(Skip("button", s.token))  # stretch 2 left
    step(TooPainful("button", s.token))  # stretch 2 right
    step(PainScore(4, None, "text"))  # typed pain score: rest of the stretch switches
    step(Done("button", s.token))  # stretch 3 left, easier: 20 s
    step(Done("button", s.token))  # stretch 3 right
    step(Done("text", None, 8))  # abduction left: "done 8"
    step(Skip("text"))  # abduction right
    step(Done("button", s.token))  # bridge
    step(Done("button", s.token))  # walk
    step(PainScore(2, s.token))
    assert s.phase == "finished"

    assert records == [
        rec("pain:before", "pain", pain=3, context="before"),
        rec("0:done", "done", exercise="stretch", set=1, side="left", hold=30),
        rec("1:done", "done", source="text", exercise="stretch", set=1, side="right", hold=30),
        rec("2:skip", "skip", exercise="stretch", set=2, side="left"),
        rec("3:painful", "painful", source="text", exercise="stretch", set=2, side="right",
            pain=4),
        rec("4:done", "done", exercise="stretch", set=3, side="left", hold=20),
        rec("5:done", "done", exercise="stretch", set=3, side="right", hold=20),
        rec("6:done", "done", source="text", exercise="abduction", set=1, side="left", reps=8),
        rec("7:skip", "skip", source="text", exercise="abduction", set=1, side="right"),
        rec("8:done", "done", exercise="bridge", set=1, reps=10),
        rec("9:done", "done", exercise="walk", set=1, note="5 min"),
        # the day counts once the last step is handled, before the pain after is asked
        rec("complete", "routine_complete", source="system", note="routine"),
        rec("pain:after", "pain", pain=2, context="after"),
    ]
    # stretch sets 1 and 3, abduction set 1 (left side done), bridge, walk; stretch set 2
    # (left skipped, right too painful) counts as painful. Minutes: holds 30+30+20+20 s,
    # abduction 10 x 4 s (planned reps), bridge 10 x (4+3) s, walk 300 s = 510 s -> 9.
    assert outputs[-1] == Summary(
        session_id="s1",
        kind="routine",
        complete=True,
        exercises_done=4,
        exercises_total=4,
        sets_done=5,
        sets_skipped=0,
        sets_painful=1,
        minutes=9,
        pain_before=3,
        pain_after=2,
        exercise_ids=("stretch", "abduction", "bridge", "walk"),
        easier=("stretch",),
    )


def test_whole_session_outputs_show_card_once_per_exercise_and_switch_note():
    s = started()
    t = go(s, Done("button", s.token))
    assert kinds(t.outputs) == ["StepPrompt"]
    s = t.session
    for _ in range(3):
        s = go(s, Done("button", s.token)).session
    t = go(s, TooPainful("button", s.token))  # stretch set 3 left
    assert kinds(t.outputs) == ["AskPain"]
    ask = t.outputs[0]
    assert isinstance(ask, AskPain) and ask.context == "painful" and ask.token == "s1:6"
    t = go(t.session, PainScore(5, ask.token))
    assert kinds(t.outputs) == ["SwitchedEasier", "StepPrompt"]
    note, prompt = t.outputs
    assert isinstance(note, SwitchedEasier) and note.exercise_id == "stretch"
    assert "Smaller move" in note.text and "Move through a smaller range." in note.text
    assert isinstance(prompt, StepPrompt)
    assert (prompt.step.set_no, prompt.step.side, prompt.step.hold) == (3, "right", 20)
    assert prompt.step.level == "easier" and prompt.step.eased == "variant"
    assert prompt.text.startswith("Set 3 of 3, right side: hold 20 s.")
    assert prompt.timer is True
    t = go(t.session, Done("button", prompt.token))
    assert kinds(t.outputs) == ["ShowCard", "StepPrompt"]
    assert t.outputs[0] == ShowCard("abduction", "normal", Dose(sets=1, reps=10, per_side=True))


# --- tokens ---------------------------------------------------------------------------------


def test_stale_token_is_ignored_without_record_or_change():
    s = started()
    old = s.token
    s = go(s, Done("button", old)).session
    for event in (Done("button", old), Skip("button", old), TooPainful("button", old),
                  PainScore(5, old), Done("button", "other-session:1")):  # fmt: skip
        t = go(s, event)
        assert t.records == []
        assert kinds(t.outputs) == ["Ignored"]
        assert ignored(t.outputs) == ["stale"]
        assert t.session == s


def test_double_tap_records_once():
    s = started()
    tap = Done("button", s.token)
    first = go(s, tap)
    second = go(first.session, tap)
    assert [r["id"] for r in first.records] == ["s1:0:done"]
    assert second.records == []
    assert second.outputs == [Ignored("stale", second.outputs[0].text)]
    assert second.session.index == 1


def test_replaying_an_event_on_the_same_state_gives_the_same_record_ids():
    s = started()
    a = go(s, Done("button", s.token), NOW)
    b = go(s, Done("button", s.token), NOW + timedelta(minutes=5))
    assert [r["id"] for r in a.records] == [r["id"] for r in b.records]


def test_typed_reply_has_no_token_and_applies_to_the_current_step():
    s = started()
    t = go(s, Skip("text"))
    assert t.records[0]["id"] == "s1:0:skip" and t.records[0]["source"] == "text"
    t = go(t.session, Done("text", None, 12))  # reps override is only for reps steps
    assert t.records[0]["reps"] is None and t.records[0]["hold"] == 30


def test_pain_question_button_is_stale_after_it_was_answered():
    s = new()
    ask = s.token
    s = go(s, PainScore(3, ask)).session
    t = go(s, PainScore(4, ask))
    assert ignored(t.outputs) == ["stale"]
    assert t.records == []


def test_apply_leaves_the_given_session_untouched():
    s = started()
    before = s.to_dict()
    go(s, TooPainful("button", s.token))
    go(s, Done("button", s.token))
    assert s.to_dict() == before


# --- events out of place -----------------------------------------------------------------


def test_step_events_while_a_pain_score_is_expected():
    s = new()
    for event in (Done("button", s.token), TooPainful("text"), Easier()):
        t = go(s, event)
        assert kinds(t.outputs) == ["Ignored"]
        assert ignored(t.outputs) == ["expects_pain"]
        assert t.records == [] and t.session == s
    assert "0 to 10" in t.outputs[0].text


def test_pain_score_while_a_step_is_shown():
    s = started()
    t = go(s, PainScore(4, None, "text"))
    assert ignored(t.outputs) == ["expects_step"]
    assert t.records == [] and t.session == s


@pytest.mark.parametrize("score", [11, -1, 100, True])
def test_pain_out_of_range_is_refused(score: int):
    s = new()
    t = go(s, PainScore(score, s.token))
    assert ignored(t.outputs) == ["bad_pain"]
    assert t.records == [] and t.session == s


def test_resume_when_not_paused():
    s = started()
    t = go(s, Resume())
    assert ignored(t.outputs) == ["not_paused"]


# --- pain questions ------------------------------------------------------------------------


def test_pain_questions_may_be_skipped_without_a_record():
    s = new(("walk",))
    t = go(s, Skip("button", s.token))
    assert t.records == [] and t.session.phase == "step" and t.session.pain_before is None
    t = go(t.session, Done("text"))
    assert kinds(t.outputs) == ["AskPain"]
    assert isinstance(t.outputs[0], AskPain) and t.outputs[0].context == "after"
    t = go(t.session, Skip("text"))
    assert [r["kind"] for r in t.records] == ["routine_complete"]
    assert t.records[0]["note"] == "custom"
    assert t.session.phase == "finished"


# --- too painful ----------------------------------------------------------------------------


def test_too_painful_without_variant_dose_halves_the_reps():
    s = started(("abduction",))
    t = go(s, TooPainful("button", s.token))
    assert t.records == [] and t.session.phase == "pain_painful"
    t = go(t.session, PainScore(5, t.session.token))
    assert t.records == [
        rec("0:painful", "painful", exercise="abduction", set=1, side="left", pain=5)
    ]
    note, prompt = t.outputs
    assert isinstance(note, SwitchedEasier)
    assert "Hip abduction" in note.text and "1 × 5 repetitions, each side" in note.text
    assert isinstance(prompt, StepPrompt)
    assert (prompt.step.side, prompt.step.reps, prompt.step.eased) == ("right", 5, "gentler")
    assert prompt.text.startswith("Set 1 of 1, right side: 5 slow repetitions")
    assert t.session.easier == ["abduction"]


def test_too_painful_at_easier_level_goes_gentler_still():
    s, _ = start_session(CONTENT, "s1", TODAY, NOW, levels={"stretch": "easier"},
                         exercises=("stretch",))  # fmt: skip
    s = go(s, PainScore(2, s.token)).session
    s = go(s, TooPainful("button", s.token)).session
    t = go(s, PainScore(3, s.token))
    prompt = t.outputs[-1]
    assert isinstance(prompt, StepPrompt)
    assert (prompt.step.hold, prompt.step.eased) == (10, "gentler")  # 20 s halved
    # a second "too painful" halves again, never below 5 s
    s = go(t.session, TooPainful("text")).session
    t = go(s, PainScore(3, None, "text"))
    prompt = t.outputs[-1]
    assert isinstance(prompt, StepPrompt) and prompt.step.hold == 5
    assert t.session.easier == ["stretch"]


def test_too_painful_on_the_last_set_just_moves_on():
    s = started(("bridge", "walk"))
    s = go(s, TooPainful("button", s.token)).session
    t = go(s, PainScore(4, s.token))
    assert kinds(t.outputs) == ["ShowCard", "StepPrompt"]
    assert t.outputs[0] == ShowCard("walk", "normal", Dose(sets=1, minutes=5))


@pytest.mark.parametrize("score", [6, 7, 10])
def test_too_painful_above_5_stops_the_routine_as_typed_pain_does(score: int):
    s = started()
    s = go(s, TooPainful("button", s.token)).session
    t = go(s, PainScore(score, s.token))
    assert t.outputs == [StoppedForPain(score, before=False)]
    assert t.records == [
        rec("0:painful", "painful", exercise="stretch", set=1, side="left", pain=score)
    ]
    assert t.session.phase == "cancelled"
    typed = go(started(), PainDuring(score))
    assert typed.outputs == [StoppedForPain(score, before=False)]


def test_too_painful_at_5_eases_off_and_carries_on():
    s = started()
    s = go(s, TooPainful("button", s.token)).session
    t = go(s, PainScore(5, s.token))
    assert kinds(t.outputs) == ["SwitchedEasier", "StepPrompt"]
    assert t.session.phase == "step" and t.session.index == 1


def test_a_session_stored_while_paused_for_red_flags_waits_until_resumed():
    """Sessions saved by an older version in the red-flag pause still resume."""
    s = started()
    s = go(s, TooPainful("button", s.token)).session
    s = go(s, PainScore(4, s.token)).session
    s.index, s.phase, s.pain_painful = 0, "red_flag_check", 7
    paused = s
    assert current_prompt(CONTENT, paused) == [AskRedFlags("stretch", 7)]
    for event in (Done("text"), PainScore(3, None, "text"), Skip("text"),
                  Done("button", paused.token)):  # fmt: skip
        blocked = go(paused, event)
        assert ignored(blocked.outputs) == ["paused"]
        assert blocked.records == []
    t = go(paused, Resume())
    assert t.session.phase == "step" and t.session.index == 1


def test_high_pain_then_cancel():
    s = started()
    s = go(s, TooPainful("button", s.token)).session
    s = go(s, PainScore(9, s.token)).session
    t = go(s, Cancel())
    assert t.session.phase == "cancelled" and t.records == []
    assert ignored(t.outputs) == ["ended"]


def test_too_painful_answered_by_skip_records_no_score_and_no_red_flag_check():
    s = started(("stretch",))
    s = go(s, TooPainful("text")).session
    t = go(s, Skip("text"))
    assert t.records == [
        rec("0:painful", "painful", source="text", exercise="stretch", set=1, side="left")
    ]
    assert t.session.phase == "step"


# --- ending ---------------------------------------------------------------------------------


def test_cancel_then_nothing_more_is_recorded():
    s = started()
    s = go(s, Done("button", s.token)).session
    t = go(s, Cancel())
    assert t.records == [] and t.session.phase == "cancelled"
    assert kinds(t.outputs) == ["Cancelled"]
    ended = t.session
    for event in (Done("text"), Done("button", ended.token), PainScore(3, None, "text"),
                  Skip("text"), TooPainful("text"), Cancel(), Resume()):  # fmt: skip
        after = go(ended, event)
        assert after.records == [] and after.session == ended
        assert ignored(after.outputs) == ["ended"]
    assert ignored(current_prompt(CONTENT, ended)) == ["ended"]


def test_events_after_finish_are_ignored():
    s = started(("walk",))
    s = go(s, Done("text")).session
    s = go(s, PainScore(1, None, "text")).session
    assert s.phase == "finished"
    for event in (Done("text"), PainScore(2, None, "text"), Cancel()):
        t = go(s, event)
        assert t.records == [] and ignored(t.outputs) == ["ended"]


def test_all_skipped_is_not_complete():
    s = started(("bridge", "walk"))
    s = go(s, Skip("text")).session
    s = go(s, Skip("text")).session
    t = go(s, PainScore(3, None, "text"))
    assert [r["kind"] for r in t.records] == ["pain"]
    summary = t.outputs[0]
    assert isinstance(summary, Summary)
    assert (summary.complete, summary.exercises_done, summary.sets_skipped) == (False, 0, 2)
    assert summary_text(CONTENT, summary, streak=4).startswith("No sets logged today")


def test_nothing_done_because_of_pain_gets_a_caring_summary():
    s = started(("bridge",))
    s = go(s, TooPainful("text")).session
    s = go(s, PainScore(5, None, "text")).session
    t = go(s, PainScore(5, None, "text"))
    summary = t.outputs[0]
    assert isinstance(summary, Summary) and not summary.complete
    assert [r["kind"] for r in t.records] == ["pain"]
    assert "stopping was the right call" in summary_text(CONTENT, summary)


def test_records_use_the_local_date_and_utc_stamp_passed_in():
    s = started()
    from zoneinfo import ZoneInfo

    late = datetime(2025, 3, 2, 0, 15, tzinfo=ZoneInfo("Europe/Berlin"))
    t = apply(CONTENT, s, Done("text"), late, late.date())
    assert (t.records[0]["date"], t.records[0]["ts"]) == ("2025-03-02", "2025-03-01T23:15:00Z")
    with pytest.raises(ValueError, match="timezone"):
        apply(CONTENT, s, Done("text"), datetime(2025, 3, 1), TODAY)


# --- restart ----------------------------------------------------------------------------------


def test_round_trip_mid_session_continues_at_the_same_step():
    s = started()
    s = go(s, Done("button", s.token)).session
    s = go(s, TooPainful("button", s.token)).session
    s = go(s, PainScore(4, s.token)).session  # steps rebuilt, eased
    stored = json.loads(json.dumps(s.to_dict()))
    assert stored["v"] == 1
    back = Session.from_dict(stored)
    assert back == s
    assert back is not None
    assert current_prompt(CONTENT, back) == current_prompt(CONTENT, s)
    prompt = current_prompt(CONTENT, back)[-1]
    assert isinstance(prompt, StepPrompt) and prompt.index == 2 and prompt.token == s.token
    t = go(back, Done("button", prompt.token))
    assert t.records[0]["id"] == "s1:2:done" and t.records[0]["hold"] == 20


@pytest.mark.parametrize("phase_events", [0, 1, 2, 3])
def test_current_prompt_in_each_waiting_phase(phase_events: int):
    s = new(("walk",))
    events: list[Callable[[Session], Event]] = [
        lambda x: PainScore(3, x.token),
        lambda x: TooPainful("text"),
        lambda x: PainScore(2, x.token),
        lambda x: PainScore(1, x.token),
    ]
    for make in events[:phase_events]:
        s = go(s, make(s)).session
    shown = current_prompt(CONTENT, s)
    expected = {0: ["AskPain"], 1: ["ShowCard", "StepPrompt"], 2: ["AskPain"], 3: ["AskPain"]}
    assert kinds(shown) == expected[phase_events]
    if shown and isinstance(shown[-1], AskPain | StepPrompt):
        assert shown[-1].token == s.token


@pytest.mark.parametrize(
    "mangle",
    [
        lambda d: {**d, "v": 2},
        lambda d: {k: v for k, v in d.items() if k != "v"},
        lambda d: {**d, "phase": "dancing"},
        lambda d: {**d, "index": 99},
        lambda d: {**d, "steps": []},
        lambda d: {**d, "steps": [{"exercise_id": "x"}]},
        lambda d: {**d, "index": "1"},
        lambda d: {**d, "pain_before": 12},
        lambda d: {**d, "phase": "finished"},  # steps left undone
        lambda d: "not a dict",
        lambda d: None,
    ],
)
def test_from_dict_refuses_other_versions_and_broken_data(mangle):
    s = started()
    assert Session.from_dict(mangle(s.to_dict())) is None


def test_from_dict_ignores_unknown_keys():
    s = started()
    assert Session.from_dict({**s.to_dict(), "added_later": 1}) == s


# --- texts --------------------------------------------------------------------------------------


def test_summary_text_with_streak_and_reason():
    summary = Summary("s1", "routine", True, 3, 4, 5, 1, 0, 9, 4, 2, ("stretch",), ())
    text = summary_text(CONTENT, summary, streak=3, reason="Movement keeps joints happy.")
    lines = text.splitlines()
    assert lines[1] == "Exercises: 3 of 4. Sets done: 5. Time: about 9 minutes."
    assert "Sets skipped: 1." in lines
    assert "Hip pain before: 4/10, now: 2/10." in lines
    assert "That's 3 days in a row." in lines
    assert lines[-1] == "Movement keeps joints happy."
    first = summary_text(CONTENT, replace(summary, minutes=1), streak=1)
    assert "Day 1 of your streak." in first and "about 1 minute." in first
    assert first.splitlines()[-1] == "Stretching keeps the hip supple."  # from the card's helps


def test_timer_end_says_switch_sides_or_set_done():
    s = started()
    left = timer_end(CONTENT, s, s.token)
    assert isinstance(left, TimerEnd) and left.token == s.token
    assert "switch sides" in left.text or "other side" in left.text
    s = go(s, Done("button", s.token)).session
    right = timer_end(CONTENT, s, s.token)
    assert isinstance(right, TimerEnd) and "Done" in right.text
    assert "side" not in right.text
    stale = timer_end(CONTENT, s, "s1:1")
    assert isinstance(stale, Ignored) and stale.reason == "stale"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("done", Done("text", None, None)),
        ("Done 8", Done("text", None, 8)),
        ("skip", Skip("text", None)),
        ("too painful", TooPainful("text", None)),
        ("7/10", PainScore(7, None, "text")),
        ("done but it hurts", None),
        ("skip, it hurts", None),
        ("how do I do the bridge?", None),
    ],
)
def test_interpret_text(text: str, expected: object):
    assert interpret_text(text) == expected


def test_messages_file_covers_every_key_the_package_uses():
    messages = _messages()
    assert all(key.startswith("session_") for key in messages)
    for options in messages.values():
        for option in options:
            for _, field, _, _ in string.Formatter().parse(option):
                assert field is None or field.isidentifier()
    package = ROOT / "bot" / "domain" / "routine"
    source = "\n".join(p.read_text(encoding="utf-8") for p in sorted(package.glob("*.py")))
    literal = set(re.findall(r"\"(session_[a-z_]+)\"", source))
    dynamic = {
        *(f"session_ignored_{r}" for r in
          ("ended", "stale", "expects_pain", "expects_step", "bad_pain", "paused", "not_paused")),
        *(f"session_ask_pain_{c}" for c in ("before", "painful", "after")),
        "session_side_left", "session_side_right",
    }  # fmt: skip
    assert literal | dynamic <= set(messages)
    for key in ("session_button_done", "session_button_skip", "session_button_painful",
                "session_button_timer"):  # fmt: skip
        assert key in messages


# --- random sequences -------------------------------------------------------------------------

TOKEN_CHOICES = st.sampled_from(["current", "none", "previous", "older", "foreign"])
EVENTS = st.one_of(
    st.tuples(st.just("pain"), st.integers(-3, 13), TOKEN_CHOICES),
    st.tuples(st.just("done"), st.one_of(st.none(), st.integers(-5, 600)), TOKEN_CHOICES),
    st.tuples(st.just("skip"), st.none(), TOKEN_CHOICES),
    st.tuples(st.just("painful"), st.none(), TOKEN_CHOICES),
    st.tuples(st.just("cancel"), st.none(), st.just("none")),
    st.tuples(st.just("resume"), st.none(), st.just("none")),
)


def _token(choice: str, session: Session, seen: list[str]) -> str | None:
    if choice == "current":
        return session.token
    if choice == "previous":
        return seen[-2] if len(seen) > 1 else session.token
    if choice == "older":
        return seen[0]
    if choice == "foreign":
        return "other:3"
    return None


def _event(spec: tuple[str, int | None, str], session: Session, seen: list[str]) -> Event:
    name, number, choice = spec
    token = _token(choice, session, seen)
    source: Source = "text" if token is None else "button"
    if name == "pain":
        return PainScore(number or 0, token, source)
    if name == "done":
        return Done(source, token, number)
    if name == "skip":
        return Skip(source, token)
    if name == "painful":
        return TooPainful(source, token)
    return Cancel() if name == "cancel" else Resume()


@settings(max_examples=200, deadline=None)
@given(
    exercises=st.sampled_from([None, ("walk",), ("stretch",), ("abduction", "bridge")]),
    specs=st.lists(EVENTS, max_size=40),
)
def test_random_event_sequences_keep_the_machine_sound(exercises, specs):
    s = new(exercises)
    seen = [s.token]
    records: list[dict[str, object]] = []
    for spec in specs:
        before = s
        t = apply(CONTENT, s, _event(spec, s, seen), NOW, TODAY)
        validate(t.session)
        assert Session.from_dict(json.loads(json.dumps(t.session.to_dict()))) == t.session
        assert t.outputs, "every event gets an answer"
        if any(isinstance(o, Ignored) for o in t.outputs):
            assert t.session == before and t.records == []
        if before.phase in ("finished", "cancelled"):
            assert t.records == []
        s = t.session
        if s.token != seen[-1]:
            seen.append(s.token)
        records.extend(t.records)
    # the day's completion is written when the last step is handled and again at the
    # end (the store keeps the first: same id); every other record is written once
    ids = [r["id"] for r in records if r["kind"] != "routine_complete"]
    assert len(ids) == len(set(ids))
    per_step: dict[str, int] = {}
    for r in records:
        if r["kind"] in ("done", "skip", "painful"):
            index = str(r["id"]).split(":")[1]
            per_step[index] = per_step.get(index, 0) + 1
    assert all(count == 1 for count in per_step.values())
    completes = {r["id"] for r in records if r["kind"] == "routine_complete"}
    assert len(completes) <= 1
    if completes:
        assert s.phase in ("pain_after", "finished", "cancelled")
        assert any(r["kind"] == "done" for r in records)
    assert all(r["pain"] is None or 0 <= r["pain"] <= 10 for r in records)
