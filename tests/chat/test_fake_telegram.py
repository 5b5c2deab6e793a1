"""The fake Bot API, driven by the real PTB Bot and Application over real HTTP.

If these pass, end-to-end tests can trust the fake to answer like Telegram.
"""

from __future__ import annotations

import asyncio
import html
import ssl
from collections.abc import AsyncIterator

import aiohttp
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import (
    BadRequest,
    Conflict,
    Forbidden,
    InvalidToken,
    NetworkError,
    RetryAfter,
    TelegramError,
)
from telegram.ext import Application, CommandHandler, ContextTypes
from telegram.helpers import escape_markdown
from telegram.request import HTTPXRequest

from bot.chat.fake_telegram import FakeTelegram, buttons
from bot.chat.fake_telegram.checks import plain_text

TOKEN = "123456:TEST"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + (320).to_bytes(4, "big") + (200).to_bytes(4, "big")
# One TLS context for every client: building one per Bot costs ~0.3 s (never used over http).
TLS = ssl.create_default_context()


def make_bot(tg: FakeTelegram, token: str = TOKEN) -> Bot:
    """A real PTB Bot pointed at the fake."""
    return Bot(
        token,
        base_url=tg.base_url,
        base_file_url=tg.base_file_url,
        request=HTTPXRequest(connection_pool_size=64, httpx_kwargs={"verify": TLS}),
        get_updates_request=HTTPXRequest(httpx_kwargs={"verify": TLS}),
    )


@pytest.fixture
async def tg() -> AsyncIterator[FakeTelegram]:
    async with FakeTelegram(TOKEN, first_update_id=1000) as server:
        yield server


@pytest.fixture
async def bot(tg: FakeTelegram) -> AsyncIterator[Bot]:
    async with make_bot(tg) as client:
        yield client


def keyboard(*data: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[InlineKeyboardButton(d.title(), callback_data=d) for d in data]])


# ---- basic methods ---------------------------------------------------------------------


async def test_get_me(tg: FakeTelegram, bot: Bot) -> None:
    me = await bot.get_me()
    assert me.is_bot
    assert me.id == 123456
    assert me.username == "fake_test_bot"
    assert [c.status for c in tg.calls_to("getMe")] == [200, 200]  # initialize + ours


async def test_send_message_is_returned_and_recorded(tg: FakeTelegram, bot: Bot) -> None:
    first = await bot.send_message(42, "Hello there", reply_markup=keyboard("yes", "no"))
    second = await bot.send_message(42, "Second")
    assert first.text == "Hello there"
    assert first.chat.id == 42
    assert first.from_user is not None
    assert first.from_user.is_bot
    assert first.reply_markup == keyboard("yes", "no")
    assert second.message_id == first.message_id + 1
    stored = tg.sent(42)
    assert [m.text for m in stored] == ["Hello there", "Second"]
    assert buttons(stored[0]) == [("Yes", "yes"), ("No", "no")]
    assert tg.buttons(stored[1]) == []
    assert (await tg.next_message(42)).message_id == first.message_id
    assert (await tg.next_message(42)).message_id == second.message_id
    assert tg.stats["sent"] == 2
    assert tg.sent(7) == []


async def test_html_is_parsed_and_unbalanced_tags_rejected(tg: FakeTelegram, bot: Bot) -> None:
    msg = await bot.send_message(42, "<b>Well done</b> &lt;3", parse_mode="HTML")
    assert msg.text == "Well done <3"
    assert tg.sent(42)[0].text == "<b>Well done</b> &lt;3"
    assert tg.sent(42)[0].plain == "Well done <3"
    for bad in ("<b>open", "<b><i>x</b></i>", "pain < 5 today", "<br>", "x</i>"):
        with pytest.raises(BadRequest, match=r"(?i)parse entities"):
            await bot.send_message(42, bad, parse_mode="HTML")
    assert len(tg.sent(42)) == 1


async def test_edit_message_text_keeps_history(tg: FakeTelegram, bot: Bot) -> None:
    msg = await bot.send_message(42, "Ready?", reply_markup=keyboard("go"))
    await bot.edit_message_text(
        "Going", chat_id=42, message_id=msg.message_id, reply_markup=keyboard("stop")
    )
    edit = await tg.next_edit(42, msg.message_id)
    assert edit.text == "Going"
    assert buttons(edit) == [("Stop", "stop")]
    with pytest.raises(BadRequest, match=r"(?i)message is not modified"):
        await bot.edit_message_text(
            "Going", chat_id=42, message_id=msg.message_id, reply_markup=keyboard("stop")
        )
    await bot.edit_message_text("Done", chat_id=42, message_id=msg.message_id)
    stored = tg.message(42, msg.message_id)
    assert stored.text == "Done"
    assert stored.reply_markup is None  # an edit without reply_markup drops the keyboard
    assert [e.text for e in stored.edits] == ["Going", "Done"]
    await bot.edit_message_reply_markup(42, msg.message_id, reply_markup=keyboard("again"))
    assert stored.buttons == [("Again", "again")]
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("x", chat_id=42, message_id=999)
    assert await bot.delete_message(42, msg.message_id)
    assert stored.deleted
    with pytest.raises(BadRequest, match=r"(?i)message to edit not found"):
        await bot.edit_message_text("y", chat_id=42, message_id=msg.message_id)
    assert tg.stats["edits"] == 3


async def test_text_and_caption_limits(tg: FakeTelegram, bot: Bot) -> None:
    await bot.send_message(42, "x" * 4096)
    with pytest.raises(BadRequest, match=r"(?i)message is too long"):
        await bot.send_message(42, "x" * 4097)
    with pytest.raises(BadRequest, match=r"(?i)message text is empty"):
        await bot.send_message(42, "")
    # The limit counts what the user sees, not the markup.
    await bot.send_message(42, "<b>" + "y" * 4096 + "</b>", parse_mode="HTML")
    with pytest.raises(BadRequest, match=r"(?i)caption is too long"):
        await bot.send_photo(42, PNG, caption="c" * 1025)
    assert len(tg.sent(42)) == 2
    failed = tg.calls_to("sendMessage")[1]
    assert (failed.status, failed.description) == (400, "Bad Request: message is too long")


async def test_callback_data_limit_is_in_bytes(tg: FakeTelegram, bot: Bot) -> None:
    await bot.send_message(42, "ok", reply_markup=keyboard("a" * 64))
    await bot.send_message(42, "ok", reply_markup=keyboard("é" * 32))  # 64 bytes
    for data in ("a" * 65, "é" * 33):
        with pytest.raises(BadRequest, match=r"(?i)BUTTON_DATA_INVALID"):
            await bot.send_message(42, "too long", reply_markup=keyboard(data))
    assert len(tg.sent(42)) == 2


async def test_send_photo_then_reuse_file_id(tg: FakeTelegram, bot: Bot) -> None:
    first = await bot.send_photo(42, PNG, caption="Your week")
    largest = first.photo[-1]
    assert (largest.width, largest.height) == (320, 200)
    assert first.caption == "Your week"
    again = await bot.send_photo(42, largest.file_id)
    assert again.photo[-1].file_id == largest.file_id
    uploaded, reused = tg.sent(42)
    assert (uploaded.photo_bytes, uploaded.file_reused, uploaded.text) == (PNG, False, "Your week")
    assert (reused.photo_file_id, reused.file_reused) == (largest.file_id, True)
    assert tg.calls_to("sendPhoto")[0].files == {"photo": PNG}
    with pytest.raises(BadRequest, match=r"(?i)wrong file identifier"):
        await bot.send_photo(42, "AgACnot-a-real-id")
    file = await bot.get_file(largest.file_id)
    assert bytes(await file.download_as_bytearray()) == PNG


async def test_send_document(tg: FakeTelegram, bot: Bot) -> None:
    msg = await bot.send_document(42, b"date,pain\n2025-01-01,3\n", filename="pain.csv")
    assert msg.document is not None
    assert msg.document.file_name == "pain.csv"
    stored = tg.sent(42)[0]
    assert stored.document_name == "pain.csv"
    assert stored.document_bytes == b"date,pain\n2025-01-01,3\n"
    with pytest.raises(BadRequest, match=r"(?i)type of file mismatch"):
        await bot.send_photo(42, msg.document.file_id)


# ---- updates -----------------------------------------------------------------------------


async def test_long_poll_confirm_and_redeliver(tg: FakeTelegram, bot: Bot) -> None:
    assert await bot.get_updates(timeout=0) == ()
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await tg.wait_for(lambda: len(tg.calls_to("getUpdates")) == 2)
    assert not poll.done()
    uid = tg.user_sends(42, "/start", first_name="Ann")
    updates = await poll
    assert [u.update_id for u in updates] == [uid]
    message = updates[0].message
    assert message is not None
    assert message.text == "/start"
    assert message.from_user is not None
    assert message.from_user.first_name == "Ann"
    assert message.entities[0].type == "bot_command"
    assert len(tg.pending_updates()) == 1  # fetched but not confirmed yet
    assert await bot.get_updates(offset=uid + 1, timeout=0) == ()
    assert tg.pending_updates() == []
    assert tg.confirmed_offset == uid + 1
    tg.redeliver(uid)
    again = await bot.get_updates(offset=uid + 1, timeout=0)
    assert [u.update_id for u in again] == [uid]
    assert tg.deliveries(uid) == 2
    assert await bot.get_updates(offset=uid + 1, timeout=0) == ()


async def test_limit_offset_and_update_kinds(tg: FakeTelegram, bot: Bot) -> None:
    sent = await bot.send_message(42, "Pick one", reply_markup=keyboard("yes"))
    ids = [
        tg.user_sends(42, "hello"),
        tg.user_taps(42, "yes"),
        tg.user_shares_location(42, 52.5, 13.4),
        tg.user_sends_sticker(42),
        tg.user_sends_photo(42, caption="my knee"),
        tg.user_sends_voice(42),
        tg.user_sends_document(42),
        tg.channel_post(-100500, "news"),
        tg.my_chat_member(42),
    ]
    assert ids == list(range(1000, 1009))
    first = await bot.get_updates(limit=2, timeout=0)
    assert [u.update_id for u in first] == ids[:2]
    query = first[1].callback_query
    assert query is not None
    assert query.data == "yes"
    assert query.message is not None
    assert query.message.message_id == sent.message_id
    rest = await bot.get_updates(offset=ids[1] + 1, timeout=0)
    kinds = [u.effective_message is not None for u in rest]
    assert kinds == [True] * 6 + [False]
    assert rest[0].message is not None
    assert rest[0].message.location is not None
    assert rest[-1].my_chat_member is not None
    assert rest[-1].my_chat_member.new_chat_member.status == "kicked"
    with pytest.raises(Forbidden):  # my_chat_member(kicked) also blocks the chat
        await bot.send_message(42, "still there?")


async def test_injection_from_another_thread_wakes_the_poll(tg: FakeTelegram, bot: Bot) -> None:
    poll = asyncio.create_task(bot.get_updates(timeout=5))
    await tg.wait_for(lambda: tg.calls_to("getUpdates"))
    uid = await asyncio.to_thread(tg.user_sends, 7, "from a thread")
    assert [u.update_id for u in await poll] == [uid]


async def test_second_poller_ends_the_first_with_conflict(tg: FakeTelegram, bot: Bot) -> None:
    first = asyncio.create_task(bot.get_updates(timeout=5))
    await tg.wait_for(lambda: tg.calls_to("getUpdates"))
    async with make_bot(tg) as other_instance:
        second = asyncio.create_task(other_instance.get_updates(timeout=0))
        with pytest.raises(Conflict, match=r"(?i)terminated by other getUpdates"):
            await first
        assert await second == ()


async def test_callback_answered_once(tg: FakeTelegram, bot: Bot) -> None:
    await bot.send_message(42, "Done?", reply_markup=keyboard("done"))
    tg.user_taps(42, "done")
    (update,) = await bot.get_updates(timeout=0)
    assert update.callback_query is not None
    assert tg.unanswered_callbacks() == [update.callback_query.id]
    assert await update.callback_query.get_bot().answer_callback_query(
        update.callback_query.id, "Nice"
    )
    assert tg.callback_answer(update.callback_query.id) == {
        "callback_query_id": update.callback_query.id,
        "text": "Nice",
    }
    with pytest.raises(BadRequest, match=r"(?i)query is too old"):
        await bot.answer_callback_query(update.callback_query.id)
    assert tg.unanswered_callbacks() == []


# ---- failures ------------------------------------------------------------------------------


async def test_blocked_user_gives_forbidden(tg: FakeTelegram, bot: Bot) -> None:
    tg.block(42)
    with pytest.raises(Forbidden, match=r"(?i)bot was blocked by the user"):
        await bot.send_message(42, "Time to move")
    await bot.send_message(43, "Others still get messages")
    tg.unblock(42)
    await bot.send_message(42, "Back again")
    assert [m.text for m in tg.sent(42)] == ["Back again"]


async def test_fail_next_and_resets(tg: FakeTelegram, bot: Bot) -> None:
    tg.faults.fail_next("sendMessage", 429, retry_after=3)
    with pytest.raises(RetryAfter):
        await bot.send_message(42, "one")
    tg.faults.fail_next("sendmessage", 502)
    with pytest.raises(NetworkError):
        await bot.send_message(42, "two")
    tg.faults.reset_next("sendMessage")
    with pytest.raises(NetworkError):
        await bot.send_message(42, "three")
    assert tg.sent(42) == []  # nothing answered with an error was stored
    tg.faults.reset_next("sendMessage", reset_after_processing=True)
    with pytest.raises(NetworkError):
        await bot.send_message(42, "four")
    await bot.send_message(42, "four")  # the retry: the user now has it twice
    assert [m.text for m in tg.sent(42)] == ["four", "four"]
    assert tg.stats == {
        "requests": 6,  # getMe + 5 sends
        "sent": 2,
        "edits": 0,
        "rejected_429": 1,
        "resets": 2,
        "errors": 1,
    }
    assert [c.status for c in tg.calls_to("sendMessage")] == [429, 502, 0, 0, 200]


async def test_random_faults_repeat_with_the_same_seed() -> None:
    async def run() -> list[str]:
        async with FakeTelegram(TOKEN) as server, make_bot(server) as b:
            server.faults.random_faults(0.5, seed=7, kinds=("429", "500", "reset"))
            outcome = []
            for i in range(20):
                try:
                    await b.send_message(1, f"m{i}")
                    outcome.append("ok")
                except TelegramError as exc:
                    outcome.append(type(exc).__name__)
            assert len(server.sent(1)) == outcome.count("ok")
            return outcome

    first = await run()
    assert first == await run()
    assert 0 < first.count("ok") < 20


async def test_rate_limit_draws_429s(tg: FakeTelegram, bot: Bot) -> None:
    now = [100.0]  # a frozen clock: the 40 sends land in the same instant
    tg.enforce_rate_limit(per_second=30, clock=lambda: now[0])
    results = await asyncio.gather(
        *(bot.send_message(1000 + i, f"reminder {i}") for i in range(40)), return_exceptions=True
    )
    rejected = [r for r in results if isinstance(r, RetryAfter)]
    accepted = [r for r in results if not isinstance(r, BaseException)]
    assert (len(accepted), len(rejected)) == (30, 10)
    assert tg.stats["rejected_429"] == 10
    assert sum(len(tg.sent(1000 + i)) for i in range(40)) == tg.stats["sent"] == 30
    now[0] += 0.99
    with pytest.raises(RetryAfter):
        await bot.send_message(1, "still inside the window")
    now[0] += 0.02
    await bot.send_message(1, "the window has moved on")
    tg.enforce_rate_limit(per_second=None, per_chat_per_second=1, clock=lambda: now[0])
    await bot.send_message(5, "one")
    with pytest.raises(RetryAfter):
        await bot.send_message(5, "two")
    await bot.send_message(6, "another chat is fine")


async def test_unknown_method_and_wrong_token(tg: FakeTelegram, bot: Bot) -> None:
    with pytest.raises(TelegramError):
        await bot.send_dice(42)
    assert [(c.method, c.status) for c in tg.calls_to("sendDice")] == [("sendDice", 404)]
    with pytest.raises(InvalidToken):
        async with make_bot(tg, "999:WRONG"):
            pass
    assert tg.calls[-1].status == 401


async def test_wire_format(tg: FakeTelegram) -> None:
    url = f"{tg.base_url}{TOKEN}"
    tg.faults.fail_next("sendMessage", 429, retry_after=2)
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{url}/sendMessage", json={"chat_id": 1, "text": "x"}) as resp:
            assert resp.status == 429
            assert await resp.json() == {
                "ok": False,
                "error_code": 429,
                "description": "Too Many Requests: retry after 2",
                "parameters": {"retry_after": 2},
            }
        async with http.post(f"{url}/SENDMESSAGE", json={"chat_id": 1, "text": "x"}) as resp:
            body = await resp.json()
            assert (resp.status, body["ok"], body["result"]["text"]) == (200, True, "x")
        async with http.post(f"{url}/sendPoll", data={"chat_id": "1"}) as resp:
            assert resp.status == 404
            assert await resp.json() == {
                "ok": False,
                "error_code": 404,
                "description": "Not Found: method not found",
            }
        form = {"chat_id": "1", "text": "x", "reply_markup": "{oops"}
        async with http.post(f"{url}/sendMessage", data=form) as resp:
            assert resp.status == 400
            assert (await resp.json())["description"] == (
                "Bad Request: can't parse reply keyboard markup JSON object"
            )
        async with http.get(f"{tg.base_url}1:BAD/getMe") as resp:
            assert resp.status == 401
            assert (await resp.json())["description"] == "Unauthorized"


async def test_next_message_timeout_lists_recent_calls(tg: FakeTelegram, bot: Bot) -> None:
    await bot.send_message(43, "elsewhere")
    with pytest.raises(AssertionError, match=r"(?i)sendMessage -> 200"):
        await tg.next_message(42, timeout=0.05)


async def test_other_methods(tg: FakeTelegram, bot: Bot) -> None:
    assert await bot.set_my_commands([("start", "Begin"), ("today", "Today's routine")])
    assert [c.command for c in await bot.get_my_commands()] == ["start", "today"]
    assert [c["command"] for c in tg.bot_commands()] == ["start", "today"]
    with pytest.raises(BadRequest):
        await bot.set_my_commands([("Start", "capital letters are refused")])
    assert await bot.delete_my_commands()
    assert await bot.get_my_commands() == ()
    assert await bot.set_chat_menu_button()
    assert await bot.send_chat_action(42, "typing")
    assert await bot.set_webhook("https://example.org/hook")
    with pytest.raises(Conflict):
        await bot.get_updates(timeout=0)
    assert await bot.delete_webhook()
    tg.user_sends(42, "look at this")
    user_msg_id = tg.pending_updates()[0]["message"]["message_id"]
    thanks = await bot.send_message(42, "Thanks", reply_to_message_id=user_msg_id)
    assert tg.message(42, thanks.message_id).reply_to_message_id == user_msg_id
    with pytest.raises(BadRequest, match=r"(?i)message to be replied not found"):
        await bot.send_message(42, "to nothing", reply_to_message_id=999)
    forwarded = await bot.forward_message(43, 42, user_msg_id)
    copied = await bot.copy_message(44, 42, user_msg_id)
    assert forwarded.text == "look at this"
    assert tg.message(44, copied.message_id).text == "look at this"
    with pytest.raises(BadRequest, match=r"(?i)message to copy not found"):
        await bot.copy_message(44, 42, 999)
    edited_id = tg.user_edits(42, user_msg_id, "look at this!")
    raw_id = tg.inject({"update_id": 5000, "message": tg.pending_updates()[0]["message"]})
    assert (edited_id, raw_id, tg.user_sends(42, "next")) == (1001, 5000, 5001)
    updates = await bot.get_updates(timeout=0)
    assert [u.update_id for u in updates] == [1000, 1001, 5000, 5001]
    assert updates[1].edited_message is not None
    assert updates[1].edited_message.text == "look at this!"


# ---- a real Application ----------------------------------------------------------------


async def test_application_answers_start(tg: FakeTelegram) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        await update.effective_message.reply_text("Hi! Ready to move a little?")

    app = Application.builder().token(TOKEN).base_url(tg.base_url).build()
    app.add_handler(CommandHandler("start", start))
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=1)
        uid = tg.user_sends(42, "/start")
        reply = await tg.next_message(42)
        assert reply.text == "Hi! Ready to move a little?"
        await app.updater.stop()
        await app.stop()
    assert tg.pending_updates() == []  # the stop call confirmed it
    assert tg.confirmed_offset == uid + 1
    assert tg.deliveries(uid) == 1


# ---- markup checks as properties ---------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=200))
def test_escaped_text_parses_back_to_itself(text: str) -> None:
    assert plain_text(html.escape(text), "HTML") == text
    assert plain_text(escape_markdown(text, version=2), "MarkdownV2") == text
