import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, type Db } from "./index.ts";
import { migrateDatabase, MIGRATIONS_DIR, SCHEMA_PATH } from "./migrate.ts";

// Every test file gets its own freshly migrated database on the server that DATABASE_URL points
// at (scripts/test.ts starts one); the rows it needs come from @ktp/testing's factories.

export function testServerUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: run tests with `npm test`, which starts PostgreSQL.");
  return url;
}

export interface TestDatabase {
  url: string;
  db: Db;
  drop(): Promise<void>;
}

export async function createTestDatabase({ migrate = true } = {}): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  const name = `ktp_t_${randomBytes(5).toString("hex")}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
  if (migrate) await migrateDatabase({ url, schemaPath: SCHEMA_PATH, migrationsDir: MIGRATIONS_DIR });
  const db = createDb({ url, maxConnections: 4 });
  return {
    url,
    db,
    async drop() {
      await db.$disconnect();
      await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
