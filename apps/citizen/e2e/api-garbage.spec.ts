import { expect, test, uniqueContact } from "./fixtures.ts";

// Every citizen API, fed malformed input, with and without a live registration: each answer is
// a 4xx (or 2xx) with a machine-readable code, never a 5xx.

const ENDPOINTS = [
  "/api/siak/v1/nik/verify",
  "/api/registrations",
  "/api/registrations/current/selfie",
  "/api/registrations/current/pin",
  "/api/registrations/current/device/options",
  "/api/registrations/current/device",
  "/api/registrations/current/email",
  "/api/registrations/current/contact",
  "/api/registrations/current/handoff",
  "/api/registrations/handoff",
  "/api/activation",
  "/api/registrations/current/counter",
  "/api/session/options",
  "/api/session/passkey",
  "/api/session/pin",
];

const BODIES: [string, string | Buffer][] = [
  ["application/json", ""],
  ["application/json", "{"],
  ["application/json", "null"],
  ["application/json", "[]"],
  ["application/json", '"x"'],
  ["application/json", JSON.stringify({ nik: null, email: 5, phone: [], pin: {}, confirmation: true, token: 7, credential: "x", deviceKey: [] })],
  ["application/json", JSON.stringify({ nik: "6472051708850001", ...uniqueContact(), pin: "٣٣٣٣٣٣", confirmation: "٣٣٣٣٣٣" })],
  [
    "application/json",
    JSON.stringify({
      credential: { id: "x", rawId: "x", type: "public-key", response: {} },
      deviceKey: { kty: "EC", crv: "P-256", x: "A".repeat(43), y: "A".repeat(43) },
      deviceKeySignature: "A".repeat(86),
    }),
  ],
  ["application/json", JSON.stringify({ qr: "eyJhbGciOiJIUzI1NiJ9.eyJzaWQiOiJ4In0.AAAA", deviceKeySignature: "A".repeat(86), pin: "123456" })],
  ["application/json", JSON.stringify({ qr: "eyJhbGciOiJub25lIn0.eyJzaWQiOiJ4IiwianRpIjoieCIsImV4cCI6OTk5OTk5OTk5OX0.", deviceKeySignature: "A".repeat(86) })],
  ["image/jpeg", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10])],
  ["text/plain", "hello"],
  ["application/x-www-form-urlencoded", "nik=1"],
];

for (const withRegistration of [false, true]) {
  test(`no endpoint answers garbage with a 5xx (${withRegistration ? "with" : "without"} a registration)`, async ({ page, resident }) => {
    test.setTimeout(120_000);
    if (withRegistration) {
      const { nik } = await resident();
      const started = await page.request.post("/api/registrations", { data: { nik, ...uniqueContact() } });
      expect(started.status()).toBe(201);
    }
    for (const endpoint of ENDPOINTS) {
      for (const [contentType, body] of BODIES) {
        const response = await page.request.post(endpoint, { headers: { "content-type": contentType }, data: typeof body === "string" ? Buffer.from(body) : body });
        const where = `${endpoint} ${contentType} ${String(body).slice(0, 40)}`;
        expect(response.status(), where).toBeLessThan(500);
        if (response.status() >= 400) expect((await response.json()).error.code, where).toMatch(/^[A-Z_]+$/);
      }
    }
  });
}

test("signed-out reads of the card photo and sign-out answer with codes, not errors", async ({ page }) => {
  const photo = await page.request.get("/api/kartu/foto");
  expect(photo.status()).toBe(401);
  expect((await photo.json()).error.code).toBe("NOT_SIGNED_IN");
  expect((await page.request.delete("/api/session")).status()).toBe(204);
  const pin = await page.request.post("/api/session/pin", { data: { pin: "284519" } });
  expect((await pin.json()).error.code).toBe("SIGN_IN_EXPIRED");
});
