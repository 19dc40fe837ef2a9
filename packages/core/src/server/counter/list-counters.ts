import "server-only";
import type { Db } from "@ktp/db";

/** The counters an officer can sign in at, by code, for the sign-in page's list. */
export function listCounters({ db }: { db: Db }): Promise<{ code: string; name: string }[]> {
  return db.counter.findMany({ orderBy: { code: "asc" }, select: { code: true, name: true } });
}
