// After `next build`: the scan page's service worker, with Next's static files, the icon and the
// second reader's WebAssembly to precache (decision 017).
import { createRequire } from "node:module";
import path from "node:path";
import { buildServiceWorker } from "@ktp/ui/build-service-worker";

const files = await buildServiceWorker({
  app: path.resolve(import.meta.dirname, ".."),
  extra: [{ url: "/zxing/zxing_reader.wasm", file: createRequire(import.meta.url).resolve("zxing-wasm/reader/zxing_reader.wasm") }],
});
console.log(`service worker: ${files} files to precache`);
