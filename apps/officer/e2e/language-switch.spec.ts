import { expect, signInOfficer, test } from "./fixtures.ts";

// Issue 13: the ID/EN switch changes the messages already on screen, errors included.

test("a NIK lookup's error on /penduduk follows the language switch", async ({ page, officer }) => {
  await signInOfficer(page, await officer());
  await page.goto("/penduduk");
  await page.getByLabel("NIK").fill("64720517088500");
  await page.getByRole("button", { name: "Cari" }).click();
  await expect(page.getByRole("status")).toContainText("harus terdiri dari 16 digit");
  await page.getByRole("button", { name: "Switch language to English" }).click();
  await expect(page.getByRole("status")).toContainText("must have exactly 16 digits");
  await page.getByRole("button", { name: "Ganti bahasa ke Bahasa Indonesia" }).click();
  await expect(page.getByRole("status")).toContainText("harus terdiri dari 16 digit");
});

test("a wrong password's error on /masuk follows the language switch", async ({ page }) => {
  await page.goto("/masuk");
  await page.getByLabel("NIP").fill("199912312020121001");
  await page.getByLabel("Kata sandi").fill("salah-sekali");
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page.locator(".field-error")).toHaveText("NIP atau kata sandi salah.");
  await page.getByRole("button", { name: "Switch language to English" }).click();
  await expect(page.locator(".field-error")).toHaveText("The NIP or password is wrong.");
});
