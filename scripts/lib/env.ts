import path from "node:path";

// Every environment variable the scripts and the test tooling read (npm start, npm test, the
// Playwright run, benchmarks, command-line tools): read here and nowhere else, each when asked
// (decision 021). The apps read theirs in apps/*/src/env.ts.

const ROOT = path.resolve(import.meta.dirname, "../..");

/** The scripts' own settings. */
export const scriptEnv = {
  /** A PostgreSQL server to use instead of the embedded one. */
  databaseUrl: () => process.env.DATABASE_URL || undefined,
  /** KTP_TEST_SLOT=N shifts every test port by N×10 (N×1000 for the apps), so checkouts can test side by side. */
  testSlot: () => Number(process.env.KTP_TEST_SLOT ?? 0),
  chromiumPath: () => process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  /** `npm start` sends mail there; without it, to a local mail catcher. */
  smtpUrl: () => process.env.SMTP_URL || undefined,
  appSecret: () => process.env.APP_SECRET || undefined,
  /** Extra flags for the apps' node processes (e.g. --cpu-prof), which NODE_OPTIONS does not take. */
  appNodeArgs: () => process.env.KTP_APP_NODE_ARGS?.split(" ").filter(Boolean) ?? [],
  officerPassword: () => process.env.OFFICER_PASSWORD ?? "",
  nodeOptions: () => process.env.NODE_OPTIONS,
};

/** What scripts/test.ts hands the Playwright run; the defaults are those of slot 0. */
export const e2eEnv = {
  citizenUrl: () => process.env.E2E_CITIZEN_URL ?? "http://localhost:3100",
  officerUrl: () => process.env.E2E_OFFICER_URL ?? "http://localhost:3101",
  verifierUrl: () => process.env.E2E_VERIFIER_URL ?? "http://localhost:3102",
  /** The mail catcher's inbox (@ktp/testing/mail-catcher). */
  inboxUrl: () => process.env.E2E_INBOX_URL ?? "http://localhost:8125",
  /** Y4M clips written by scripts/test.ts (@ktp/testing/fake-camera); Chromium plays one as the camera. */
  cameraDir: () => process.env.E2E_CAMERA_DIR ?? path.join(ROOT, ".data/e2e/cameras"),
  /** The apps' log files, when scripts/test.ts started the apps. */
  logDir: () => process.env.E2E_LOG_DIR || undefined,
  /** The seeded database the apps use; fixtures create and remove their own rows in it. */
  databaseUrl: () => required("DATABASE_URL"),
  /** The apps' APP_SECRET, for fixtures that hash PINs or seal keys as the apps do. */
  appSecret: () => required("E2E_APP_SECRET"),
  /** One id per Playwright run: set once by scripts/playwright.config.ts and inherited by its workers. */
  reliabilityRun: () => process.env.RELIABILITY_RUN ?? "manual",
  startReliabilityRun: () => void (process.env.RELIABILITY_RUN ??= new Date().toISOString()),
  fuzzSeed: () => Number(process.env.FUZZ_SEED ?? 20_261_202),
  fuzzRuns: () => Number(process.env.FUZZ_RUNS ?? 20),
};

/** This process's environment with `extra` on top, for a child process. */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests with \`npm run test:e2e\`, which sets it.`);
  return value;
}
