import { env } from "./env.ts";

// A bad environment stops the server here, with one sentence per variable.
try {
  env();
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
