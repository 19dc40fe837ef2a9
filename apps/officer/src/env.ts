import { defineEnv } from "@ktp/core/server/env";
import { ZAppSecret, ZDatabaseUrl, ZPublicUrl, ZRateLimitIpMultiplier, ZSmtpUrl } from "@ktp/core/universal/zod-env";
import { z } from "zod";

export const env = defineEnv(
  "KTP Digital (officer console)",
  z.object({
    DATABASE_URL: ZDatabaseUrl,
    APP_SECRET: ZAppSecret,
    SMTP_URL: ZSmtpUrl,
    MAIL_FROM: z.string().optional(),
    /** This console's public address, for the Origin check and cookies. */
    OFFICER_URL: ZPublicUrl("https://petugas.ktp-digital.id").default("http://localhost:3001"),
    /** Where the activation e-mail's link points: the citizen app. */
    CITIZEN_URL: ZPublicUrl("https://ktp-digital.id").default("http://localhost:3000"),
    RATE_LIMIT_IP_MULTIPLIER: ZRateLimitIpMultiplier,
  }),
);
