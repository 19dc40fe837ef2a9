import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findSchemaDrift, migrateDatabase, MIGRATIONS_DIR, SCHEMA_PATH } from "./migrate.ts";
import { createTestDatabase, type TestDatabase } from "./testing.ts";

// Each test stands alone on the database beforeAll migrated from empty (any order, any subset);
// the one that changes it puts it back.
describe("migrations", () => {
  let test: TestDatabase;
  let applied: string[];
  const options = () => ({ url: test.url, schemaPath: SCHEMA_PATH, migrationsDir: MIGRATIONS_DIR });

  beforeAll(async () => {
    test = await createTestDatabase({ migrate: false });
    applied = await migrateDatabase(options());
  });
  afterAll(() => test.drop());

  it("apply to an empty database and leave it exactly as schema.prisma describes", async () => {
    expect(applied.length).toBeGreaterThan(0);
    expect(await findSchemaDrift(options())).toBe("");
  });

  it("record each migration as Prisma does, so `prisma migrate` could take over", async () => {
    const client = new pg.Client({ connectionString: test.url });
    await client.connect();
    const { rows } = await client.query("SELECT migration_name, checksum, finished_at FROM _prisma_migrations");
    await client.end();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
    }
  });

  it("apply nothing the second time", async () => {
    expect(await migrateDatabase(options())).toEqual([]);
  });

  it("report a database that drifted from schema.prisma", async () => {
    const client = new pg.Client({ connectionString: test.url });
    await client.connect();
    await client.query("ALTER TABLE siak.npwp ADD COLUMN catatan text");
    try {
      expect(await findSchemaDrift(options())).toContain('DROP COLUMN "catatan"');
    } finally {
      await client.query("ALTER TABLE siak.npwp DROP COLUMN catatan");
      await client.end();
    }
  });
});
