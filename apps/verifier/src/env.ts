import { defineEnv } from "@ktp/core/server/env";
import { rateLimitsOffOnlyOnLocalhost, ZAppSecret, ZCitizenUrl, ZDatabaseUrl, ZRateLimitIpMultiplier, ZRateLimits, ZVerifierUrl } from "@ktp/core/universal/zod-env";
import { z } from "zod";

export const env = defineEnv(
  "KTP Digital (verifier)",
  z
    .object({
      DATABASE_URL: ZDatabaseUrl,
      /** Seals the platform's signing keys (receipts are signed here) and keys the rate limits. */
      APP_SECRET: ZAppSecret,
      /** This app's public address, for the Origin check and cookies. */
      VERIFIER_URL: ZVerifierUrl,
      /** The identity tokens' issuer: the citizen app, where the JWKS and status lists are. */
      CITIZEN_URL: ZCitizenUrl,
      RATE_LIMIT_IP_MULTIPLIER: ZRateLimitIpMultiplier,
      RATE_LIMITS: ZRateLimits,
    })
    .refine((e) => rateLimitsOffOnlyOnLocalhost(e, e.VERIFIER_URL), { error: "RATE_LIMITS=off is for benchmarks on localhost only.", path: ["RATE_LIMITS"] }),
);
