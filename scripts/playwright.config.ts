import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { scriptEnv } from "./lib/env.ts";
import { e2eEnv } from "@ktp/testing/e2e-env";

// Debian's chromium, driven by playwright-core: no browser download. scripts/test.ts starts the
// apps and passes their URLs; run `npm run test:e2e` rather than this config directly.
const root = path.resolve(import.meta.dirname, "..");
const mobile = { ...devices["Pixel 7"], locale: "id-ID", timezoneId: "Asia/Jakarta" };
const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const citizenUrl = e2eEnv.citizenUrl();
const cameras = e2eEnv.cameraDir();
// One id per run, inherited by the workers: the attack table keeps only this run's rows.
e2eEnv.startReliabilityRun();
const verifierUrl = e2eEnv.verifierUrl();
const withCamera = (clip: string, baseURL = citizenUrl) => ({
  ...mobile,
  baseURL,
  launchOptions: {
    executablePath: scriptEnv.chromiumPath(),
    args: [...chromiumArgs, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream", `--use-file-for-fake-video-capture=${path.join(cameras, clip)}`],
  },
});

export default defineConfig({
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: [["list"], ["json"]],
  outputDir: path.join(root, ".data/test-results"),
  use: {
    launchOptions: {
      executablePath: scriptEnv.chromiumPath(),
      args: chromiumArgs,
    },
    trace: "retain-on-failure",
  },
  projects: [
    { name: "citizen", testDir: path.join(root, "apps/citizen/e2e"), testIgnore: /selfie-(blink|still)|counter-activation|lupa-pin/, use: { ...mobile, baseURL: citizenUrl } },
    // The blinking woman is face 2 of the group photo, the e-KTP photo the fixtures give: activation's selfie and "Lupa PIN".
    { name: "citizen-camera-blink", testDir: path.join(root, "apps/citizen/e2e"), testMatch: /selfie-blink|lupa-pin/, use: withCamera("woman-blink.y4m") },
    // Its camera file is rewritten mid-test with the officer's QR; Chromium reads it at each capture start.
    { name: "citizen-counter", testDir: path.join(root, "apps/citizen/e2e"), testMatch: /counter-activation/, use: withCamera("counter.y4m") },
    { name: "citizen-camera-still", testDir: path.join(root, "apps/citizen/e2e"), testMatch: /selfie-still/, use: withCamera("woman-still.y4m") },
    { name: "officer", testDir: path.join(root, "apps/officer/e2e"), use: { ...devices["Desktop Chrome"], locale: "id-ID", baseURL: e2eEnv.officerUrl() } },
    { name: "verifier", testDir: path.join(root, "apps/verifier/e2e"), testIgnore: /scan-page/, use: { ...devices["Desktop Chrome"], locale: "id-ID", baseURL: verifierUrl } },
    // The scan page at phone size; its camera file is rewritten with the citizen's QR before each scan.
    { name: "verifier-camera", testDir: path.join(root, "apps/verifier/e2e"), testMatch: /scan-page/, use: withCamera("verifier.y4m", verifierUrl) },
    // HTTP only (no browser): API fuzzing and the attack table. One worker: each spec checksums the
    // whole database, so nothing else may write meanwhile (scripts/test.ts runs it after the others).
    { name: "reliability", testDir: path.join(root, "scripts/reliability"), workers: 1, timeout: 120_000 },
  ],
});
