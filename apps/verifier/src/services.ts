import { appServices } from "@ktp/core/server/app-services";
import { env } from "./env.ts";

export const { getDb, getRateLimiter } = appServices(env);
