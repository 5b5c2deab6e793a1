"""A mistyped command is answered with the one it was meant to be."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.domain.commands import CLINICIAN_COMMANDS, PATIENT_COMMANDS, closest_command


@pytest.mark.parametrize(("typed", "meant"), [
    ("/strat", "start"), ("/paus", "pause"), ("/progres", "progress"),
    ("/Histroy", "history"), ("/remnd 7:30", "remind"), ("/exercize bridge", "exercise"),
    ("/exersises", "exercises"), ("/routien", "routine"),
])
def test_one_slip_away_is_suggested(typed: str, meant: str) -> None:
    close = closest_command(typed, is_admin=False)
    assert close is not None and close[0] == meant


@pytest.mark.parametrize("typed", [
    "/start@some_other_bot",  # spelt right: meant for another bot
    "/stats",  # a clinician's command, sent by a patient: not "start"
    "/frobnicate", "/", "/x", "/settings",
])
def test_nothing_close_is_suggested(typed: str) -> None:
    assert closest_command(typed, is_admin=False) is None


def test_clinicians_get_their_own_commands_and_patients_do_not() -> None:
    assert closest_command("/stat", is_admin=True) == CLINICIAN_COMMANDS[0]
    assert closest_command("/plannot x y", is_admin=False) is None
    assert closest_command("/plannot x y", is_admin=True) is not None


@given(st.text(max_size=60))
def test_any_text_gets_a_menu_command_or_none(typed: str) -> None:
    close = closest_command("/" + typed, is_admin=False)
    assert close is None or close in PATIENT_COMMANDS
