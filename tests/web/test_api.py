"""The Mini App's HTTP API over real HTTP: who may read what, the same figures as
/progress, the dashboard's order, plan changes stored and told, the CSV, the pictures,
the static files, and the headers and JSON errors on every answer."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import logging
from collections.abc import AsyncIterator
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import parse_qsl, urlencode

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer

from bot.domain.clinic.stats import patient_row
from bot.domain.plans.prescription import prescription_of
from bot.domain.profiles import display_name
from bot.domain.progress.figures import (
    adherence,
    first_date,
    local_since,
    pain_trend,
    summarize,
)
from bot.domain.records import Record
from bot.web import pages, views
from bot.web.base import MINI_APP
from bot.web.server import add_mini_app, make_mini_app
from tests.e2e.helpers import rec, routine_day
from tests.web.conftest import CLINICIAN, TOKEN, Mini

CSP_START = "default-src 'self'; script-src 'self'"
RITA, SAM, TOM = 4711, 4712, 4713


def today_of(mini: Mini) -> date:
    return mini.deps.today_for(RITA) if mini.store.exists(RITA) else mini.deps.view(
        {"tz": "Europe/London"}).today(mini.deps.clock.now())


def history(today: date, days: int, *, every: int = 1, pain: int = 2) -> list[Record]:
    """A routine on every ``every``-th of the last ``days`` days (not today)."""
    out: list[Record] = []
    for back in range(days, 0, -1):
        if back % every == 0:
            out += routine_day(today - timedelta(days=back), pain=pain)
    return out


def seed_clinic(mini: Mini) -> date:
    """Rita: regular, a red flag two days ago; Sam: misses most days; Tom: regular, calm."""
    today = today_of(mini)
    mini.seed(RITA, [*history(today, 28), rec(today - timedelta(days=2), "redflag",
                                              note="night pain")],
              first_name="Rita", username="rita")
    mini.seed(SAM, history(today, 28, every=4), first_name="Sam")
    mini.seed(TOM, history(today, 28), first_name="Tom")
    return today


def assert_api_headers(headers: object) -> None:
    assert headers["Content-Security-Policy"].startswith(CSP_START)  # type: ignore[index]
    assert "frame-ancestors https://web.telegram.org" in headers["Content-Security-Policy"]  # type: ignore[index]
    assert headers["X-Content-Type-Options"] == "nosniff"  # type: ignore[index]
    assert headers["Referrer-Policy"] == "no-referrer"  # type: ignore[index]
    assert headers["Cache-Control"] == "no-store"  # type: ignore[index]


# --- signing in ------------------------------------------------------------------------


def _tampered(header: dict[str, str], **changes: str) -> dict[str, str]:
    fields = dict(parse_qsl(header["Authorization"][4:], keep_blank_values=True))
    fields.update(changes)
    return {"Authorization": "tma " + urlencode(fields)}


@pytest.mark.parametrize(("path", "user"), [("/api/me/progress", RITA),
                                            ("/api/clinic/patients", CLINICIAN)])
async def test_every_bad_sign_in_is_401_json(mini: Mini, path: str, user: int) -> None:
    seed_clinic(mini)
    good = mini.auth(user, "Ada")
    other = SAM if user == RITA else RITA
    cases = {
        "missing": {},
        "not tma": {"Authorization": "Bearer abc"},
        "empty": {"Authorization": "tma "},
        "forged hash": _tampered(good, hash="ab" * 32),
        "user id changed": _tampered(good, user=json.dumps({"id": other, "first_name": "Ada"})),
        "field added": {"Authorization": good["Authorization"] + "&chat_type=sender"},
        "two hours old": mini.auth(user, "Ada", age=7200),
    }
    for case, headers in cases.items():
        response = await mini.client.get(path, headers=headers)
        assert response.status == 401, case
        body = await response.json()
        assert set(body) == {"error"} and body["error"], case
        assert_api_headers(response.headers)
    assert (await mini.client.get(path, headers=good)).status == 200


async def test_a_patient_cannot_use_the_clinic_api(mini: Mini) -> None:
    seed_clinic(mini)
    rita = mini.auth(RITA, "Rita")
    for method, path in [("GET", "/api/clinic/patients"), ("GET", f"/api/clinic/patients/{SAM}"),
                         ("POST", f"/api/clinic/patients/{RITA}/plan"),
                         ("GET", "/api/clinic/export.csv")]:
        response = await mini.client.request(method, path, headers=rita,
                                             json={"action": "note", "text": "hi"})
        assert response.status == 403, path
        assert "clinicians" in (await response.json())["error"]
    assert mini.told.sent == []
    assert prescription_of(mini.store.profile(RITA)).history == ()


async def test_without_consent_there_is_no_progress(mini: Mini) -> None:
    response = await mini.client.get("/api/me/progress", headers=mini.auth(5555, "New"))
    assert response.status == 403
    assert "/start" in (await response.json())["error"]
    assert not mini.store.exists(5555)


async def test_a_patient_sees_only_their_own_data(mini: Mini) -> None:
    seed_clinic(mini)
    response = await mini.client.get(f"/api/me/progress?user={SAM}&id={SAM}",
                                     headers=mini.auth(RITA, "Rita"))
    body = await response.json()
    assert body["name"] == "Rita"
    sam = await (await mini.client.get("/api/me/progress", headers=mini.auth(SAM))).json()
    assert sam["name"] == "Sam"
    assert [d["status"] for d in body["days"][-29:-1]] == ["complete"] * 28
    assert "missed" in [d["status"] for d in sam["days"][-29:-1]]


# --- the patient's progress ------------------------------------------------------------


async def test_progress_has_the_same_figures_as_the_progress_command(mini: Mini) -> None:
    today = today_of(mini)
    records = [*history(today, 40, pain=6)[:-40], *history(today, 12, every=2, pain=1),
               rec(today - timedelta(days=1), "rest"), *routine_day(today, pain=None)]
    profile = mini.seed(RITA, records, first_name="Rita", days_ago=45)
    response = await mini.client.get("/api/me/progress", headers=mini.auth(RITA, "Rita"))
    assert response.status == 200
    body = await response.json()

    # What handlers/progress.py computes for /progress:
    summary = summarize(mini.store.records(RITA), today, local_since(profile))
    assert body["today"] == today.isoformat()
    assert body["streak"] == summary.streak
    assert body["adherence"] == {"7": summary.adherence_7, "30": summary.adherence_30}
    assert body["pain_trend"] == summary.trend
    assert (summary.streak, summary.trend) == (2, "improving")  # the seed means something

    days = body["days"]
    assert len(days) == views.DAYS_SHOWN
    assert [d["date"] for d in days] == sorted(d["date"] for d in days)
    assert days[-1] == {"date": today.isoformat(), "status": "complete", "sets": 3, "pain": None}
    assert days[-2]["status"] == "rest"
    assert days[-3] == {"date": (today - timedelta(days=2)).isoformat(), "status": "complete",
                        "sets": 3, "pain": 1.0}
    assert days[-4]["status"] == "missed"
    assert days[0]["status"] == "none"  # before she joined


def _long_history(today: date, days: int, missed: tuple[int, ...] = (),
                  rested: tuple[int, ...] = ()) -> list[Record]:
    out: list[Record] = []
    for back in range(days, 0, -1):
        day = today - timedelta(days=back)
        if back in rested:
            out.append(rec(day, "rest", note="chose rest"))
        elif back not in missed:
            out += routine_day(day, pain=1 + back % 5)
    return out


@pytest.mark.parametrize(("case", "days", "missed", "rested", "reads_all"), [
    ("a streak longer than the look-back", 120, (), (), True),
    ("broken just past the look-back", 120, (85,), (), True),
    ("broken inside the look-back", 120, (10,), (), False),
    ("rest days across the look-back's edge", 120, (90,), tuple(range(60, 80)), True),
    ("joined recently", 20, (), (), False),
])
async def test_progress_figures_match_for_long_histories(
        mini: Mini, monkeypatch: pytest.MonkeyPatch, case: str, days: int,
        missed: tuple[int, ...], rested: tuple[int, ...], reads_all: bool) -> None:
    today = today_of(mini)
    profile = mini.seed(RITA, _long_history(today, days, missed, rested), days_ago=days)
    reads: list[date | None] = []
    real = mini.store.records

    def spy(user_id: int, since: date | None = None) -> list[Record]:
        reads.append(since)
        return real(user_id, since)

    monkeypatch.setattr(mini.store, "records", spy)
    body = await (await mini.client.get("/api/me/progress", headers=mini.auth(RITA))).json()
    summary = summarize(real(RITA), today, local_since(profile))
    assert (body["streak"], body["adherence"]["7"], body["adherence"]["30"],
            body["pain_trend"] or "unknown") == (
        summary.streak, summary.adherence_7, summary.adherence_30, summary.trend), case
    assert (None in reads) == reads_all, case


async def test_progress_without_a_join_date_reads_everything(mini: Mini) -> None:
    today = today_of(mini)
    mini.seed(RITA, _long_history(today, 20, missed=(3,)))
    with mini.store.user(RITA) as txn:
        profile = txn.update("profile", created=None)
    body = await (await mini.client.get("/api/me/progress", headers=mini.auth(RITA))).json()
    summary = summarize(mini.store.records(RITA), today, local_since(profile))
    assert body["streak"] == summary.streak == 2
    assert body["adherence"] == {"7": summary.adherence_7, "30": summary.adherence_30}
    assert [d["status"] for d in body["days"]][-22:] == (  # before the first record: none
        ["none"] + ["complete"] * 17 + ["missed"] + ["complete"] * 2 + ["none"])


async def test_progress_carries_the_plan_as_the_plan_command_tells_it(mini: Mini) -> None:
    mini.seed(RITA, first_name="Rita")
    ada = mini.auth(CLINICIAN, "Ada")
    await mini.client.post(f"/api/clinic/patients/{RITA}/plan", headers=ada,
                           json={"action": "assign", "programme": "post_hip_replacement"})
    await mini.client.post(f"/api/clinic/patients/{RITA}/plan", headers=ada,
                           json={"action": "note", "text": "Keep the knee soft."})
    plan = (await (await mini.client.get("/api/me/progress",
                                         headers=mini.auth(RITA, "Rita"))).json())["plan"]
    deps = mini.deps
    expected = deps.plan_for(deps.store.profile(RITA))
    assert plan["programme"] == "Early recovery after a hip replacement"
    assert plan["phase"] == expected.phase.name and plan["week"] == 1
    assert [e["id"] for e in plan["exercises"]] == list(expected.routine.exercises)
    first = plan["exercises"][0]
    pose = deps.content.exercises[first["id"]].pose
    assert first["still"] == f"/app/media/{pose}.png"
    assert first["animation"] == f"/app/media/{pose}.mp4"
    assert first["dose"]
    assert plan["precautions"] and all(p["name"] and p["explanation"]
                                       for p in plan["precautions"])
    assert plan["notes"] == [{"by": "Ada", "day": today_of(mini).isoformat(),
                              "text": "Keep the knee soft."}]


# --- the dashboard ---------------------------------------------------------------------


async def test_the_clinic_list_puts_the_red_flag_first(mini: Mini) -> None:
    seed_clinic(mini)
    response = await mini.client.get("/api/clinic/patients",
                                     headers=mini.auth(CLINICIAN, "Ada"))
    assert response.status == 200
    assert_api_headers(response.headers)
    rows = (await response.json())["patients"]
    assert [r["id"] for r in rows] == [RITA, SAM, TOM]
    rita, sam, tom = rows
    assert rita["name"] == "Rita (@rita)" and rita["red_flags"] == 1
    assert rita["needs_attention"] and sam["needs_attention"] and not tom["needs_attention"]
    assert sam["adherence_7"] < 0.5 and tom["adherence_7"] == 1.0
    assert rita["last_active"] == (today_of(mini) - timedelta(days=1)).isoformat()
    assert set(rita) == {"id", "name", "last_active", "adherence_7", "adherence_30",
                         "pain_trend", "red_flags", "needs_attention", "programme"}
    assert rita["programme"] == "hip_pain"


async def test_each_row_has_the_figures_of_stats_and_progress(mini: Mini) -> None:
    """Rows are made from a month of records (and a day's kinds once each); the numbers
    are those of /stats's patient_row and /progress's figures over every record."""
    today = today_of(mini)
    rita = [*_long_history(today, 50, missed=(2, 9), rested=(4,)),
            *[rec(today - timedelta(days=d), "pain", pain=2 if d > 15 else 7, context="after")
              for d in range(1, 30)],
            rec(today - timedelta(days=3), "painful", pain=8, exercise="glute_bridge"),
            rec(today - timedelta(days=5), "redflag", note="numb foot")]
    rita.append(rita[-1].copy())  # the same record delivered twice
    mini.seed(RITA, rita, first_name="Rita", days_ago=50)
    mini.seed(SAM, _long_history(today - timedelta(days=45), 20), first_name="Sam",
              days_ago=70)  # quiet for 45 days
    mini.seed(TOM, _long_history(today, 10, missed=(1,)), first_name="Tom")
    with mini.store.user(TOM) as txn:
        txn.update("profile", created=None)  # no join date: the first record stands in
    body = await (await mini.client.get("/api/clinic/patients",
                                        headers=mini.auth(CLINICIAN, "Ada"))).json()
    rows = {row["id"]: row for row in body["patients"]}
    for uid in (RITA, SAM, TOM):
        profile = mini.store.profile(uid)
        records = mini.store.records(uid)
        since = local_since(profile)
        stats = patient_row(uid, display_name(profile), records, today, since)
        start = since or first_date(records) or today
        trend = pain_trend(records, today)
        assert rows[uid] == {
            "id": uid, "name": stats.name,
            "last_active": stats.last_active.isoformat() if stats.last_active else None,
            "adherence_7": stats.adherence_7,
            "adherence_30": adherence(records, today, 30, start),
            "pain_trend": None if trend == "unknown" else trend,
            "red_flags": stats.red_flags_7,
            "needs_attention": rows[uid]["needs_attention"], "programme": "hip_pain",
        }, uid
    assert (rows[RITA]["pain_trend"], rows[RITA]["red_flags"]) == ("worse", 1)
    assert rows[SAM]["last_active"] == (today - timedelta(days=46)).isoformat()
    assert rows[RITA]["needs_attention"] and rows[SAM]["needs_attention"]
    assert not rows[TOM]["needs_attention"]


async def test_the_clinic_list_follows_new_records_and_reuses_the_rest(mini: Mini) -> None:
    today = seed_clinic(mini)
    ada = mini.auth(CLINICIAN, "Ada")
    await mini.client.get("/api/clinic/patients", headers=ada)
    app = mini.client.app
    assert app is not None
    cache = app[MINI_APP].rows
    made = cache.made
    with mini.store.user(TOM) as txn:
        txn.add_record(rec(today, "redflag", note="fell"))
        txn.add_record(rec(today, "redflag", note="fell again"))
    rows = (await (await mini.client.get("/api/clinic/patients", headers=ada)).json())["patients"]
    assert [r["id"] for r in rows] == [TOM, RITA, SAM]
    assert cache.made == made + 1  # only Tom's row was made again


async def test_one_patient_for_the_clinician(mini: Mini) -> None:
    seed_clinic(mini)
    ada = mini.auth(CLINICIAN, "Ada")
    response = await mini.client.get(f"/api/clinic/patients/{SAM}", headers=ada)
    assert response.status == 200
    body = await response.json()
    assert body["patient"]["name"] == "Sam"
    assert body["history"] == []
    programmes = {p["id"]: p for p in body["programmes"]}
    assert programmes["post_hip_replacement"] == {
        "id": "post_hip_replacement", "name": "Early recovery after a hip replacement",
        "phases": [{"id": "first_fortnight", "name": "The first two weeks home"},
                   {"id": "standing_up", "name": "Standing exercises"},
                   {"id": "getting_stronger", "name": "Getting stronger"}]}
    assert {"id": "ankle_pumps", "name": "Ankle pumps"} in body["library"]
    for missing in ("999", "abc", "-1"):
        response = await mini.client.get(f"/api/clinic/patients/{missing}", headers=ada)
        assert response.status == 404, missing
        assert (await response.json())["error"] == "no such patient"


# --- plan changes ----------------------------------------------------------------------


async def test_a_plan_change_is_stored_with_its_record_and_told_once(mini: Mini) -> None:
    seed_clinic(mini)
    before = mini.deps.clock.now().replace(microsecond=0)
    response = await mini.client.post(
        f"/api/clinic/patients/{RITA}/plan", headers=mini.auth(CLINICIAN, "Ada"),
        json={"action": "assign", "programme": "post_hip_replacement"})
    assert response.status == 200
    assert_api_headers(response.headers)
    body = await response.json()
    assert body["ok"] is True and body["told"] is True
    assert "Early recovery after a hip replacement" in body["summary"]

    prescription = prescription_of(mini.store.profile(RITA))
    assert prescription.programme == "post_hip_replacement"
    assert prescription.start == today_of(mini)
    entry = prescription.history[-1]
    assert (entry.by, entry.by_name, entry.text) == (CLINICIAN, "Ada", body["summary"])
    assert entry.at >= before.strftime("%Y-%m-%dT%H:%M:%SZ")

    plans = [r for r in mini.store.records(RITA) if r["kind"] == "plan"]
    assert len(plans) == 1
    assert plans[0]["id"].startswith("w") and plans[0]["id"].endswith(f":{CLINICIAN}:plan")
    assert plans[0]["note"] == f"Ada [{CLINICIAN}]: {body['summary']}"
    assert plans[0]["source"] == "system"

    assert len(mini.told.sent) == 1
    told_to, text = mini.told.sent[0]
    assert told_to == RITA
    assert text == mini.deps.content.text("plan_patient_told", clinician="Ada",
                                          change=body["summary"])


async def test_every_kind_of_change_and_two_in_a_row(mini: Mini) -> None:
    mini.seed(RITA, first_name="Rita")
    ada = mini.auth(CLINICIAN, "Ada")
    today = today_of(mini)
    changes = [
        {"action": "assign", "programme": "post_hip_replacement",
         "start": (today - timedelta(days=3)).isoformat()},
        {"action": "phase", "phase": "standing_up", "start": today.isoformat()},
        {"action": "dose", "exercise": "heel_raise", "dose": "3x12"},
        {"action": "add", "exercise": "ankle_pumps"},
        {"action": "remove", "exercise": "ankle_pumps"},
        {"action": "note", "text": "Well done this week."},
    ]
    for change in changes:
        response = await mini.client.post(f"/api/clinic/patients/{RITA}/plan", headers=ada,
                                          json=change)
        assert response.status == 200, (change, await response.text())
    prescription = prescription_of(mini.store.profile(RITA))
    assert len(prescription.history) == len(changes)
    assert prescription.phase_starts["standing_up"] == today
    assert prescription.doses["heel_raise"].reps == 12
    assert prescription.notes[-1].text == "Well done this week."
    plans = [r for r in mini.store.records(RITA) if r["kind"] == "plan"]
    assert len({r["id"] for r in plans}) == len(changes)  # the same millisecond twice, too
    assert len(mini.told.sent) == len(changes)


async def test_a_change_that_cannot_be_told_is_still_stored(mini: Mini) -> None:
    mini.seed(RITA, first_name="Rita")
    mini.told.deliver = False
    response = await mini.client.post(f"/api/clinic/patients/{RITA}/plan",
                                      headers=mini.auth(CLINICIAN, "Ada"),
                                      json={"action": "note", "text": "Call me"})
    assert (await response.json())["told"] is False
    assert prescription_of(mini.store.profile(RITA)).notes[-1].text == "Call me"


@pytest.mark.parametrize(("change", "words"), [
    ({"action": "delete_everything"}, '"action" must be one of'),
    ({}, '"action" must be one of'),
    ({"action": "add", "exercise": "moonwalk"}, 'no exercise "moonwalk"'),
    ({"action": "add"}, '"exercise" is missing'),
    ({"action": "dose", "exercise": "heel_raise", "dose": "lots"}, "can't read 'lots'"),
    ({"action": "dose", "exercise": "heel_raise", "dose": "99x12"}, "sets must be 1 to"),
    ({"action": "dose", "exercise": "heel_raise"}, '"dose" is missing'),
    ({"action": "assign", "programme": "zumba"}, "zumba"),
    ({"action": "assign", "programme": "hip_pain", "start": "next week"}, "must be a date"),
    ({"action": "phase", "phase": "standing_up"}, '"start" is missing'),
    ({"action": "phase", "phase": "warp", "start": "2026-01-01"}, "warp"),
    ({"action": "note", "text": "   "}, ""),
    ({"action": "note", "text": 5}, '"text" must be text'),
    (["action", "note"], "JSON object"),
])
async def test_a_bad_change_is_422_with_a_clear_message(mini: Mini, change: object,
                                                         words: str) -> None:
    mini.seed(RITA, first_name="Rita")
    response = await mini.client.post(f"/api/clinic/patients/{RITA}/plan",
                                      headers=mini.auth(CLINICIAN, "Ada"), json=change)
    assert response.status == 422
    assert_api_headers(response.headers)
    message = (await response.json())["error"]
    assert words in message and len(message) > 10
    assert mini.told.sent == []
    assert prescription_of(mini.store.profile(RITA)).history == ()
    assert not [r for r in mini.store.records(RITA) if r["kind"] == "plan"]


async def test_a_change_for_nobody_or_not_json(mini: Mini) -> None:
    mini.seed(RITA, first_name="Rita")
    ada = mini.auth(CLINICIAN, "Ada")
    response = await mini.client.post("/api/clinic/patients/5555/plan", headers=ada,
                                      json={"action": "note", "text": "hi"})
    assert response.status == 404
    assert not mini.store.exists(5555)
    response = await mini.client.post(f"/api/clinic/patients/{RITA}/plan", headers=ada,
                                      data=b"{not json")
    assert response.status == 400
    response = await mini.client.post(f"/api/clinic/patients/{RITA}/plan", headers=ada,
                                      data=b"x" * 20_000)
    assert response.status == 413
    assert (await response.json())["error"]


# --- the export ------------------------------------------------------------------------


async def test_the_csv_export_holds_every_consenting_patients_records(mini: Mini) -> None:
    seed_clinic(mini)
    response = await mini.client.get("/api/clinic/export.csv",
                                     headers=mini.auth(CLINICIAN, "Ada"))
    assert response.status == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    assert response.headers["Content-Disposition"].startswith("attachment; filename=")
    assert_api_headers(response.headers)
    rows = list(csv.DictReader(io.StringIO(await response.text())))
    by_user = {int(r["user_id"]) for r in rows}
    assert by_user == {RITA, SAM, TOM}
    assert len(rows) == sum(len(mini.store.records(u)) for u in (RITA, SAM, TOM))
    assert any(r["kind"] == "redflag" and r["note"] == "night pain" for r in rows)


# --- pictures, pages, files ------------------------------------------------------------


async def test_media_serves_the_drawings_and_refuses_unknown_poses(mini: Mini) -> None:
    response = await mini.client.get("/app/media/ankle_pumps.mp4")
    assert response.status == 200
    assert response.headers["Content-Type"] == "video/mp4"
    assert (await response.read())[4:8] == b"ftyp"
    assert "public" in response.headers["Cache-Control"]
    response = await mini.client.get("/app/media/ankle_pumps.png")
    assert (await response.read()).startswith(b"\x89PNG")
    for bad in ("moonwalk.mp4", "ankle_pumps.gif", "ankle_pumps", "..%2Fsecrets.png"):
        response = await mini.client.get(f"/app/media/{bad}")
        assert response.status == 404, bad
        assert (await response.json())["error"]


@pytest.fixture
def static_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "static"
    (folder / "vendor").mkdir(parents=True)
    (folder / "app.js").write_text("console.log('hi')")
    (folder / "vendor" / "chart.js").write_text("/* chart */")
    (folder / "patient.html").write_text("<!doctype html><title>Progress</title>")
    (folder / "notes.py").write_text("SECRET = 1")
    (tmp_path / "outside.js").write_text("outside")
    (folder / "link.js").symlink_to(tmp_path / "outside.js")
    monkeypatch.setattr(pages, "STATIC_DIR", folder)
    return folder


async def test_static_files_and_pages(mini: Mini, static_dir: Path) -> None:
    response = await mini.client.get("/app/static/app.js")
    assert response.status == 200
    assert response.headers["Content-Type"].startswith("text/javascript")
    assert response.headers["Content-Security-Policy"].startswith(CSP_START)
    assert await response.text() == "console.log('hi')"
    assert (await mini.client.get("/app/static/vendor/chart.js")).status == 200
    page = await mini.client.get("/app/patient")
    assert page.status == 200 and page.headers["Content-Type"].startswith("text/html")
    assert "Progress" in await page.text()
    missing = await mini.client.get("/app/clinic")  # not written yet
    assert missing.status == 404
    assert (await missing.json()) == {"error": "not found"}


@pytest.mark.parametrize("path", [
    "/app/static/../server.py", "/app/static/%2e%2e/server.py", "/app/static/..%2Fbase.py",
    "/app/static/..%5Cbase.py", "/app/static/vendor/../../outside.js",
    "/app/static/%2e%2e%2f%2e%2e%2foutside.js", "/app/static/link.js", "/app/static/notes.py",
    "/app/static/", "/app/static/vendor", "/app/static/vendor/", "/app/static/.hidden.js",
    "/app/static/nothing.js", "/app/static/app.js%00.png",
])
async def test_nothing_outside_the_static_files_is_served(mini: Mini, static_dir: Path,
                                                          path: str) -> None:
    response = await mini.client.get(path)
    assert response.status == 404, path
    assert "SECRET" not in await response.text()
    assert response.headers["Content-Type"].startswith("application/json")


# --- errors ----------------------------------------------------------------------------


async def test_every_error_is_json_with_the_headers(mini: Mini) -> None:
    response = await mini.client.delete("/api/me/progress")
    assert response.status == 405
    assert (await response.json())["error"] == "method not allowed"
    assert "GET" in response.headers["Allow"]
    assert_api_headers(response.headers)
    response = await mini.client.get("/api/nothing/here")
    assert response.status == 404
    assert_api_headers(response.headers)


async def test_an_unexpected_failure_is_a_500_without_details(
        mini: Mini, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    mini.seed(RITA, first_name="Rita")

    def broken(content: object, profile: dict[str, object], *args: object) -> None:
        raise RuntimeError(f"{profile['first_name']}'s pain diary says: {profile['user_id']}")

    monkeypatch.setattr("bot.web.api_patient.progress_json", broken)
    with caplog.at_level(logging.DEBUG):
        response = await mini.client.get("/api/me/progress", headers=mini.auth(RITA, "Rita"))
    assert response.status == 500
    body = await response.json()
    assert set(body) == {"error"} and "diary" not in body["error"]
    assert_api_headers(response.headers)
    logged = caplog.text
    assert "RuntimeError" in logged and "/api/me/progress" in logged
    assert "api_patient.py" in logged  # where it failed
    for personal in ("diary", "Rita", str(RITA), "tma ", "hash="):
        assert personal not in logged


# --- mounted beside the webhook ----------------------------------------------------------


async def test_mounted_on_another_app_it_leaves_that_apps_routes_alone(
        mini: Mini, static_dir: Path) -> None:
    async def hook(request: web.Request) -> web.Response:
        return web.Response(status=403, text="wrong secret token")

    host = web.Application()
    host.router.add_post("/telegram", hook)
    add_mini_app(host, mini.deps, TOKEN, mini.told)
    mini.seed(RITA, first_name="Rita")
    async with TestClient(TestServer(host)) as client:
        response = await client.post("/telegram")
        assert (response.status, await response.text()) == (403, "wrong secret token")
        assert "Content-Security-Policy" not in response.headers
        response = await client.get("/api/me/progress", headers=mini.auth(RITA, "Rita"))
        assert (await response.json())["name"] == "Rita"
        assert_api_headers(response.headers)
        assert (await client.get("/app/static/app.js")).status == 200


async def test_a_change_sent_in_small_chunks_is_read_whole(mini: Mini) -> None:
    mini.seed(RITA, first_name="Rita")
    body = json.dumps({"action": "note", "text": "Slow and steady. " * 20}).encode()

    async def dribble(data: bytes, size: int) -> AsyncIterator[bytes]:
        for n in range(0, len(data), size):  # chunked transfer, no length given
            yield data[n:n + size]
            await asyncio.sleep(0)

    response = await mini.client.post(f"/api/clinic/patients/{RITA}/plan",
                                      headers=mini.auth(CLINICIAN, "Ada"),
                                      data=dribble(body, 7))
    assert response.status == 200, await response.text()
    response = await mini.client.post(f"/api/clinic/patients/{RITA}/plan",
                                      headers=mini.auth(CLINICIAN, "Ada"),
                                      data=dribble(b"x" * 30_000, 1000))
    assert response.status == 413


async def test_the_rows_are_made_at_start_up_in_the_background(mini: Mini) -> None:
    seed_clinic(mini)
    app = make_mini_app(mini.deps, TOKEN, mini.told)
    async with TestClient(TestServer(app)) as client:
        warming = app[MINI_APP].warming
        assert warming is not None
        await warming
        assert app[MINI_APP].rows.made == 3
        response = await client.get("/api/clinic/patients", headers=mini.auth(CLINICIAN))
        assert [r["id"] for r in (await response.json())["patients"]] == [RITA, SAM, TOM]
        assert app[MINI_APP].rows.made == 3  # nothing made twice
