import path from "node:path";

// What scripts/test.ts hands the Playwright run (the specs, their fixtures and the reliability
// suites read it here and nowhere else; decision 021). The defaults are those of slot 0.

const ROOT = path.resolve(import.meta.dirname, "../../..");

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

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the end-to-end tests with \`npm run test:e2e\`, which sets it.`);
  return value;
}
