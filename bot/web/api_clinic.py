"""The clinicians' API: the patient list, one patient, a plan change, the CSV export.

Clinicians are ``ADMIN_USER_IDS``, checked against the signed initData's user on every
call (403 for anyone else). A plan change is stored exactly as the chat's plan commands
store one (``handlers/plans.py``): in one unit of work, a ``plan`` record saying who
changed what and the new prescription with its history entry (who, when); only then is
the patient told, in the same words as in the chat.
"""

from __future__ import annotations

import logging
import uuid
from datetime import date
from typing import Any

import orjson
from aiohttp import web

from bot.deps import Deps
from bot.domain.plans.changes import PlanError, Who
from bot.domain.plans.doses import DoseError
from bot.domain.plans.prescription import prescription_of
from bot.domain.records import utc_stamp
from bot.domain.reminders.local_time import local_date
from bot.media.export import clinic_csv
from bot.web.api_patient import progress_of
from bot.web.base import (
    SECURITY_HEADERS,
    ApiError,
    MiniApp,
    clinician,
    json_response,
    patient_id,
    state,
)
from bot.web.plan_request import BadRequest, plan_change
from bot.web.views import history_json, library_json, programmes_json

log = logging.getLogger(__name__)
routes = web.RouteTableDef()

MAX_BODY = 16 * 1024  # a plan change is a few dozen bytes; a note at most a few hundred


def _patient(deps: Deps, user_id: int) -> dict[str, Any]:
    """A consenting patient's profile, or 404 (nobody else is anyone's patient)."""
    profile = deps.store.profile(user_id)
    if not deps.view(profile).consent:
        raise ApiError(404, "no such patient")
    return profile


@routes.get("/api/clinic/patients")
async def patients(request: web.Request) -> web.Response:
    """Every consenting patient, those who need a look first."""
    clinician(request)
    body = await state(request).rows.body()
    return web.Response(body=body, content_type="application/json")


@routes.get("/api/clinic/patients/{patient}")
async def patient(request: web.Request) -> web.Response:
    """One patient's progress and plan, the plan's history, and what can be changed."""
    clinician(request)
    deps = state(request).deps
    user_id = patient_id(request)
    profile = _patient(deps, user_id)
    return json_response({
        "patient": progress_of(deps, user_id, profile),
        "history": history_json(prescription_of(profile)),
        "programmes": programmes_json(deps.content),
        "library": library_json(deps.content),
    })


async def _json_body(request: web.Request) -> object:
    if request.content_length is not None and request.content_length > MAX_BODY:
        raise ApiError(413, "the request is too large")
    raw = await request.read()  # the whole body (the server caps it; a chunked one too)
    if len(raw) > MAX_BODY:
        raise ApiError(413, "the request is too large")
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError:
        raise ApiError(400, "the request must be JSON") from None


async def _tell(app: MiniApp, user_id: int, text: str) -> bool:
    try:
        return bool(await app.notify(user_id, text))
    except Exception as exc:  # the change is stored; not telling is reported, not fatal
        log.warning("A plan change could not be told to the patient (%s)",
                    type(exc).__name__)
        return False


@routes.post("/api/clinic/patients/{patient}/plan")
async def change_plan(request: web.Request) -> web.Response:
    """Make one plan change, store it with its record, and tell the patient."""
    user = clinician(request)
    app = state(request)
    deps = app.deps
    user_id = patient_id(request)
    body = await _json_body(request)
    # From here to the write nothing awaits: the change is made on the stored plan.
    profile = _patient(deps, user_id)
    try:
        change = plan_change(deps.content, body)
        name = user.first_name or deps.content.text("plan_your_clinician")
        now = deps.clock.now()
        today = deps.view(profile).today(now)
        who = Who(user.id, name, utc_stamp(now))
        made = change(prescription_of(profile), today, who)
    except (BadRequest, PlanError, DoseError) as refused:
        raise ApiError(422, str(refused)) from None
    if not deps.store.may_store(user_id):
        raise ApiError(404, "no such patient")
    # a web request has no update id: every POST is a change of its own
    deps.save_plan_change(user_id, f"w{uuid.uuid4().hex}:{user.id}:plan", made, who, today)
    told = await _tell(app, user_id, deps.content.text("plan_patient_told", clinician=name,
                                                       change=made.summary))
    return json_response({"ok": True, "summary": made.summary, "told": told})


@routes.get("/api/clinic/export.csv")
async def export_csv(request: web.Request) -> web.StreamResponse:
    """Every consenting patient's records as one CSV (as /export_all), sent patient by
    patient so a large clinic's file is never held in memory whole."""
    clinician(request)
    deps = state(request).deps
    day: date = local_date(deps.clock.now(), deps.settings.default_timezone)
    response = web.StreamResponse(headers={
        **SECURITY_HEADERS,
        "Cache-Control": "no-store",
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": f'attachment; filename="clinic-records-{day.isoformat()}.csv"',
    })
    await response.prepare(request)
    header = clinic_csv([])
    await response.write(header.encode("utf-8"))
    consenting = [uid for uid, p in deps.store.iter_profiles() if deps.view(p).consent]
    for user_id in consenting:
        records = deps.store.records(user_id)
        if records:  # one patient's rows: the same CSV without its header line
            await response.write(clinic_csv([(user_id, records)])[len(header):].encode())
    await response.write_eof()
    return response
