import path from "node:path";
import { verifyPin } from "@ktp/core/server/account/pin-hash";
import { deriveKey } from "@ktp/core/server/secrets";
import { e2eEnv } from "@ktp/testing/e2e-env";
import { expect, test } from "./fixtures.ts";

// The account (issue 13, item 2) at phone size: change the PIN with this phone's passkey (the
// virtual authenticator) and the old PIN; "Ponsel hilang" from another browser with the NIK and the
// e-mailed link; the language; and the activity history that records each of them.

const SCREENSHOTS = path.resolve(import.meta.dirname, "../../../.data/screenshots");
const pinPepper = deriveKey(e2eEnv.appSecret(), "pin-pepper");

test("the PIN changes with the passkey and the old PIN; a wrong old PIN is refused; the history shows it", async ({ page, activeCitizen, db }) => {
  const { registrationId } = await activeCitizen({ pin: "284519", phone: true });
  await page.goto("/kartu");
  // The card links to the account (opened directly: the card's QR work keeps the phone's main thread busy).
  await expect(page.getByRole("link", { name: "Akun", exact: true })).toHaveAttribute("href", "/akun");
  await page.goto("/akun");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Akun");
  await expect(page.getByTestId("account-email")).toContainText("@contoh.id");

  await page.getByLabel("PIN lama").fill("111999");
  await page.getByLabel("PIN baru (6 angka)").fill("730164");
  await page.getByLabel("Ulangi PIN baru").fill("730164");
  await page.getByRole("button", { name: "Ubah PIN" }).click();
  await expect(page.getByTestId("change-pin-message")).toContainText("PIN salah.");
  await expect(page.getByTestId("change-pin-message")).toContainText("Sisa 9 kali");

  await page.getByLabel("PIN lama").fill("284519");
  await page.getByRole("button", { name: "Ubah PIN" }).click();
  await expect(page.getByTestId("change-pin-message")).toHaveText("PIN sudah diubah. Gunakan PIN baru saat masuk berikutnya.");
  const { pinHash } = await db.registration.findUniqueOrThrow({ where: { id: registrationId }, select: { pinHash: true } });
  expect(await verifyPin(pinHash!, "730164", pinPepper)).toBe(true);
  await page.screenshot({ path: path.join(SCREENSHOTS, "akun.png"), fullPage: true });

  await page.goto("/kartu");
  await expect(page.getByTestId("identity-qr")).toBeVisible();
  await expect(page.getByRole("link", { name: "Riwayat aktivitas" })).toHaveAttribute("href", "/aktivitas");
  await page.goto("/aktivitas");
  const activity = page.getByTestId("activity");
  await expect(activity.getByRole("listitem").first()).toContainText("PIN diubah");
  await expect(activity.getByRole("listitem").first()).toContainText("Anda");
  await expect(activity).toContainText("Ponsel didaftarkan");
  await page.screenshot({ path: path.join(SCREENSHOTS, "aktivitas.png"), fullPage: true });
});

test("locking with the PIN on the account page hides the card's QR and says why; unlocking brings it back", async ({ page, activeCitizen, db }) => {
  const { registrationId } = await activeCitizen({ pin: "284519" });
  await page.goto("/akun");
  const lockPin = page.getByLabel("PIN (6 angka)", { exact: true });
  await lockPin.fill("111111");
  await page.getByRole("button", { name: "Kunci", exact: true }).click();
  await expect(page.getByText("PIN salah.")).toBeVisible();
  await lockPin.fill("284519");
  await page.getByRole("button", { name: "Kunci", exact: true }).click();
  await expect(page.getByTestId("lock-state")).toContainText("DIKUNCI");
  expect((await db.registration.findUniqueOrThrow({ where: { id: registrationId } })).lockedAt).not.toBeNull();
  await page.goto("/kartu");
  await expect(page.getByTestId("lock-state")).toContainText("DIKUNCI");
  await expect(page.getByTestId("identity-qr-error")).toContainText("dikunci");
  await expect(page.getByTestId("identity-qr")).toHaveCount(0);
  await page.screenshot({ path: path.join(SCREENSHOTS, "kartu-terkunci.png"), fullPage: true });
  await page.goto("/akun");
  await lockPin.fill("284519");
  await page.getByRole("button", { name: "Buka kunci" }).click();
  await expect(page.getByTestId("lock-state")).not.toContainText("DIKUNCI");
  await page.goto("/kartu");
  await expect(page.getByTestId("identity-qr")).toBeVisible();
  expect((await db.registration.findUniqueOrThrow({ where: { id: registrationId } })).lockedAt).toBeNull();
});

test("'Ponsel hilang' from another browser: the NIK, the e-mailed link, one press, and the phone is signed out and locked", async ({ page, browser, activeCitizen, db }) => {
  const { nik, registrationId } = await activeCitizen({ pin: "284519" });
  const { email } = await db.registration.findUniqueOrThrow({ where: { id: registrationId }, select: { email: true } });
  await page.goto("/kartu");
  await expect(page.getByTestId("ktp-card")).toBeVisible();

  // A borrowed phone, never signed in.
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 360, height: 740 } });
  const borrowed = await other.newPage();
  await borrowed.goto("/masuk");
  await borrowed.getByRole("link", { name: "Ponsel hilang? Kunci KTP Digital Anda" }).click();
  await expect(borrowed.getByRole("heading", { level: 1 })).toHaveText("Ponsel hilang");
  // A NIK without KTP Digital gets the same sentence as one with it.
  await borrowed.getByLabel("NIK (16 digit)").fill("3171011501900001");
  await borrowed.getByRole("button", { name: "Kirim tautan" }).click();
  const sent = await borrowed.getByTestId("lost-phone-sent").textContent();
  await borrowed.reload();
  await borrowed.getByLabel("NIK (16 digit)").fill(nik);
  await borrowed.getByRole("button", { name: "Kirim tautan" }).click();
  await expect(borrowed.getByTestId("lost-phone-sent")).toHaveText(sent!);

  const mails: { to: string[]; text: string }[] = await (await fetch(`${e2eEnv.inboxUrl()}/api/messages`)).json();
  const link = /(http\S+\/ponsel-hilang\/kunci\?t=[A-Za-z0-9_-]{43})/.exec(mails.findLast((m) => m.to.includes(email))!.text)![1]!;
  await borrowed.goto(link);
  await expect(borrowed.getByRole("heading", { level: 1 })).toHaveText("Kunci KTP Digital");
  await borrowed.screenshot({ path: path.join(SCREENSHOTS, "ponsel-hilang-kunci.png"), fullPage: true });
  await borrowed.getByRole("button", { name: "Kunci KTP Digital" }).click();
  await expect(borrowed.getByTestId("lost-phone-locked")).toContainText("sudah dikunci");
  const row = await db.registration.findUniqueOrThrow({ where: { id: registrationId } });
  expect(row.lostReportedAt).not.toBeNull();
  expect(row.lockedAt).not.toBeNull();
  // The link works once.
  await borrowed.goto(link);
  await expect(borrowed.getByTestId("lost-phone-invalid")).toBeVisible();
  await expect(borrowed.getByRole("link", { name: "Minta tautan baru" })).toBeVisible();
  await other.close();

  // The phone itself (whoever holds it now) is signed out.
  await page.goto("/kartu");
  await expect(page).toHaveURL(/\/masuk\?dari=\/kartu$/);
  expect(await db.auditEvent.count({ where: { registrationId, action: "citizen.lost_phone.locked" } })).toBe(1);
});

test("the language chosen on the account page turns every screen to English and is recorded", async ({ page, activeCitizen }) => {
  await activeCitizen();
  await page.goto("/akun");
  await page.getByRole("radio", { name: "English" }).check();
  await page.getByRole("button", { name: "Simpan bahasa" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Account");
  await page.goto("/aktivitas");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Activity history");
  await expect(page.getByTestId("activity").getByRole("listitem").first()).toContainText("Language changed: English");
});
