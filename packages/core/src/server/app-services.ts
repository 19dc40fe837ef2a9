import "server-only";
import { createDb, type Db } from "@ktp/db";
import { createMailer, type Mailer } from "./mail/mailer.ts";
import { processRateLimiter, type RateLimiter } from "./rate-limit.ts";

// What each app's route handlers reach for: one database client, one rate limiter and one mailer
// per server process, built from that app's validated environment (src/env.ts) and kept across
// hot reloads in development. An app binds them once, in its src/services.ts.

interface ServiceEnv {
  DATABASE_URL: string;
  APP_SECRET: string;
  RATE_LIMIT_IP_MULTIPLIER: number;
  RATE_LIMITS: "on" | "off";
}

interface MailEnv {
  SMTP_URL: string;
  MAIL_FROM?: string | undefined;
}

const holder = globalThis as { ktpDb?: Db; ktpMailer?: Mailer };

export function appServices(env: () => ServiceEnv): { getDb: () => Db; getRateLimiter: () => RateLimiter } {
  return {
    getDb: () => (holder.ktpDb ??= createDb({ url: env().DATABASE_URL })),
    getRateLimiter: () => {
      // The budgets live in PostgreSQL, shared by every instance (docs/security.md, "Limits").
      const { DATABASE_URL, APP_SECRET, RATE_LIMIT_IP_MULTIPLIER, RATE_LIMITS } = env();
      return processRateLimiter({ databaseUrl: DATABASE_URL, appSecret: APP_SECRET, ipMultiplier: RATE_LIMIT_IP_MULTIPLIER, enabled: RATE_LIMITS === "on" });
    },
  };
}

/** The mailer of an app that sends e-mail (the citizen app and the officer console). */
export function appMailer(env: () => MailEnv): () => Mailer {
  return () => (holder.ktpMailer ??= createMailer({ smtpUrl: env().SMTP_URL, from: env().MAIL_FROM }));
}
