"""Bad input, end to end over HTTP: every case gets a clear answer and nothing is lost.

The cases live in ``tests/data/bad_inputs.yaml`` (what is sent, what must come back).
For each one the runner checks, besides the expected replies:

* the user's stored profile, routine, records and state are unchanged (unless the
  case says the input is valid), a stranger gets no file at all;
* every data file still parses; no handler crashed (no "Unhandled error" logged);
* a tapped button is always answered, so the spinner stops;
* the bot still answers the user's next ordinary message (/help).

The cases that need timing or state (replays, double taps, two updates at once) are
plain tests at the end of this file.
"""

from __future__ import annotations

import itertools
import json
import logging
import re
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.chat.fake_telegram import FakeTelegram, SentMessage
from bot.content.model import Content
from tests.e2e.flows import data_of, onboard, until
from tests.harness import BotUnderTest

CORPUS_PATH = Path(__file__).resolve().parents[1] / "data" / "bad_inputs.yaml"
PATIENT, STRANGER, IN_SESSION, OTHER = 42, 77, 44, 43
USERS = {"patient": PATIENT, "stranger": STRANGER, "in_session": IN_SESSION}
GROUP_CHATS = {"group": -4242, "supergroup": -1_000_000_004_242, "group_tap": -4242}
CHANNEL = -1_000_000_009_999
MESSAGE_KINDS = ("message", "edited_message", "channel_post", "edited_channel_post")
_query_ids = itertools.count(9_000_000_000_000_000_001)

Expect = str | dict[str, str]


def load_corpus() -> dict[str, list[dict[str, Any]]]:
    data = yaml.safe_load(CORPUS_PATH.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


CORPUS = load_corpus()


def test_corpus_is_big_and_well_formed() -> None:
    cases = [case for section in CORPUS.values() for case in section]
    ids = [case["id"] for case in cases]
    assert len(ids) >= 50, f"the issue asks for at least 50 cases, have {len(ids)}"
    assert len(ids) == len(set(ids)), "case ids are unique"
    known = {"id", "kind", "user", "input", "before", "replies", "answer", "group", "stores",
             "why", "update"}
    for case in cases:
        assert set(case) <= known, f"{case['id']}: unknown keys {set(case) - known}"
        assert case.get("user", "patient") in USERS, case["id"]
        if case.get("kind") in ("tap", "group_tap"):
            assert "answer" in case, f"{case['id']}: say what the toast should be"


# --- matching replies against message keys ------------------------------------------------


def key_pattern(content: Content, key: str) -> re.Pattern[str]:
    """Any phrasing of a message key, with its {placeholders} matching anything."""
    options = []
    for phrasing in content.messages[key]:
        parts = re.split(r"\{[a-z_]+\}", phrasing)
        options.append(".*?".join(re.escape(part) for part in parts))
    return re.compile("|".join(f"(?:{option})" for option in options), re.DOTALL)


def matches(content: Content, expect: Expect, text: str | None) -> bool:
    if text is None:
        return False
    if isinstance(expect, dict):
        return expect["text"].casefold() in text.casefold()
    return key_pattern(content, expect).fullmatch(text) is not None


def describe(msgs: list[SentMessage]) -> list[str]:
    return [(m.text or m.method)[:80] for m in msgs]


# --- the world every case runs in ---------------------------------------------------------


@dataclass
class World:
    """Three users set up, the tokens of two live routines, and what the bot logged."""

    tg: FakeTelegram
    bot: BotUnderTest
    errors: list[logging.LogRecord]
    placeholders: dict[str, str] = field(default_factory=dict)
    last_sent: int = 0  # message id of the last "before" text (what an edit changes)

    @property
    def content(self) -> Content:
        return self.bot.deps.content

    async def setup(self) -> None:
        await onboard(self.tg, PATIENT, time="07:30")
        await onboard(self.tg, OTHER)
        await onboard(self.tg, IN_SESSION)
        other = await self._start_routine(OTHER)
        mine = await self._start_routine(IN_SESSION)
        self.placeholders = {
            "{other_token}": other, "{other_session_id}": other.split(":")[0],
            "{token}": mine, "{session_id}": mine.split(":")[0],
        }
        for uid in (PATIENT, OTHER, IN_SESSION, STRANGER):
            await self.probe(uid)

    async def _start_routine(self, uid: int) -> str:
        self.tg.user_sends(uid, "/routine")
        msg = await until(self.tg, uid, "s:n")
        return data_of(msg, "s:n0").split(":", 2)[2]

    async def probe(self, uid: int) -> list[SentMessage]:
        """Send /help; return what the user got before the help text (the case's replies)."""
        self.tg.user_sends(uid, "/help")
        intro = self.content.text("help_intro")
        heading = self.content.text("help_commands_heading")
        before: list[SentMessage] = []
        while True:
            msg = await self.tg.next_message(uid, timeout=10)
            text = msg.text or ""
            if text.startswith(intro) and heading in text:
                return before
            before.append(msg)
            assert len(before) < 20, f"no /help answer; got {describe(before)}"

    # --- what is stored -----------------------------------------------------------------

    def snapshot(self, uid: int) -> dict[str, Any] | None:
        """Everything stored about the user, without the handled-update ids."""
        store = self.bot.deps.store
        if not store.exists(uid):
            return None
        data = store.dump_patient(uid)
        data.pop("seen", None)
        return data

    def check_files(self) -> None:
        """Every data file parses; the stranger has nothing stored."""
        for path in self.bot.data_dir.rglob("*.json"):
            json.loads(path.read_bytes())
        store = self.bot.deps.store
        assert not store.has_data(STRANGER), "a stranger got something stored"

    # --- sending --------------------------------------------------------------------------

    def fill(self, value: Any, *, placeholders: bool) -> str:
        if value is None:
            return ""
        if isinstance(value, dict):
            text = value.get("prefix", "") + value["repeat"] * value["times"]
            text += value.get("suffix", "")
        else:
            text = str(value)
        if placeholders:
            for name, real in self.placeholders.items():
                text = text.replace(name, real)
        return text

    def tap(self, uid: int, data: str, chat: dict[str, Any] | None = None) -> str:
        """A button press on the bot's latest message in the chat; returns the query id."""
        chat = chat or self.tg.api.chat_dict(uid)
        log = self.tg.api.chats.get(chat["id"])
        target = next((m for m in reversed(log.messages) if m.buttons), None) if log else None
        message = (self.tg.api.message_dict(target) if target is not None else
                   {"message_id": 1, "date": int(time.time()), "chat": chat,
                    "from": self.tg.api.bot_user, "text": "an old message"})
        query_id = str(next(_query_ids))
        self.tg.api.callback_answers[query_id] = None
        self.tg.inject({"callback_query": {
            "id": query_id, "from": dict(self.tg.api.user_dict(uid)), "message": message,
            "chat_instance": "7", "data": data,
        }})
        return query_id

    def raw(self, uid: int, update: dict[str, Any]) -> None:
        """Complete a raw update from the corpus with ids, dates, the user and the chat."""
        update = json.loads(json.dumps(update).replace('"BOT"', json.dumps(self.tg.api.bot_user)))
        now = int(time.time())
        for kind in MESSAGE_KINDS:
            body = update.get(kind)
            if body is None:
                continue
            channel = kind.endswith("channel_post")
            chat: dict[str, Any] = self.tg.api.chat_dict(CHANNEL if channel else uid)
            if channel:
                chat = {"id": CHANNEL, "type": "channel", "title": "Channel"}
                body.setdefault("sender_chat", chat)
            else:
                body.setdefault("from", dict(self.tg.api.user_dict(uid)))
            body.setdefault("chat", chat)
            body.setdefault("message_id", self.tg.api.chat(chat["id"]).new_id())
            body.setdefault("date", now)
        if "message_reaction" in update:
            update["message_reaction"].setdefault("chat", self.tg.api.chat_dict(uid))
            update["message_reaction"].setdefault("user", dict(self.tg.api.user_dict(uid)))
        if "my_chat_member" in update:
            update["my_chat_member"].setdefault("from", dict(self.tg.api.user_dict(uid)))
        self.tg.inject(update)

    def forward(self, uid: int, text: str) -> None:
        log = self.tg.api.chat(uid)
        message_id = log.new_id()
        msg: dict[str, Any] = {
            "message_id": message_id, "date": int(time.time()),
            "chat": self.tg.api.chat_dict(uid), "from": dict(self.tg.api.user_dict(uid)),
            "text": text,
            "forward_origin": {"type": "user", "date": int(time.time()) - 3600,
                               "sender_user": {"id": 555, "is_bot": False, "first_name": "Sam"}},
        }
        log.user_messages[message_id] = msg
        self.tg.inject({"message": msg})

    def act(self, case: dict[str, Any], uid: int) -> tuple[str | None, int | None]:
        """Do what the case says; returns (callback query id, group chat id)."""
        kind = case.get("kind", "text")
        tapping = kind in ("tap", "group_tap")
        text = self.fill(case.get("input"), placeholders=tapping)
        tg = self.tg
        if kind == "text":
            tg.user_sends(uid, text)
        elif kind == "sticker":
            tg.user_sends_sticker(uid)
        elif kind == "photo":
            tg.user_sends_photo(uid, caption=text or None)
        elif kind == "voice":
            tg.user_sends_voice(uid)
        elif kind == "document":
            tg.user_sends_document(uid)
        elif kind == "location":
            lat, lon = (float(part) for part in text.split(","))
            tg.user_shares_location(uid, lat, lon)
        elif kind == "edit":
            tg.user_edits(uid, self.last_sent, text)
        elif kind == "forward":
            self.forward(uid, text)
        elif kind == "channel":
            tg.channel_post(CHANNEL, text)
            return None, CHANNEL
        elif kind in ("group", "supergroup"):
            chat_id = GROUP_CHATS[kind]
            tg.api.chat_info[chat_id] = {"id": chat_id, "type": kind, "title": "Hip club"}
            tg.user_sends(uid, text, chat_type=kind, chat_id=chat_id)
            return None, chat_id
        elif kind == "tap":
            return self.tap(uid, text), None
        elif kind == "group_tap":
            chat_id = GROUP_CHATS[kind]
            chat = {"id": chat_id, "type": "group", "title": "Hip club"}
            return self.tap(uid, text, chat), chat_id
        elif kind == "raw":
            self.raw(uid, case["update"])
            return None, CHANNEL
        else:
            raise AssertionError(f"unknown kind {kind!r}")
        return None, None


def expect_messages(world: World, want: list[Expect], got: list[SentMessage], where: str) -> None:
    texts = [m.text for m in got]
    ok = len(want) == len(got) and all(
        matches(world.content, w, t) for w, t in zip(want, texts, strict=True)
    )
    assert ok, f"{where}: expected {want}, got {describe(got)}"


async def run_case(world: World, case: dict[str, Any]) -> None:
    uid = USERS[case.get("user", "patient")]
    tg = world.tg
    for text in case.get("before", []):
        tg.user_sends(uid, text)
        world.last_sent = max(tg.api.chat(uid).user_messages)
    await world.probe(uid)
    watched = [uid, PATIENT, IN_SESSION, OTHER]
    before = {u: world.snapshot(u) for u in watched}
    group_sent = {c: len(tg.sent(c)) for c in (*GROUP_CHATS.values(), CHANNEL)}
    errors_before = len(world.errors)

    query_id, group_id = world.act(case, uid)
    got = await world.probe(uid)

    expect_messages(world, case.get("replies", []), got, "private chat")
    for chat_id, count in group_sent.items():
        new = tg.sent(chat_id)[count:]
        want = case.get("group", []) if chat_id == group_id else []
        expect_messages(world, want, new, f"chat {chat_id}")
    if query_id is not None:
        answer = tg.callback_answer(query_id)
        assert answer is not None, "the button press was never answered (spinner keeps turning)"
        want_answer = case["answer"]
        shown = answer.get("text")
        if want_answer is None:
            assert not shown, f"expected a silent answer, got toast {shown!r}"
        else:
            assert matches(world.content, want_answer, shown), (
                f"toast: expected {want_answer}, got {shown!r}"
            )
    new_errors = world.errors[errors_before:]
    assert not new_errors, f"logged: {[r.getMessage() for r in new_errors]}"
    for u in watched:
        if u == uid and case.get("stores"):
            continue
        assert world.snapshot(u) == before[u], f"user {u}'s stored data changed"
    world.check_files()


@pytest.mark.parametrize("section", list(CORPUS))
async def test_bad_input(
    section: str, tg: FakeTelegram, bot: BotUnderTest, errors: list[logging.LogRecord]
) -> None:
    world = World(tg, bot, errors)
    await world.setup()
    failures = []
    for case in CORPUS[section]:
        try:
            await run_case(world, case)
        except AssertionError as err:
            failures.append(f"{case['id']}: {err}")
    assert not failures, "\n".join(failures)
    # The patient's reminder is still there, once.
    names = bot.job_names()
    assert names.count(f"reminder:{PATIENT}:0730") == 1, names
    assert len(names) == len(set(names)), f"a job was scheduled twice: {names}"


# --- replays, double taps, updates at once --------------------------------------------------


async def start_routine(tg: FakeTelegram, uid: int) -> str:
    """/routine; the token of its first prompt (the pain-before question)."""
    tg.user_sends(uid, "/routine")
    msg = await until(tg, uid, "s:n")
    return data_of(msg, "s:n0").split(":", 2)[2]


def pains(bot: BotUnderTest, uid: int) -> list[int | None]:
    return [r["pain"] for r in bot.deps.store.records(uid) if r["kind"] == "pain"]


async def test_replayed_button_press_is_handled_once(tg: FakeTelegram, bot: BotUnderTest) -> None:
    """The same update again (a crash replay), then the same button again: one record."""
    await onboard(tg, 51)
    token = await start_routine(tg, 51)
    update_id = tg.user_taps(51, f"s:n3:{token}")
    await until(tg, 51, "s:d:")  # the first step came
    tg.redeliver(update_id)
    again = tg.user_taps(51, f"s:n3:{token}")
    await tg.wait_for(lambda: tg.confirmed_offset > again, what="the second tap handled")
    query = list(tg.api.callback_answers)[-1]
    stale = bot.deps.content.text("session_ignored_stale")
    assert (tg.callback_answer(query) or {}).get("text") == stale
    assert tg.deliveries(update_id) == 2
    assert pains(bot, 51) == [3]
    world = World(tg, bot, [])
    assert await world.probe(51) == [], "the replay sent nothing"


async def test_double_tap_on_done_records_one_set(tg: FakeTelegram, bot: BotUnderTest) -> None:
    await onboard(tg, 52)
    token = await start_routine(tg, 52)
    tg.user_taps(52, f"s:n2:{token}")
    step = await until(tg, 52, "s:d:")
    done = data_of(step, "s:d:")
    tg.user_taps(52, done)
    tg.user_taps(52, done)  # both queued before the bot polls: one batch
    world = World(tg, bot, [])
    await world.probe(52)
    records = [r for r in bot.deps.store.records(52) if r["kind"] == "done"]
    assert len(records) == 1, records
    answers = [tg.callback_answer(q) for q in list(tg.api.callback_answers)[-2:]]
    assert all(a is not None for a in answers), "both taps answered"
    assert answers[1] is not None
    assert answers[1].get("text") == bot.deps.content.text("session_ignored_stale")


async def test_two_pain_taps_at_once_first_one_counts(tg: FakeTelegram, bot: BotUnderTest) -> None:
    await onboard(tg, 53)
    token = await start_routine(tg, 53)
    tg.user_taps(53, f"s:n3:{token}")
    tg.user_taps(53, f"s:n5:{token}")
    await World(tg, bot, []).probe(53)
    assert pains(bot, 53) == [3]
    session = bot.deps.store.user(53).get("session")
    assert session["pain_before"] == 3


async def test_two_messages_at_once_are_both_kept(tg: FakeTelegram, bot: BotUnderTest) -> None:
    """Nothing is lost when one user's updates arrive together."""
    await onboard(tg, 54)
    tg.user_sends(54, "pain 2")
    tg.user_sends(54, "pain 4")
    got = await World(tg, bot, []).probe(54)
    assert len(got) == 2
    assert sorted(p for p in pains(bot, 54) if p is not None) == [2, 4]


async def test_a_double_tap_on_step_it_up_moves_one_level(
    tg: FakeTelegram, bot: BotUnderTest
) -> None:
    await onboard(tg, 55)
    with bot.deps.store.user(55) as txn:
        txn.update("profile", plan={"level": "easier", "reason": "test", "since": "2025-01-01"})
        txn.update("state", harder_offer=True)  # as if the coach had just offered it
    tg.user_sends(55, "/help")
    await tg.next_message(55)
    tg.user_taps(55, "co:h:y")
    tg.user_taps(55, "co:h:y")
    got = await World(tg, bot, []).probe(55)
    assert len(got) == 1, describe(got)
    assert bot.deps.store.profile(55)["plan"]["level"] == "normal"
    last = tg.callback_answer(list(tg.api.callback_answers)[-1])
    assert last is not None and last.get("text") == bot.deps.content.text("button_expired")


async def test_red_flag_in_an_over_long_message_still_counts(
    tg: FakeTelegram, bot: BotUnderTest
) -> None:
    await onboard(tg, 56)
    tg.user_sends(56, "I fell yesterday and now I can't put weight on my leg. " + "x" * 5000)
    got = await World(tg, bot, []).probe(56)
    # The safety reply comes first, before anything else is said about the message.
    assert "fall" in (got[0].text or "") and "emergency" in (got[0].text or ""), describe(got)
    assert bot.deps.store.profile(56).get("hold") == "redflag"


async def test_edited_live_location_gets_no_reply(tg: FakeTelegram, bot: BotUnderTest) -> None:
    """Live locations arrive as a stream of edits: answering each would flood the chat."""
    await onboard(tg, 57)
    tg.user_shares_location(57, 51.5, -0.12)
    await tg.next_message(57)
    message_id = max(tg.api.chat(57).user_messages)
    edited = dict(tg.api.chat(57).user_messages[message_id])
    edited["location"] = {"latitude": 51.51, "longitude": -0.13}
    edited["edit_date"] = int(time.time())
    for _ in range(3):
        tg.inject({"edited_message": dict(edited)})
    assert await World(tg, bot, []).probe(57) == []


async def test_an_unreadable_update_is_skipped_not_fatal(
    tg: FakeTelegram, bot: BotUnderTest, errors: list[logging.LogRecord]
) -> None:
    """An update this library version cannot parse must not stop the bot for good."""
    await onboard(tg, 58)
    world = World(tg, bot, errors)
    poison = {"message": {"poll": {"id": "p", "question": "my hip secret"}}}  # fields missing
    world.raw(58, poison)
    tg.user_sends(58, "hello")
    got = await world.probe(58)
    assert len(got) == 1 and matches(bot.deps.content, "coach_social_greeting", got[0].text)
    ours = [r for r in errors if r.name == "bot.transport.runner"]
    assert len(ours) == 1 and "could not be read" in ours[0].getMessage()
    assert "my hip secret" not in ours[0].getMessage()
