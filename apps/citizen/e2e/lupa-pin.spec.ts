import path from "node:path";
import { e2eEnv } from "@ktp/testing/e2e-env";
import { expect, test } from "./fixtures.ts";

// "Lupa PIN" on the bound phone (issue 13, item 3), in the project whose fake camera shows the
// blinking woman of the citizen's e-KTP photo: the passkey (virtual authenticator), a code from
// the registered e-mail (real SMTP), a selfie matched by the face model, then the new PIN signs in.

test.describe.configure({ timeout: 120_000 });
const SCREENSHOTS = path.resolve(import.meta.dirname, "../../../.data/screenshots");

test("a forgotten PIN is reset on the phone with its passkey, the e-mailed code and a selfie; the new PIN opens the card", async ({ page, activeCitizen, db }) => {
  const { registrationId } = await activeCitizen({ pin: "284519", phone: true, signedIn: false });
  const { email } = await db.registration.findUniqueOrThrow({ where: { id: registrationId }, select: { email: true } });
  await page.goto("/masuk");
  await page.getByRole("button", { name: "Masuk dengan kunci sandi" }).click();
  await page.getByRole("link", { name: "Lupa PIN?" }).click();
  await expect(page).toHaveURL(/\/masuk\/lupa-pin$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Lupa PIN");

  await page.getByRole("button", { name: "Kirim kode ke e-mail" }).click();
  await expect(page.getByTestId("pin-reset-sent")).toContainText("@contoh.id");
  await page.getByRole("button", { name: "Buka kamera" }).click();
  await expect(page.getByTestId("pin-reset-face")).toHaveText("Wajah cocok dengan foto e-KTP.", { timeout: 60_000 });

  const mails: { to: string[]; text: string; subject: string }[] = await (await fetch(`${e2eEnv.inboxUrl()}/api/messages`)).json();
  const code = /: (\d{6})/.exec(mails.findLast((m) => m.to.includes(email) && m.subject === "Kode atur ulang PIN KTP Digital")!.text)![1]!;
  await page.getByLabel("Kode dari e-mail (6 angka)").fill(code === "000000" ? "000001" : "000000");
  await page.getByLabel("PIN baru (6 angka)").fill("730164");
  await page.getByLabel("Ulangi PIN baru").fill("730164");
  await page.getByRole("button", { name: "Simpan PIN baru" }).click();
  await expect(page.getByTestId("pin-reset-message")).toContainText("Kode dari e-mail salah. Sisa 4 kali.");
  await page.getByLabel("Kode dari e-mail (6 angka)").fill(code);
  await page.getByRole("button", { name: "Simpan PIN baru" }).click();
  await expect(page.getByTestId("pin-reset-done")).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, "lupa-pin.png"), fullPage: true });

  // The same sign-in goes on, straight to the PIN: the new one opens the card.
  await page.getByRole("link", { name: "Masuk dengan PIN baru" }).click();
  await page.getByLabel("PIN (6 angka)").fill("730164");
  await page.getByRole("button", { name: "Buka KTP Digital" }).click();
  await expect(page).toHaveURL(/\/kartu$/);
  expect(await db.auditEvent.count({ where: { registrationId, action: "citizen.pin_reset" } })).toBe(1);
});

test("'Lupa PIN' without the passkey step sends the visitor to sign in first", async ({ page }) => {
  await page.goto("/masuk/lupa-pin");
  await expect(page.getByTestId("pin-reset-needs-passkey")).toBeVisible();
  await expect(page.getByRole("link", { name: "Ke halaman Masuk" })).toHaveAttribute("href", "/masuk");
});
