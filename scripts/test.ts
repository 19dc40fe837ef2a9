// npm test: everything a fresh machine needs to run every test, then every test.
//   1. Debian's chromium (installed with apt when missing and we are root)
//   2. PostgreSQL: a fresh embedded cluster, or the server DATABASE_URL points at
//   3. typecheck, lint, format, vitest (unit + real-database tests), production builds
//   4. the three apps on ports 3100-3102 against a seeded database, then Playwright in Chromium
//   5. crash safety: kill -9 of an app or PostgreSQL mid-activation (scripts/reliability/crash.ts)
//   npm test -- --only unit | --only e2e | --only multi | --only crash  [--project <playwright project>] [--grep <test title regex>]
// KTP_TEST_SLOT=N shifts every port by N×10 (N×1000 for the apps), so checkouts can test side by side.
import { randomBytes } from "node:crypto";
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { JSONReport, JSONReportSuite } from "@playwright/test/reporter";
import pg from "pg";
import type { JsonTestResults } from "vitest/reporters";
import { loadFaceModel } from "@ktp/core/server/face/face-model";
import { useDatabase } from "@ktp/db/embedded";
import { migrateDatabase, MIGRATIONS_DIR, SCHEMA_PATH } from "@ktp/db/migrate";
import { writeFakeCameras } from "@ktp/testing/fake-camera";
import { startMailCatcher } from "@ktp/testing/mail-catcher";
import { E2E_OFFICER_PASSWORD } from "@ktp/testing/officer";
import { cropFace, groupPhoto, SAMPLE1_FACES } from "@ktp/testing/sample-photos";
import { DEMO_OFFICERS } from "../prisma/seed/demo-officers.ts";
import { DEMO_RESIDENTS } from "../prisma/seed/demo-residents.ts";
import { seedPopulation } from "../prisma/seed/index.ts";
import { buildApps, run, startApps } from "./lib/apps.ts";
import { ensureDebianPackage } from "./lib/debian.ts";
import { ROOT } from "./lib/root.ts";
import { runMultiInstance } from "./reliability/multi-instance.ts";
import { scriptEnv } from "./lib/env.ts";
import playwrightConfig from "./playwright.config.ts";
import { formatCrashReport, runCrashSuite, tallyCrashReport } from "./reliability/crash.ts";

const { values } = parseArgs({ options: { only: { type: "string" }, project: { type: "string" }, grep: { type: "string" } } });
const want = (part: "unit" | "e2e" | "multi" | "crash") => !values.only || values.only === part || (part === "multi" && values.only === "e2e" && !values.project);
export const CHROMIUM = scriptEnv.chromiumPath();
const REPORTS = path.join(ROOT, ".data/test-reports");
const SLOT = scriptEnv.testSlot();
const LOG_DIR = path.join(ROOT, ".data/e2e/logs");

if (want("e2e") || want("multi")) ensureDebianPackage(CHROMIUM, "chromium");

// A fresh cluster each run, so no state leaks between runs; DATABASE_URL overrides it.
if (!scriptEnv.databaseUrl()) rmSync(path.join(ROOT, ".data/postgres-test"), { recursive: true, force: true });
const server = await useDatabase({ database: "postgres", port: 5434 + SLOT * 10, dataDir: path.join(ROOT, ".data/postgres-test"), log: () => {} });
const failures: string[] = [];
/** Each failed test by name with the first line of its error, printed last so a log's tail shows it. */
const failedTests: string[] = [];
const counts = { passed: 0, failed: 0, skipped: 0 };

try {
  if (want("unit")) {
    await step("typecheck", async () => {
      await run("node_modules/.bin/turbo", ["run", "typecheck", "--output-logs=errors-only"]);
      // Scripts, the seeder and the Playwright specs, which no package's tsconfig covers.
      await run("node_modules/.bin/tsc", ["-p", "tsconfig.tools.json"]);
    });
    // The same command as `npm run lint`; an error fails the run, a warning does not.
    await step("lint", () => run("npm", ["run", "--silent", "lint"]));
    // The same command as `npm run format:check`: a file Prettier would rewrite fails the run (`npm run format` fixes it).
    await step("format", () => run("npm", ["run", "--silent", "format:check"]));
    await step("vitest", () =>
      run("node_modules/.bin/vitest", ["run", "--config", "scripts/vitest.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${REPORTS}/vitest.json`], {
        DATABASE_URL: server.url,
      }),
    );
    tally(`${REPORTS}/vitest.json`, (r: JsonTestResults) => ({
      passed: r.numPassedTests,
      failed: r.numFailedTests,
      skipped: r.numPendingTests + r.numTodoTests,
      names: failedVitestTests(r),
    }));
  }
  if (want("e2e") || want("multi")) await step("e2e", runEndToEnd);
  // After the e2e step, whose builds it reuses; not when one Playwright project is asked for.
  if (want("crash") && !values.project) await step("crash safety", runCrashSafety);
} finally {
  await server.stop();
}

console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
if (failures.length) {
  console.error(`Failed: ${failures.join(", ")}`);
  for (const test of failedTests) console.error(`  ✗ ${test}`);
  process.exit(1);
}
process.exit(0);

async function runEndToEnd() {
  const databaseUrl = await freshDatabase(server.url, "ktp_e2e");
  await migrateDatabase({ url: databaseUrl, schemaPath: SCHEMA_PATH, migrationsDir: MIGRATIONS_DIR });
  await seedPopulation({ url: databaseUrl, residents: 2000, demoOfficers: true });
  const cameraDir = path.join(ROOT, ".data/e2e/cameras");
  const { blink } = await writeFakeCameras(cameraDir, "woman", await cropFace(groupPhoto(1), SAMPLE1_FACES[2]), await loadFaceModel());
  copyFileSync(blink, path.join(cameraDir, "counter.y4m"));
  copyFileSync(blink, path.join(cameraDir, "verifier.y4m"));
  await buildApps();
  const catcher = await startMailCatcher({ smtpPort: 1125 + SLOT * 10, httpPort: 8125 + SLOT * 10 });
  rmSync(LOG_DIR, { recursive: true, force: true });
  const appSecret = randomBytes(32).toString("base64url");
  const playwrightEnv = {
    DATABASE_URL: databaseUrl,
    CHROMIUM_PATH: CHROMIUM,
    E2E_CAMERA_DIR: cameraDir,
    E2E_INBOX_URL: catcher.inboxUrl,
    // Fixtures hash PINs as the apps do, and may import server-only domain modules.
    E2E_APP_SECRET: appSecret,
    NODE_OPTIONS: [scriptEnv.nodeOptions(), "--conditions=react-server"].filter(Boolean).join(" "),
  };
  try {
    if (want("e2e")) await runMainEndToEnd();
  } finally {
    if (want("multi")) {
      await step("multi-instance", async () => {
        // The counter e2e leaves the officer's QR in its camera file; the next run starts from the face again.
        copyFileSync(blink, path.join(cameraDir, "counter.y4m"));
        const checks = await runMultiInstance({ databaseUrl, appSecret, smtpUrl: catcher.smtpUrl, basePort: 4500 + SLOT * 100, playwrightEnv });
        for (const check of checks) {
          console.log(`${check.pass ? "✓" : "✗"} ${check.name}: ${check.detail}`);
          if (check.pass) counts.passed++;
          else counts.failed++;
        }
        if (checks.some((c) => !c.pass)) throw new Error("a multi-instance check failed");
      });
    }
    await catcher.stop();
  }

  async function runMainEndToEnd() {
    // Every e2e client comes from 127.0.0.1, so per-IP budgets are multiplied; per-subject ones hold as in production.
    const apps = await startApps({
      databaseUrl,
      appSecret,
      smtpUrl: catcher.smtpUrl,
      portOffset: 100 + SLOT * 1000,
      logDir: LOG_DIR,
      env: { RATE_LIMIT_IP_MULTIPLIER: "50" },
    });
    // The reliability project checksums the whole database, so it runs alone, after the others.
    const projects = (playwrightConfig.projects ?? []).map((p) => p.name!);
    const phases = values.project ? [[values.project]] : [projects.filter((p) => p !== "reliability"), ["reliability"]];
    let failed: Error | undefined;
    try {
      for (const phase of phases) {
        await run("node_modules/.bin/playwright", ["test", "--config", "scripts/playwright.config.ts", ...phase.flatMap((p) => ["--project", p]), ...(values.grep ? ["--grep", values.grep] : [])], {
          ...playwrightEnv,
          E2E_CITIZEN_URL: apps.urls.citizen,
          E2E_OFFICER_URL: apps.urls.officer,
          E2E_VERIFIER_URL: apps.urls.verifier,
          E2E_LOG_DIR: LOG_DIR,
          PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/playwright.json`,
        }).catch((error: Error) => (failed ??= error));
        tally(`${REPORTS}/playwright.json`, (r: JSONReport) => ({
          passed: r.stats.expected,
          failed: r.stats.unexpected + r.stats.flaky,
          skipped: r.stats.skipped,
          names: failedPlaywrightTests(r),
        }));
      }
    } finally {
      await apps.stop();
    }
    if (!values.project) checkLogHygiene();
    if (failed) throw failed;
  }
}

/**
 * Its own PostgreSQL cluster (it kills it), mail catcher and app processes, on ports of their own;
 * the builds are the e2e step's. Each run, each kill and the log check count as one test.
 */
async function runCrashSafety() {
  await buildApps();
  const report = await runCrashSuite({ slot: SLOT }).catch((error: unknown) => {
    counts.failed++;
    throw error;
  });
  console.log(`\n${formatCrashReport(report)}\n\nCrash safety: ${report.runs.length} runs in ${report.kills.length} kills, ${report.seconds.toFixed(0)} s.`);
  const { passed, failed } = tallyCrashReport(report);
  counts.passed += passed;
  counts.failed += failed;
  if (failed) throw new Error(`${failed} crash-safety checks failed`);
}

/**
 * The apps' logs of the whole e2e run may not hold a demo NIK, a PIN or a password the tests typed
 * (finding 11). Counted as one test.
 */
function checkLogHygiene() {
  const secrets = [...DEMO_RESIDENTS.map((r) => r.nik), ...["284519", "284591", "111222", "150190"], ...DEMO_OFFICERS.map((o) => o.password), E2E_OFFICER_PASSWORD];
  const leaks: string[] = [];
  let lines = 0;
  for (const file of readdirSync(LOG_DIR)) {
    for (const line of readFileSync(path.join(LOG_DIR, file), "utf8").split("\n")) {
      lines++;
      const found = secrets.find((secret) => new RegExp(`(?<![0-9a-zA-Z-])${secret}(?![0-9a-zA-Z-])`).test(line));
      if (found) leaks.push(`${file}: ${found} in ${line.slice(0, 160)}`);
    }
  }
  console.log(`\nLog hygiene: ${lines} log lines checked for ${secrets.length} secrets, ${leaks.length} leaks.`);
  if (leaks.length || lines < 50) {
    counts.failed++;
    failures.push("log hygiene");
    console.error(leaks.length ? `Secrets in the logs:\n${leaks.slice(0, 10).join("\n")}` : `Only ${lines} log lines: the apps did not log.`);
  } else counts.passed++;
}

async function step(name: string, fn: () => Promise<void>) {
  console.log(`\n▶ ${name}`);
  try {
    await fn();
  } catch (error) {
    console.error(`✗ ${name}: ${(error as Error).message}`);
    failures.push(name);
  }
}

/** Adds a report's counts; a missing report is a failure, not a silent zero. */
function tally<Report>(file: string, read: (report: Report) => { passed: number; failed: number; skipped: number; names: string[] }) {
  if (!existsSync(file)) {
    counts.failed++;
    failures.push(`no report at ${path.relative(ROOT, file)}`);
    return;
  }
  const { passed, failed, skipped, names } = read(JSON.parse(readFileSync(file, "utf8")) as Report);
  failedTests.push(...names);
  counts.passed += passed;
  counts.failed += failed;
  counts.skipped += skipped;
  rmSync(file);
}

function firstLine(text: string | undefined) {
  // Here, not a module constant: the run's top-level await reaches this before a constant below it is initialised.
  // eslint-disable-next-line no-control-regex -- the terminal's colour codes, which start with ESC
  const colourCodes = /\x1b\[[0-9;]*m/g;
  return (text ?? "").replace(colourCodes, "").trim().split("\n")[0]!.slice(0, 200);
}

function failedVitestTests(report: JsonTestResults): string[] {
  return report.testResults.flatMap((file) =>
    file.assertionResults.filter((t) => t.status === "failed").map((t) => `${path.relative(ROOT, file.name)} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`),
  );
}

function failedPlaywrightTests(report: JSONReport): string[] {
  const names: string[] = [];
  const walk = (suite: JSONReportSuite) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status !== "unexpected" && test.status !== "flaky") continue;
        const error = test.results?.find((r) => r.error)?.error?.message;
        names.push(`${test.projectName} › ${spec.file} › ${spec.title}${test.status === "flaky" ? " (flaky)" : ""}: ${firstLine(error)}`);
      }
    }
    for (const child of suite.suites ?? []) walk(child);
  };
  for (const suite of report.suites ?? []) walk(suite);
  return names;
}

async function freshDatabase(serverUrl: string, name: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  return Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();
}
