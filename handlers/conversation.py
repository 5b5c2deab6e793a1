"""Free text, whatever the state: read once, decided by one policy, then carried out.

The reading is ``bot.domain.understanding``'s, the decision ``bot.domain.conversation``'s
(red flags first, then the pending question, then anything else recognised). This
module only turns each action into records and replies, and owns the buttons that
correct a record: Undo, "another exercise", "the whole routine", "did you mean".
"""

from __future__ import annotations

import asyncio
from dataclasses import replace

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot.domain import routine as sm
from bot.domain.coaching import coach as coaching
from bot.domain.conversation import actions as act
from bot.domain.conversation.policy import SCREEN_STATES, decide, state_of
from bot.domain.conversation.reminder_requests import plan_change
from bot.domain.records import Record
from bot.domain.understanding.faq_reading import needs_index, with_faq
from bot.domain.understanding.interpret import done_after_all, interpret
from bot.domain.understanding.reading import Interpretation, Slots
from bot.domain.understanding.red_flags import flag_by_id
from bot.domain.understanding.score_fix import about_a_score, score_fix
from bot.domain.understanding.yes_no import screening_answer, yes_or_no
from bot.transport.context import App
from handlers.base import Context, answer, consenting, send, user_id_of
from handlers.base.cards import answer_request, send_card, send_library
from handlers.base.done import FIX_PREFIX, UNDO_PREFIX, record_done, record_exercise_done
from handlers.base.hooks import profile_changed
from handlers.base.pain import menu, pain_report
from handlers.base.pushback import push_back
from handlers.base.red_flags import flags_of, handle_red_flags, matched_words
from handlers.base.resume import (
    answer_resume_check,
    ask_resume_check,
    forget_resume_check,
    resume_pending,
)
from handlers.base.routine import apply_event, load_active_session, render, start_routine
from handlers.base.screening import ask_red_flag_questions, pending_screening
from handlers.base.screening_answer import answer_screening
from handlers.base.understanding import reading_of
from handlers.base.undo import last_group, take_back_pain, take_back_rest, undo_group

#: Callback data of the "did you mean" buttons: ``dym:<kind>``.
SUGGEST_PREFIX = "dym:"
#: A question the FAQ cannot answer: offered /ask, as one for a person.
FAQ_OTHER = "faq_other"


async def conversation_text(update: Update, context: Context) -> bool:
    """Every free-text message the onboarding did not take; always answers."""
    deps = context.deps
    message = update.effective_message
    user_id = user_id_of(update)
    reading = reading_of(update)
    if message is None or user_id is None or reading is None:
        return False
    session = load_active_session(context.application, user_id)
    held = deps.profile(user_id).held_for_red_flag
    screen = None if session is not None or held else pending_screening(
        context.application, user_id)
    state = state_of(session, held, screening=screen is not None)
    short = sm.interpret_text(message.text[:500]) if message.text else None
    answer_now = None
    if state in SCREEN_STATES and message.text:
        answer_now = screening_answer(message.text[:500])
    if message.text and needs_index(reading, message.text):
        # an everyday question carries the FAQ entry that answers it (the sentence model
        # takes milliseconds of CPU: off the event loop, other patients go on)
        reading = await asyncio.to_thread(with_faq, reading, message.text, await deps.faq())
    if state == "held" and resume_pending(context, user_id):
        return await _at_resume_question(update, context, reading, message.text or "")
    for action in decide(reading, state, short, answer_now):
        await carry_out(update, context, action, reading, session)
    return True


async def _at_resume_question(update: Update, context: Context, reading: Interpretation,
                              said: str) -> bool:
    """Held, with /resume's question open: a typed yes or no answers it (as the buttons
    do); anything else is handled as always and the question asked again. A new red flag
    closes it: the hold starts over."""
    user_id = user_id_of(update)
    assert user_id is not None
    answer_now = yes_or_no(said) if not (reading.is_red_flag or reading.ask_about) else None
    if answer_now is not None:
        await answer_resume_check(update, context, user_id, answer_now)
        return True
    for action in decide(reading, "held"):
        await carry_out(update, context, action, reading, None)
    if reading.is_red_flag:
        forget_resume_check(context, user_id)
    elif reading.ask_about is None:
        await ask_resume_check(update, context, again=True)
    return True


async def carry_out(
    update: Update, context: Context, action: act.Action, reading: Interpretation,
    session: sm.Session | None, said: str | None = None,
) -> None:
    """One action of the policy, as records and replies. ``said``: the patient's words
    when they are not this update's (a message answered after the safety question)."""
    deps = context.deps
    text = deps.content.text
    message = update.effective_message
    words = said if said is not None else (message.text or "")[:1000] if message else ""
    if isinstance(action, act.Safety):
        hits = action.flags
        await handle_red_flags(update, context, flags_of(hits), words[:300], matched_words(hits))
    elif isinstance(action, act.AskFlag):
        user_id = user_id_of(update)
        if user_id is not None and deps.store.may_store(user_id):
            with deps.store.user(user_id) as txn:  # a "no" carries on with what they meant
                txn.update("state", safety_check={"text": words, "at": deps.clock.now()
                                                  .isoformat()})
        label = flag_by_id(action.hit.category).label
        await send(update, context, text("safety_check_question", label=label),
                   [[(text("safety_check_yes"), "rf:y:check")],
                    [(text("safety_check_no"), "rf:n:check")]])
    elif isinstance(action, act.Routine) and session is not None:
        if isinstance(action.event, sm.Done | sm.DoneAll):
            await record_done(update, context, slots=_done_slots(action.event),
                              running=session)
        else:
            await apply_event(update, context, session, action.event)
    elif isinstance(action, act.StartRoutine):
        await start_routine(update, context)
    elif isinstance(action, act.StopRoutine) and session is not None:
        await apply_event(update, context, session, sm.Cancel())
    elif isinstance(action, act.ScreeningAnswer):
        await _answer_screen(update, context, action.answer, session)
    elif isinstance(action, act.Reprompt):
        current = load_active_session(context.application, user_id_of(update) or 0)
        screen = None if current is not None else pending_screening(
            context.application, user_id_of(update) or 0)
        if screen is not None:
            await ask_red_flag_questions(update, context, screen, again=True)
        elif current is not None:
            if reading.top.kind == "unknown":
                await send(update, context, text("conversation_not_caught_routine"))
            await render(update, context, current,
                         sm.current_prompt(deps.content, current, with_card=False,
                                           brief=True))
    elif isinstance(action, act.RecordDone):
        user_id = user_id_of(update)
        if user_id is not None and done_after_all(words) and deps.profile(user_id).consent:
            take_back_rest(deps, user_id, deps.today_for(user_id).isoformat())
        await record_done(update, context, slots=action.slots)
    elif isinstance(action, act.UndoLast):
        await undo_last(update, context, words)
    elif isinstance(action, act.PushBack):
        await push_back(update, context)
    elif isinstance(action, act.ReportPain):
        fix = score_fix(words)  # "I put 8 earlier but I meant 3": the 8 goes first
        if fix is not None and fix[0] == action.score:
            await _take_back_score(update, context, fix)
        await pain_report(update, context, action.score)
    elif isinstance(action, act.ShowExercise):
        exercise = deps.content.exercises.get(action.exercise_id or "")
        if exercise is not None:
            await send_card(update, context, exercise)
        else:
            await answer_request(update, context, words)
    elif isinstance(action, act.AnswerQuestion):
        entry = deps.content.faq.get(action.faq or "")
        await send(update, context, entry.answer if entry is not None else text(FAQ_OTHER))
    elif isinstance(action, act.Greet):
        await send(update, context, coaching.social_reply(deps.content, deps.rng, words))
    elif isinstance(action, act.OnHold):
        await send(update, context, text("coach_on_hold"))
    elif isinstance(action, act.NotTheirs):
        await send(update, context, text("conversation_not_theirs"))
    elif isinstance(action, act.ReminderRequest):
        # as the reminder commands do: stored, the jobs re-planned (the profile-changed
        # hook), then confirmed in words
        found = await consenting(update, context, "reminder_need_consent")
        if found is not None:
            _deps, user_id, _profile = found
            with deps.store.user(user_id) as txn:
                change = plan_change(action.slots, deps.view(txn.get("profile")),
                                     txn.get("state"), deps.clock.now(), deps.content)
                if change.profile:
                    txn.update("profile", **change.profile)
                if change.state is not None:
                    txn.set("state", change.state)
            if change.changes:
                await profile_changed(context, user_id)
            await send(update, context, change.reply)
    elif isinstance(action, act.Suggest):
        rows = [[(text(f"suggest_{kind}"), f"{SUGGEST_PREFIX}{kind}")]
                for kind in action.kinds if f"suggest_{kind}" in deps.content.messages]
        await send(update, context, text("conversation_suggest"), rows)


async def _answer_screen(update: Update, context: Context, said: str,
                         session: sm.Session | None) -> None:
    """A typed answer to the red-flag screen: in the routine's pause (its token) or the one
    waiting outside a routine; "unsure" gets what to do when unsure, and the screen again."""
    ctx = session.token if session is not None else pending_screening(
        context.application, user_id_of(update) or 0)
    if ctx is None:
        return  # answered meanwhile, by a tap on its button
    if said != "unsure":
        await answer_screening(update, context, said == "yes", ctx)
        return
    deps = context.deps
    await send(update, context, deps.content.text("screening_unsure"))
    if session is not None:
        await render(update, context, session, sm.current_prompt(
            deps.content, session, with_card=False, brief=True))
    else:
        await ask_red_flag_questions(update, context, ctx)


async def check_cleared(update: Update, context: Context) -> None:
    """rf:n:check: "no" to the one safety question; then what the message meant is done
    (the "done" recorded, the pain noted...), as if the question had not been needed."""
    deps = context.deps
    user_id = user_id_of(update)
    assert user_id is not None
    await answer(update)
    await send(update, context, deps.content.text("safety_check_cleared"))
    pending: dict[str, str] = {}
    if deps.store.may_store(user_id):
        with deps.store.user(user_id) as txn:
            pending = txn.get("state").get("safety_check") or {}
            if pending:
                txn.update("state", safety_check=None)
    said = str(pending.get("text") or "")
    if not said:
        return  # answered already (a double tap) or nothing was kept
    reading = interpret(said)
    if reading.is_red_flag:  # cannot happen (it would not have asked); never drop a flag
        return
    # they said no to the one question: read the rest of the message without it
    reading = replace(reading, ask_about=None, flags=())
    if needs_index(reading, said):
        reading = await asyncio.to_thread(with_faq, reading, said, await deps.faq())
    session = load_active_session(context.application, user_id)
    state = state_of(session, deps.profile(user_id).held_for_red_flag)
    for action in decide(reading, state, sm.interpret_text(said[:500])):
        await carry_out(update, context, action, reading, session, said)


def _done_slots(event: sm.Event) -> Slots:
    if isinstance(event, sm.DoneAll):
        return Slots(all=True)
    assert isinstance(event, sm.Done)
    return Slots(reps=event.reps, sides="both" if event.both_sides else None)


async def undo_last(update: Update, context: Context, said: str = "") -> None:
    """Typed "undo": take back the newest thing recorded today; a pain score put right in
    words ("that 8 was a typo, I meant 3") is taken back and the right one recorded."""
    deps = context.deps
    user_id = user_id_of(update)
    assert user_id is not None
    group = None
    if said and about_a_score(said) and deps.profile(user_id).consent:
        # a score spoken of: today's newest score goes if it is the newest record; a score
        # put right is recorded, never with an exercise taken back in its place
        fix = score_fix(said)
        taken = await _take_back_score(update, context, fix)
        if fix is not None:
            await pain_report(update, context, fix[0])
        if taken or fix is not None:
            return
    if deps.profile(user_id).consent:
        group = last_group(deps, user_id, deps.today_for(user_id).isoformat())
    removed = undo_group(deps, user_id, group) if group else []
    await send(update, context, _undo_reply(context, removed))


async def _take_back_score(update: Update, context: Context,
                           fix: tuple[int, int | None] | None) -> bool:
    """Today's wrong pain score taken back ("that 8 was a typo, I meant 3"), said so."""
    deps = context.deps
    user_id = user_id_of(update)
    if user_id is None or not deps.profile(user_id).consent:
        return False
    wrong = take_back_pain(deps, user_id, deps.today_for(user_id).isoformat(),
                           fix[1] if fix is not None else None)
    if wrong is None:
        return False
    await send(update, context, deps.content.text("undo_pain_fixed", old=wrong.get("pain")))
    return True


def _undo_reply(context: Context, removed: list[Record]) -> str:
    deps = context.deps
    if not removed:
        return deps.content.text("undo_nothing")
    ids = dict.fromkeys(str(r.get("exercise")) for r in removed if r.get("exercise"))
    names = [deps.content.exercises[e].name for e in ids if e in deps.content.exercises]
    # a rest, a walk or a whole routine has no exercise: say which of them went
    kinds = dict.fromkeys(str(r.get("kind")) for r in removed)
    names += [deps.content.text(_UNDO_WHAT[k]) for k in kinds if k in _UNDO_WHAT]
    if names:
        return deps.content.text("undo_done", what=", ".join(names))
    return deps.content.text("undo_done_other")


_UNDO_WHAT = {"rest": "undo_what_rest", "walk": "undo_what_walk",
              "routine_complete": "undo_what_routine"}


async def undo_button(update: Update, context: Context) -> None:
    """u:<group>: take back exactly what one reply recorded."""
    deps = context.deps
    query = update.callback_query
    user_id = user_id_of(update)
    assert query is not None and query.data is not None and user_id is not None
    group = query.data.removeprefix(UNDO_PREFIX)
    removed = undo_group(deps, user_id, group) if deps.profile(user_id).consent else []
    if not removed:
        await answer(update, deps.content.text("undo_already"))
        return
    await answer(update)
    await send(update, context, _undo_reply(context, removed))


async def fix_button(update: Update, context: Context) -> None:
    """s:fl:<group> lists exercises; s:fx:<group>:<id> and s:fa:<group> correct a record."""
    deps = context.deps
    query = update.callback_query
    user_id = user_id_of(update)
    assert query is not None and query.data is not None and user_id is not None
    parts = query.data.split(":")
    if len(parts) == 3 and parts[1] == "fl":
        await answer(update)
        rows = [[(ex.name, f"{FIX_PREFIX}{parts[2]}:{ex.id}")]
                for ex in deps.content.exercises.values()]
        await send(update, context, deps.content.text("done_which_instead"), rows)
        return
    if len(parts) == 4 and parts[1] == "fx" and parts[3] in deps.content.exercises:
        if deps.profile(user_id).consent:
            undo_group(deps, user_id, parts[2])
        await record_exercise_done(update, context, parts[3], None)
        return
    if len(parts) == 3 and parts[1] == "fa":
        await answer(update)
        if deps.profile(user_id).consent:
            undo_group(deps, user_id, parts[2])
        await record_done(update, context, slots=Slots(all=True), source="button")
        return
    await answer(update, deps.content.text("button_expired"))


async def suggestion_button(update: Update, context: Context) -> None:
    """dym:<kind>: the meaning the patient picked when the bot was unsure."""
    query = update.callback_query
    assert query is not None and query.data is not None
    kind = query.data.removeprefix(SUGGEST_PREFIX)
    await answer(update)
    if kind == "done":
        await record_done(update, context, source="button")
    elif kind == "rest":
        await push_back(update, context)
    elif kind == "pain":
        rows = [[(str(n), f"pr:{n}") for n in range(0, 6)],
                [(str(n), f"pr:{n}") for n in range(6, 11)]]
        await send(update, context, context.deps.content.text("coach_morning_pain"), rows)
    elif kind == "exercise":
        await send_library(update, context)
    elif kind == "undo":
        await undo_last(update, context)
    elif kind == "question":
        await send(update, context, context.deps.content.text(FAQ_OTHER))
    elif kind == "start":
        await start_routine(update, context)
    else:
        await send(update, context, context.deps.content.text("help_intro"), menu(context))


async def pain_button(update: Update, context: Context) -> None:
    """pr:<0-10>: a pain score picked from buttons outside a routine."""
    query = update.callback_query
    assert query is not None and query.data is not None
    raw = query.data.removeprefix("pr:")
    if not raw.isdecimal() or len(raw) > 2 or int(raw) > 10:
        await answer(update, context.deps.content.text("button_expired"))
        return
    await answer(update)
    await pain_report(update, context, int(raw))


def register(app: App) -> None:
    app.add_handler(CallbackQueryHandler(check_cleared, pattern=r"^rf:n:check$"))
    app.add_handler(CallbackQueryHandler(undo_button, pattern=r"^u:."))
    app.add_handler(CallbackQueryHandler(fix_button, pattern=r"^s:f[lxa]:"))
    app.add_handler(CallbackQueryHandler(suggestion_button, pattern=r"^dym:[a-z]+$"))
    app.add_handler(CallbackQueryHandler(pain_button, pattern=r"^pr:"))
