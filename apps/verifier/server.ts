// Starts the verifier app behind the platform's HTTP server: client address, request id, access
// log, the Origin check and the security headers (packages/core/src/server/serve-app.ts).
import { serveAppFromEnv } from "@ktp/core/server/serve-app";
import { readEnvVariable, ZVerifierUrl } from "@ktp/core/universal/zod-env";

/** The pages that open the camera. The coming QR scanner page goes here (and nowhere else). */
const CAMERA_PATHS: string[] = [];

await serveAppFromEnv({
  name: "verifier",
  dir: import.meta.dirname,
  defaultPort: 3002,
  security: () => ({ publicOrigin: readEnvVariable("KTP Digital (verifier)", "VERIFIER_URL", ZVerifierUrl), cameraPaths: CAMERA_PATHS }),
  // The machine-facing API, served without Next.js (decision 014).
  directRoutes: async () => ({
    "POST /api/v1/verify": (await import("./app/api/v1/verify/route.ts")).POST,
  }),
});
