import "server-only";
import type { Db } from "@ktp/db";

export interface Health {
  status: "ok" | "degraded";
  app: string;
  database: "ok" | "unreachable";
  time: string;
}

export async function checkHealth({ db, app }: { db: Db; app: string }): Promise<Health> {
  const database = await db.$queryRaw`SELECT 1`.then(() => "ok" as const, () => "unreachable" as const);
  return { status: database === "ok" ? "ok" : "degraded", app, database, time: new Date().toISOString() };
}

/** GET handler for /api/health: 200 when the app can reach its database, 503 otherwise. */
export function healthRoute(app: string, getDb: () => Db) {
  return async () => {
    const health = await checkHealth({ db: getDb(), app });
    return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
  };
}
