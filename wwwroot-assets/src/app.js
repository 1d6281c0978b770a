// FlowStudio's browser code: htmx for fragment swaps, Tabler (Bootstrap 5) for dropdowns, modals and tabs,
// and a few behaviours attached by data attributes so server-rendered fragments need no inline script.
import htmx from "htmx.org";
import { bootstrap } from "@tabler/core";
import { configureHtmx } from "./behaviours/htmx-setup.js";
import { lazyBehaviour } from "./behaviours/lazy-behaviour.js";

window.htmx = htmx;
window.bootstrap = bootstrap;

configureHtmx(htmx);

// The editor code is large, so it is loaded only by pages that show an editor.
const behaviours = [
  lazyBehaviour("textarea[data-code-editor]", () => import("./behaviours/code-editor.js")),
];

// htmx.onLoad runs for the whole body on page load and for every fragment htmx swaps in.
htmx.onLoad((element) => behaviours.forEach((behaviour) => behaviour.attach(element)));

document.addEventListener("htmx:beforeCleanupElement", (event) => {
  behaviours.forEach((behaviour) => behaviour.detach(event.target));
});
