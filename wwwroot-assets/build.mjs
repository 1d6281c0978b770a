// Bundles the interactive UI's own front-end code into the web project's wwwroot/dist/: shell.css (rules on top of
// MudBlazor), code-editor-interop.js (CodeMirror 6 for the CodeEditor component) and flow-canvas-interop.js (pan and
// zoom gestures of the Flows canvas), each loaded by its component on demand.
// Run by the FlowStudio.Web build (see the BuildFrontEndAssets target); `node build.mjs` by hand works too.
import { rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, "..", "src", "FlowStudio.Web", "wwwroot", "dist");

const started = performance.now();
// Chunk names carry a content hash: start clean so old chunks do not pile up.
await rm(outdir, { recursive: true, force: true });
await esbuild.build({
  absWorkingDir: here,
  entryPoints: ["src/shell.css", "src/code-editor-interop.js", "src/flow-canvas-interop.js"],
  entryNames: "[name]",
  chunkNames: "chunks/[name]-[hash]",
  outdir,
  bundle: true,
  minify: true,
  sourcemap: "linked",
  format: "esm",
  splitting: true,
  target: ["es2022", "chrome110", "firefox115", "safari16"],
  legalComments: "linked",
  logLevel: "warning",
});
console.log(`front-end assets built in ${Math.round(performance.now() - started)} ms -> ${outdir}`);
