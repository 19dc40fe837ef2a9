// After `next build`: bundles src/sw/sw.ts with the list of files to precache (Next's hashed
// static files and the zxing WebAssembly) into .next/ktp-sw.js, which server.ts serves at /sw.js.
// Serwist's own CLI does the same; this keeps the step to one esbuild call (decision 017).
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { build } from "esbuild";

const app = path.resolve(import.meta.dirname, "..");
const staticDir = path.join(app, ".next/static");
const files = (readdirSync(staticDir, { recursive: true, encoding: "utf8" }) as string[])
  .filter((file) => statSync(path.join(staticDir, file)).isFile() && /\.(js|css|woff2|svg|png)$/.test(file))
  .map((file) => ({ url: `/_next/static/${file.split(path.sep).join("/")}`, revision: null }));
const wasm = readFileSync(createRequire(import.meta.url).resolve("zxing-wasm/reader/zxing_reader.wasm"));
const manifest = [
  ...files,
  { url: "/zxing/zxing_reader.wasm", revision: createHash("sha256").update(wasm).digest("hex").slice(0, 16) },
  { url: "/icon.svg", revision: createHash("sha256").update(readFileSync(path.join(app, "app/icon.svg"))).digest("hex").slice(0, 16) },
];

await build({
  entryPoints: [path.join(app, "src/sw/sw.ts")],
  outfile: path.join(app, ".next/ktp-sw.js"),
  bundle: true,
  format: "iife",
  minify: true,
  target: "es2022",
  define: { __SW_MANIFEST: JSON.stringify(manifest), "process.env.NODE_ENV": '"production"' },
  logLevel: "warning",
});
console.log(`service worker: ${manifest.length} files to precache`);
