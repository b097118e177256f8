// Builds the public site's CSS and JavaScript into website/static/website/ (`make assets`).
// The output is committed, so `make run` needs no Node; CI rebuilds it and fails if it differs.
// Deterministic: no source maps (they would carry this machine's paths), no timestamps.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { build } from "esbuild";
import * as sass from "sass";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "website", "static", "website");
const govukVersion = JSON.parse(
  readFileSync(join(root, "node_modules", "govuk-frontend", "package.json"), "utf8"),
).version;
// GOV.UK Frontend is MIT licensed: its notice travels with the code compiled from it.
const banner =
  `/*! Harbour, built with GOV.UK Frontend ${govukVersion} ` +
  "(https://github.com/alphagov/govuk-frontend, MIT licence, © Crown copyright). " +
  "Built by `make assets` from frontend/: do not edit. */";

const css = sass.compile(join(root, "frontend", "scss", "harbour.scss"), {
  loadPaths: [join(root, "node_modules")],
  style: "compressed",
  // GOV.UK Frontend 5 is written with @import; its deprecation notices are not ours to fix.
  quietDeps: true,
  silenceDeprecations: ["import"],
  // No byte order mark (it would land after the banner, inside the first selector): the
  // @charset rule below says UTF-8 instead.
  charset: false,
});
writeFileSync(join(out, "css", "harbour.css"), `@charset "UTF-8";\n${banner}\n${css.css}\n`);

await build({
  entryPoints: {
    harbour: join(root, "frontend", "js", "harbour.js"),
    supported: join(root, "frontend", "js", "supported.js"),
  },
  outdir: join(out, "js"),
  bundle: true,
  minify: true,
  format: "iife",
  target: ["es2015"],
  charset: "utf8",
  legalComments: "none",
  banner: { js: banner },
  logLevel: "warning",
});
