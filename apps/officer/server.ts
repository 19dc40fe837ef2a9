// Starts the officer console behind the platform's HTTP server: client address, request id, access
// log, the Origin check and the security headers (packages/core/src/server/serve-app.ts).
import { serveAppFromEnv } from "@ktp/core/server/serve-app";
import { readEnvVariable, ZOfficerUrl } from "@ktp/core/universal/zod-env";

// No console page uses the camera.
await serveAppFromEnv({
  name: "officer",
  dir: import.meta.dirname,
  defaultPort: 3001,
  security: () => ({ publicOrigin: readEnvVariable("KTP Digital (officer)", "OFFICER_URL", ZOfficerUrl) }),
});
