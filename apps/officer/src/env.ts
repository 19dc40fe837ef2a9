import { defineEnv } from "@ktp/core/server/env";
import { ZDatabaseUrl } from "@ktp/core/universal/zod-env";
import { z } from "zod";

export const env = defineEnv("KTP Digital (officer console)", z.object({ DATABASE_URL: ZDatabaseUrl }));
