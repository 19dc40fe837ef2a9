import { createResident, deleteResident } from "@ktp/testing/residents";
import { expect, signInOfficer, test } from "./fixtures.ts";

// Issue 14 item 9, "what a newcomer hit at the counter": an empty sign-in form says which field is
// missing; the counter list opens at the counter this browser used last; a resident lookup shows
// what SIAK records (a deceased resident is not "never registered").

test("an empty sign-in form names the missing field without asking the server", async ({ page }) => {
  await page.goto("/masuk");
  let posted = false;
  page.on("request", (r) => r.url().endsWith("/api/session") && r.method() === "POST" && (posted = true));
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page.locator(".field-error")).toHaveText("Isi NIP (18 angka) Anda.");
  await page.getByLabel("NIP").fill("199912312020121001");
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page.locator(".field-error")).toHaveText("Isi kata sandi Anda.");
  expect(posted).toBe(false);
});

test("the counter list opens at this browser's last counter, and a deceased resident's lookup says so", async ({ page, officer, db }) => {
  const me = await officer();
  await signInOfficer(page, me);
  await page.getByRole("button", { name: "Keluar" }).click();
  await page.goto("/masuk");
  await expect(page.getByLabel("Loket")).toHaveValue(me.counter);

  await signInOfficer(page, me);
  const resident = await createResident(db, { tanggalMeninggal: new Date(Date.UTC(2025, 0, 1)) });
  try {
    await page.goto("/penduduk");
    await page.getByLabel("NIK").fill(resident.nik);
    await page.getByRole("button", { name: "Cari" }).click();
    await expect(page.getByTestId("resident-siak")).toContainText("tercatat meninggal dunia");
    await expect(page.getByTestId("resident-step")).toHaveText("Tercatat meninggal dunia di SIAK: KTP Digital tidak dapat diaktifkan.");
  } finally {
    await deleteResident(db, resident);
  }
});
