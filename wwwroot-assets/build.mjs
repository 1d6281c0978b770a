// Bundles src/app.js and src/app.css (static pages), src/shell.css and src/code-editor-interop.js (interactive UI) into the web project's wwwroot/dist/.
// Run by the FlowStudio.Web build (see the BuildFrontEndAssets target); `node build.mjs` by hand works too.
import { readFile, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const outdir = join(here, "..", "src", "FlowStudio.Web", "wwwroot", "dist");

// Every browser we support reads woff2; the icon font's woff and ttf copies would only add ~2.6 MB.
const woff2Only = {
  name: "woff2-only",
  setup(build) {
    build.onLoad({ filter: /tabler-icons\.css$/ }, async (args) => {
      const css = await readFile(args.path, "utf8");
      return {
        contents: css.replace(/src: url\(("[^"]+\.woff2[^"]*")\) format\("woff2"\)[^;]*;/g, 'src: url($1) format("woff2");'),
        loader: "css",
      };
    });
  },
};

const started = performance.now();
// Chunk names carry a content hash: start clean so old chunks do not pile up.
await rm(outdir, { recursive: true, force: true });
await esbuild.build({
  absWorkingDir: here,
  entryPoints: ["src/app.js", "src/app.css", "src/code-editor-interop.js", "src/flow-canvas-interop.js", "src/shell.css"],
  entryNames: "[name]",
  chunkNames: "chunks/[name]-[hash]",
  assetNames: "fonts/[name]",
  outdir,
  bundle: true,
  minify: true,
  sourcemap: "linked",
  format: "esm",
  splitting: true,
  target: ["es2022", "chrome110", "firefox115", "safari16"],
  loader: { ".woff2": "file" },
  plugins: [woff2Only],
  legalComments: "linked",
  logLevel: "warning",
});
console.log(`front-end assets built in ${Math.round(performance.now() - started)} ms -> ${outdir}`);
