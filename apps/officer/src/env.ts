import { defineEnv } from "@ktp/core/server/env";
import { ZAppSecret, ZDatabaseUrl, ZSmtpUrl } from "@ktp/core/universal/zod-env";
import { z } from "zod";

export const env = defineEnv(
  "KTP Digital (officer console)",
  z.object({
    DATABASE_URL: ZDatabaseUrl,
    APP_SECRET: ZAppSecret,
    SMTP_URL: ZSmtpUrl,
    MAIL_FROM: z.string().optional(),
    /** Where the activation e-mail's link points: the citizen app. */
    CITIZEN_URL: z.url({ error: "must be the citizen app's address, e.g. https://ktp-digital.id." }).default("http://localhost:3000"),
  }),
);
