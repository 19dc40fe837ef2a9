import { defineEnv } from "@ktp/core/server/env";
import { ZDatabaseUrl } from "@ktp/core/universal/zod-env";
import { z } from "zod";

export const env = defineEnv(
  "KTP Digital (citizen app)",
  z.object({
    DATABASE_URL: ZDatabaseUrl,
    APP_SECRET: z
      .string({ error: "is not set. `npm start` creates one in .data/app-secret; in production use 32+ random bytes." })
      .min(32, { error: "must be at least 32 characters (use 32+ random bytes, base64)." }),
    SMTP_URL: z
      .string({ error: "is not set. `npm start` runs a local mail catcher; otherwise give smtp://host:port." })
      .regex(/^smtps?:\/\/.+/, { error: "must be an smtp:// or smtps:// URL." }),
    MAIL_FROM: z.string().optional(),
  }),
);
