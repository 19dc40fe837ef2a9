import { expect, test, uniqueContact } from "./fixtures.ts";
import { e2eEnv } from "@ktp/testing/e2e-env";

const inbox = () => e2eEnv.inboxUrl();

test("the activation e-mail from SIAK Terpusat arrives, its link activates once", async ({ page, resident, db }) => {
  const { nik } = await resident({ nama: "UJI SUREL" });
  const contact = uniqueContact();
  const email = `uji.${nik}@contoh.id`;
  await page.goto("/daftar");
  await page.getByRole("textbox", { name: "NIK" }).fill(nik);
  await page.getByRole("textbox", { name: "E-mail" }).fill(email);
  await page.getByRole("textbox", { name: "Nomor ponsel" }).fill(contact.phoneTyped);
  await page.getByRole("button", { name: "Verifikasi Data" }).click();
  await expect(page).toHaveURL(/\/daftar\/swafoto$/);
  // The camera page reloads once when reached client-side (its Permissions-Policy); let it finish
  // before navigating away, or the reload interrupts the next goto.
  await expect(page.getByRole("button", { name: "Buka kamera" })).toBeVisible();

  // Starts at the e-mail step to test resend limits and link reuse on their own; the real path
  // through the officer's approval is counter-activation.spec.ts.
  await db.registration.updateMany({ where: { nik, step: "SELFIE" }, data: { step: "EMAIL" } });
  await page.goto("/daftar/status");
  await page.getByRole("button", { name: "Kirim ulang e-mail aktivasi" }).click();
  await expect(page.getByTestId("resend-message")).toContainText("E-mail aktivasi baru sudah dikirim");
  await page.getByRole("button", { name: "Kirim ulang e-mail aktivasi" }).click();
  await expect(page.getByTestId("resend-message")).toContainText("Tunggu satu menit");

  const mails: { to: string[]; subject: string; from: string; text: string }[] = await (await fetch(`${inbox()}/api/messages`)).json();
  const mail = mails.findLast((m) => m.to.includes(email))!;
  expect(mail.subject).toBe("Aktivasi KTP Digital dari SIAK Terpusat");
  expect(mail.from).toContain("SIAK Terpusat");
  const linkIn = (text: string) => /(http\S+\/aktivasi\?t=[A-Za-z0-9_-]{43})/.exec(text)![1]!;
  const link = linkIn(mail.text);

  // Issue 13: an expired link says so before any button, offers the way home and, since this
  // browser's registration still waits for its link, a new e-mail.
  const registration = await db.registration.findFirstOrThrow({ where: { nik, step: "EMAIL" }, select: { id: true } });
  const { expiresAt } = await db.activationEmail.findFirstOrThrow({ where: { registrationId: registration.id, usedAt: null } });
  await db.activationEmail.updateMany({ where: { registrationId: registration.id, usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
  await page.goto(link);
  await expect(page.getByTestId("activation-link-problem")).toContainText("sudah kedaluwarsa");
  await expect(page.getByRole("button", { name: "Aktifkan KTP Digital" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Kirim ulang e-mail aktivasi" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Kembali ke beranda" })).toBeVisible();
  await db.activationEmail.updateMany({ where: { registrationId: registration.id, usedAt: null }, data: { expiresAt } });

  await page.goto(link);
  await page.getByRole("button", { name: "Aktifkan KTP Digital" }).click();
  await expect(page.getByTestId("activation-result")).toContainText("KTP Digital Anda sudah aktif");
  await page.goto(link);
  await expect(page.getByTestId("activation-link-problem")).toContainText("sudah dipakai");
  await expect(page.getByRole("button", { name: "Kirim ulang e-mail aktivasi" })).toHaveCount(0);
  await page.getByRole("link", { name: "Kembali ke beranda" }).click();
  await expect(page).toHaveURL(/\/$/);

  // One NIK, one device: a second registration for the active NIK is refused.
  const again = await page.request.post("/api/registrations", { data: { nik, email, phone: contact.phone } });
  expect(again.status()).toBe(409);
  expect((await again.json()).error.code).toBe("ALREADY_ACTIVE");
});

test("a forged or malformed activation link is refused with a reason", async ({ page, request }) => {
  await page.goto("/aktivasi");
  await expect(page.locator(".result.bad")).toContainText("Tautan aktivasi tidak dikenal");
  await page.goto(`/aktivasi?t=${"A".repeat(43)}`);
  await expect(page.getByTestId("activation-link-problem")).toContainText("Tautan aktivasi tidak dikenal");
  await expect(page.getByRole("link", { name: "Kembali ke beranda" })).toBeVisible();
  const forged = await request.post("/api/activation", { data: { token: "A".repeat(43) } });
  expect(forged.status()).toBe(404);
  const malformed = await request.post("/api/activation", { data: { token: "../../etc" } });
  expect((await malformed.json()).error.code).toBe("ACTIVATION_LINK_INVALID");
});
