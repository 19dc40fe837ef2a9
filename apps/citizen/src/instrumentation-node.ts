import { exitOnBadEnv } from "@ktp/core/server/env";
import { env } from "./env.ts";

exitOnBadEnv(env);

// Load the face model now, so the first selfie of the day isn't the slow one.
void import("@ktp/core/server/face/face-model").then((m) => m.loadFaceModel()).catch((error) => console.error(error));

// Retention (docs/security.md): stale registrations, selfies, sessions and codes go hourly; the
// advisory lock inside lets one instance of several do it.
void Promise.all([import("@ktp/core/server/maintenance/purge-stale"), import("@ktp/core/server/log"), import("./services.ts")]).then(([{ schedulePurge }, { log }, { getDb }]) =>
  schedulePurge({
    db: getDb(),
    onResult: (result) => (result instanceof Error ? log.error({ err: result }, "purge failed") : log.info({ purge: result }, "purge done")),
  }),
);

// The identity key exists before anyone asks for the JWKS or a status list, so those public GETs
// never write; a key due for rotation is scheduled here too (issuer-keys.ts).
void Promise.all([import("@ktp/core/server/identity/issuer-keys"), import("@ktp/core/server/log"), import("./services.ts"), import("./issuer.ts")]).then(
  ([{ getSigningKey }, { log }, { getDb }, { issuerSealKey }]) =>
    getSigningKey({ db: getDb(), sealKey: issuerSealKey(), use: "IDENTITY" }).catch((error) => log.error({ err: error }, "issuer key not ready")),
);
