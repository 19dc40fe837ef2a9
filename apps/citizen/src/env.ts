import { defineEnv } from "@ktp/core/server/env";
import { ZAppSecret, ZDatabaseUrl, ZSmtpUrl } from "@ktp/core/universal/zod-env";
import { z } from "zod";

export const env = defineEnv(
  "KTP Digital (citizen app)",
  z.object({ DATABASE_URL: ZDatabaseUrl, APP_SECRET: ZAppSecret, SMTP_URL: ZSmtpUrl, MAIL_FROM: z.string().optional() }),
);
