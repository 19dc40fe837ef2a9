import { expectNoSeriousA11yViolations } from "@ktp/testing/axe";
import { expect, signInOfficer, test } from "./fixtures.ts";

// Issue 13 item 9 ("every page passes axe"), for the officer console at its desktop size: no
// serious or critical violation of WCAG 2.0 A/AA and 2.1 AA on any page (@ktp/testing/axe).

test.describe.configure({ timeout: 120_000 });

test("a11y: every page of the officer console, signed out and as the national admin", async ({ page, officer }) => {
  for (const url of ["/", "/masuk", "/tidak-ada"]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  }
  await signInOfficer(page, await officer({ role: "ADMIN" }));
  // The counter console (/loket) has no h1 of its own (axe's page-has-heading-one is a moderate best practice, not a WCAG failure).
  for (const url of ["/loket", "/penduduk", "/laporan", "/pengguna-data"]) {
    await page.goto(url);
    await expect(page.getByRole("heading").first()).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  }
});
