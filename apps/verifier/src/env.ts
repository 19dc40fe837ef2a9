import { defineEnv } from "@ktp/core/server/env";
import { ZDatabaseUrl, ZVerifierUrl, ZRateLimitIpMultiplier } from "@ktp/core/universal/zod-env";
import { z } from "zod";

export const env = defineEnv(
  "KTP Digital (verifier)",
  z.object({
    DATABASE_URL: ZDatabaseUrl,
    /** This app's public address, for the Origin check and cookies. */
    VERIFIER_URL: ZVerifierUrl,
    RATE_LIMIT_IP_MULTIPLIER: ZRateLimitIpMultiplier,
  }),
);
