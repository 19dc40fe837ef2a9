import path from "node:path";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@ktp/db/embedded";
import { scriptEnv } from "./env.ts";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const EMBEDDED_PORT = 5433;

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL under .data/ (started, or joined
 * when another process already runs it).
 */
export async function useDatabase(
  { database = "ktp", port = EMBEDDED_PORT, dataDir = path.join(ROOT, ".data/postgres"), log = console.log } = {},
): Promise<EmbeddedDatabase> {
  const configured = scriptEnv.databaseUrl();
  if (configured) return { url: configured, reused: true, stop: async () => {} };
  return startEmbeddedDatabase({ dataDir, port, database, log });
}

export const SCHEMA_PATH = path.join(ROOT, "prisma/schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma/migrations");
