import { createDb, type Db } from "@ktp/db";
import { env } from "./env.ts";

// One client per server process, kept across hot reloads in development.
const holder = globalThis as { ktpDb?: Db };

export function getDb(): Db {
  return (holder.ktpDb ??= createDb({ url: env().DATABASE_URL }));
}
