"""The Mini App pages in real headless Chromium, against the real Mini App server.

The server (``bot.web.server.make_mini_app``) runs in a thread of its own on 127.0.0.1
over a store seeded here; Chromium opens the pages the way Telegram does, with the
signed initData and the theme in the address's hash. What the pages show is compared
with what the store and the domain's figures say.

Needs Debian's ``chromium`` and ``chromium-driver`` and the ``selenium`` package: without
them the tests are skipped, except when ``CI=true``, where that is a failure.
Screenshots go to ``$MINIAPP_SHOTS`` (default ``/tmp/miniapp-shots``), never the repo.
"""

from __future__ import annotations

import asyncio
import json
import math
import os
import tempfile
import threading
import time as clock
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from bot.config import Settings
from bot.content import DEFAULT_CONTENT_DIR, load_content
from bot.deps import Deps
from bot.domain.profiles import new_profile
from bot.domain.progress.figures import local_since, statuses, summarize
from bot.domain.records import Record, new_record
from bot.storage import Store

try:  # imported here so a missing package skips (or, in CI, fails) with a clear message
    from selenium import webdriver
    from selenium.common.exceptions import NoAlertPresentException, TimeoutException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:  # pragma: no cover - depends on the machine
    webdriver = None  # type: ignore[assignment]

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SHOTS = Path(os.environ.get("MINIAPP_SHOTS", "/tmp/miniapp-shots"))
TOKEN = "123456:pages-browser-test-token"
CLINICIAN = 900
RITA, BOB, CAROL, MALLORY = 4711, 4712, 4713, 4714
XSS_NAME = "<b>Rita</b><script>alert(1)</script>"
LIGHT = {"bg_color": "#ffffff", "text_color": "#000000", "hint_color": "#999999",
         "link_color": "#2481cc", "button_color": "#2481cc", "button_text_color": "#ffffff",
         "secondary_bg_color": "#efeff3"}
DARK = {"bg_color": "#17212b", "text_color": "#f5f5f5", "hint_color": "#708499",
        "link_color": "#6ab3f3", "button_color": "#5288c1", "button_text_color": "#ffffff",
        "secondary_bg_color": "#232e3c"}
AUTH_MESSAGE = "Please open this page from the bot in Telegram"
LOAD_BUDGET_MS = 1000.0
load_times: dict[str, float] = {}


@pytest.fixture(scope="module")
def _browser_available() -> None:
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if webdriver is None:
        missing.append("the selenium package")
    if missing:
        why = ("browser tests need " + ", ".join(missing)
               + " (apt-get install -y chromium chromium-driver; pip install selenium)")
        if os.environ.get("CI") == "true":
            pytest.fail(why, pytrace=False)
        pytest.skip(why)


# --- the seeded store ---------------------------------------------------------------------


def _at(day: date) -> datetime:
    return datetime.combine(day, time(12), UTC)


def _routine(uid: int, day: date, pain: int | None = 3, sets: int = 3) -> list[Record]:
    """A day with ``sets`` sets done, the routine finished and a pain score after."""
    session = f"s{uid}-{day}"
    out = [new_record(f"{uid}-{day}-d{n}", "done", day, _at(day), "button",
                      exercise="glute_bridge", set=n, reps=10, session=session)
           for n in range(1, sets + 1)]
    out.append(new_record(f"{uid}-{day}-c", "routine_complete", day, _at(day), "button",
                          session=session))
    if pain is not None:
        out.append(new_record(f"{uid}-{day}-p", "pain", day, _at(day), "button",
                              pain=pain, context="after", session=session))
    return out


def _one(uid: int, day: date, kind: Any, **fields: Any) -> list[Record]:
    return [new_record(f"{uid}-{day}-{kind}", kind, day, _at(day), "button", **fields)]


def _patient(deps: Deps, uid: int, name: str, username: str | None, joined_days_ago: int,
             records: list[Record]) -> None:
    today = deps.clock.now()
    profile = new_profile(uid, name, username, today - timedelta(days=joined_days_ago),
                          deps.settings.default_timezone)
    profile["stage"] = "done"
    with deps.store.user(uid) as txn:
        txn.set("profile", profile)
        for record in records:
            txn.add_record(record)


def _seed(deps: Deps) -> dict[int, dict[date, str]]:
    """Four patients; returns the status seeded for each day that has records."""
    t = deps.today_for(RITA)  # every patient is in the clinic's zone

    def ago(n: int) -> date:
        return t - timedelta(days=n)

    rita: list[Record] = []
    for n, pain in ((1, 3), (2, 3), (3, 2), (5, 4), (9, 4), (10, 5), (12, 5), (15, 6), (20, 6)):
        rita += _routine(RITA, ago(n), pain)
    rita += _one(RITA, ago(4), "rest")
    rita += _one(RITA, ago(8), "flare")
    rita += [new_record(f"{RITA}-{ago(7)}-d1", "done", ago(7), _at(ago(7)), "button",
                        exercise="clamshell", set=1, reps=10, session="partial")]
    _patient(deps, RITA, "Rita", "rita", 30, rita)

    bob = _routine(BOB, ago(2), 4) + _routine(BOB, ago(3), 3)
    bob += _one(BOB, ago(1), "redflag", note="numbness in the leg")
    _patient(deps, BOB, "Bob", None, 20, bob)

    carol: list[Record] = []
    for n in range(1, 15):
        carol += _routine(CAROL, ago(n), 2)
    _patient(deps, CAROL, "Carol", "carol", 25, carol)

    _patient(deps, MALLORY, XSS_NAME, None, 3, _routine(MALLORY, ago(1), 2))
    return {uid: {d: s for d, s in statuses(deps.store.records(uid)).items()}
            for uid in (RITA, BOB, CAROL, MALLORY)}


# --- the server in a thread of its own ----------------------------------------------------


class LiveServer:
    """make_mini_app on 127.0.0.1 and a free port, its own event loop in a thread."""

    def __init__(self, deps: Deps) -> None:
        self.deps = deps
        self.told: list[tuple[int, str]] = []
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.runner: Any = None
        self.base = ""

    async def _notify(self, patient_id: int, text: str) -> bool:
        self.told.append((patient_id, text))
        return True

    async def _start(self) -> str:
        from aiohttp import web

        from bot.web.server import make_mini_app

        self.runner = web.AppRunner(make_mini_app(self.deps, TOKEN, self._notify))
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", 0)
        await site.start()
        host, port = self.runner.addresses[0][:2]
        return f"http://{host}:{port}"

    def start(self) -> None:
        self.thread.start()
        self.base = asyncio.run_coroutine_threadsafe(self._start(), self.loop).result(30)

    def stop(self) -> None:
        if self.runner is not None:
            asyncio.run_coroutine_threadsafe(self.runner.cleanup(), self.loop).result(30)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)


def _init_data(uid: int, first_name: str = "Pat", token: str = TOKEN) -> str:
    from bot.web.auth import sign_init_data

    user = {"id": uid, "first_name": first_name, "language_code": "en"}
    return sign_init_data(token, user, int(clock.time()))


def _api(server: LiveServer, path: str, uid: int) -> Any:
    request = urllib.request.Request(
        server.base + path, headers={"Authorization": "tma " + _init_data(uid)})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


@pytest.fixture(scope="module")
def deps(tmp_path_factory: pytest.TempPathFactory) -> Deps:
    data = tmp_path_factory.mktemp("miniapp-data")
    settings = Settings(  # type: ignore[call-arg]
        _env_file=None, telegram_bot_token=TOKEN, bot_data_dir=data,
        admin_user_ids=(CLINICIAN,), default_timezone="Europe/London")
    return Deps(settings=settings, content=load_content(DEFAULT_CONTENT_DIR),
                store=Store(data))


@pytest.fixture(scope="module")
def seeded(deps: Deps) -> dict[int, dict[date, str]]:
    return _seed(deps)


@pytest.fixture(scope="module")
def server(deps: Deps, seeded: dict[int, dict[date, str]]) -> Iterator[LiveServer]:
    live = LiveServer(deps)
    live.start()
    try:
        yield live
    finally:
        live.stop()


@pytest.fixture(scope="module", autouse=True)
def _report_load_times() -> Iterator[None]:
    yield
    if load_times:  # shown with -s: navigation start to the content rendered
        print("\npage load (ms):", {k: round(v) for k, v in load_times.items()})


@pytest.fixture(scope="module")
def driver(_browser_available: None) -> Iterator[Any]:
    profile = tempfile.mkdtemp(prefix="miniapp-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic",
                 "--autoplay-policy=no-user-gesture-required", f"--user-data-dir={profile}"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    browser = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    # CSP violations, caught from the first script on: console errors say the same.
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": (
        "window.__csp = [];"
        "document.addEventListener('securitypolicyviolation', e => window.__csp.push("
        "e.violatedDirective + ' ' + e.blockedURI));")})
    try:
        yield browser
    finally:
        browser.quit()


# --- opening pages ---------------------------------------------------------------------------


def _open(driver: Any, server: LiveServer, page: str, init_data: str | None,
          theme: dict[str, str] | None = LIGHT, ready: str = "ready") -> None:
    """Open a page the way Telegram does; wait until it rendered (or showed its notice)."""
    parts = []
    if init_data is not None:
        parts.append("tgWebAppData=" + quote(init_data, safe=""))
    if theme is not None:
        parts.append("tgWebAppThemeParams=" + quote(json.dumps(theme), safe=""))
    parts.append("tgWebAppVersion=8.0&tgWebAppPlatform=tdesktop")
    driver.get("about:blank")  # a new document even when only the hash differs
    driver.get(f"{server.base}/app/{page}#" + "&".join(parts))
    _wait_ready(driver)


def _wait_ready(driver: Any, timeout: float = 15) -> None:
    WebDriverWait(driver, timeout).until(
        lambda d: d.execute_script("return document.documentElement.dataset.state") == "ready")


def _mark_ms(driver: Any, name: str) -> float:
    return float(driver.execute_script(
        "const m = performance.getEntriesByName(arguments[0]);"
        " return m.length ? m[m.length - 1].startTime : -1;", name))


def _text(driver: Any, css: str) -> str:
    return str(driver.find_element(By.CSS_SELECTOR, css).text)


def _percent(value: float | None) -> str:
    return "–" if value is None else f"{math.floor(value * 100 + 0.5)}%"


def _no_alert(driver: Any) -> bool:
    try:
        driver.switch_to.alert.dismiss()
    except NoAlertPresentException:
        return True
    return False


def _shot(driver: Any, name: str) -> None:
    """The 390x844 view, and the whole page beside it for a reviewer."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    driver.save_screenshot(str(SHOTS / f"{name}.png"))
    import base64

    full = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True})
    (SHOTS / f"{name}-full.png").write_bytes(base64.b64decode(full["data"]))


def _severe_logs(driver: Any) -> list[str]:
    try:
        entries = driver.get_log("browser")
    except Exception:  # a driver without the log endpoint: the CSP listener still checks
        return []
    return [e["message"] for e in entries if e.get("level") == "SEVERE"]


# --- the tests --------------------------------------------------------------------------------


def test_patient_page_shows_the_stores_figures_calendar_and_plan(
        driver: Any, server: LiveServer, deps: Deps, seeded: dict[int, dict[date, str]]) -> None:
    _open(driver, server, "patient", _init_data(RITA, "Rita"))
    load_times["patient"] = _mark_ms(driver, "plan-rendered")

    profile = deps.store.profile(RITA)
    today = deps.today_for(RITA)
    summary = summarize(deps.store.records(RITA), today, local_since(profile))
    api = _api(server, "/api/me/progress", RITA)
    assert api["streak"] == summary.streak == 4
    assert _text(driver, "h1.name") == "Rita"
    assert _text(driver, "[data-figure=streak] .value") == str(summary.streak)
    assert _text(driver, "[data-figure=adherence7] .value") == _percent(summary.adherence_7)
    assert _text(driver, "[data-figure=adherence30] .value") == _percent(summary.adherence_30)

    cells = driver.find_elements(By.CSS_SELECTOR, ".calendar .day")
    assert len(cells) == 56
    shown = {c.get_attribute("data-date"): c.get_attribute("data-status") for c in cells}
    assert shown == {d["date"]: d["status"] for d in api["days"]}
    for day, status in seeded[RITA].items():
        assert shown[day.isoformat()] == status, day
    assert {"complete", "rest", "flare", "partial"} <= set(shown.values())
    assert driver.find_element(By.CSS_SELECTOR, ".calendar .day.today").get_attribute(
        "data-date") == today.isoformat()
    assert len(driver.find_elements(By.CSS_SELECTOR, ".legend li")) == 7
    assert driver.find_elements(By.CSS_SELECTOR, ".chart canvas"), "no chart drawn"

    expected = list(deps.plan_for(profile).routine.exercises)
    items = driver.find_elements(By.CSS_SELECTOR, ".plan .exercise")
    assert [i.get_attribute("data-exercise") for i in items] == expected
    for item, exercise in zip(items, api["plan"]["exercises"], strict=True):
        assert exercise["name"] in item.text and exercise["dose"] in item.text
        video = item.find_element(By.TAG_NAME, "video")
        for attr in ("autoplay", "loop", "muted", "playsinline"):
            assert video.get_attribute(attr) is not None, attr
        assert video.get_attribute("poster").endswith(exercise["still"])
        assert video.get_attribute("src").endswith(exercise["animation"])
    src = items[0].find_element(By.TAG_NAME, "video").get_attribute("src")
    with urllib.request.urlopen(src, timeout=60) as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("video/mp4")
        assert len(response.read()) > 1000
    WebDriverWait(driver, 60).until(lambda d: d.execute_script(
        "return document.querySelector('.exercise video').readyState >= 2"))
    assert driver.execute_script("return document.querySelector('.exercise video').videoWidth") > 0
    assert load_times["patient"] < LOAD_BUDGET_MS, load_times


def test_a_name_with_markup_is_shown_as_text(driver: Any, server: LiveServer) -> None:
    _open(driver, server, "patient", _init_data(MALLORY, "M"))
    assert _text(driver, "h1.name") == XSS_NAME
    assert not driver.find_elements(By.CSS_SELECTOR, "main b, main script")
    assert _no_alert(driver)
    assert driver.execute_script("return window.__csp") == []


def test_clinician_sees_red_flag_first_and_assigns_a_programme(
        driver: Any, server: LiveServer, deps: Deps) -> None:
    _open(driver, server, "clinic", _init_data(CLINICIAN, "Ada"))
    load_times["clinic list"] = _mark_ms(driver, "list-rendered")
    rows = driver.find_elements(By.CSS_SELECTOR, ".patient")
    ids = [int(r.get_attribute("data-id")) for r in rows]
    assert ids[0] == BOB
    assert ids == [p["id"] for p in _api(server, "/api/clinic/patients", CLINICIAN)["patients"]]
    assert "red flag" in rows[0].text and "attention" in rows[0].get_attribute("class")

    # The CSV: fetched with the signed header, saved from a blob URL.
    downloads = Path(tempfile.mkdtemp(prefix="miniapp-downloads-"))
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {
        "behavior": "allow", "downloadPath": str(downloads), "eventsEnabled": False})
    driver.find_element(By.ID, "download-csv").click()
    WebDriverWait(driver, 15).until(lambda d: list(downloads.glob("*.csv")))
    saved = next(downloads.glob("*.csv"))
    assert saved.name.startswith("clinic-records-")
    WebDriverWait(driver, 5).until(lambda d: saved.stat().st_size > 0)
    assert f"\n{RITA}," in saved.read_text(encoding="utf-8")
    assert "Downloaded" in _text(driver, ".download-status")

    rows[ids.index(CAROL)].click()
    WebDriverWait(driver, 15).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "form[data-edit=assign]"))
    load_times["clinic detail (tap to shown)"] = (
        _mark_ms(driver, "detail-rendered") - _mark_ms(driver, "detail-requested"))
    assert _text(driver, "h1.name").startswith("Carol")
    assert len(driver.find_elements(By.CSS_SELECTOR, ".calendar .day")) == 56
    _shot(driver, "clinic-detail")

    # A dose the server cannot read: its 422 message, nothing stored.
    before = deps.store.profile(CAROL).get("prescription")
    first = Select(driver.find_element(By.ID, "dose-exercise")).first_selected_option
    first = first.get_attribute("value")
    driver.find_element(By.ID, "dose-text").send_keys("lots")
    driver.find_element(By.CSS_SELECTOR, "form[data-edit=dose] button").click()
    problem = "form[data-edit=dose] .result[data-kind=error]"
    WebDriverWait(driver, 15).until(lambda d: d.find_elements(By.CSS_SELECTOR, problem))
    request = urllib.request.Request(
        f"{server.base}/api/clinic/patients/{CAROL}/plan", method="POST",
        data=json.dumps({"action": "dose", "exercise": first, "dose": "lots"}).encode(),
        headers={"Authorization": "tma " + _init_data(CLINICIAN, "Ada"),
                 "Content-Type": "application/json"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 422
    message = json.loads(refused.value.read())["error"]
    assert _text(driver, problem) == message[:1].upper() + message[1:]
    assert deps.store.profile(CAROL).get("prescription") == before
    _shot(driver, "clinic-detail-422")

    Select(driver.find_element(By.ID, "assign-programme")).select_by_value(
        "post_hip_replacement")
    driver.find_element(By.CSS_SELECTOR, "form[data-edit=assign] button").click()
    WebDriverWait(driver, 15).until(lambda d: d.find_elements(
        By.CSS_SELECTOR, "#plan-result[data-kind=ok]"))
    prescription = deps.store.profile(CAROL)["prescription"]
    assert prescription["programme"] == "post_hip_replacement"
    assert prescription["start"] == deps.today_for(CAROL).isoformat()
    name = deps.content.programmes["post_hip_replacement"].name
    assert _text(driver, ".plan .programme") == name
    assert [uid for uid, _ in server.told] == [CAROL]
    assert "told" in _text(driver, "#plan-result")
    _shot(driver, "clinic-detail-assigned")
    plan = deps.plan_for(deps.store.profile(CAROL))
    assert plan.programme.id == "post_hip_replacement"
    assert load_times["clinic list"] < LOAD_BUDGET_MS, load_times
    assert 0 <= load_times["clinic detail (tap to shown)"] < LOAD_BUDGET_MS, load_times


def test_theme_params_set_the_background(driver: Any, server: LiveServer) -> None:
    colours = {}
    for name, theme in (("light", LIGHT), ("dark", DARK)):
        _open(driver, server, "patient", _init_data(RITA, "Rita"), theme)
        colours[name] = driver.execute_script(
            "return getComputedStyle(document.body).backgroundColor")
        _shot(driver, f"patient-{name}")
    assert colours == {"light": "rgb(255, 255, 255)", "dark": "rgb(23, 33, 43)"}
    # No theme from Telegram: the device's preference decides.
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    try:
        _open(driver, server, "patient", _init_data(RITA, "Rita"), theme=None)
        assert driver.execute_script(
            "return getComputedStyle(document.body).backgroundColor") == "rgb(23, 33, 43)"
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})


@pytest.mark.parametrize("how", ["unsigned", "forged", "not a clinician"])
def test_a_page_opened_outside_telegram_says_so(driver: Any, server: LiveServer, how: str) -> None:
    if how == "unsigned":
        _open(driver, server, "patient", None)
    elif how == "forged":
        _open(driver, server, "patient", _init_data(RITA, "Rita", token="999:not-the-token"))
    else:
        _open(driver, server, "clinic", _init_data(RITA, "Rita"))
    notice = _text(driver, ".notice")
    if how == "not a clinician":
        assert "open this page again from the bot in Telegram" in notice
    else:
        assert AUTH_MESSAGE in notice
    assert not driver.find_elements(By.CSS_SELECTOR, ".calendar, .patients")
    _shot(driver, "outside-telegram-" + how.replace(" ", "-"))
    _severe_logs(driver)  # the 401/403 is logged by the browser: drain it for the next test


def test_no_console_errors_or_csp_violations(driver: Any, server: LiveServer) -> None:
    with urllib.request.urlopen(server.base + "/app/clinic", timeout=10) as response:
        assert "script-src 'self'" in response.headers["Content-Security-Policy"]
    _severe_logs(driver)
    for page, uid in (("patient", RITA), ("clinic", CLINICIAN)):
        _open(driver, server, page, _init_data(uid, "Ada"))
        if page == "clinic":
            _shot(driver, "clinic-list")
            driver.find_elements(By.CSS_SELECTOR, ".patient")[0].click()
            WebDriverWait(driver, 15).until(
                lambda d: d.find_elements(By.CSS_SELECTOR, "form[data-edit=assign]"))
        else:
            try:  # let the animations load: media errors would be logged too
                WebDriverWait(driver, 30).until(lambda d: d.execute_script(
                    "return [...document.querySelectorAll('video')]"
                    ".every(v => v.readyState >= 2)"))
            except TimeoutException:
                pytest.fail("an exercise animation did not load")
        assert driver.execute_script("return window.__csp") == [], page
        assert _severe_logs(driver) == [], page



def test_pages_carry_no_inline_code_and_no_markup_from_data() -> None:
    """The CSP forbids inline scripts and styles; API texts go in as text, never markup."""
    static = Path(__file__).resolve().parents[2] / "bot" / "web" / "static"
    for page in ("patient.html", "clinic.html"):
        html = (static / page).read_text(encoding="utf-8")
        assert "<style" not in html and " style=" not in html and "javascript:" not in html
        assert "<script>" not in html and "http" not in html.replace('"http-equiv"', ""), page
    for script in ("common.js", "patient.js", "clinic.js"):
        code = (static / script).read_text(encoding="utf-8")
        code = code.split("*/", 1)[1]  # the header comment names what is not used
        for banned in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write",
                       "eval(", "setAttribute(\"style", "http://", "https://"):
            assert banned not in code, (script, banned)
