// Starts the citizen app behind the platform's HTTP server: client address, request id, access
// log, the Origin check and the security headers (packages/core/src/server/serve-app.ts).
import { serveAppFromEnv } from "@ktp/core/server/serve-app";
import { readEnvVariable, ZCitizenUrl } from "@ktp/core/universal/zod-env";

/** The pages that open the camera: the selfie pre-check (Human) and the counter QR scan (html5-qrcode). */
const CAMERA_PATHS = ["/daftar/swafoto", "/daftar/loket"];

await serveAppFromEnv({
  name: "citizen",
  dir: import.meta.dirname,
  defaultPort: 3000,
  security: () => ({ publicOrigin: readEnvVariable("KTP Digital (citizen)", "CITIZEN_URL", ZCitizenUrl), cameraPaths: CAMERA_PATHS }),
});
