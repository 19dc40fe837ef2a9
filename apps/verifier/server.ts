// Starts the verifier app behind the platform's HTTP server: client address, request id, access
// log, the Origin check and the security headers (packages/core/src/server/serve-app.ts).
import { createRequire } from "node:module";
import path from "node:path";
import { serveAppFromEnv } from "@ktp/core/server/serve-app";
import { readEnvVariable, ZVerifierUrl } from "@ktp/core/universal/zod-env";

/** The pages that open the camera: the scan page only. */
const CAMERA_PATHS = ["/pindai"];

await serveAppFromEnv({
  name: "verifier",
  dir: import.meta.dirname,
  defaultPort: 3002,
  security: () => ({ publicOrigin: readEnvVariable("KTP Digital (verifier)", "VERIFIER_URL", ZVerifierUrl), cameraPaths: CAMERA_PATHS }),
  // The scan page's second QR reader (zxing-wasm) loads its WebAssembly from here, never a CDN.
  // The service worker (built after Next by scripts/build-sw.ts) is served from the root, its scope.
  files: {
    "/zxing/zxing_reader.wasm": { file: createRequire(import.meta.url).resolve("zxing-wasm/reader/zxing_reader.wasm"), type: "application/wasm" },
    "/sw.js": { file: path.join(import.meta.dirname, ".next/ktp-sw.js"), type: "text/javascript", cacheControl: "no-cache" },
  },
  // The machine-facing API, served without Next.js (decision 014).
  directRoutes: async () => ({
    "POST /api/v1/verify": (await import("./app/api/v1/verify/route.ts")).POST,
  }),
});
