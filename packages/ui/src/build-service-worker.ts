// After `next build`: bundles an app's service worker (`src/sw/sw.ts`) with the list of files to
// precache (Next's hashed static files, the app's icon and any `extra` file) into
// `.next/ktp-sw.js`, which the app's server.ts serves at /sw.js. Serwist's own CLI does the same;
// this keeps the step to one esbuild call (decision 017). Node only: run by each app's build.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { build } from "esbuild";

export interface PrecachedFile {
  /** Where the app serves it. */
  url: string;
  /** The file on disk, whose hash is its revision. */
  file: string;
}

export async function buildServiceWorker({ app, extra = [] }: { app: string; extra?: PrecachedFile[] }): Promise<number> {
  const staticDir = path.join(app, ".next/static");
  const files = readdirSync(staticDir, { recursive: true, encoding: "utf8" })
    .filter((file) => statSync(path.join(staticDir, file)).isFile() && /\.(js|css|woff2|svg|png)$/.test(file))
    .map((file) => ({ url: `/_next/static/${file.split(path.sep).join("/")}`, revision: null }));
  const revision = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex").slice(0, 16);
  const manifest = [...files, ...[...extra, { url: "/icon.svg", file: path.join(app, "app/icon.svg") }].map(({ url, file }) => ({ url, revision: revision(file) }))];
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
  return manifest.length;
}
