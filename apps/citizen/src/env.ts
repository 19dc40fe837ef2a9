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
  }),
);
