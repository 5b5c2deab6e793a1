"""content/faq.yaml: the real FAQ is safe and phone-sized, and every mistake a clinician
can make in it is refused with one line naming the file, the entry and the field
(issue #22, item 4)."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from bot.content import DEFAULT_CONTENT_DIR, ContentError, check_content_main, load_content
from bot.content.faq import (
    ASK_COMMAND,
    MAX_ANSWER_CHARS,
    MAX_ASKING_CHARS,
    MAX_ASKINGS,
    MEDICINE_WORDS,
)
from bot.content.model import Content
from bot.domain.commands import PATIENT_COMMANDS
from tests.content.test_content_loader import copy_content, load_error, mutate

#: What the issue asks the FAQ to cover at least (and the answers it had before).
REQUIRED = (
    "ice_heat", "painkillers", "recovery_time", "sleeping", "stairs", "driving", "sex",
    "hurt_not_harm", "missed_days", "cross_legs", "how_often", "sore_next_day", "swimming",
    "walking_aids", "sitting_long", "work", "weight_loss", "shoes", "clicking",
    "morning_stiffness", "doing_more", "pain_during", "warm_up", "tired", "weather",
    "bending", "car", "bathing", "reminders", "progress", "pausing", "bot_help",
    "harder", "easier", "hold", "next", "why_move",
)
_COMMAND = re.compile(r"(?<![\w/])/([a-z_]+)")


@pytest.fixture(scope="module")
def content() -> Content:
    return load_content(DEFAULT_CONTENT_DIR)


def test_the_real_faq_covers_the_everyday_questions(content: Content) -> None:
    assert len(content.faq) >= 32
    assert set(REQUIRED) <= set(content.faq)
    assert all(entry.id == key for key, entry in content.faq.items())


def test_answers_are_phone_sized_and_offer_only_real_commands(content: Content) -> None:
    commands = {name for name, _ in PATIENT_COMMANDS}
    for entry in content.faq.values():
        assert 40 <= len(entry.answer) <= MAX_ANSWER_CHARS, entry.id
        assert len(entry.title) <= 80 and entry.title.endswith("?"), entry.id
        assert set(_COMMAND.findall(entry.answer)) <= commands, entry.id
        assert "\n" not in entry.answer and "  " not in entry.answer, entry.id


def test_medicines_and_personal_advice_go_to_a_person(content: Content) -> None:
    """Anything about medicines, or that depends on the patient's own operation, offers
    /ask (the clinician) rather than advice."""
    for entry in content.faq.values():
        if MEDICINE_WORDS.search(entry.answer):
            assert ASK_COMMAND.search(entry.answer), entry.id
    for entry_id in ("painkillers", "driving", "sex", "cross_legs", "bathing", "work",
                     "warning_signs", "ask_clinician"):
        assert "/ask" in content.faq[entry_id].answer, entry_id
    assert "pharmacist" in content.faq["painkillers"].answer
    warning = [e for e in content.faq.values() if e.warning_signs]
    assert [e.id for e in warning] == ["warning_signs"]


def test_the_answers_that_were_messages_keep_their_meaning(content: Content) -> None:
    faq = content.faq
    assert "easier please" in faq["easier"].answer
    assert "Show the harder version" in faq["harder"].answer
    assert "/routine" in faq["next"].answer
    assert "/remind" in faq["reminders"].answer and "/pause" in faq["reminders"].answer
    assert "/progress" in faq["progress"].answer
    assert "never a bounce" in faq["hold"].answer
    assert "lifts your mood" in faq["why_move"].answer
    assert "15 minutes" in faq["recovery_time"].answer
    assert "faq_other" in content.messages
    assert not [key for key in content.messages if key.startswith("faq_") and key != "faq_other"]


def test_check_content_counts_the_faq(capsys: pytest.CaptureFixture[str],
                                      content: Content) -> None:
    assert check_content_main(DEFAULT_CONTENT_DIR) == 0
    out, _ = capsys.readouterr()
    assert f", {len(content.faq)} FAQ entries, " in out


# --- every mistake: one line, the file, the entry and the field ------------------------------


def _entry(entry_id: str, change: Callable[[dict[str, Any]], None]) -> Callable[[Any], None]:
    def apply(data: Any) -> None:
        change(next(item for item in data["faq"] if item["id"] == entry_id))
    return apply


def _second_entry_as(entry_id: str) -> Callable[[Any], None]:
    def apply(data: Any) -> None:
        data["faq"][1]["id"] = entry_id
    return apply


def _add_keyword(entry_id: str, keyword: str) -> Callable[[Any], None]:
    return _entry(entry_id, lambda item: item.setdefault("keywords", []).append(keyword))


CASES: list[tuple[str, Callable[[Any], None], str, str]] = [
    ("duplicate id", _second_entry_as("ice_heat"), "faq[ice_heat].id",
     "duplicate FAQ id 'ice_heat'"),
    ("empty answer", _entry("stairs", lambda e: e.update(answer="  ")),
     "faq[stairs].answer", "must not be empty"),
    ("long answer", _entry("stairs", lambda e: e.update(answer="Go slowly. " * 70)),
     "faq[stairs].answer", f"is too long (at most {MAX_ANSWER_CHARS} characters)"),
    ("medicine without /ask",
     _entry("shoes", lambda e: e.update(answer="Take two paracetamol first.")),
     "faq[shoes].answer", "mentions 'paracetamol': an answer about medicines must offer /ask"),
    ("no title", _entry("shoes", lambda e: e.pop("title")), "faq[shoes].title", "is missing"),
    ("bad id", _entry("shoes", lambda e: e.update(id="Shoes!")), "faq[Shoes!].id",
     "must be lower-case letters"),
    ("unknown field", _entry("shoes", lambda e: e.update(answr="x")), "faq[shoes].answr",
     "is not a known field"),
    ("keyword twice", _add_keyword("shoes", "Trainers"), "faq[shoes].keywords[6]",
     "keyword 'Trainers' is listed twice"),
    ("keyword of another", _add_keyword("shoes", "ice pack"), "faq[shoes].keywords[6]",
     "keyword 'ice pack' is already a keyword of 'ice_heat'"),
    ("same title", _entry("shoes", lambda e: e.update(title="Should I use ice or heat?")),
     "faq[shoes].title", "the same title as 'ice_heat'"),
    ("two warning-signs entries", _entry("sex", lambda e: e.update(warning_signs=True)),
     "faq[warning_signs].warning_signs",
     "only one entry may answer warning signs ('sex' already does)"),
    ("warning signs without /ask",
     _entry("warning_signs", lambda e: e.update(answer="Call your doctor.")),
     "faq[warning_signs].answer", "the warning-signs answer must offer /ask"),
]


@pytest.mark.parametrize(("case", "change", "field", "message"), CASES,
                         ids=[case[0] for case in CASES])
def test_a_mistake_in_the_faq_is_one_line(
    tmp_path: Path, case: str, change: Callable[[Any], None], field: str, message: str
) -> None:
    directory = copy_content(tmp_path)
    mutate(directory, "faq.yaml", change)
    err = load_error(directory)
    assert (err.file, err.field) == ("content/faq.yaml", field), str(err)
    assert message in err.message
    assert err.line is not None
    assert str(err).startswith(f"content/faq.yaml: {field}: ")


def test_several_mistakes_are_one_line_each(tmp_path: Path) -> None:
    directory = copy_content(tmp_path)

    def change(data: Any) -> None:
        _second_entry_as("ice_heat")(data)
        _entry("shoes", lambda e: e.update(answer="Ibuprofen helps."))(data)

    mutate(directory, "faq.yaml", change)
    lines = str(load_error(directory)).splitlines()
    assert len(lines) == 2
    assert all(line.startswith("content/faq.yaml: faq[") for line in lines)


def test_a_missing_faq_is_named(tmp_path: Path) -> None:
    directory = copy_content(tmp_path)
    (directory / "faq.yaml").unlink()
    assert str(load_error(directory)) == "content/faq.yaml: the file is missing"


def test_an_empty_faq_is_refused(tmp_path: Path) -> None:
    directory = copy_content(tmp_path)
    (directory / "faq.yaml").write_text("faq: []\n", encoding="utf-8")
    with pytest.raises(ContentError, match=r"^content/faq.yaml: faq: must not be empty"):
        load_content(directory)


# --- faq_askings.yaml: ways patients have asked, for the sentence model ------------------


def test_every_entry_has_askings_and_they_are_loaded(content: Content) -> None:
    assert all(len(entry.askings) >= 5 for entry in content.faq.values())
    assert all(len(a) <= MAX_ASKING_CHARS for e in content.faq.values() for a in e.askings)


ASKING_CASES: list[tuple[str, Callable[[Any], None], str, str]] = [
    ("unknown entry", lambda d: d["askings"].update(ice_cream=["can i have some"]),
     "askings.ice_cream", "no FAQ entry 'ice_cream' in faq.yaml"),
    ("under two entries", lambda d: d["askings"]["shoes"].append(d["askings"]["stairs"][0]),
     "askings.shoes", "also listed under 'stairs'"),
    ("twice under one", lambda d: d["askings"]["shoes"].append(d["askings"]["shoes"][0]),
     "askings.shoes", "is listed twice"),
    ("too long", lambda d: d["askings"]["shoes"].append("so " * 80),
     "askings.shoes", f"is too long (at most {MAX_ASKING_CHARS} characters)"),
    ("too many", lambda d: d["askings"]["shoes"].extend(f"shoes {n}?" for n in range(60)),
     "askings.shoes", f"at most {MAX_ASKINGS}"),
]


@pytest.mark.parametrize(("case", "change", "field", "message"), ASKING_CASES,
                         ids=[case[0] for case in ASKING_CASES])
def test_a_mistake_in_the_askings_is_one_line(
    tmp_path: Path, case: str, change: Callable[[Any], None], field: str, message: str
) -> None:
    directory = copy_content(tmp_path)
    mutate(directory, "faq_askings.yaml", change)
    err = load_error(directory)
    assert err.file == "content/faq_askings.yaml", str(err)
    assert err.field.startswith(field) and message in err.message, str(err)
    assert err.line is not None


def test_the_askings_file_is_optional(tmp_path: Path) -> None:
    directory = copy_content(tmp_path)
    (directory / "faq_askings.yaml").unlink()
    assert all(not e.askings for e in load_content(directory).faq.values())
