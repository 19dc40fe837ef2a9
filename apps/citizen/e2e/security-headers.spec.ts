import { expectHydrated, expectNoncedScripts, expectOriginRefused, expectSecurityHeaders } from "@ktp/testing/security-e2e";
import { e2eEnv } from "@ktp/testing/e2e-env";
import { expect, test, uniqueContact } from "./fixtures.ts";

// The security headers and the Origin check (packages/core/src/server/security-headers.ts), seen
// from a browser and from plain HTTP clients. The fixtures fail a test on any CSP violation.

const EVIL = "https://evil.example";
const citizenOrigin = () => new URL(e2eEnv.citizenUrl()).origin;
const registrationBody = (nik: string) => ({ nik, ...uniqueContact() });
const cameraAllowed = () => (document as unknown as { featurePolicy: { allowsFeature(f: string): boolean } }).featurePolicy.allowsFeature("camera");

test.describe("security headers", () => {
  test("every page carries them, with a fresh nonce on each of its scripts", async ({ page }) => {
    const nonces = new Set<string>();
    for (const [path, status] of [
      ["/", 200],
      ["/", 200],
      ["/daftar", 200],
      ["/masuk", 200],
      ["/tidak-ada", 404],
    ] as const) {
      const response = (await page.goto(path))!;
      expect(response.status(), path).toBe(status);
      const nonce = expectSecurityHeaders(response);
      expectNoncedScripts(await response.text(), nonce);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectHydrated(page);
      expect(await page.evaluate(cameraAllowed), path).toBe(false);
      nonces.add(nonce);
    }
    expect(nonces.size).toBe(5);
  });

  test("a CSP the client sends is replaced, so no script carries a nonce the client chose", async ({ request }) => {
    const response = await request.get("/", { headers: { "content-security-policy": "script-src 'nonce-chosen'" } });
    const nonce = expectSecurityHeaders(response);
    expect(nonce).not.toBe("chosen");
    const html = await response.text();
    expectNoncedScripts(html, nonce);
    expect(html).not.toContain("chosen");
  });

  test("API answers carry them too", async ({ request }) => {
    const health = await request.get("/api/health");
    expectSecurityHeaders(health);
    expect(health.headers()["content-type"]).toContain("application/json");
    const verify = await request.post("/api/siak/v1/nik/verify", { data: { nik: "6472051708850001" } });
    expect(verify.status()).toBe(200);
    expectSecurityHeaders(verify);
    const missing = await request.get("/api/tidak-ada");
    expect(missing.status()).toBe(404);
    expectSecurityHeaders(missing);
    // Static files as well.
    expectSecurityHeaders(await request.get("/manifest.webmanifest"));
  });
});

test.describe("camera permission", () => {
  test("is granted on the selfie and counter pages only", async ({ page, resident, db }) => {
    const { nik } = await resident();
    expect((await page.request.post("/api/registrations", { data: registrationBody(nik) })).status()).toBe(201);

    const selfie = (await page.goto("/daftar/swafoto"))!;
    expectSecurityHeaders(selfie, { camera: true });
    await expect(page.getByRole("button", { name: "Buka kamera" })).toBeEnabled();
    expect(await page.evaluate(cameraAllowed)).toBe(true);

    await db.registration.updateMany({ where: { nik }, data: { step: "COUNTER" } });
    const counter = (await page.goto("/daftar/loket"))!;
    expect(counter.url()).toMatch(/\/daftar\/loket$/);
    expectSecurityHeaders(counter, { camera: true });
    await expect(page.getByRole("button", { name: "Pindai QR petugas" })).toBeEnabled();
    expect(await page.evaluate(cameraAllowed)).toBe(true);

    for (const path of ["/", "/daftar/status", "/masuk", "/api/registrations/current"]) {
      const response = await page.request.get(path);
      expectSecurityHeaders(response, { camera: false });
    }
  });

  test("a camera page reached by client-side navigation reloads under its own policy", async ({ page, resident }) => {
    const { nik } = await resident();
    await page.goto("/daftar");
    expect(await page.evaluate(cameraAllowed)).toBe(false);
    await page.getByRole("textbox", { name: "NIK" }).fill(nik);
    const contact = uniqueContact();
    await page.getByRole("textbox", { name: "E-mail" }).fill(contact.email);
    await page.getByRole("textbox", { name: "Nomor ponsel" }).fill(contact.phoneTyped);
    await page.getByRole("button", { name: "Verifikasi Data" }).click();
    await expect(page).toHaveURL(/\/daftar\/swafoto$/);
    await expect(page.getByRole("button", { name: "Buka kamera" })).toBeEnabled();
    expect(await page.evaluate(() => performance.getEntriesByType("navigation")[0]!.name)).toMatch(/\/daftar\/swafoto$/);
    expect(await page.evaluate(cameraAllowed)).toBe(true);
  });
});

test.describe("Origin check", () => {
  test("a cross-origin POST is refused with 403 and changes nothing; the app's own origin goes through", async ({ request, resident, db }) => {
    const { nik } = await resident();
    const post = (headers: Record<string, string>) => request.post("/api/registrations", { headers, data: registrationBody(nik) });

    await expectOriginRefused(await post({ origin: EVIL }));
    await expectOriginRefused(await post({ origin: "null" }));
    await expectOriginRefused(await post({ origin: EVIL, "accept-language": "en-US,en;q=0.9" }), "en");
    await expectOriginRefused(await post({ origin: EVIL, cookie: "lang=en" }), "en");
    // Without Origin, only a client that shows no sign of being a browser on another site.
    await expectOriginRefused(await post({ "sec-fetch-site": "cross-site" }));
    expect(await db.registration.count({ where: { nik } })).toBe(0);

    const accepted = await post({ origin: citizenOrigin(), "sec-fetch-site": "same-origin" });
    expect(accepted.status()).toBe(201);
    expectSecurityHeaders(accepted);
    expect(await db.registration.count({ where: { nik } })).toBe(1);
  });

  test("covers every state-changing method on any path, and leaves reads alone", async ({ request }) => {
    await expectOriginRefused(await request.delete("/api/session", { headers: { origin: EVIL } }));
    await expectOriginRefused(await request.put("/api/registrations/current/pin", { headers: { origin: EVIL }, data: {} }));
    await expectOriginRefused(await request.patch("/api/tidak-ada", { headers: { origin: EVIL }, data: {} }));
    await expectOriginRefused(await request.post("/daftar", { headers: { origin: EVIL }, form: { nik: "1" } }));
    expect((await request.get("/api/health", { headers: { origin: EVIL } })).status()).toBe(200);
    // No Origin and no fetch metadata: a plain HTTP client, which the API serves as before.
    expect((await request.delete("/api/session")).status()).toBe(204);
  });

  test("a form on another site cannot post through the browser", async ({ page, resident, db }) => {
    const { nik } = await resident();
    // http: from an https page, a browser sends Origin: null on a post to http (also refused).
    const site = "http://evil.example";
    // The classic cross-site form post, with a JSON body smuggled in a text/plain field.
    const [name, value] = JSON.stringify({ ...registrationBody(nik), x: "=" }).split("=");
    await page.route(`${site}/**`, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: `<form method="post" enctype="text/plain" action="${citizenOrigin()}/api/registrations"><input name='${name}' value='${value}'></form>`,
      }),
    );
    await page.goto(`${site}/`);
    const [response] = await Promise.all([page.waitForResponse(`${citizenOrigin()}/api/registrations`), page.locator("form").evaluate((form: HTMLFormElement) => form.submit())]);
    expect((await response.request().allHeaders())["origin"]).toBe(site);
    expect(response.status()).toBe(403);
    expect((await response.json()).error.code).toBe("ORIGIN_REFUSED");
    expect(await db.registration.count({ where: { nik } })).toBe(0);
  });
});
