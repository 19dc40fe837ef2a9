import path from "node:path";
import { defineConfig, devices } from "@playwright/test";

// Debian's chromium, driven by playwright-core: no browser download. scripts/test.ts starts the
// apps and passes their URLs; run `npm run test:e2e` rather than this config directly.
const root = path.resolve(import.meta.dirname, "..");
const mobile = { ...devices["Pixel 7"], locale: "id-ID", timezoneId: "Asia/Jakarta" };

export default defineConfig({
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"], ["json"]],
  outputDir: path.join(root, ".data/test-results"),
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
    trace: "retain-on-failure",
  },
  projects: [
    { name: "citizen", testDir: path.join(root, "apps/citizen/e2e"), use: { ...mobile, baseURL: process.env.E2E_CITIZEN_URL ?? "http://localhost:3100" } },
    { name: "officer", testDir: path.join(root, "apps/officer/e2e"), use: { ...devices["Desktop Chrome"], locale: "id-ID", baseURL: process.env.E2E_OFFICER_URL ?? "http://localhost:3101" } },
    { name: "verifier", testDir: path.join(root, "apps/verifier/e2e"), use: { ...devices["Desktop Chrome"], locale: "id-ID", baseURL: process.env.E2E_VERIFIER_URL ?? "http://localhost:3102" } },
  ],
});
