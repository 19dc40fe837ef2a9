import { defineEnv } from "@ktp/core/server/env";
import { rateLimitsOffOnlyOnLocalhost, ZAppSecret, ZDatabaseUrl, ZCitizenUrl, ZOfficerUrl, ZRateLimitIpMultiplier, ZRateLimits, ZSmtpUrl } from "@ktp/core/universal/zod-env";
import { z } from "zod";

export const env = defineEnv(
  "KTP Digital (officer console)",
  z
    .object({
      DATABASE_URL: ZDatabaseUrl,
      APP_SECRET: ZAppSecret,
      SMTP_URL: ZSmtpUrl,
      MAIL_FROM: z.string().optional(),
      /** This console's public address, for the Origin check and cookies. */
      OFFICER_URL: ZOfficerUrl,
      /** Where the activation e-mail's link points: the citizen app. */
      CITIZEN_URL: ZCitizenUrl,
      RATE_LIMIT_IP_MULTIPLIER: ZRateLimitIpMultiplier,
      RATE_LIMITS: ZRateLimits,
    })
    .refine((e) => rateLimitsOffOnlyOnLocalhost(e, e.OFFICER_URL), { error: "RATE_LIMITS=off is for benchmarks on localhost only.", path: ["RATE_LIMITS"] }),
);
