// FlowStudio's browser code: htmx for fragment swaps, Tabler (Bootstrap 5) for dropdowns, modals and tabs,
// and a few behaviours attached by data attributes so server-rendered fragments need no inline script.
import htmx from "htmx.org";
import { bootstrap } from "@tabler/core";
import { configureHtmx } from "./behaviours/htmx-setup.js";
import { attachCodeEditors, detachCodeEditors } from "./behaviours/code-editor.js";
import { attachCharts, detachCharts } from "./behaviours/charts.js";

window.htmx = htmx;
window.bootstrap = bootstrap;

configureHtmx(htmx);

// htmx.onLoad runs for the whole body on page load and for every fragment htmx swaps in.
htmx.onLoad((element) => {
  attachCodeEditors(element);
  attachCharts(element);
});

document.addEventListener("htmx:beforeCleanupElement", (event) => {
  detachCodeEditors(event.target);
  detachCharts(event.target);
});
