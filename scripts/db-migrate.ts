// npm run db:migrate            apply pending migrations
// npm run db:migrate -- new NAME   write prisma/migrations/<timestamp>_NAME from schema.prisma changes
// npm run db:migrate -- check   exit 1 when the database and schema.prisma differ
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { useDatabase } from "@ktp/db/embedded";
import { findSchemaDrift, migrateDatabase, MIGRATIONS_DIR, SCHEMA_PATH } from "@ktp/db/migrate";

const [command = "deploy", name] = process.argv.slice(2);
const db = await useDatabase();
try {
  if (command === "deploy") {
    const applied = await migrateDatabase({ url: db.url, schemaPath: SCHEMA_PATH, migrationsDir: MIGRATIONS_DIR });
    console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
  } else if (command === "check") {
    const drift = await findSchemaDrift({ url: db.url, schemaPath: SCHEMA_PATH, migrationsDir: MIGRATIONS_DIR });
    if (drift) {
      console.error(`The database differs from schema.prisma:\n${drift}`);
      process.exitCode = 1;
    } else console.log("The database matches schema.prisma.");
  } else if (command === "new" && name && /^[a-z0-9_]+$/.test(name)) {
    await writeNewMigration(db.url, name);
  } else {
    console.error("Usage: npm run db:migrate -- [deploy | check | new <snake_case_name>]");
    process.exitCode = 2;
  }
} finally {
  await db.stop();
}
// The WASM schema engine leaves a 10-second timer behind; nothing else is pending here.
process.exit();

/** Applies the existing migrations to a scratch database and diffs it against schema.prisma. */
async function writeNewMigration(url: string, migrationName: string) {
  const scratch = `ktp_migration_scratch_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${scratch}`);
  try {
    const scratchUrl = Object.assign(new URL(url), { pathname: `/${scratch}` }).toString();
    const options = { url: scratchUrl, schemaPath: SCHEMA_PATH, migrationsDir: MIGRATIONS_DIR };
    await migrateDatabase(options);
    const sql = await findSchemaDrift(options);
    if (!sql) return console.log("schema.prisma has no changes to migrate.");
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(MIGRATIONS_DIR, `${stamp}_${migrationName}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${scratch} WITH (FORCE)`);
    await admin.end();
  }
}
