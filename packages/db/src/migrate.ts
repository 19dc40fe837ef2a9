import path from "node:path";
import pg from "pg";
import { openSchemaEngine, type SchemaEngineOptions } from "./schema-engine.ts";

const PRISMA_DIR = path.resolve(import.meta.dirname, "../../../prisma");
export const SCHEMA_PATH = path.join(PRISMA_DIR, "schema.prisma");
export const MIGRATIONS_DIR = path.join(PRISMA_DIR, "migrations");

/** Applies pending migrations; returns the names it applied. */
export async function migrateDatabase(options: SchemaEngineOptions): Promise<string[]> {
  const engine = await openSchemaEngine(options);
  try {
    return await withAdvisoryLock(options.url, () => engine.applyMigrations());
  } finally {
    await engine.close();
  }
}

/** SQL that separates the live database from schema.prisma; empty when they match. */
export async function findSchemaDrift(options: SchemaEngineOptions): Promise<string> {
  const engine = await openSchemaEngine(options);
  try {
    return await engine.diffDatabaseToSchema();
  } finally {
    await engine.close();
  }
}

// Three apps and the test runner may start at once; only one of them migrates at a time.
async function withAdvisoryLock<T>(url: string, fn: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock(72022023)");
    return await fn();
  } finally {
    await client.query("SELECT pg_advisory_unlock(72022023)").catch(() => {});
    await client.end();
  }
}
