import { createRateLimiter, NO_LIMITS, type RateLimiter } from "@ktp/core/server/rate-limit";
import { deriveKey } from "@ktp/core/server/secrets";
import { env } from "./env.ts";

// One limiter per server process; the budgets themselves live in PostgreSQL, shared by all instances.
const holder = globalThis as { ktpLimiter?: RateLimiter };

export function getRateLimiter(): RateLimiter {
  if (env().RATE_LIMITS === "off") return NO_LIMITS;
  return (holder.ktpLimiter ??= createRateLimiter({
    databaseUrl: env().DATABASE_URL,
    secret: deriveKey(env().APP_SECRET, "rate-limit"),
    ipMultiplier: env().RATE_LIMIT_IP_MULTIPLIER,
  }));
}
