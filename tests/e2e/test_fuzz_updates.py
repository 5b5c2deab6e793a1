"""Random but well-formed Telegram updates, fed to the real application: nothing crashes.

Hypothesis builds updates in Bot API shape: messages with random text, entities, chat
types and users; button presses with random data; edits, channel posts, membership
changes, unknown fields and update types. A small pool of users (one a clinician) lets
state build up across examples: random taps consent, start routines, set reminders.

Two paths:
* directly: ``Update.de_json`` + ``app.process_update``, many examples, fast;
* over HTTP: a few batches injected into the fake Bot API, parsed by PTB from JSON and
  handled by the real polling loop.

Either way, no handler may fail ("Unhandled error" or anything else at ERROR), every
tapped button is answered, the data files still parse, and the bot answers a normal
message afterwards. ``FULL=1`` runs many more examples.
"""

from __future__ import annotations

import itertools
import json
import logging
import os
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from telegram import Update

from bot.chat.fake_telegram import FakeTelegram
from bot.domain.commands import CLINICIAN_COMMANDS, PATIENT_COMMANDS
from bot.domain.profiles import new_profile
from tests.harness import BotUnderTest

FULL = os.environ.get("FULL") == "1"
DIRECT_EXAMPLES = 2500 if FULL else 250
HTTP_BATCHES = 20 if FULL else 3
pytestmark = pytest.mark.timeout(3600 if FULL else 120)  # FULL=1 runs long
ADMIN = 900
POOL = [1001, 1002, 1003, ADMIN]
BOT_USER = {"id": 123456, "is_bot": True, "first_name": "Fake", "username": "fake_test_bot"}

_update_ids = itertools.count(500_000_000)
_query_ids = itertools.count(8_000_000_000_000_000_001)

COMMANDS = [name for name, _ in PATIENT_COMMANDS + CLINICIAN_COMMANDS] + ["frobnicate"]
WORDS = [
    "done", "skip", "pain", "7", "11/10", "-3", "I fell", "can't walk", "numb", "rest today",
    "bridge", "how do I do the clam", "hello", "thanks", "07:30", "7pm", "24:60", "on", "mon",
    "weekdays", "off", "London", "Mars/Olympus", "../../etc/passwd", "@fay", "42", "900",
    "²", "٣", "🦵", "مرحبا", "\u200b", "\x00", "{name}", "<b>", "yes", "no", "3 days",
]  # fmt: skip
NUMBERS = ["0", "3", "7", "10", "11", "99", "-1", "²", "٣", "1e9", "", "9" * 70]
# Our button formats with their slots: most taps look like ours, with odd values in them.
TEMPLATES = [
    "ob:consent:{yn}", "ob:time:{time}", "ob:tz:{zone}", "sess:start", "sess:easier",
    "s:n{n}:{tok}", "s:{act}:{tok}", "s:x1:{ex}", "lib:list", "lib:{lib}:{ex}",
    "rem:set:{time}", "rem:off", "rem:snooze:{snooze}", "rem:nottoday", "co:rest",
    "co:c:{choice}", "co:flare", "co:ask", "co:h:{yn1}", "co:m:{morning}",
    "co:mp:{morning}:{n}", "rf:{yn1}:p:{n}", "rf:{yn1}:{tok}", "fg:yes:{n}", "fg:no",
    "wk:on", "wk:off", "ask:start", "ask:cancel",
]  # fmt: skip
SLOTS = {
    "yn": ["yes", "no", "maybe", ""], "yn1": ["y", "n", "x"],
    "time": ["07:30", "none", "25:00", "²:00", "", "x" * 70],
    "zone": ["Europe/London", "Mars/Olympus", "../../etc/passwd", ""],
    "n": NUMBERS, "tok": ["LIVE", "LIVE", "abcd1234:0", "zz:1", "", "a:b:c"],
    "act": ["d", "k", "p", "x", "t", "c", "r", "q", ""],
    "ex": ["glute_bridge", "walk", "hip_flexor_stretch", "nope", "", "🦵"],
    "lib": ["show", "do", "easier", "harder", "nope"],
    "snooze": ["15", "60", "evening", "-5", ""],
    "choice": ["walk", "one_stretch", "easier_routine", "rest", "nope"],
    "morning": ["better", "same", "worse", "x"],
}


# --- the strategies ------------------------------------------------------------------------


def users() -> st.SearchStrategy[dict[str, Any]]:
    ids = st.one_of(st.sampled_from(POOL), st.integers(1, 2**40))
    return st.fixed_dictionaries(
        {"id": ids, "is_bot": st.just(False),
         "first_name": st.text(min_size=1, max_size=30).filter(str.strip)},
        optional={"username": st.from_regex(r"[a-z][a-z0-9_]{4,20}", fullmatch=True),
                  "language_code": st.sampled_from(["en", "ar", "he", "de", "xx"]),
                  "is_premium": st.booleans()},
    )


def texts() -> st.SearchStrategy[str]:
    command = st.builds(
        lambda name, args: f"/{name}" + (" " + args if args else ""),
        st.sampled_from(COMMANDS),
        st.one_of(st.just(""), st.sampled_from(NUMBERS + WORDS),
                  st.lists(st.sampled_from(WORDS), max_size=4).map(" ".join),
                  st.text(max_size=40)),
    )
    words = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join)
    return st.one_of(command, words, st.text(min_size=1, max_size=200))


def entities(text: str) -> st.SearchStrategy[list[dict[str, Any]]]:
    """A command entity where Telegram would put one, sometimes random ones on top."""
    base = []
    if text.startswith("/") and len(text) > 1:
        base = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
    random_one = st.fixed_dictionaries({
        "type": st.sampled_from(["bot_command", "mention", "url", "bold", "hashtag", "code"]),
        "offset": st.integers(0, max(len(text), 1)),
        "length": st.integers(1, max(len(text), 1) + 5),
    })
    return st.lists(random_one, max_size=2).map(lambda extra: base + extra)


def json_values() -> st.SearchStrategy[Any]:
    leaves = st.one_of(st.none(), st.booleans(), st.integers(), st.text(max_size=10))
    return st.recursive(leaves, lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5), inner, max_size=3)),
        max_leaves=6)


unknown_fields = st.dictionaries(
    st.from_regex(r"zz_[a-z_]{1,12}", fullmatch=True), json_values(), max_size=2
)


@st.composite
def chats_for(draw: st.DrawFn, user: dict[str, Any]) -> dict[str, Any]:
    kind = draw(st.sampled_from(["private", "private", "private", "group", "supergroup"]))
    if kind == "private":
        chat_id = draw(st.one_of(st.just(user["id"]), st.integers(1, 2**40)))
        return {"id": chat_id, "type": "private", "first_name": user["first_name"]}
    base = -1_000_000_000_000 if kind == "supergroup" else 0
    return {"id": base - draw(st.integers(1, 10**9)), "type": kind, "title": "Group"}


@st.composite
def messages(draw: st.DrawFn, user: dict[str, Any] | None = None) -> dict[str, Any]:
    user = user or draw(users())
    msg: dict[str, Any] = {
        "message_id": draw(st.integers(1, 2**31)),
        "date": draw(st.integers(0, 2**31)),
        "chat": draw(chats_for(user)),
        "from": user,
    }
    content = draw(st.sampled_from(["text", "text", "text", "sticker", "photo", "location",
                                    "contact", "none"]))
    if content == "text":
        text = draw(texts())
        msg["text"] = text
        ents = draw(entities(text))
        if ents:
            msg["entities"] = ents
    elif content == "sticker":
        msg["sticker"] = {"file_id": "s", "file_unique_id": "s", "type": "regular",
                          "width": 512, "height": 512, "is_animated": False, "is_video": False}
    elif content == "photo":
        msg["photo"] = [{"file_id": "p", "file_unique_id": "p", "width": 90, "height": 90}]
        if draw(st.booleans()):
            msg["caption"] = draw(texts())
    elif content == "location":
        coordinate = st.floats(-1000, 1000, allow_nan=False)
        msg["location"] = {"latitude": draw(coordinate), "longitude": draw(coordinate)}
    elif content == "contact":
        msg["contact"] = {"phone_number": "+44 1234", "first_name": "Sam"}
    if draw(st.booleans()):
        msg["forward_origin"] = {"type": "hidden_user", "date": 1, "sender_user_name": "Sam"}
    if draw(st.integers(0, 4)) == 0:
        msg["reply_to_message"] = {"message_id": draw(st.integers(1, 100)), "date": 1,
                                   "chat": msg["chat"], "from": BOT_USER, "text": "earlier"}
    msg.update(draw(unknown_fields))
    return msg


@st.composite
def callback_queries(draw: st.DrawFn) -> dict[str, Any]:
    user = draw(users())
    template = draw(st.sampled_from(TEMPLATES))
    for slot, values in SLOTS.items():
        while "{" + slot + "}" in template:
            template = template.replace("{" + slot + "}", draw(st.sampled_from(values)), 1)
    data = draw(st.one_of(st.just(template), st.just(template), st.text(max_size=80)))
    query: dict[str, Any] = {"id": str(next(_query_ids)), "from": user,
                             "chat_instance": "7", "data": data}
    if draw(st.integers(0, 9)) == 0:
        query["inline_message_id"] = "inline-1"  # a button on an inline message: no chat
        if draw(st.booleans()):
            del query["data"]
    else:
        chat = draw(chats_for(user))
        query["message"] = {"message_id": draw(st.integers(1, 2**31)), "date": 1,
                            "chat": chat, "from": BOT_USER, "text": "a question"}
    return query


@st.composite
def member_updates(draw: st.DrawFn) -> dict[str, Any]:
    user = draw(users())
    old, new = draw(st.permutations(["member", "kicked", "left"]))[:2]

    def member(status: str) -> dict[str, Any]:
        out: dict[str, Any] = {"user": BOT_USER, "status": status}
        if status == "kicked":
            out["until_date"] = 0
        return out

    return {"chat": draw(chats_for(user)), "from": user, "date": 1,
            "old_chat_member": member(old), "new_chat_member": member(new)}


@st.composite
def updates(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(["message"] * 4 + ["callback_query"] * 3 + [
        "edited_message", "channel_post", "my_chat_member", "unknown"]))
    if kind == "message":
        body: dict[str, Any] = draw(messages())
    elif kind == "edited_message":
        body = draw(messages())
        body["edit_date"] = body["date"] + 1
    elif kind == "callback_query":
        body = draw(callback_queries())
    elif kind == "channel_post":
        chat = {"id": -1_000_000_000_000 - draw(st.integers(1, 10**6)), "type": "channel",
                "title": "News"}
        body = {"message_id": 1, "date": 1, "chat": chat, "sender_chat": chat,
                "text": draw(texts())}
    elif kind == "my_chat_member":
        body = draw(member_updates())
    else:
        kind = "zz_" + draw(st.from_regex(r"[a-z_]{1,12}", fullmatch=True))
        body = draw(st.dictionaries(st.text(max_size=5), json_values(), max_size=3))
    return {kind: body}


# --- running them --------------------------------------------------------------------------


def prepare(tg: FakeTelegram, bot: BotUnderTest, update: dict[str, Any]) -> dict[str, Any]:
    """Make a drawn update live: the pool has consented, LIVE is the user's routine token,
    and the fake accepts an answer to the button press (a real query id is live)."""
    store = bot.deps.store
    for uid in POOL:
        if not store.profile(uid).get("consent"):
            profile = new_profile(uid, "Pat", None, bot.deps.clock.now(), "Europe/London")
            with store.user(uid) as txn:
                txn.set("profile", {**profile, "stage": "done", "reminder_times": ["07:30"]})
    update = json.loads(json.dumps(update))
    query = update.get("callback_query")
    if query is not None:
        tg.api.callback_answers[query["id"]] = None
        if "LIVE" in query.get("data", ""):
            uid = query["from"]["id"]
            raw = store.user(uid).get("session") if store.exists(uid) else {}
            token = f"{raw['id']}:{raw['seq']}" if raw.get("id") else "zz:0"
            query["data"] = query["data"].replace("LIVE", token)
    return update


def describe(records: list[logging.LogRecord]) -> str:
    return "\n".join(
        f"{r.name}: {r.getMessage()} {r.exc_info[1]!r}" if r.exc_info else
        f"{r.name}: {r.getMessage()}" for r in records
    )


def check_store(bot: BotUnderTest) -> None:
    for path in bot.data_dir.rglob("*.json"):
        json.loads(path.read_bytes())


async def still_answers(tg: FakeTelegram, uid: int = 4242) -> None:
    tg.user_sends(uid, "/help")
    reply = await tg.next_message(uid, timeout=10)
    assert reply.text and "/routine" in reply.text


@settings(max_examples=DIRECT_EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(data=updates())
async def test_random_updates_never_crash_a_handler(
    data: dict[str, Any], tg: FakeTelegram, bot: BotUnderTest,
    errors: list[logging.LogRecord],
) -> None:
    """Straight into process_update: one example at a time, state carried over."""
    assert bot.app is not None
    data = prepare(tg, bot, {"update_id": next(_update_ids), **data})
    update = Update.de_json(data, bot.app.bot)
    before = len(errors)
    await bot.app.process_update(update)
    new = errors[before:]
    assert not new, f"{json.dumps(data, ensure_ascii=False)[:600]}\n{describe(new)}"
    query = data.get("callback_query")
    if query is not None and (query.get("message") or {}).get("chat", {}).get("type"):
        assert tg.callback_answer(query["id"]) is not None, "a button press was not answered"


async def test_after_the_direct_fuzz_the_bot_still_answers(
    tg: FakeTelegram, bot: BotUnderTest
) -> None:
    """The same bot, fuzzed, then asked something ordinary over HTTP."""
    assert bot.app is not None
    examples = st.lists(updates(), min_size=60, max_size=60)

    @settings(max_examples=1, deadline=None, database=None)
    @given(examples)
    def draw(batch: list[dict[str, Any]]) -> None:
        drawn.extend(batch)

    drawn: list[dict[str, Any]] = []
    draw()
    for data in drawn:
        data = prepare(tg, bot, {"update_id": next(_update_ids), **data})
        await bot.app.process_update(Update.de_json(data, bot.app.bot))
    check_store(bot)
    await still_answers(tg)


@settings(max_examples=HTTP_BATCHES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                 HealthCheck.data_too_large])
@given(batch=st.lists(updates(), min_size=5, max_size=25))
async def test_random_updates_over_http(
    batch: list[dict[str, Any]], tg: FakeTelegram, bot: BotUnderTest,
    errors: list[logging.LogRecord],
) -> None:
    """Through the fake Bot API: JSON, PTB's parser, our polling loop, one batch at once."""
    before = len(errors)
    for data in batch:
        tg.inject(prepare(tg, bot, data))
    # Updates are handled in order, so the answer to this comes after the whole batch
    # (an unknown update type is never delivered, as allowed_updates leaves it out).
    await still_answers(tg)
    new = errors[before:]
    assert not new, describe(new)
    check_store(bot)
