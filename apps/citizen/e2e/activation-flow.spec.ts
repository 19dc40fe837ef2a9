import { devices } from "@playwright/test";
import { readQrFromImage } from "@ktp/testing/read-qr";
import { expect, test, uniqueContact } from "./fixtures.ts";
import type { Page } from "@playwright/test";

// Issue 13, the activation flow as a new user finds it: one count of steps on every screen, the
// way back from the home page, cancel and start over, correcting the e-mail, continuing on the
// phone, and messages that follow the ID/EN switch.

async function register(page: Page, nik: string, contact = uniqueContact()) {
  await page.goto("/daftar");
  await page.getByRole("textbox", { name: "NIK" }).fill(nik);
  await page.getByRole("textbox", { name: "E-mail" }).fill(contact.email);
  await page.getByRole("textbox", { name: "Nomor ponsel" }).fill(contact.phoneTyped);
  await page.getByRole("button", { name: "Verifikasi Data" }).click();
  await expect(page).toHaveURL(/\/daftar\/swafoto$/);
  // The camera page reloads once when reached client-side; let it finish before going on.
  await expect(page.getByRole("button", { name: "Buka kamera" })).toBeVisible();
  return contact;
}

const STEPS = ["Data diperiksa ke SIAK", "Swafoto", "PIN enam digit", "Kaitkan ponsel ini", "Pindai QR di loket Disdukcapil", "Buka tautan aktivasi di e-mail"];

test("every screen counts the same six steps, and a step's page opened too early says why", async ({ page, resident, db }) => {
  const { nik } = await resident({ nama: "UJI LANGKAH" });
  await page.goto("/");
  await expect(page.locator("ol.steps > li strong")).toHaveText(STEPS.map((s) => `${s}.`));
  await page.goto("/daftar");
  await expect(page.locator(".tag")).toHaveText("Langkah 1 dari 6");
  await register(page, nik);
  await expect(page.locator(".tag")).toHaveText("Langkah 2 dari 6");

  // The PIN's page before the selfie: back to the selfie, with the reason on screen.
  await page.goto("/daftar/pin");
  await expect(page).toHaveURL(/\/daftar\/swafoto\?alasan=belum$/);
  await expect(page.getByTestId("flow-notice")).toHaveText("Selesaikan swafoto dulu; langkah berikutnya terbuka setelah wajah Anda cocok.");
  await page.goto("/daftar/status");
  await expect(page.locator(".stepper li")).toHaveText(STEPS);
  await expect(page.locator('[aria-current="step"]')).toHaveText("Swafoto");

  // Home offers the way back, naming the step and its number.
  await page.goto("/");
  await expect(page.getByTestId("activation-in-progress")).toContainText("Swafoto (Langkah 2 dari 6)");
  await page.getByRole("link", { name: "Lanjutkan aktivasi" }).click();
  await expect(page).toHaveURL(/\/daftar\/swafoto$/);
  await expect(page.getByRole("button", { name: "Buka kamera" })).toBeVisible();

  await db.registration.updateMany({ where: { nik, step: "SELFIE" }, data: { step: "PIN" } });
  await page.goto("/daftar/swafoto");
  await expect(page).toHaveURL(/\/daftar\/pin\?alasan=sudah$/);
  await expect(page.locator(".tag")).toHaveText("Langkah 3 dari 6");
  await expect(page.getByTestId("flow-notice")).toHaveText("Langkah yang Anda buka sudah selesai. Lanjutkan dari sini.");
  await page.goto("/daftar/perangkat");
  await expect(page).toHaveURL(/\/daftar\/pin\?alasan=belum$/);
  await expect(page.getByTestId("flow-notice")).toHaveText("Buat PIN dulu sebelum langkah berikutnya.");
  await db.registration.updateMany({ where: { nik, step: "PIN" }, data: { step: "DEVICE" } });
  await page.goto("/daftar/perangkat");
  await expect(page.locator(".tag")).toHaveText("Langkah 4 dari 6");
  await page.goto("/");
  await expect(page.getByTestId("activation-in-progress")).toContainText("Kaitkan ponsel ini (Langkah 4 dari 6)");
});

test("without a registration, a step's page sends the citizen to the first step and says so", async ({ page }) => {
  await page.goto("/daftar/swafoto");
  await expect(page).toHaveURL(/\/daftar\?alasan=tidak-ada$/);
  await expect(page.getByTestId("flow-notice")).toHaveText("Belum ada pendaftaran yang berjalan di peramban ini. Mulai dari langkah pertama.");
  await expect(page.getByTestId("activation-in-progress")).toHaveCount(0);
});

test("cancel and start over: the registration ends, audited, and the same NIK registers again", async ({ page, resident, db }) => {
  const { nik } = await resident({ nama: "UJI BATAL" });
  await register(page, nik);
  const first = await db.registration.findFirstOrThrow({ where: { nik }, select: { id: true } });
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain("Batalkan pendaftaran ini?");
    void dialog.accept();
  });
  await page.getByRole("button", { name: "Batalkan pendaftaran" }).click();
  await expect(page).toHaveURL(/\/\?batal=1$/);
  await expect(page.getByTestId("flow-notice")).toHaveText("Pendaftaran dibatalkan. Anda dapat mulai lagi kapan saja.");
  await expect(page.getByTestId("activation-in-progress")).toHaveCount(0);
  expect((await db.registration.findUniqueOrThrow({ where: { id: first.id } })).step).toBe("CANCELLED");
  expect(await db.auditEvent.findMany({ where: { registrationId: first.id }, select: { action: true, actorType: true } })).toEqual([{ action: "registration.cancel", actorType: "CITIZEN" }]);

  // Dismissing the confirmation changes nothing.
  await register(page, nik);
  page.once("dialog", (dialog) => void dialog.dismiss());
  await page.getByRole("button", { name: "Batalkan pendaftaran" }).click();
  await expect(page).toHaveURL(/\/daftar\/swafoto$/);
  expect(await db.registration.count({ where: { nik, step: "SELFIE" } })).toBe(1);
});

test("a mistyped e-mail is corrected before the e-mail is sent, and no longer after", async ({ page, resident, db }) => {
  const { nik } = await resident({ nama: "UJI SURAT" });
  await register(page, nik, { ...uniqueContact(), email: `salah.${nik}@contoh.id` });
  await page.goto("/daftar/status");
  await expect(page.getByTestId("registration-owner")).toContainText("e-mail sa****");
  await page.getByText("Ubah e-mail atau nomor ponsel").click();
  await page.getByRole("textbox", { name: "E-mail" }).fill("bukan-email");
  await page.getByRole("textbox", { name: "Nomor ponsel" }).fill("0812 1111 2222");
  await page.getByRole("button", { name: "Simpan perubahan" }).click();
  await expect(page.locator("#contact-email-error")).toContainText("Alamat e-mail tidak sah");
  const right = uniqueContact("benar");
  await page.getByRole("textbox", { name: "E-mail" }).fill(right.email);
  await page.getByRole("textbox", { name: "Nomor ponsel" }).fill(right.phoneTyped);
  await page.getByRole("button", { name: "Simpan perubahan" }).click();
  await expect(page.getByTestId("contact-saved")).toContainText("Tersimpan. Tautan aktivasi akan dikirim ke be");
  await expect(page.getByTestId("registration-owner")).toContainText("e-mail be****");
  const registration = await db.registration.findFirstOrThrow({ where: { nik, step: "SELFIE" }, select: { id: true, email: true, phone: true } });
  expect(registration).toMatchObject({ email: right.email, phone: `+62${right.phone.slice(1)}` });
  expect(await db.auditEvent.count({ where: { registrationId: registration.id, action: "registration.contact.change" } })).toBe(1);

  // Once the counter decided, the e-mail is on its way: no form, and the API refuses.
  await db.registration.update({ where: { id: registration.id }, data: { step: "EMAIL" } });
  await page.reload();
  await expect(page.getByText("Ubah e-mail atau nomor ponsel")).toHaveCount(0);
  const refused = await page.request.post("/api/registrations/current/contact", { data: { email: right.email, phone: "081233334444" } });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.code).toBe("CONTACT_LOCKED");
});

test("continue on the phone: the QR moves the registration to a second browser, once", async ({ page, resident, db, browser, baseURL }) => {
  const { nik } = await resident({ nama: "UJI PONSEL" });
  await register(page, nik);
  await page.getByRole("button", { name: "Lanjutkan di ponsel" }).click();
  const qr = page.getByTestId("handoff-qr");
  await expect(qr).toBeVisible();
  await expect(page.getByText(/Kode berlaku sampai \d\d[.:]\d\d dan hanya satu kali/)).toBeVisible();
  const url = await readQrFromImage(await qr.screenshot());
  expect(url).toMatch(new RegExp(`^${baseURL}/daftar/lanjut#k=[A-Za-z0-9_-]{43}$`));

  const phone = await browser.newContext({ ...devices["Pixel 7"], locale: "id-ID", baseURL });
  try {
    const phonePage = await phone.newPage();
    await phonePage.goto(url!);
    await expect(phonePage.getByRole("heading", { level: 1 })).toHaveText("Lanjutkan pendaftaran di ponsel ini");
    await phonePage.getByRole("button", { name: "Lanjutkan di ponsel ini" }).click();
    await expect(phonePage).toHaveURL(/\/daftar\/swafoto$/);
    await expect(phonePage.getByText("UJ* PO****")).toBeVisible();
    await expect(phonePage.getByRole("button", { name: "Buka kamera" })).toBeVisible();

    // The first browser hears that the phone took over, and no longer holds the registration.
    await expect(page.getByTestId("handoff-moved")).toBeVisible({ timeout: 10_000 });
    expect((await page.request.get("/api/registrations/current")).status()).toBe(404);
    const registration = await db.registration.findFirstOrThrow({ where: { nik, step: "SELFIE" }, select: { id: true } });
    expect((await db.auditEvent.findMany({ where: { registrationId: registration.id }, orderBy: { at: "asc" }, select: { action: true } })).map((a) => a.action)).toEqual([
      "registration.handoff.create",
      "registration.handoff.claim",
    ]);

    // The same code again, in a third browser: refused, with the reason and the way home.
    const third = await browser.newContext({ baseURL });
    const thirdPage = await third.newPage();
    await thirdPage.goto(url!);
    await thirdPage.getByRole("button", { name: "Lanjutkan di ponsel ini" }).click();
    await expect(thirdPage.getByTestId("claim-result")).toContainText("Kode QR ini sudah dipakai");
    await expect(thirdPage.getByRole("link", { name: "Kembali ke beranda" })).toBeVisible();
    await third.close();
  } finally {
    await phone.close();
  }
});

test("the ID/EN switch changes the messages already on screen, errors included (/daftar)", async ({ page }) => {
  await page.goto("/daftar");
  await page.getByRole("textbox", { name: "NIK" }).fill("1234");
  await page.getByRole("textbox", { name: "E-mail" }).fill("dewi@");
  await page.getByRole("textbox", { name: "Nomor ponsel" }).fill(uniqueContact().phoneTyped);
  await page.getByRole("button", { name: "Verifikasi Data" }).click();
  await expect(page.locator("#nik-error")).toHaveText("NIK harus terdiri dari 16 digit.");
  await page.getByRole("button", { name: "Switch language to English" }).click();
  await expect(page.locator("#nik-error")).toHaveText("A NIK must have exactly 16 digits.");
  await expect(page.locator("#email-error")).toContainText("The e-mail address is not valid");
  await expect(page.locator(".tag")).toHaveText("Step 1 of 6");

  // An answer from the server, too.
  await page.getByRole("textbox", { name: "NIK" }).fill("6472051003120001"); // demo: under 17
  await page.getByRole("textbox", { name: "E-mail" }).fill(uniqueContact().email);
  await page.getByRole("button", { name: "Verify data" }).click();
  await expect(page.locator("#nik-error")).toHaveText("KTP Digital can be activated from the age of 17, or earlier by someone who is or has been married.");
  await page.getByRole("button", { name: "Ganti bahasa ke Bahasa Indonesia" }).click();
  await expect(page.locator("#nik-error")).toHaveText("KTP Digital dapat diaktifkan mulai usia 17 tahun, atau lebih awal bagi yang sudah atau pernah kawin.");
});
