import "server-only";
import type { z } from "zod";

/**
 * Validates an app's environment once. A missing or bad variable stops start-up with one
 * sentence per variable, instead of failing later inside a request.
 */
export function defineEnv<S extends z.ZodObject>(appName: string, schema: S): () => z.output<S> {
  let parsed: z.output<S> | undefined;
  return () => {
    if (parsed) return parsed;
    const result = schema.safeParse(process.env);
    if (!result.success) {
      const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
      throw new Error(`${appName} cannot start: its environment is not valid.\n${lines.join("\n")}`);
    }
    parsed = result.data;
    return parsed;
  };
}

/** Called first when a server starts: a bad environment stops it with one sentence per variable. */
export function exitOnBadEnv(env: () => unknown): void {
  try {
    env();
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
