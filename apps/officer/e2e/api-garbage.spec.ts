import { expect, signInOfficer, test } from "./fixtures.ts";

// Every officer API, signed out and fed malformed input: a 4xx with a code, never a 5xx.

const CALLS: [string, string][] = [
  ["POST", "/api/session"],
  ["GET", "/api/session"],
  ["POST", "/api/counter/qr"],
  ["GET", "/api/counter/applicants"],
  ["GET", "/api/counter/applicants/not-a-uuid/photo/selfie"],
  ["GET", "/api/counter/applicants/00000000-0000-4000-8000-000000000000/photo/ektp"],
  ["POST", "/api/counter/applicants/not-a-uuid/decision"],
  ["GET", "/api/residents/123"],
  ["POST", "/api/residents/6472051708850001/reset"],
  ["GET", "/api/verifiers"],
  ["POST", "/api/verifiers/not-a-uuid/decision"],
  ["POST", "/api/verifiers/00000000-0000-4000-8000-000000000000/api-keys"],
  ["DELETE", "/api/verifiers/00000000-0000-4000-8000-000000000000/api-keys/abc"],
  ["POST", "/api/verifiers/00000000-0000-4000-8000-000000000000/staff"],
  ["POST", "/api/verifiers/00000000-0000-4000-8000-000000000000/staff/x"],
  ["GET", "/api/reports"],
  ["POST", "/api/reports/not-a-uuid"],
];

const BODIES = [
  "",
  "{",
  "null",
  "[]",
  JSON.stringify({ nip: 5, password: [], counter: null, decision: "MAYBE", action: "ALL" }),
  JSON.stringify({ nip: "198703152010012001", password: "x".repeat(5000), counter: "SMD-01" }),
];

test("no officer endpoint answers garbage with a 5xx", async ({ request }) => {
  for (const [method, url] of CALLS) {
    for (const body of BODIES) {
      const response = await request.fetch(url, { method, headers: { "content-type": "application/json" }, ...(method === "GET" ? {} : { data: Buffer.from(body) }) });
      expect(response.status(), `${method} ${url} ${body.slice(0, 30)}`).toBeGreaterThanOrEqual(400);
      expect(response.status(), `${method} ${url} ${body.slice(0, 30)}`).toBeLessThan(500);
      expect((await response.json()).error.code).toMatch(/^[A-Z_]+$/);
    }
  }
});

test("the counter pages send a signed-out officer to the sign-in page, in Indonesian", async ({ page }) => {
  await page.goto("/loket");
  await expect(page).toHaveURL(/\/masuk$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Masuk ke loket");
  await expect(page.getByLabel("Loket")).toContainText("SMD-01");
  await page.goto("/penduduk");
  await expect(page).toHaveURL(/\/masuk$/);
});

test("a signed-in officer looks up a NIK; a mistyped one is explained", async ({ page, officer }) => {
  const desk = await officer();
  await signInOfficer(page, desk);
  await expect(page.getByTestId("officer")).toContainText(`${desk.nama} · ${desk.counter}`);
  await expect(page.getByTestId("activation-qr")).toHaveAttribute("data-qr", /^ey/);
  await page.getByRole("link", { name: "Cari NIK" }).click();
  await page.getByLabel("NIK").fill("6472 0517 0885 0001");
  await page.getByRole("button", { name: "Cari" }).click();
  await expect(page.getByTestId("resident-case")).toContainText("BUDI SANTOSO");
  // Other tests may have started a registration for BUDI: either answer is a status.
  await expect(page.getByTestId("resident-case")).toContainText(/Status: |Belum pernah mendaftar KTP Digital\./);
  await page.getByLabel("NIK").fill("64720517088500");
  await page.getByRole("button", { name: "Cari" }).click();
  await expect(page.getByRole("status")).toContainText("16 digit");
});

test("a signed-in officer's malformed requests get a 4xx with a code, and change nothing", async ({ page, baseURL, officer }) => {
  await signInOfficer(page, await officer());
  const signedIn: [string, string][] = [
    ["POST", "/api/residents/6472051708850001/reset"],
    ["POST", "/api/residents/12345/reset"],
    ["POST", "/api/counter/applicants/00000000-0000-4000-8000-000000000000/decision"],
    ["POST", "/api/counter/applicants/not-a-uuid/decision"],
    ["GET", "/api/counter/applicants/00000000-0000-4000-8000-000000000000/photo/neither"],
  ];
  const bodies = [
    ...BODIES,
    JSON.stringify({ action: "DEVICE", note: "x\u0000y" }),
    JSON.stringify({ action: "CANCEL", registrationId: "bukan-uuid", note: "n" }),
    JSON.stringify({ decision: "REFUSED", reason: "OTHER", note: "a".repeat(5000) }),
  ];
  for (const [method, url] of signedIn) {
    for (const body of bodies) {
      const response = await page.request.fetch(`${baseURL}${url}`, {
        method,
        headers: { "content-type": "application/json", origin: baseURL! },
        ...(method === "GET" ? {} : { data: Buffer.from(body) }),
      });
      expect(response.status(), `${method} ${url} ${body.slice(0, 40)}`).toBeGreaterThanOrEqual(400);
      expect(response.status(), `${method} ${url} ${body.slice(0, 40)}`).toBeLessThan(500);
      expect((await response.json()).error.code).toMatch(/^[A-Z_]+$/);
    }
  }
  // The QR route takes no input: whatever it is sent, it answers with a fresh code.
  const qr = await page.request.post(`${baseURL}/api/counter/qr`, { headers: { "content-type": "application/json", origin: baseURL! }, data: Buffer.from('{"x":') });
  expect(qr.status()).toBe(200);
  expect((await qr.json()).qr).toMatch(/^ey/);
});
