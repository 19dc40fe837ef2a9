import { defineEnv } from "@ktp/core/server/env";
import { ZAppSecret, ZDatabaseUrl, ZPublicUrl, ZRateLimitIpMultiplier, ZSmtpUrl } from "@ktp/core/universal/zod-env";
import { z } from "zod";

export const env = defineEnv(
  "KTP Digital (citizen app)",
  z.object({
    DATABASE_URL: ZDatabaseUrl,
    APP_SECRET: ZAppSecret,
    SMTP_URL: ZSmtpUrl,
    MAIL_FROM: z.string().optional(),
    /** This app's public address: the passkeys' relying party, the e-mail links and the Origin check. */
    CITIZEN_URL: ZPublicUrl("https://ktp-digital.id").default("http://localhost:3000"),
    RATE_LIMIT_IP_MULTIPLIER: ZRateLimitIpMultiplier,
  }),
);
