import { expect, expectHydrated, expectNoncedScripts, expectOriginRefused, expectSecurityHeaders, test } from "@ktp/testing/security-e2e";
import { e2eEnv } from "@ktp/testing/e2e-env";

// The security headers and the Origin check (packages/core/src/server/security-headers.ts) in the
// verifier. `test` fails on any CSP violation. Only the scan page may use the camera.

const EVIL = "https://evil.example";
const verifierOrigin = () => new URL(e2eEnv.verifierUrl()).origin;

test("every page carries the headers, with a fresh nonce on each of its scripts, and no camera but the scan page", async ({ page }) => {
  // Signed out, /pindai sends the browser to /masuk: its own answer still allows the camera.
  const scan = await page.request.get("/pindai", { maxRedirects: 0 });
  expect(scan.headers()["permissions-policy"]).toContain("camera=(self)");
  const nonces = new Set<string>();
  for (const path of ["/", "/", "/tidak-ada", "/masuk", "/daftar", "/cek-bukti"]) {
    const response = (await page.goto(path))!;
    const nonce = expectSecurityHeaders(response, { camera: false });
    expectNoncedScripts(await response.text(), nonce);
    await expectHydrated(page);
    nonces.add(nonce);
  }
  expect(nonces.size).toBe(6);
});

test("API answers carry the headers too", async ({ request }) => {
  expectSecurityHeaders(await request.get("/api/health"));
  const missing = await request.get("/api/tidak-ada");
  expect(missing.status()).toBe(404);
  expectSecurityHeaders(missing);
});

test("a state-changing request from another origin is refused on any path", async ({ request }) => {
  for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
    await expectOriginRefused(await request.fetch("/api/apa-saja", { method, headers: { origin: EVIL } }));
  }
  await expectOriginRefused(await request.post("/", { headers: { origin: "null" } }));
  await expectOriginRefused(await request.post("/api/apa-saja", { headers: { "sec-fetch-site": "cross-site" } }));
  await expectOriginRefused(await request.post("/api/apa-saja", { headers: { origin: EVIL, cookie: "lang=en" } }), "en");
  // Its own origin, or a plain HTTP client, gets past the check to the API's own answer.
  for (const headers of [{ origin: verifierOrigin() }, {}] as Record<string, string>[]) {
    const response = await request.post("/api/apa-saja", { headers });
    expect(response.status()).toBe(404);
    expect((await response.json()).error.code).toBe("NOT_FOUND");
  }
});
