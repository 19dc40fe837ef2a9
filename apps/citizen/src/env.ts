import { defineEnv } from "@ktp/core/server/env";
import { rateLimitsOffOnlyOnLocalhost, ZAppSecret, ZDatabaseUrl, ZCitizenUrl, ZRateLimitIpMultiplier, ZRateLimits, ZSmtpUrl } from "@ktp/core/universal/zod-env";
import { z } from "zod";

export const env = defineEnv(
  "KTP Digital (citizen app)",
  z
    .object({
      DATABASE_URL: ZDatabaseUrl,
      APP_SECRET: ZAppSecret,
      SMTP_URL: ZSmtpUrl,
      MAIL_FROM: z.string().optional(),
      /** This app's public address: the passkeys' relying party, the e-mail links and the Origin check. */
      CITIZEN_URL: ZCitizenUrl,
      RATE_LIMIT_IP_MULTIPLIER: ZRateLimitIpMultiplier,
      RATE_LIMITS: ZRateLimits,
    })
    .refine((e) => rateLimitsOffOnlyOnLocalhost(e, e.CITIZEN_URL), { error: "RATE_LIMITS=off is for benchmarks on localhost only.", path: ["RATE_LIMITS"] }),
);
