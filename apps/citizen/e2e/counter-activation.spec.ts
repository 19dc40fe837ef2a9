import { renameSync } from "node:fs";
import path from "node:path";
import sharp from "sharp";
import { writeY4m } from "@ktp/testing/y4m";
import { e2eEnv } from "@ktp/testing/e2e-env";
import { expect, test, uniqueContact } from "./fixtures.ts";

// The whole activation in a real browser: a blinking face on the fake camera, a virtual
// authenticator, the officer console in a second browser context, the activation QR shown on
// the officer's screen and fed to the citizen's camera, the e-mail read from the SMTP catcher,
// and finally sign-in with passkey + PIN to the KTP card.
test.describe.configure({ timeout: 180_000 });

const cameraFile = path.join(e2eEnv.cameraDir(), "counter.y4m");
const inbox = () => e2eEnv.inboxUrl();

/** Points the phone's camera at `png` (the officer's screen): Chromium reads the file when the camera starts. */
async function showToCamera(png: Buffer) {
  const frame = await sharp(png).resize(440, 440, { fit: "contain", background: "#ffffff" }).extend({ top: 20, bottom: 20, left: 100, right: 100, background: "#ffffff" }).png().toBuffer();
  const next = `${cameraFile}.next`;
  await writeY4m(next, [frame], { width: 640, height: 480 });
  renameSync(next, cameraFile);
}

test("register, selfie, PIN, passkey, officer approval at the counter, e-mail link, then passkey + PIN to the KTP card", async ({ page, browser, resident, officer, db }) => {
  const { nik } = await resident({ photo: 2, nama: "SITI AMINAH" });
  const email = `siti.${nik}@contoh.id`;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });

  // The citizen, on the phone.
  await page.goto("/daftar");
  await page.getByRole("textbox", { name: "NIK" }).fill(nik);
  await page.getByRole("textbox", { name: "E-mail" }).fill(email);
  await page.getByRole("textbox", { name: "Nomor ponsel" }).fill(uniqueContact().phoneTyped);
  await page.getByRole("button", { name: "Verifikasi Data" }).click();
  await page.getByRole("button", { name: "Buka kamera" }).click();
  await expect(page).toHaveURL(/\/daftar\/pin$/, { timeout: 45_000 });
  await page.getByLabel("PIN baru (6 angka)").fill("284519");
  await page.getByLabel("Ketik ulang PIN").fill("284519");
  await page.getByRole("button", { name: "Simpan PIN" }).click();
  await page.getByRole("button", { name: "Kaitkan ponsel ini" }).click();
  await expect(page).toHaveURL(/\/daftar\/loket$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pindai QR di loket");

  // The officer, at the counter, in another browser context.
  const desk = await officer();
  const officerContext = await browser.newContext({ baseURL: e2eEnv.officerUrl(), locale: "id-ID", viewport: { width: 1280, height: 900 } });
  const console_ = await officerContext.newPage();
  await console_.goto("/loket");
  await expect(console_).toHaveURL(/\/masuk$/);
  await console_.getByLabel("NIP").fill(desk.nip);
  await console_.getByLabel("Kata sandi").fill("salah-sandi");
  await console_.getByLabel("Loket").selectOption(desk.counter);
  await console_.getByRole("button", { name: "Masuk" }).click();
  await expect(console_.getByText("NIP atau kata sandi salah.")).toBeVisible();
  await console_.getByLabel("Kata sandi").fill(desk.password);
  await console_.getByRole("button", { name: "Masuk" }).click();
  await expect(console_).toHaveURL(/\/loket$/);
  const qr = console_.getByTestId("activation-qr");
  await expect(qr).toHaveAttribute("data-qr", /^ey/);
  // zxing-js cannot read some codes once a camera has resampled them (OFFLINE-NOTES): as a person
  // at the counter would, the phone tries the officer's next QR (renewed every 20 s) after a while.
  for (let attempt = 1; ; attempt++) {
    const shown = (await qr.getAttribute("data-qr"))!;
    await showToCamera(await qr.screenshot());
    await page.getByRole("button", { name: "Pindai QR petugas" }).click();
    try {
      await expect(page.getByTestId("counter-waiting")).toContainText(desk.counter, { timeout: 15_000 });
      break;
    } catch (error) {
      if (attempt === 3) throw error;
      await page.getByRole("button", { name: "Tutup kamera" }).click();
      await expect(qr).not.toHaveAttribute("data-qr", shown, { timeout: 25_000 });
    }
  }

  // The officer sees the selfie beside the e-KTP photo, the score and the SIAK data, and approves.
  const applicant = console_.getByTestId("applicant");
  await expect(applicant).toContainText("SITI AMINAH", { timeout: 10_000 });
  await expect(applicant).toContainText(nik);
  await expect(console_.getByTestId("match-score")).toContainText("cocok");
  // Both pictures load (on a busy machine, one after the other).
  for (const name of ["Swafoto pemohon", "Foto e-KTP (SIAK)"]) {
    await expect.poll(() => applicant.getByRole("img", { name }).evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  }
  await console_.getByRole("button", { name: "Setujui aktivasi" }).click();
  await expect(console_.getByTestId("decision-notice")).toContainText("E-mail aktivasi dikirim");

  const registration = await db.registration.findFirstOrThrow({ where: { nik, step: "EMAIL" }, select: { id: true, selfieEncrypted: true } });
  expect(registration.selfieEncrypted).toBeNull();
  expect(await db.activationRecord.findUniqueOrThrow({ where: { registrationId: registration.id } })).toMatchObject({ decision: "APPROVED", signature: expect.stringMatching(/^ey/) });

  // The phone follows the decision; the e-mail arrives and its link activates.
  await expect(page).toHaveURL(/\/daftar\/status$/, { timeout: 15_000 });
  await expect(page.locator('[aria-current="step"]')).toHaveText("Buka tautan aktivasi di e-mail");
  const mails: { to: string[]; text: string }[] = await (await fetch(`${inbox()}/api/messages`)).json();
  const link = /(http\S+\/aktivasi\?t=[A-Za-z0-9_-]{43})/.exec(mails.findLast((m) => m.to.includes(email))!.text)![1]!;
  await page.goto(link);
  await page.getByRole("button", { name: "Aktifkan KTP Digital" }).click();
  await page.getByRole("link", { name: "Masuk KTP Digital" }).click();

  // Sign in on the bound phone: passkey, then PIN (a wrong one first).
  await expect(page).toHaveURL(/\/masuk$/);
  await page.getByRole("button", { name: "Masuk dengan kunci sandi" }).click();
  const pin = page.getByLabel("PIN (6 angka)");
  await pin.fill("111222");
  await page.getByRole("button", { name: "Buka KTP Digital" }).click();
  await expect(page.getByTestId("sign-in-message")).toContainText("PIN salah. Sisa 9 kali lagi sebelum harus ke loket.");
  await pin.fill("284519");
  await page.getByRole("button", { name: "Buka KTP Digital" }).click();
  await expect(page).toHaveURL(/\/kartu$/);
  const card = page.getByTestId("ktp-card");
  await expect(card.locator('[data-field="nik"]')).toHaveText(nik);
  await expect(card.locator('[data-field="nama"]')).toHaveText("SITI AMINAH");
  await expect(card.locator('[data-field="berlakuHingga"]')).toHaveText("SEUMUR HIDUP");
  // The e-KTP photo has loaded (through HAProxy it may still be on its way when the fields show).
  await expect.poll(() => card.getByRole("img").evaluate((img: HTMLImageElement) => (img.complete ? img.naturalWidth : 0))).toBeGreaterThan(0);

  await officerContext.close();
});
