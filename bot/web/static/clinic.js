/* The clinicians' dashboard: the patient list, one patient's progress and plan, plan
   changes (POST /api/clinic/patients/<id>/plan) and the CSV export.
   Every text from the API goes in as textContent (see common.js). */
"use strict";

(function () {
  const App = window.HipApp;
  const { el, clear } = App;
  const root = document.getElementById("app");
  let rows = [];

  const TREND_SHORT = { improving: "pain improving", steady: "pain steady", worse: "pain worse" };

  function fail(err) {
    App.forgetCharts();
    App.showError(root, err);
    App.markReady("page-error");
  }

  // --- the patient list --------------------------------------------------------------

  async function showList() {
    App.forgetCharts();
    clear(root);
    root.append(el("p", "loading", "Loading patients…"));
    try {
      rows = (await App.api("/api/clinic/patients")).patients || [];
    } catch (err) {
      fail(err);
      return;
    }
    renderList();
    window.scrollTo(0, 0);
    App.markReady("list-rendered");
    App.postEvent("web_app_ready");
  }

  function renderList() {
    clear(root);
    const toolbar = el("div", "toolbar");
    const download = el("button", "download", "Download CSV");
    download.type = "button";
    download.id = "download-csv";
    toolbar.append(el("h1", "", "Patients"), download);
    const status = el("p", "hint download-status");
    download.addEventListener("click", () => downloadCsv(download, status));
    root.append(toolbar, status);

    if (!rows.length) {
      root.append(el("p", "hint", "No patients have started yet."));
      return;
    }
    const list = el("ul", "patients");
    for (const row of rows) {
      const item = el("li");
      const button = el("button", "patient" + (row.needs_attention ? " attention" : ""));
      button.type = "button";
      button.dataset.id = String(row.id);
      const top = el("div", "row1");
      const badges = el("div", "badges");
      if (row.needs_attention) badges.append(el("span", "badge attention", "Needs attention"));
      if (row.red_flags > 0) {
        badges.append(
          el("span", "badge redflag", row.red_flags + (row.red_flags === 1 ? " red flag" : " red flags"))
        );
      }
      if (row.pain_trend === "worse") badges.append(el("span", "badge worse", "Pain worse"));
      top.append(el("span", "pname", row.name), badges);
      const stats = el("div", "stats");
      stats.append(
        el("span", "a7", "7 days: " + App.percent(row.adherence_7)),
        el("span", "a30", "30 days: " + App.percent(row.adherence_30)),
        el("span", "ptrend", TREND_SHORT[row.pain_trend] || "no pain trend"),
        el("span", "", row.last_active ? "last active " + row.last_active : "not active yet")
      );
      button.append(top, stats);
      button.addEventListener("click", () => showDetail(row.id));
      item.append(button);
      list.append(item);
    }
    root.append(list);
  }

  function fileName(response) {
    const header = response.headers.get("Content-Disposition") || "";
    const match = /filename="?([A-Za-z0-9._-]+)"?/.exec(header);
    return match ? match[1] : "patients.csv";
  }

  async function downloadCsv(button, status) {
    button.disabled = true;
    status.textContent = "Preparing the file…";
    try {
      const response = await App.api("/api/clinic/export.csv", { raw: true, accept: "text/csv" });
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const link = el("a", "hidden");
      link.href = url;
      link.download = fileName(response);
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000);
      status.textContent = "Downloaded " + link.download + ".";
      status.dataset.state = "done";
    } catch (err) {
      if (err.status === 401 || err.status === 403) {
        fail(err);
        return;
      }
      status.textContent = err.message;
      status.dataset.state = "error";
    } finally {
      button.disabled = false;
    }
  }

  // --- one patient ---------------------------------------------------------------------

  async function showDetail(id, result) {
    App.mark("detail-requested");
    let detail;
    try {
      detail = await App.api("/api/clinic/patients/" + encodeURIComponent(id));
    } catch (err) {
      fail(err);
      return;
    }
    App.forgetCharts();
    clear(root);
    const back = el("button", "secondary back", "‹ All patients");
    back.type = "button";
    back.addEventListener("click", showList);
    root.append(back);
    const resultBox = el("div", "result hidden");
    resultBox.id = "plan-result";
    resultBox.setAttribute("role", "status");
    root.append(resultBox);
    if (result) showResult(resultBox, result.ok, result.text);

    const patient = detail.patient || {};
    App.renderProgress(root, patient, "Today's plan");
    renderEdits(id, detail, patient);
    renderHistory(detail.history || []);
    window.scrollTo(0, 0);
    App.markReady("detail-rendered");
  }

  /** The clinician's first name from initData, only to echo the summary the way the
      patient reads it ("Ada put you on …"); the server checks who is asking. */
  function myName() {
    try {
      const user = JSON.parse(new URLSearchParams(App.initData()).get("user") || "{}");
      if (user && typeof user.first_name === "string" && user.first_name) return user.first_name;
    } catch (_err) {
      /* no name */
    }
    return "Your clinician";
  }

  /** The server's summary ("put you on …") as a sentence. */
  function sentence(text) {
    const trimmed = String(text).trim();
    return /[.!?]$/.test(trimmed) ? trimmed : trimmed + ".";
  }

  function stamp(at) {
    const moment = new Date(at);
    if (!at || Number.isNaN(moment.getTime())) return at || "";
    return moment.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  }

  function showResult(box, ok, text) {
    box.className = "result " + (ok ? "ok" : "error");
    box.dataset.kind = ok ? "ok" : "error";
    box.textContent = text;
  }

  function option(value, label) {
    const node = el("option", "", label);
    node.value = value;
    return node;
  }

  function select(id, options) {
    const node = el("select");
    node.id = id;
    for (const [value, label] of options) node.append(option(value, label));
    return node;
  }

  function dateInput(id, value) {
    const node = el("input");
    node.type = "date";
    node.id = id;
    node.required = true;
    if (value) node.value = value;
    return node;
  }

  /** One small form: a label, its controls and a button; payload() builds the JSON. */
  function editForm(name, label, controls, buttonText, payload, send) {
    const form = el("form", "edit");
    form.dataset.edit = name;
    form.noValidate = true;
    const heading = el("label", "", label);
    heading.htmlFor = controls[0].id;
    const line = el("div", "inline");
    const button = el("button", "", buttonText);
    button.type = "submit";
    for (const control of controls) {
      if (control.tagName === "TEXTAREA") form.append(heading, control);
      else line.append(control);
    }
    if (!form.contains(heading)) form.append(heading);
    line.append(button);
    const problem = el("div", "result hidden");
    problem.setAttribute("role", "alert");
    form.append(line, problem);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const body = payload();
      if (body) send(body, button, problem);
    });
    return form;
  }

  function currentProgramme(id, detail, patient) {
    const programmes = detail.programmes || [];
    const planName = patient.plan && patient.plan.programme;
    const byName = programmes.find((p) => p.name === planName);
    if (byName) return byName;
    const row = rows.find((r) => String(r.id) === String(id));
    return programmes.find((p) => row && p.id === row.programme) || programmes[0] || null;
  }

  function renderEdits(id, detail, patient) {
    const card = el("section", "card edits");
    card.append(el("h2", "", "Change the plan"));
    const today = patient.today || "";
    const programmes = detail.programmes || [];
    const library = detail.library || [];
    const planExercises = (patient.plan && patient.plan.exercises) || [];
    const programme = currentProgramme(id, detail, patient);

    async function send(body, button, problem) {
      button.disabled = true;
      problem.className = "result hidden";
      try {
        const answer = await App.api("/api/clinic/patients/" + encodeURIComponent(id) + "/plan", {
          method: "POST",
          json: body,
        });
        const change = "“" + myName() + " " + sentence(answer.summary || "changed your plan") + "”";
        const text = answer.told
          ? "Saved. The patient was told in Telegram: " + change
          : "Saved, but the patient could not be told in Telegram: " + change;
        await showDetail(id, { ok: true, text });
      } catch (err) {
        button.disabled = false;
        if (err.status === 401 || err.status === 403) {
          fail(err);
          return;
        }
        showResult(problem, false, err.message);  // beside the form, where the eyes are
      }
    }

    const programmeSelect = select("assign-programme", programmes.map((p) => [p.id, p.name]));
    if (programme) programmeSelect.value = programme.id;
    const assignStart = dateInput("assign-start", today);
    card.append(
      editForm("assign", "Programme and its start date", [programmeSelect, assignStart], "Assign",
        () => ({ action: "assign", programme: programmeSelect.value, start: assignStart.value || undefined }),
        send)
    );

    const phases = (programme && programme.phases) || [];
    if (phases.length) {
      const phaseSelect = select("phase", phases.map((p) => [p.id, p.name]));
      const phaseStart = dateInput("phase-start", today);
      card.append(
        editForm("phase", "Start a stage of " + (programme.name || "the programme") + " on",
          [phaseSelect, phaseStart], "Set",
          () => ({ action: "phase", phase: phaseSelect.value, start: phaseStart.value }), send)
      );
    }

    if (library.length) {
      const addSelect = select("add-exercise", library.map((e) => [e.id, e.name]));
      card.append(
        editForm("add", "Add an exercise", [addSelect], "Add",
          () => ({ action: "add", exercise: addSelect.value }), send)
      );
    }

    if (planExercises.length) {
      const choices = planExercises.map((e) => [e.id, e.name + " (" + e.dose + ")"]);
      const removeSelect = select("remove-exercise", choices);
      card.append(
        editForm("remove", "Remove an exercise", [removeSelect], "Remove",
          () => ({ action: "remove", exercise: removeSelect.value }), send)
      );
      const doseSelect = select("dose-exercise", choices);
      const doseText = el("input");
      doseText.id = "dose-text";
      doseText.type = "text";
      doseText.placeholder = "e.g. 3x12 or 2x30s";
      doseText.autocomplete = "off";
      card.append(
        editForm("dose", "Change a dose", [doseSelect, doseText], "Set",
          () => ({ action: "dose", exercise: doseSelect.value, dose: doseText.value.trim() }), send)
      );
    }

    const noteText = el("textarea");
    noteText.id = "note-text";
    noteText.maxLength = 1000;
    noteText.placeholder = "A note the patient sees with their plan";
    card.append(
      editForm("note", "Add a note", [noteText], "Add note",
        () => ({ action: "note", text: noteText.value.trim() }), send)
    );
    root.append(card);
  }

  function renderHistory(history) {
    const card = el("section", "card");
    card.append(el("h2", "", "Change history"));
    if (!history.length) {
      card.append(el("p", "hint", "No changes yet."));
    } else {
      const list = el("ul", "history");
      for (const entry of history.slice().reverse()) {
        const item = el("li");
        item.append(
          el("div", "note-text", entry.text),
          el("div", "note-meta", [entry.by, stamp(entry.at)].filter(Boolean).join(", "))
        );
        list.append(item);
      }
      card.append(list);
    }
    root.append(card);
  }

  showList();
})();
