import { z } from "zod";

/** A postgres:// URL, as DATABASE_URL must be. */
export const ZDatabaseUrl = z
  .string({ error: "is not set. `npm start` sets it to the embedded PostgreSQL; otherwise give a postgresql:// URL." })
  .refine((value) => /^postgres(ql)?:\/\/.+/.test(value), { error: "must be a postgresql:// URL." });

/** The secret every app derives its keys from; the citizen and officer apps must share it. */
export const ZAppSecret = z
  .string({ error: "is not set. `npm start` creates one in .data/app-secret; in production use 32+ random bytes." })
  .min(32, { error: "must be at least 32 characters (use 32+ random bytes, base64)." });

export const ZSmtpUrl = z
  .string({ error: "is not set. `npm start` runs a local mail catcher; otherwise give smtp://host:port." })
  .regex(/^smtps?:\/\/.+/, { error: "must be an smtp:// or smtps:// URL." });

/** An app's public address (scheme, host and port), as browsers reach it: passkeys, links, Origin checks and cookies follow it. */
export const ZPublicUrl = (example: string) =>
  z
    .url({ error: `must be a public http(s) address, e.g. ${example}.` })
    .refine((value) => /^https?:$/.test(new URL(value).protocol) && new URL(value).pathname === "/", { error: `must be an origin without a path, e.g. ${example}.` })
    .transform((value) => new URL(value).origin);

/** The three apps' public origins (Origin check, passkeys, e-mail links), with their local defaults. */
export const ZCitizenUrl = ZPublicUrl("https://ktp-digital.id").default("http://localhost:3000");
export const ZOfficerUrl = ZPublicUrl("https://petugas.ktp-digital.id").default("http://localhost:3001");
export const ZVerifierUrl = ZPublicUrl("https://verifikasi.ktp-digital.id").default("http://localhost:3002");

/**
 * One variable read outside an app's env.ts (whose module is server-only), e.g. by its server.ts:
 * the value, or an Error worded as env.ts words it.
 */
export function readEnvVariable<S extends z.ZodType>(appName: string, name: string, schema: S): z.output<S> {
  const result = schema.safeParse(process.env[name]);
  if (result.success) return result.data;
  throw new Error(`${appName} cannot start: its environment is not valid.\n  - ${name}: ${result.error.issues[0]?.message}`);
}

/** "off" only for benchmarks that measure the limiter's own cost, and only on localhost (see ZRateLimitsOff). */
export const ZRateLimits = z.enum(["on", "off"], { error: "must be on or off." }).default("on");

/** Refuses RATE_LIMITS=off unless the app's public URL is on localhost. */
export function rateLimitsOffOnlyOnLocalhost(env: { RATE_LIMITS: "on" | "off" }, publicUrl: string): boolean {
  return env.RATE_LIMITS === "on" || new URL(publicUrl).hostname === "localhost";
}

/** Multiplies per-IP rate limits where many clients share one address (tests); 1 in production. */
export const ZRateLimitIpMultiplier = z.coerce.number({ error: "must be a number." }).positive({ error: "must be above 0." }).default(1);
