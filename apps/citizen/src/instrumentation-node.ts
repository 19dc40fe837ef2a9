import { env } from "./env.ts";

// A bad environment stops the server here, with one sentence per variable.
try {
  env();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

// Load the face model now, so the first selfie of the day isn't the slow one.
void import("@ktp/core/server/face/face-model").then((m) => m.loadFaceModel()).catch((error) => console.error(error));
