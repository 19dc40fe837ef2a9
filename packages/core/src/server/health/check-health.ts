import "server-only";
import type { Db } from "@ktp/db";
import { methodNotAllowed } from "../http.ts";

export interface Health {
  status: "ok" | "degraded";
  app: string;
  database: "ok" | "unreachable";
  time: string;
}

export async function checkHealth({ db, app }: { db: Db; app: string }): Promise<Health> {
  const database = await db.$queryRaw`SELECT 1`.then(
    () => "ok" as const,
    () => "unreachable" as const,
  );
  return { status: database === "ok" ? "ok" : "degraded", app, database, time: new Date().toISOString() };
}

/** The handlers of /api/health: GET answers 200 when the app can reach its database, 503 otherwise. */
export function healthRoute(app: string, getDb: () => Db) {
  const refused = methodNotAllowed("GET");
  return {
    GET: async () => {
      const health = await checkHealth({ db: getDb(), app });
      return Response.json(health, { status: health.status === "ok" ? 200 : 503, headers: { "cache-control": "no-store" } });
    },
    POST: refused,
    PUT: refused,
    PATCH: refused,
    DELETE: refused,
  };
}
