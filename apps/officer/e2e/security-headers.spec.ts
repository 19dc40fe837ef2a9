import { expectHydrated, expectNoncedScripts, expectOriginRefused, expectSecurityHeaders } from "@ktp/testing/security-e2e";
import { e2eEnv } from "@ktp/testing/e2e-env";
import { expect, signInOfficer, test } from "./fixtures.ts";

// The security headers and the Origin check (packages/core/src/server/security-headers.ts) in the
// officer console. `test` fails on any CSP violation. No console page may use the camera.

const EVIL = "https://evil.example";
const officerOrigin = () => new URL(e2eEnv.officerUrl()).origin;

test("every page carries the headers, with a fresh nonce on each of its scripts, and no camera", async ({ page }) => {
  const nonces = new Set<string>();
  for (const path of ["/", "/", "/masuk", "/tidak-ada"]) {
    const response = (await page.goto(path))!;
    const nonce = expectSecurityHeaders(response, { camera: false });
    expectNoncedScripts(await response.text(), nonce);
    await expectHydrated(page);
    nonces.add(nonce);
  }
  expect(nonces.size).toBe(4);
});

test("API answers carry the headers too", async ({ request }) => {
  expectSecurityHeaders(await request.get("/api/health"));
  const signedOut = await request.get("/api/counter/applicants");
  expect(signedOut.status()).toBe(401);
  expectSecurityHeaders(signedOut);
});

test("a cross-origin sign-out is refused and changes nothing; the console's own works", async ({ page, officer }) => {
  // Signing in through the page: the browser's own POST, with its Origin, goes through.
  await signInOfficer(page, await officer({ kabupatenKode: "13.71" }));
  await expect(page.getByTestId("activation-qr")).toHaveAttribute("data-qr", /^ey/);
  expectSecurityHeaders((await page.reload())!);

  await expectOriginRefused(await page.request.delete("/api/session", { headers: { origin: EVIL } }));
  await expectOriginRefused(await page.request.post("/api/counter/qr", { headers: { origin: "null" } }));
  await expectOriginRefused(await page.request.delete("/api/session", { headers: { origin: EVIL, "accept-language": "en" } }), "en");
  expect((await page.request.get("/api/session")).status()).toBe(200);

  expect((await page.request.delete("/api/session", { headers: { origin: officerOrigin() } })).status()).toBe(204);
  expect((await page.request.get("/api/counter/applicants")).status()).toBe(401);
});

test("a POST from another origin is refused on any path", async ({ request }) => {
  await expectOriginRefused(await request.post("/api/session", { headers: { origin: EVIL }, data: {} }));
  await expectOriginRefused(await request.post("/masuk", { headers: { origin: EVIL }, form: { nip: "1" } }));
  // The console's own origin gets past the check to the API's own answer.
  const own = await request.post("/api/apa-saja", { headers: { origin: officerOrigin() }, data: {} });
  expect(own.status()).toBe(404);
  expect((await own.json()).error.code).toBe("NOT_FOUND");
});
