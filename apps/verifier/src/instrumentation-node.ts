import { exitOnBadEnv } from "@ktp/core/server/env";
import { env } from "./env.ts";

exitOnBadEnv(env);
