import { mkdirSync, renameSync } from "node:fs";
import path from "node:path";
import { devices } from "@playwright/test";
import sharp from "sharp";
import { writeY4m } from "@ktp/testing/y4m";
import { e2eEnv } from "@ktp/testing/e2e-env";
import { CITIZEN, expect, signInTeller, test } from "./fixtures.ts";

// The scan page (issue 11): a teller signs in with password and passkey (enrolled at the first
// sign-in), the citizen's phone shows the card's QR, the teller's camera reads it off the phone's
// screen, and the verdict shows the fields and the e-KTP photo. A picture and pasted text work too.
test.describe.configure({ timeout: 120_000 });

const cameraFile = path.join(e2eEnv.cameraDir(), "verifier.y4m");
const SCREENSHOTS = path.resolve(import.meta.dirname, "../../../.data/screenshots");

/** Points the teller's camera at `png` (the phone's screen): Chromium reads the file when the camera starts. */
async function showToCamera(png: Buffer) {
  const frame = await sharp(png).resize(440, 440, { fit: "contain", background: "#ffffff" }).extend({ top: 20, bottom: 20, left: 100, right: 100, background: "#ffffff" }).png().toBuffer();
  const next = `${cameraFile}.next`;
  await writeY4m(next, [frame], { width: 640, height: 480 });
  renameSync(next, cameraFile);
}

test("a teller signs in with password + passkey and scans a citizen's QR off the phone: verdict, fields, photo", async ({ page, browser, db, approvedOrg, staff, signedInCitizen }) => {
  const org = await approvedOrg("PT Bank Pindai E2E", ["bank", "age17"]);
  const teller = await staff(org);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });

  // Signed out, the scan page sends the teller to sign in; a wrong password says so.
  await page.goto("/pindai");
  await expect(page).toHaveURL(/\/masuk$/);
  await page.getByLabel("E-mail").fill(teller.email);
  await page.getByLabel("Kata sandi").fill("bukan-sandinya");
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page.getByText("E-mail atau kata sandi salah.")).toBeVisible();
  // The first right password enrols this device's passkey.
  await page.getByLabel("Kata sandi").fill(teller.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/pindai$/);
  await expect(page.getByText("RINA TELLER UJI · PT Bank Pindai E2E")).toBeVisible();
  const account = await db.verifierStaff.findUniqueOrThrow({ where: { email: teller.email }, select: { id: true, _count: { select: { passkeys: true } } } });
  expect(account._count.passkeys).toBe(1);

  // The citizen's phone, in another context, shows the card's QR for "Bank / KYC".
  const { nik, cookie } = await signedInCitizen("BUDI SANTOSO");
  const phone = await browser.newContext({ ...devices["Pixel 7"], locale: "id-ID", baseURL: CITIZEN });
  await phone.addCookies([cookie]);
  const card = await phone.newPage();
  await card.goto("/kartu");
  await card.getByText("Bank / KYC").click();
  const qr = card.getByTestId("identity-qr");
  await expect(qr).toHaveAttribute("data-purpose", "bank");
  const bankQr = (await qr.getAttribute("data-qr"))!;
  await showToCamera(await qr.screenshot());

  await page.getByLabel("Keperluan").selectOption("bank");
  await page.getByRole("button", { name: "Pindai QR" }).click();
  const verdict = page.getByTestId("verdict");
  await expect(verdict).toHaveAttribute("data-verdict", "valid", { timeout: 20_000 });
  await expect(verdict).toContainText("SAH");
  await expect(verdict.locator('[data-field="nik"]')).toHaveText(nik);
  await expect(verdict.locator('[data-field="nama"]')).toHaveText("BUDI SANTOSO");
  const photo = verdict.getByRole("img", { name: "Foto e-KTP (SIAK)" });
  await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, "verifier-scan-valid.png"), fullPage: true });
  const receiptId = (await page.getByTestId("receipt-id").textContent())!.split(" ").at(-1)!;
  expect(await db.verification.findUniqueOrThrow({ where: { id: receiptId }, select: { staffId: true, branchId: true, verdict: true } })).toMatchObject({
    staffId: account.id,
    branchId: expect.any(String),
    verdict: "valid",
  });

  // The receipt instead of a photocopy: a PDF and JSON for the bank; anyone can check it.
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Unduh bukti (PDF)" }).click();
  const pdf = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of pdf) chunks.push(chunk as Buffer);
  expect(Buffer.concat(chunks).subarray(0, 5).toString()).toBe("%PDF-");
  const json = await (await page.request.get(`/api/bukti/${receiptId}`)).json();
  expect(json.claims).toMatchObject({ jti: receiptId, purpose: "bank", stamp: "Hanya untuk Bank / KYC oleh PT Bank Pindai E2E" });
  const checker = await page.context().newPage();
  await checker.goto("/cek-bukti");
  await checker.getByLabel("Tanda tangan bukti").fill(json.receipt);
  await checker.getByRole("button", { name: "Periksa bukti" }).click();
  await expect(checker.getByTestId("receipt-verdict")).toHaveAttribute("data-valid", "true");
  await expect(checker.getByTestId("receipt-verdict")).toContainText("Hanya untuk Bank / KYC oleh PT Bank Pindai E2E");
  await checker.screenshot({ path: path.join(SCREENSHOTS, "verifier-receipt-check.png"), fullPage: true });
  const [h, p, sig] = (json.receipt as string).split(".");
  await checker.getByLabel("Tanda tangan bukti").fill(`${h}.${Buffer.from(Buffer.from(p!, "base64url").toString().replace("Bank / KYC", "Bandara")).toString("base64url")}.${sig}`);
  await checker.getByRole("button", { name: "Periksa bukti" }).click();
  await expect(checker.getByTestId("receipt-verdict")).toHaveAttribute("data-valid", "false");
  await expect(checker.getByTestId("receipt-verdict")).toContainText("diubah setelah ditandatangani");
  await checker.close();

  // The same QR pasted again: the same verification, counted once.
  await page.getByLabel("Atau tempel isi QR (KTP1:…)").fill(bankQr);
  await page.getByRole("button", { name: "Periksa" }).click();
  await expect(page.getByTestId("receipt-id")).toHaveText(`Bukti verifikasi ${receiptId}`);
  expect(await db.verification.count({ where: { orgId: org.id, verdict: "valid" } })).toBe(1);

  // An altered QR: a red verdict with its reason.
  await page.getByLabel("Atau tempel isi QR (KTP1:…)").fill(`${bankQr.slice(0, -6)}ABCDEF`);
  await page.getByRole("button", { name: "Periksa" }).click();
  await expect(verdict).toHaveAttribute("data-verdict", "invalid");
  await expect(verdict).toContainText(/TIDAK SAH.*(dipalsukan|rusak)/);
  await page.screenshot({ path: path.join(SCREENSHOTS, "verifier-scan-invalid.png"), fullPage: true });

  // A picture of the phone's screen, read by the second reader: the citizen shared only "17+", so
  // the bank learns that much and is told what it did not get.
  await card.getByText("Cek usia 17+").click();
  await expect(qr).toHaveAttribute("data-purpose", "age17");
  await page.locator('input[type="file"]').setInputFiles({ name: "qr.png", mimeType: "image/png", buffer: await qr.screenshot() });
  await expect(verdict).toHaveAttribute("data-verdict", "valid");
  await expect(verdict.locator('[data-field="ageOver17"]')).toHaveText("Ya");
  await expect(verdict.locator('[data-field="nik"]')).toHaveCount(0);
  await expect(verdict).toContainText("Tidak dibagikan warga: Nama, NIK");
  await page.screenshot({ path: path.join(SCREENSHOTS, "verifier-scan-age17.png"), fullPage: true });
  await phone.close();

  // Signed out, the next sign-in asks for the enrolled passkey (no second enrolment).
  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/masuk$/);
  await page.getByLabel("E-mail").fill(teller.email);
  await page.getByLabel("Kata sandi").fill(teller.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/pindai$/);
  expect(await db.verifierStaffPasskey.count({ where: { staffId: account.id } })).toBe(1);
  expect(await db.auditEvent.count({ where: { actorId: account.id, action: "verifier_staff.sign_in" } })).toBe(2);
});

test("offline, the scan page checks a QR with the kept keys and status list, and sends the result once back online", async ({ page, context, db, approvedOrg, staff, signedInCitizen, request }) => {
  const org = await approvedOrg("PT Bank Luring E2E", ["bank", "age17"]);
  await signInTeller(page, await staff(org));
  await expect(page.getByTestId("offline-queue")).toHaveAttribute("data-pending", "0");
  // The page keeps the offline pack as soon as it opens, and installs its service worker.
  await expect.poll(() => page.evaluate(() => localStorage.getItem("ktp-verifier-pack") !== null)).toBe(true);
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await page.reload();
  const manifest = await (await request.get("/manifest.webmanifest")).json();
  expect(manifest).toMatchObject({ start_url: "/pindai", display: "standalone", lang: "id" });

  const { nik, cookie, registrationId } = await signedInCitizen("SITI AMINAH");
  const qrFor = async (purpose: string) => {
    const response = await request.get(`${CITIZEN}/api/kartu/qr?purpose=${purpose}`, { headers: { cookie: `${cookie.name}=${cookie.value}` } });
    return (await response.json()).qr as string;
  };
  const bankQr = await qrFor("bank");
  const paste = async (text: string) => {
    await page.getByLabel("Atau tempel isi QR (KTP1:…)").fill(text);
    await page.getByRole("button", { name: "Periksa" }).click();
  };

  // No network: the page itself still opens (from the service worker's cache).
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Pindai KTP Digital" })).toBeVisible();
  await page.getByLabel("Keperluan").selectOption("bank");
  await paste(bankQr);
  const verdict = page.getByTestId("verdict");
  await expect(verdict).toHaveAttribute("data-offline", "true");
  await expect(verdict).toHaveAttribute("data-verdict", "valid");
  await expect(verdict.locator('[data-field="nik"]')).toHaveText(nik);
  await expect(verdict.locator('[data-field="nama"]')).toHaveText("SITI AMINAH");
  await expect(page.getByTestId("offline-note")).toContainText(/^Luring · status per .+ \(\d+ menit lalu\)/);
  await expect(verdict).toContainText("Foto e-KTP hanya tampil saat online.");
  await page.screenshot({ path: path.join(SCREENSHOTS, "verifier-scan-offline.png"), fullPage: true });
  // Scanned twice while offline; a forged one too. All wait to be sent.
  await paste(bankQr);
  await paste(`${bankQr.slice(0, -6)}ABCDEF`);
  await expect(verdict).toHaveAttribute("data-verdict", "invalid");
  await expect(page.getByTestId("offline-queue")).toHaveAttribute("data-pending", "3");
  await expect(page.getByTestId("offline-queue")).toHaveText("3 hasil luring menunggu dikirim ke server.");
  expect(await db.verification.count({ where: { orgId: org.id } })).toBe(0);

  // Back online: sent, checked again by the server as of when they were made, counted once each.
  const sent: string[] = [];
  page.on("response", async (response) => {
    if (!response.url().includes("/api/")) return;
    sent.push(`${response.request().method()} ${new URL(response.url()).pathname} ${response.status()} ${(await response.text().catch(() => "")).slice(0, 160)}`);
  });
  page.on("requestfailed", (request) => sent.push(`${request.method()} ${request.url()} failed: ${request.failure()?.errorText}`));
  await context.setOffline(false);
  await expect(page.getByTestId("offline-queue")).toHaveAttribute("data-pending", "0", { timeout: 15_000 });
  const rows = await db.verification.findMany({ where: { orgId: org.id }, select: { verdict: true, offline: true, staffId: true, registrationId: true } });
  expect(
    rows.filter((r) => r.verdict === "valid"),
    `${JSON.stringify(rows)}\n${sent.join("\n")}`,
  ).toEqual([expect.objectContaining({ offline: true, staffId: expect.any(String), registrationId })]);
  expect(rows.filter((r) => r.verdict === "invalid")).toHaveLength(1);

  // Online, the server sees at once what the kept list cannot: the citizen locked KTP Digital.
  const later = await qrFor("bank");
  await db.registration.update({ where: { id: registrationId }, data: { lockedAt: new Date() } });
  await paste(later);
  await expect(verdict).toHaveAttribute("data-verdict", "invalid");
  await expect(verdict).not.toHaveAttribute("data-offline", "true");
  await expect(verdict).toContainText("KTP Digital ini sedang dikunci oleh pemiliknya.");
});
