import { expect, test } from "@playwright/test";

test("officer console home renders in Indonesian, and health is ok", async ({ page, request }) => {
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "id");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Loket aktivasi KTP Digital");
  await expect(page.getByRole("heading", { name: /QR aktivasi loket/ })).toBeVisible();
  expect(await (await request.get("/api/health")).json()).toMatchObject({ status: "ok", app: "officer" });
});

test("officer console switches to English", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("button", { name: "Switch language to English" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("KTP Digital activation counter");
});
