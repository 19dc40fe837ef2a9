import { expect, test, uniqueContact } from "./fixtures.ts";

// Runs with a fake front camera showing a woman (face 2 of the group photo) who blinks.
test.describe.configure({ timeout: 120_000 });
async function register(page: import("@playwright/test").Page, nik: string) {
  await page.goto("/daftar");
  await page.getByRole("textbox", { name: "NIK" }).fill(nik);
  await page.getByRole("textbox", { name: "E-mail" }).fill(uniqueContact("warga").email);
  await page.getByRole("textbox", { name: "Nomor ponsel" }).fill(uniqueContact().phoneTyped);
  await page.getByRole("button", { name: "Verifikasi Data" }).click();
  await expect(page).toHaveURL(/\/daftar\/swafoto$/);
}

test("selfie after a blink, matched to the e-KTP photo; a safe PIN; this phone bound with a passkey", async ({ page, resident, db }) => {
  const { nik } = await resident({ photo: 2 });
  await register(page, nik);
  await page.getByRole("button", { name: "Buka kamera" }).click();
  await expect(page).toHaveURL(/\/daftar\/pin$/, { timeout: 45_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Buat PIN");

  const pin = page.getByLabel("PIN baru (6 angka)");
  const again = page.getByLabel("Ketik ulang PIN");
  const save = page.getByRole("button", { name: "Simpan PIN" });
  await pin.fill("123456");
  await again.fill("123456");
  await save.click();
  await expect(page.locator("#pin-error")).toContainText("terlalu mudah ditebak");
  await pin.fill("150190"); // the fixture resident's birth date, 15-01-90: only the server knows it
  await again.fill("150190");
  await save.click();
  await expect(page.locator("#pin-error")).toContainText("tanggal lahir");
  await pin.fill("284519");
  await again.fill("284591");
  await save.click();
  await expect(page.locator("#confirmation-error")).toContainText("tidak sama");
  await again.fill("284519");
  await save.click();
  await expect(page).toHaveURL(/\/daftar\/perangkat$/);

  // A platform authenticator with user verification, as on a phone with a screen lock.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  let sent: string | null = null;
  page.on("request", (r) => r.url().endsWith("/api/registrations/current/device") && (sent = r.postData()));
  await page.getByRole("button", { name: "Kaitkan ponsel ini" }).click();
  await expect(page).toHaveURL(/\/daftar\/loket$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pindai QR di loket");

  const device = await db.device.findFirstOrThrow({ where: { registration: { nik } } });
  expect(device).toMatchObject({ backupEligible: false, backedUp: false, deviceKey: { kty: "EC", crv: "P-256" } });
  // The same answer sent again (a replay) changes nothing.
  const replay = await page.request.post("/api/registrations/current/device", { headers: { "content-type": "application/json" }, data: sent! });
  expect(replay.status()).toBe(409);
  expect((await replay.json()).error.code).toBe("WRONG_STEP");
  expect(await db.device.count({ where: { registration: { nik } } })).toBe(1);
});

test("another person's selfie is refused, and the third refusal sends the citizen to the counter", async ({ page, resident }) => {
  const { nik } = await resident({ photo: 1 });
  await register(page, nik);
  const result = page.getByTestId("selfie-result");
  for (const left of [2, 1]) {
    await page.getByRole("button", { name: "Buka kamera" }).click();
    await expect(result).toContainText("tidak cocok dengan foto e-KTP", { timeout: 45_000 });
    await expect(result).toContainText(`Sisa percobaan: ${left}.`);
    await page.getByRole("button", { name: "Ambil ulang" }).click();
  }
  await page.getByRole("button", { name: "Buka kamera" }).click();
  await expect(page).toHaveURL(/\/daftar\/status$/, { timeout: 45_000 });
  await expect(page.getByTestId("status-message")).toContainText("loket Disdukcapil");
});
