// Starts the citizen app behind the platform's HTTP server: client address, request id, access
// log, the Origin check and the security headers (packages/core/src/server/serve-app.ts).
import path from "node:path";
import { serveAppFromEnv } from "@ktp/core/server/serve-app";
import { readEnvVariable, ZCitizenUrl } from "@ktp/core/universal/zod-env";

/** The pages that open the camera: the selfie pre-check (Human; activation and "Lupa PIN") and the counter QR scan (html5-qrcode). */
const CAMERA_PATHS = ["/daftar/swafoto", "/daftar/loket", "/masuk/lupa-pin"];

await serveAppFromEnv({
  name: "citizen",
  dir: import.meta.dirname,
  defaultPort: 3000,
  security: () => ({ publicOrigin: readEnvVariable("KTP Digital (citizen)", "CITIZEN_URL", ZCitizenUrl), cameraPaths: CAMERA_PATHS }),
  // The card's service worker (built after Next by scripts/build-sw.ts), served from the root, its scope.
  files: {
    "/sw.js": { file: path.join(import.meta.dirname, ".next/ktp-sw.js"), type: "text/javascript", cacheControl: "no-cache" },
  },
  // The machine-facing APIs, served without Next.js (decision 014).
  directRoutes: async () => ({
    "POST /api/siak/v1/nik/verify": (await import("./app/api/siak/v1/nik/verify/route.ts")).POST,
    "GET /.well-known/jwks.json": (await import("./app/.well-known/jwks.json/route.ts")).GET,
    "GET /api/status/1": (await import("./app/api/status/[list]/route.ts")).GET,
  }),
});
