import { processRateLimiter, type RateLimiter } from "@ktp/core/server/rate-limit";
import { env } from "./env.ts";

// The budgets live in PostgreSQL, shared by every instance (docs/security.md, "Limits").
export function getRateLimiter(): RateLimiter {
  const { DATABASE_URL, APP_SECRET, RATE_LIMIT_IP_MULTIPLIER, RATE_LIMITS } = env();
  return processRateLimiter({ databaseUrl: DATABASE_URL, appSecret: APP_SECRET, ipMultiplier: RATE_LIMIT_IP_MULTIPLIER, enabled: RATE_LIMITS === "on" });
}
