"""/start: welcome, safety note, consent, first reminder time and time zone."""

from __future__ import annotations

import re

from telegram import KeyboardButton, ReplyKeyboardMarkup, ReplyKeyboardRemove, Update

from bot.domain.plans.doses import plan_levels
from bot.domain.profiles import COMMON_TIMES, COMMON_ZONES, new_profile
from bot.domain.reminders.local_time import local_now
from bot.domain.reminders.timeparse import TimeParseError, format_time, parse_time
from bot.domain.reminders.timezones import UnknownTimezone, resolve_timezone, timezone_for_location
from bot.domain.routine.steps import routine_minutes
from bot.domain.understanding.yes_no import yes_or_no
from handlers.base import Context, answer, send, user_id_of
from handlers.base.hooks import profile_changed
from handlers.base.red_flags import safety_list
from handlers.base.routine import TRANSIENT_KEY, load_active_session
from handlers.base.understanding import reading_of


async def start(update: Update, context: Context) -> None:
    """Greet, explain the approach and the red flags, then ask for consent."""
    deps = context.deps
    text = deps.content.text
    user = update.effective_user
    assert user is not None
    profile = deps.store.profile(user.id)
    if deps.view(profile).onboarded:
        with deps.store.user(user.id) as txn:
            profile = txn.update("profile", active=True, first_name=user.first_name[:64])
        await profile_changed(context, user.id)
        state = "on" if deps.view(profile).reminder_times else "off"
        await send(
            update,
            context,
            text("onboarding_welcome_back", name=user.first_name, reminder_state=state),
            [[(text("onboarding_start_button"), "sess:start")],
             [(text("onboarding_exercises_button"), "lib:list")]],
        )
        return
    await send(update, context, text("onboarding_welcome", name=user.first_name))
    await send(update, context, "\n\n".join(
        [text("onboarding_safety_heading"), safety_list(deps.content)]))
    await ask_consent(update, context, "onboarding_consent_question")


#: In this process's memory only (nothing is stored before consent): the consent
#: question is waiting, so a typed "yes" or "no thanks" answers it.
CONSENT_ASKED = "consent_asked"


async def ask_consent(update: Update, context: Context, key: str) -> None:
    text = context.deps.content.text
    if context.user_data is not None:
        context.user_data[CONSENT_ASKED] = True
    await send(update, context, text(key),
               [[(text("onboarding_consent_yes_button"), "ob:consent:yes"),
                 (text("onboarding_consent_no_button"), "ob:consent:no")]])


async def consent_button(update: Update, context: Context) -> None:
    """Yes: create the profile and ask the reminder time. No: store nothing."""
    deps = context.deps
    text = deps.content.text
    query = update.callback_query
    user = update.effective_user
    assert query is not None and user is not None
    if deps.profile(user.id).onboarded:
        # An old consent message: "No" there must not delete a finished set-up (/forget
        # asks first), and "Yes" must not start onboarding over.
        await answer(update, text("button_expired"))
        return
    await answer(update)
    await _consent_given(update, context, query.data == "ob:consent:yes")


async def _consent_given(update: Update, context: Context, agreed: bool) -> None:
    """The answer to the consent question, tapped or typed."""
    deps = context.deps
    user = update.effective_user
    assert user is not None
    if context.user_data is not None:
        context.user_data.pop(CONSENT_ASKED, None)
    if not agreed:
        if deps.store.exists(user.id):
            deps.store.forget(user.id)
        await send(update, context, deps.content.text("onboarding_no_consent"))
        return
    # A routine begun before the answer lived in memory only: from now on it is stored
    # (and dropped from memory once the write has landed).
    transient = context.application.bot_data.get(TRANSIENT_KEY, {})
    running = transient.get(user.id)
    with deps.store.user(user.id) as txn:
        profile = txn.get("profile")
        if not deps.view(profile).consent:
            if running:
                txn.set("session", running)
            txn.set(
                "profile",
                new_profile(
                    user.id,
                    user.first_name,
                    user.username,
                    deps.clock.now(),
                    deps.settings.default_timezone,
                ),
            )
    transient.pop(user.id, None)
    await ask_time(update, context)


async def ask_time(update: Update, context: Context, *, brief: bool = False) -> None:
    """The reminder-time question; ``brief``: asked again after a side remark."""
    text = context.deps.content.text
    rows = [[(t, f"ob:time:{t}") for t in COMMON_TIMES[:3]],
            [(t, f"ob:time:{t}") for t in COMMON_TIMES[3:]],
            [(text("onboarding_no_reminder_button"), "ob:time:none")]]
    await send(update, context,
               text("onboarding_ask_time_again" if brief else "onboarding_ask_time"), rows)


async def ask_timezone(update: Update, context: Context, *, brief: bool = False) -> None:
    """The time-zone question; ``brief``: asked again, so the location keyboard sent the
    first time (it stays until used) is not sent once more."""
    text = context.deps.content.text
    rows = [
        [(z.split("/")[-1].replace("_", " "), f"ob:tz:{z}") for z in COMMON_ZONES[i : i + 3]]
        for i in range(0, len(COMMON_ZONES), 3)
    ]
    await send(update, context,
               text("onboarding_ask_timezone_again" if brief else "onboarding_ask_timezone"),
               rows)
    chat = update.effective_chat
    if chat is not None and not brief:
        await context.bot.send_message(
            chat.id,
            text("onboarding_share_location_button"),
            reply_markup=ReplyKeyboardMarkup(
                [[KeyboardButton(text("onboarding_share_location_button"),
                                 request_location=True)]],
                one_time_keyboard=True,
                resize_keyboard=True,
            ),
        )


async def time_button(update: Update, context: Context) -> None:
    """A reminder time tapped during onboarding (afterwards /remind changes it)."""
    query = update.callback_query
    user_id = user_id_of(update)
    assert query is not None and query.data is not None and user_id is not None
    deps = context.deps
    if deps.profile(user_id).onboarded:
        # Going back to the time-zone step would stop reminders until a zone is typed.
        await answer(update, deps.content.text("button_expired"))
        return
    await answer(update)
    value = query.data.removeprefix("ob:time:")
    await _set_time(update, context, None if value == "none" else value)


async def _set_time(update: Update, context: Context, value: str | None) -> None:
    deps = context.deps
    user_id = user_id_of(update)
    assert user_id is not None
    if value is not None:
        try:
            value = format_time(parse_time(value))
        except TimeParseError as err:
            await send(update, context, deps.content.text("onboarding_bad_time", error=str(err)))
            return
    with deps.store.user(user_id) as txn:
        profile = txn.get("profile")
        if not deps.view(profile).consent:
            return
        txn.update("profile", reminder_times=[value] if value else [], stage="tz")
    await ask_timezone(update, context)


async def tz_button(update: Update, context: Context) -> None:
    """A time zone tapped during onboarding."""
    query = update.callback_query
    assert query is not None and query.data is not None
    await answer(update)
    await set_timezone(update, context, query.data.removeprefix("ob:tz:"))


async def set_timezone(update: Update, context: Context, name: str) -> bool:
    """Resolve a typed or tapped zone name; on success store it and finish onboarding."""
    deps = context.deps
    text = deps.content.text
    try:
        zone = resolve_timezone(name)
    except UnknownTimezone as err:
        hint = text("onboarding_tz_no_suggestions")
        rows = None
        if err.suggestions:
            hint = text("onboarding_tz_suggestions")
            rows = [[(s, f"ob:tz:{s}")] for s in err.suggestions if len(f"ob:tz:{s}") <= 64]
        reply = text("onboarding_unknown_tz", text=name[:60], suggestions=hint)
        await send(update, context, reply, rows)
        return False
    await _store_zone(update, context, zone.key)
    return True


async def location(update: Update, context: Context) -> None:
    """A shared location sets the time zone (offline lookup)."""
    deps = context.deps
    message = update.effective_message
    assert message is not None and message.location is not None
    zone = timezone_for_location(message.location.latitude, message.location.longitude)
    if zone is None:
        await send(update, context, deps.content.text("onboarding_location_unknown"))
        return
    await _store_zone(update, context, zone.key)


async def _store_zone(update: Update, context: Context, zone: str) -> None:
    deps = context.deps
    text = deps.content.text
    user_id = user_id_of(update)
    assert user_id is not None
    if not deps.profile(user_id).consent:
        await send(update, context, text("onboarding_no_consent"))
        return
    with deps.store.user(user_id) as txn:
        before = txn.get("profile")
        profile = txn.update("profile", tz=zone, stage="done")
    local = local_now(deps.clock.now(), zone).strftime("%H:%M")
    chat = update.effective_chat
    assert chat is not None
    await context.bot.send_message(
        chat.id, text("onboarding_tz_set", tz=zone, local_time=local),
        reply_markup=ReplyKeyboardRemove(),
    )
    await profile_changed(context, user_id)
    if before.get("stage") != "done":
        times = deps.view(profile).reminder_times
        line = (text("onboarding_reminder_line", times=", ".join(times)) if times
                else text("onboarding_no_reminder_line"))
        await send(update, context, text("onboarding_done", reminder_line=line, tz=zone))
        await send(
            update,
            context,
            text("onboarding_done_next", minutes=routine_minutes(
                deps.content, deps.routine_for(user_id),
                plan_levels(deps.profile(user_id), deps.content.exercises))),
            [[(text("onboarding_start_button"), "sess:start")],
             [(text("onboarding_exercises_button"), "lib:list")]],
        )


async def onboarding_text(update: Update, context: Context) -> bool:
    """Typed answers while onboarding asks for a time or a zone; True when consumed."""
    deps = context.deps
    user_id = user_id_of(update)
    message = update.effective_message
    if user_id is None or message is None or not message.text:
        return False
    stage = deps.profile(user_id).stage
    if _consent_pending(context, stage):
        agreed = yes_or_no(message.text)
        if agreed is not None:
            await _consent_given(update, context, agreed)
            return True
        if load_active_session(context.application, user_id) is not None or (
                _means_something_else(update, "consent")):
            # "/routine" tapped before answering: "4" is its pain score, not a non-answer
            # (in make chat every typed step got the consent question and went nowhere)
            return False  # the routine or the conversation answers, then reask_step
        await ask_consent(update, context, "onboarding_consent_reask")
        return True
    if stage not in ("time", "tz"):
        return False
    raw = message.text.strip()
    if load_active_session(context.application, user_id) is not None and _for_routine(
            update, stage, raw):
        return False  # a routine started after this question: its answer, then reask_step
    if not _fits_step(stage, raw) and _means_something_else(update, stage):
        return False  # "done", a question...: the conversation answers, then reask_step
    if stage == "time":
        await _set_time(update, context, raw[:40])
    else:
        await set_timezone(update, context, raw[:80])
    return True


#: A reading this sure of another meaning is answered as that, not as a bad time or zone.
OTHER_MEANING_FROM = 0.6


def _fits_step(stage: str, raw: str) -> bool:
    """Whether the text is an answer to the step at all (a time, a zone, "none")."""
    if stage == "time":
        try:
            parse_time(raw[:40])
        except TimeParseError:
            return False
        return True
    try:
        resolve_timezone(raw[:80])
    except UnknownTimezone:
        return False
    return True


#: Words of a time typed another way ("half seven", "after lunch"): an attempt at the step.
_TIME_WORDS = re.compile(r"\d|half|quarter|noon|midday|midnight|morning|evening|night|"
                         r"lunch|breakfast|dinner|\b[ap]\.?m\b|o'?clock", re.IGNORECASE)


def _for_routine(update: Update, stage: str, raw: str) -> bool:
    """While a routine runs, whether the text is for it rather than the set-up step.

    The patient started the routine after the set-up question, so its questions are the
    newer: a pain score ("4"), a "done" or anything that is no time or zone goes to it.
    """
    reading = reading_of(update)
    if reading is not None and reading.top.kind == "pain":
        return True
    return not _fits_step(stage, raw)


def _means_something_else(update: Update, stage: str) -> bool:
    """Whether a text that does not answer the ``stage`` step surely means something else
    ("done", "how do I do the bridge"). At the consent step a question is most often about
    the question ("what do you do with it?"): it gets the question again, with how to
    answer it."""
    reading = reading_of(update)
    message = update.effective_message
    if reading is None or message is None or not message.text:
        return False
    if stage == "time" and _TIME_WORDS.search(message.text):
        return False
    top = reading.top
    kinds = ("done", "undo", "rest", "exercise") + (("question",) if stage != "consent" else ())
    return top.kind in kinds and top.confidence >= OTHER_MEANING_FROM


def _consent_pending(context: Context, stage: str | None) -> bool:
    """Whether the consent question waits for its answer (nothing stored yet)."""
    return stage is None and bool(context.user_data and context.user_data.get(CONSENT_ASKED))


#: In this process's memory: the routine after whose first reply the set-up question was
#: asked again, so the routine's later steps are not each followed by it.
REASKED_IN_ROUTINE = "setup_reasked_in"


async def reask_step(update: Update, context: Context) -> None:
    """After a side remark during set-up, the pending step's question once more, briefly.

    During a routine, only once: its own questions are the newer, and the set-up question
    after every step buried them (seen in ``make chat``).
    """
    user_id = user_id_of(update)
    if user_id is None:
        return
    stage = context.deps.profile(user_id).stage
    consent_asked = _consent_pending(context, stage)
    if stage not in ("time", "tz") and not consent_asked:
        return
    session = load_active_session(context.application, user_id)
    if session is not None and context.user_data is not None:
        if context.user_data.get(REASKED_IN_ROUTINE) == session.id:
            return
        context.user_data[REASKED_IN_ROUTINE] = session.id
    if consent_asked:
        await ask_consent(update, context, "onboarding_consent_again")
    elif stage == "time":
        await ask_time(update, context, brief=True)
    else:
        await ask_timezone(update, context, brief=True)
