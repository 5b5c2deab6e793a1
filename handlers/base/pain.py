"""Pain reported outside the routine's own questions: record it, then follow the pain model.

Shared by the coach (typed reports, the screening's "no"), the conversation policy and
the routine driver (a score above the limit stops the routine), so it sits below them.
"""

from __future__ import annotations

from telegram import Update

from bot.domain.coaching import coach as coaching
from bot.domain.coaching.pain_model import pain_zone
from handlers.base.records import record_for, store_records
from handlers.base.replies import Buttons, Context, send, user_id_of
from handlers.base.screening import ask_red_flag_questions


def menu(context: Context) -> Buttons:
    """What to do next: start, look at the exercises, or rest (with the push-back)."""
    text = context.deps.content.text
    return [[(text("onboarding_start_button"), "sess:start")],
            [(text("onboarding_exercises_button"), "lib:list")],
            [(text("coach_rest_button"), "co:rest")]]


async def pain_report(update: Update, context: Context, pain: int | None) -> None:
    """"pain 6": record it; above 5 screens for red flags first; else advice."""
    deps = context.deps
    user_id = user_id_of(update)
    assert user_id is not None
    if pain is None:
        await send(update, context, coaching.pain_out_of_range_reply(deps.content, deps.rng))
        return
    store_records(deps, user_id, [record_for(update, deps, user_id, "pain", pain=pain,
                                          context="report")])
    if pain_zone(pain) == "too_much":
        await stopped_for_pain(update, context, pain, lead=False)
    else:
        safe = pain_zone(pain) == "safe"
        key = "coach_pain_noted_safe" if safe else "coach_pain_noted_acceptable"
        await send(update, context, deps.content.text(key, pain=pain), menu(context))


async def stopped_for_pain(update: Update, context: Context, pain: int, *, lead: bool = True,
                           before: bool = True) -> None:
    """Pain above 5: a flare-up day is recorded, and red flags are screened first.

    The flare-up plan or rest follows the screening's "no" (``offer_flare_plan``).
    ``lead``: say first why the exercises stop (a routine was asked for, or under way);
    ``before``: they had not started yet.
    """
    deps = context.deps
    user_id = user_id_of(update)
    assert user_id is not None
    store_records(deps, user_id, [record_for(update, deps, user_id, "flare", ":flare",
                                          pain=pain, note="pain above 5")])
    if lead:
        key = "session_stopped_for_pain" if before else "session_stopped_for_pain_during"
        await send(update, context, deps.content.text(key, pain=pain))
    await ask_red_flag_questions(update, context, f"p:{pain}")


async def offer_flare_plan(update: Update, context: Context, pain: int | None = None) -> None:
    """A flare-up day: mobility only, recorded so the streak pauses instead of breaking."""
    deps = context.deps
    user_id = user_id_of(update)
    assert user_id is not None
    store_records(deps, user_id, [record_for(update, deps, user_id, "flare", ":flare")])
    start = "co:flare" if pain is None else f"co:flare:{pain}"
    await send(update, context, coaching.flare_up_plan_text(
        deps.content, deps.routine_for(user_id)),
               [[(deps.content.text("coach_flare_start_button"), start)],
                [(deps.content.text("coach_choice_rest"), "co:c:rest")]])

