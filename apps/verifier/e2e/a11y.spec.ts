import { expectNoSeriousA11yViolations } from "@ktp/testing/axe";
import { expect, signInTeller, test } from "./fixtures.ts";

// Issue 13 item 9 ("every page passes axe"), for the verifier app: no serious or critical
// violation of WCAG 2.0 A/AA and 2.1 AA on any page (@ktp/testing/axe).

test.describe.configure({ timeout: 120_000 });

test("a11y: every page of the verifier app, and the scan page signed in", async ({ page, approvedOrg, staff }) => {
  for (const url of ["/", "/masuk", "/daftar", "/cek-bukti", "/tidak-ada"]) {
    await page.goto(url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousA11yViolations(page);
  }
  await signInTeller(page, await staff(await approvedOrg("PT Bank Aksesibel", ["bank"])));
  await expect(page.getByRole("heading").first()).toBeVisible();
  await expectNoSeriousA11yViolations(page);
});
