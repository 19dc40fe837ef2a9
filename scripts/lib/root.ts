import path from "node:path";

/** The repository's root, for the scripts' paths (.data/, apps/, docs/). */
export const ROOT = path.resolve(import.meta.dirname, "../..");
