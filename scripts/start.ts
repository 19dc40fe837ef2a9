// npm start: PostgreSQL (embedded unless DATABASE_URL is set), migrations, a seeded SIAK,
// production builds, and the three apps. Ctrl+C stops everything.
//   npm start -- [--dev] [--residents 10000] [--demo]
// `npm start` passes --demo: the demo counters and officers of the README, with published passwords.
import { parseArgs } from "node:util";
import pg from "pg";
import { useDatabase } from "@ktp/db/embedded";
import { migrateDatabase, MIGRATIONS_DIR, SCHEMA_PATH } from "@ktp/db/migrate";
import { startMailCatcher } from "@ktp/testing/mail-catcher";
import { DEMO_RESIDENTS } from "../prisma/seed/demo-residents.ts";
import { insertDemoOfficers } from "../prisma/seed/demo-officers.ts";
import { hasResidents, seedPopulation } from "../prisma/seed/index.ts";
import { APPS, appSecret, buildApps, startApps } from "./lib/apps.ts";
import { scriptEnv } from "./lib/env.ts";

const { values } = parseArgs({ options: { dev: { type: "boolean", default: false }, residents: { type: "string", default: "10000" }, demo: { type: "boolean", default: false } } });
const started = performance.now();

const database = await useDatabase();
const applied = await migrateDatabase({ url: database.url, schemaPath: SCHEMA_PATH, migrationsDir: MIGRATIONS_DIR });
if (applied.length) console.log(`Migrations applied: ${applied.join(", ")}`);
if (!(await hasResidents(database.url))) {
  console.log(`Seeding the mock SIAK Terpusat with ${Number(values.residents).toLocaleString("en")} residents ...`);
  const seeded = await seedPopulation({ url: database.url, residents: Number(values.residents) });
  console.log(`Seeded ${seeded.residents.toLocaleString("en")} residents in ${(seeded.ms / 1000).toFixed(1)} s.`);
}
if (values.demo) {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await insertDemoOfficers(client).finally(() => client.end());
}
if (!values.dev) {
  console.log("Building the apps ...");
  await buildApps();
}
// SMTP_URL, or a local catcher whose inbox is a web page.
const catcher = scriptEnv.smtpUrl() ? null : await startMailCatcher({ smtpPort: 1025, httpPort: 8025 });
const apps = await startApps({ databaseUrl: database.url, appSecret: appSecret(), smtpUrl: scriptEnv.smtpUrl() ?? catcher!.smtpUrl, dev: values.dev });

console.log(`
KTP Digital is running (ready in ${((performance.now() - started) / 1000).toFixed(1)} s):
${APPS.map((app) => `  ${app.label.padEnd(28)} ${apps.urls[app.name]}`).join("\n")}${catcher ? `\n  ${"Kotak surat uji (mail)".padEnd(28)} ${catcher.inboxUrl}` : ""}

Demo residents (mock SIAK Terpusat):
${DEMO_RESIDENTS.map((r) => `  ${r.nik}  ${r.nama.padEnd(22)} ${r.expect}`).join("\n")}

Press Ctrl+C to stop.`);

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  await apps.stop();
  await catcher?.stop();
  await database.stop();
  process.exit(0);
};
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
