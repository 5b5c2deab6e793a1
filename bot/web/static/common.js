/* Shared by the patient page and the clinicians' dashboard: Telegram sign-in data and
   theme, the API client, and the progress views (figures, calendar, chart, plan).

   Rules kept here: every text that comes from the API goes in with textContent (never
   innerHTML); no inline styles or scripts (the server's CSP forbids them; styles are
   classes, or element.style from script); no address outside this server. */
"use strict";

window.HipApp = (function () {
  const AUTH_TITLE = "Please open this page from the bot in Telegram.";
  const AUTH_DETAIL =
    "This page shows health information, so it only opens from the bot's button " +
    "inside Telegram.";

  // --- Telegram: sign-in data, theme, events ---------------------------------------

  function hashParams() {
    return new URLSearchParams(window.location.hash.replace(/^#/, ""));
  }

  function telegramWebApp() {
    return (window.Telegram && window.Telegram.WebApp) || null;
  }

  /** The signed initData: Telegram's object when present, else the page address. */
  function initData() {
    const webApp = telegramWebApp();
    if (webApp && typeof webApp.initData === "string" && webApp.initData) {
      return webApp.initData;
    }
    // URLSearchParams decodes the value once: what is left is initData itself.
    return hashParams().get("tgWebAppData") || "";
  }

  const THEME_KEYS = {
    bg_color: "--bg",
    text_color: "--text",
    hint_color: "--hint",
    link_color: "--link",
    button_color: "--button",
    button_text_color: "--button-text",
    secondary_bg_color: "--secondary-bg",
    destructive_text_color: "--danger",
  };
  const COLOUR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

  function themeParams() {
    const webApp = telegramWebApp();
    if (webApp && webApp.themeParams && Object.keys(webApp.themeParams).length) {
      return webApp.themeParams;
    }
    const raw = hashParams().get("tgWebAppThemeParams");
    if (!raw) return null;
    try {
      const parsed = JSON.parse(raw);
      return parsed && typeof parsed === "object" ? parsed : null;
    } catch (_err) {
      return null;
    }
  }

  function isDark(hex) {
    let h = hex.slice(1);
    if (h.length === 3) h = h.split("").map((c) => c + c).join("");
    const [r, g, b] = [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16) / 255);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
  }

  /** Copy Telegram's colours into the CSS variables (CSSOM: allowed by the CSP). */
  function applyTheme() {
    const params = themeParams();
    if (!params) return;
    const root = document.documentElement;
    for (const [key, variable] of Object.entries(THEME_KEYS)) {
      const value = params[key];
      if (typeof value === "string" && COLOUR.test(value)) {
        root.style.setProperty(variable, value);
      }
    }
    if (typeof params.bg_color === "string" && COLOUR.test(params.bg_color)) {
      root.classList.add(isDark(params.bg_color) ? "tg-dark" : "tg-light");
    }
  }

  /** Tell Telegram the page is ready (its own script is not loaded: no external URL). */
  function postEvent(eventType, eventData) {
    const data = eventData || {};
    try {
      const webApp = telegramWebApp();
      if (webApp && eventType === "web_app_ready" && typeof webApp.ready === "function") {
        webApp.ready();
      } else if (window.TelegramWebviewProxy) {
        window.TelegramWebviewProxy.postEvent(eventType, JSON.stringify(data));
      } else if (window.parent && window.parent !== window) {
        window.parent.postMessage(JSON.stringify({ eventType, eventData: data }), "*");
      }
    } catch (_err) {
      /* outside Telegram: nothing to tell */
    }
  }

  // --- the API ---------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
  }

  async function api(path, options) {
    const data = initData();
    if (!data) throw new ApiError(401, "");
    const opts = options || {};
    const headers = { Authorization: "tma " + data, Accept: opts.accept || "application/json" };
    let body;
    if (opts.json !== undefined) {
      headers["Content-Type"] = "application/json";
      body = JSON.stringify(opts.json);
    }
    let response;
    try {
      response = await fetch(path, {
        method: opts.method || "GET",
        headers,
        body,
        credentials: "same-origin",
        cache: "no-store",
      });
    } catch (_err) {
      throw new ApiError(0, "The server could not be reached. Check the connection and try again.");
    }
    if (!response.ok) {
      let message = "";
      try {
        const payload = await response.json();
        if (payload && typeof payload.error === "string") {
          message = payload.error.charAt(0).toUpperCase() + payload.error.slice(1);
        }
      } catch (_err) {
        /* not JSON */
      }
      throw new ApiError(response.status, message || "Something went wrong (" + response.status + ").");
    }
    return opts.raw ? response : response.json();
  }

  // --- building the page -------------------------------------------------------------

  /** An element with a class and a text (always textContent). */
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function percent(value) {
    return typeof value === "number" ? Math.round(value * 100) + "%" : "–";
  }

  const TRENDS = {
    improving: "Pain is improving",
    steady: "Pain is steady",
    worse: "Pain is getting worse",
  };

  function trendText(trend) {
    return TRENDS[trend] || "Not enough pain scores for a trend yet";
  }

  /** A notice in place of the page: sign-in problems, or the server's message. */
  function showError(container, err) {
    clear(container);
    const box = el("div", "notice");
    box.setAttribute("role", "alert");
    if (err && err.status === 401) {
      box.append(el("strong", "", AUTH_TITLE), el("p", "", AUTH_DETAIL));
      box.dataset.kind = "auth";
    } else if (err && err.status === 403) {
      box.append(
        el("strong", "", err.message || "This page is not available to you."),
        el("p", "", "If that looks wrong, open this page again from the bot in Telegram.")
      );
      box.dataset.kind = "forbidden";
    } else {
      box.append(
        el("strong", "", "This page could not be loaded."),
        el("p", "", (err && err.message) || "Please try again in a moment.")
      );
      box.dataset.kind = "error";
    }
    container.append(box);
  }

  /** Name, streak and adherence. */
  function renderHeader(container, progress) {
    container.append(el("h1", "name", progress.name));
    const figures = el("div", "figures");
    const figure = (value, label, key) => {
      const box = el("div", "figure");
      box.dataset.figure = key;
      box.append(el("span", "value", value), el("span", "label", label));
      return box;
    };
    const streak = Number(progress.streak) || 0;
    figures.append(
      figure(String(streak), streak === 1 ? "day streak" : "days streak", "streak"),
      figure(percent(progress.adherence && progress.adherence["7"]), "last 7 days", "adherence7"),
      figure(percent(progress.adherence && progress.adherence["30"]), "last 30 days", "adherence30")
    );
    container.append(figures, el("p", "trend hint", trendText(progress.pain_trend)));
  }

  const STATUSES = [
    ["complete", "Routine done"],
    ["partial", "Part done"],
    ["rest", "Rest day"],
    ["flare", "Flare-up"],
    ["redflag", "Red flag"],
    ["missed", "Missed"],
    ["none", "Not counted"],
  ];
  const STATUS_LABEL = Object.fromEntries(STATUSES);
  const WEEKDAYS = ["M", "T", "W", "T", "F", "S", "S"];

  function isoDay(iso) {
    const [y, m, d] = iso.split("-").map(Number);
    return { y, m, d, weekday: (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7 };
  }

  /** The last 8 weeks, one cell a day, Monday first. */
  function renderCalendar(container, days, today) {
    const card = el("section", "card");
    card.append(el("h2", "", "The last 8 weeks"));
    const grid = el("div", "calendar");
    grid.setAttribute("role", "list");
    for (const name of WEEKDAYS) grid.append(el("div", "weekday", name));
    if (days.length) {
      for (let i = 0; i < isoDay(days[0].date).weekday; i++) grid.append(el("div", "pad"));
    }
    for (const day of days) {
      const status = STATUS_LABEL[day.status] ? day.status : "none";
      const cell = el("div", "day st-" + status, String(isoDay(day.date).d));
      cell.dataset.date = day.date;
      cell.dataset.status = status;
      cell.setAttribute("role", "listitem");
      cell.title = day.date + ": " + STATUS_LABEL[status];
      cell.setAttribute("aria-label", day.date + ": " + STATUS_LABEL[status]);
      if (day.date === today) cell.classList.add("today");
      grid.append(cell);
    }
    const legend = el("ul", "legend");
    for (const [status, label] of STATUSES) {
      const item = el("li");
      item.append(el("span", "swatch st-" + status), document.createTextNode(label));
      legend.append(item);
    }
    card.append(grid, legend);
    container.append(card);
  }

  function cssVar(name) {
    return getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  }

  const charts = [];

  function shortDate(seconds) {
    return new Date(seconds * 1000).toLocaleDateString(undefined, { day: "numeric", month: "short" });
  }

  /** Sets per day (bars) and pain (line, 0-10) with uPlot. */
  function renderChart(container, days) {
    const card = el("section", "card");
    card.append(el("h2", "", "Sets and pain"));
    const box = el("div", "chart");
    card.append(box);
    container.append(card);
    const hasData = days.some((d) => (d.sets || 0) > 0 || typeof d.pain === "number");
    if (!hasData || typeof window.uPlot !== "function") {
      box.classList.add("chart-empty");
      box.textContent = hasData ? "The chart could not be drawn." : "No sets or pain scores yet.";
      return;
    }
    const xs = days.map((d) => {
      const { y, m, d: dd } = isoDay(d.date);
      return new Date(y, m - 1, dd).getTime() / 1000;
    });
    const sets = days.map((d) => (typeof d.sets === "number" ? d.sets : 0));
    const pain = days.map((d) => (typeof d.pain === "number" ? d.pain : null));
    const text = cssVar("--hint") || "#888";
    const grid = cssVar("--border") || "rgba(127,127,127,0.25)";
    const setsColour = cssVar("--st-complete") || "#2e9d57";
    const painColour = cssVar("--st-redflag") || "#d93025";
    const width = Math.max(240, box.clientWidth || container.clientWidth || 320);
    const opts = {
      width,
      height: 200,
      padding: [8, 4, 0, 0],
      cursor: { drag: { x: false, y: false } },
      legend: { live: false },
      scales: { x: { time: true }, sets: { range: (_u, _min, max) => [0, Math.max(4, max)] },
        pain: { range: [0, 10] } },
      axes: [
        { stroke: text, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid }, space: 56,
          values: (_u, splits) => splits.map(shortDate) },
        { scale: "sets", stroke: text, grid: { stroke: grid, width: 1 }, ticks: { show: false },
          size: 32 },
        { scale: "pain", side: 1, stroke: text, grid: { show: false }, ticks: { show: false },
          size: 28, splits: () => [0, 2, 4, 6, 8, 10] },
      ],
      series: [
        { label: "Day", value: (_u, v) => (v == null ? "–" : shortDate(v)) },
        { label: "Sets", scale: "sets", stroke: setsColour, fill: setsColour + "99", width: 0,
          paths: uPlot.paths.bars({ size: [0.7, 12] }), points: { show: false } },
        { label: "Pain (0-10)", scale: "pain", stroke: painColour, width: 2, spanGaps: true,
          points: { show: true, size: 5, fill: painColour } },
      ],
    };
    const chart = new uPlot(opts, [xs, sets, pain], box);
    charts.push({ chart, box });
  }

  let resizeTimer = 0;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      for (const { chart, box } of charts) {
        if (box.isConnected && box.clientWidth) chart.setSize({ width: box.clientWidth, height: 200 });
      }
    }, 150);
  });

  function forgetCharts() {
    for (const { chart } of charts.splice(0)) chart.destroy();
  }

  function localPath(url) {
    return typeof url === "string" && url.startsWith("/") && !url.startsWith("//") ? url : "";
  }

  /** Today's plan: programme, stage, each exercise with its animation, walk, cautions. */
  function renderPlan(container, plan, title) {
    const card = el("section", "card plan");
    card.append(el("h2", "", title || "Today's plan"));
    if (!plan) {
      card.append(el("p", "hint", "No plan yet."));
      container.append(card);
      return card;
    }
    const meta = el("p", "plan-meta");
    meta.append(el("strong", "programme", plan.programme));
    const stage = [];
    if (plan.phase) stage.push("Stage: " + plan.phase);
    if (plan.week) stage.push("week " + plan.week);
    if (stage.length) meta.append(el("br"), el("span", "phase hint", stage.join(" · ")));
    card.append(meta);
    if (plan.note) card.append(el("p", "plan-note", plan.note));

    const list = el("ul", "exercises");
    for (const ex of plan.exercises || []) {
      const item = el("li", "exercise");
      item.dataset.exercise = ex.id;
      const animation = localPath(ex.animation);
      const still = localPath(ex.still);
      if (animation) {
        const video = document.createElement("video");
        video.muted = true;
        for (const attr of ["autoplay", "loop", "muted", "playsinline"]) video.setAttribute(attr, "");
        video.setAttribute("preload", "auto");
        if (still) video.setAttribute("poster", still);
        video.setAttribute("src", animation);
        video.setAttribute("aria-label", ex.name || ex.id);
        item.append(video);
      } else if (still) {
        const img = document.createElement("img");
        img.setAttribute("src", still);
        img.setAttribute("alt", ex.name || ex.id);
        item.append(img);
      } else {
        item.append(el("div"));
      }
      const words = el("div");
      words.append(el("div", "name", ex.name || ex.id), el("div", "dose", ex.dose));
      item.append(words);
      list.append(item);
    }
    if (!list.childElementCount) card.append(el("p", "hint", "No exercises today."));
    else card.append(list);

    if (typeof plan.walk_goal_minutes === "number" && plan.walk_goal_minutes > 0) {
      card.append(el("p", "walk", "Walking goal: " + plan.walk_goal_minutes + " minutes a day"));
    }
    const precautions = plan.precautions || [];
    if (precautions.length) {
      card.append(el("h3", "", "Precautions"));
      const ul = el("ul", "plain-list precautions");
      for (const p of precautions) {
        const li = el("li");
        li.append(el("span", "precaution-name", p.name));
        if (p.explanation) li.append(document.createTextNode(": " + p.explanation));
        ul.append(li);
      }
      card.append(ul);
    }
    const notes = plan.notes || [];
    if (notes.length) {
      card.append(el("h3", "", "Notes from your clinician"));
      const ul = el("ul", "plain-list notes");
      for (const n of notes) {
        const li = el("li");
        li.append(el("div", "note-text", n.text), el("div", "note-meta", [n.by, n.day].filter(Boolean).join(", ")));
        ul.append(li);
      }
      card.append(ul);
    }
    container.append(card);
    return card;
  }

  /** The whole progress view: header, calendar, chart, plan. */
  function renderProgress(container, progress, planTitle) {
    renderHeader(container, progress);
    renderCalendar(container, progress.days || [], progress.today);
    renderChart(container, progress.days || []);
    return renderPlan(container, progress.plan, planTitle);
  }

  /** A performance mark (the tests time the pages with them). */
  function mark(name) {
    try {
      performance.mark(name);
    } catch (_err) {
      /* old browsers */
    }
  }

  function markReady(name) {
    mark(name);
    document.documentElement.dataset.state = "ready";
  }

  applyTheme();

  return {
    ApiError,
    api,
    clear,
    el,
    forgetCharts,
    initData,
    mark,
    markReady,
    percent,
    postEvent,
    renderCalendar,
    renderChart,
    renderHeader,
    renderPlan,
    renderProgress,
    showError,
    trendText,
  };
})();
