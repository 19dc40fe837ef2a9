import { appServices, appMailer } from "@ktp/core/server/app-services";
import { env } from "./env.ts";

export const { getDb, getRateLimiter } = appServices(env);
export const getMailer = appMailer(env);
