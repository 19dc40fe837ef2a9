// Starts the officer app behind the platform's HTTP server (client address, request id, access log).
import { serveAppFromEnv } from "@ktp/core/server/serve-app";

await serveAppFromEnv({ name: "officer", dir: import.meta.dirname, defaultPort: 3001 });
