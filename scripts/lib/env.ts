// Every environment variable the scripts read (npm start, npm test, benchmarks, command-line
// tools): read here and nowhere else, each when asked (decision 021). The apps read theirs in
// apps/*/src/env.ts, the Playwright run in @ktp/testing/e2e-env.

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

/** This process's environment with `extra` on top, for a child process. */
export function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
