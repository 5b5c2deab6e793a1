"""``GET /api/me/progress``: the signed-in patient's own figures, calendar and plan.

Who the patient is comes only from the signed initData, so a patient can read their
own data and nobody else's. Without consent nothing is stored about them, so there is
nothing to show: 403, and the page tells them to start the bot.
"""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from aiohttp import web

from bot.deps import Deps
from bot.domain.progress.figures import local_since
from bot.web.base import ApiError, json_response, signed_in, state
from bot.web.views import LOOK_BACK_DAYS, progress_json, recent_summary

routes = web.RouteTableDef()


def progress_of(deps: Deps, user_id: int, profile: dict[str, Any]) -> dict[str, Any]:
    """A patient's progress object, with the figures /progress gives.

    A year of records takes tens of milliseconds to read and sum up; the last
    LOOK_BACK_DAYS give the same figures unless the streak reaches back further (or the
    onboarding date is unknown), and only then is everything read.
    """
    today = deps.view(profile).today(deps.clock.now())
    plan = deps.plan_for(profile, today)
    since = local_since(profile)
    if since is not None:
        start = today - timedelta(days=LOOK_BACK_DAYS)
        recent = deps.store.records(user_id, since=start)
        summary = recent_summary(recent, today, since, start)
        if summary is not None:
            return progress_json(deps.content, profile, recent, today, plan, summary)
    return progress_json(deps.content, profile, deps.store.records(user_id), today, plan)


@routes.get("/api/me/progress")
async def my_progress(request: web.Request) -> web.Response:
    user = signed_in(request)
    deps = state(request).deps
    profile = deps.store.profile(user.id)
    if not deps.view(profile).consent:
        raise ApiError(403, "you have not agreed to the bot keeping your progress yet: "
                            "send /start to the bot first")
    return json_response(progress_of(deps, user.id, profile))
