/* The patient's progress page: figures, the 8-week calendar, the chart, today's plan.
   Reads GET /api/me/progress; every text from it goes in as textContent (common.js). */
"use strict";

(function () {
  const App = window.HipApp;
  const root = document.getElementById("app");

  async function load() {
    let progress;
    try {
      progress = await App.api("/api/me/progress");
    } catch (err) {
      App.showError(root, err);
      App.markReady("page-error");
      return;
    }
    App.clear(root);
    App.renderProgress(root, progress, "Today's plan");
    document.title = "My progress";
    App.markReady("plan-rendered");
    App.postEvent("web_app_ready");
  }

  load();
})();
