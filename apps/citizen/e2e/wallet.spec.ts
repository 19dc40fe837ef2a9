import { randomBytes } from "node:crypto";
import path from "node:path";
import { expect, test } from "./fixtures.ts";

// The citizen's side of verification (issue 11): the history of who checked the KTP Digital, with
// "Bukan saya / laporkan", and "Kunci KTP Digital" with the PIN.

const SCREENSHOTS = path.resolve(import.meta.dirname, "../../../.data/screenshots");

test("the history shows who verified the citizen, and a report reaches Disdukcapil once", async ({ page, activeCitizen, db }) => {
  const { registrationId } = await activeCitizen();
  const org = await db.verifierOrg.create({
    data: {
      legalName: "PT Bank Riwayat Uji", registrationNumber: `NIB-${randomBytes(4).toString("hex")}`, type: "BANK", purposes: ["bank"], status: "APPROVED",
      contactEmail: "uji@contoh.id", offlineStatusMaxMinutes: 60, branches: { create: [{ name: "KCP Sempaja", city: "Samarinda" }] },
    },
    include: { branches: true },
  });
  const entry = await db.verification.create({
    data: { orgId: org.id, branchId: org.branches[0]!.id, registrationId, askedPurpose: "bank", sharedPurpose: "bank", verdict: "valid", fields: ["nama", "nik", "photo"], receipt: "eyJhbGciOiJFZERTQSJ9.eyJqdGkiOiJ1amkifQ.c2lnbmF0dXJl" },
  });
  await page.goto("/kartu");
  await page.getByRole("link", { name: "Riwayat verifikasi" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Riwayat verifikasi");
  const item = page.getByTestId("history").getByRole("listitem").first();
  await expect(item).toContainText("PT Bank Riwayat Uji");
  await expect(item).toContainText("KCP Sempaja, Samarinda");
  await expect(item).toContainText("Bank / KYC");
  await expect(item).toContainText("Nama, NIK, Foto");
  // The same signed receipt the bank got.
  await item.getByText(`Bukti verifikasi ${entry.id}`).click();
  await expect(item.getByTestId("history-receipt")).toContainText("eyJhbGciOiJFZERTQSJ9.eyJqdGkiOiJ1amkifQ.c2lnbmF0dXJl");
  await page.screenshot({ path: path.join(SCREENSHOTS, "riwayat.png"), fullPage: true });
  await item.getByRole("button", { name: "Bukan saya / laporkan" }).click();
  await expect(item.getByTestId("reported")).toHaveText("Dilaporkan ke Disdukcapil.");
  expect((await db.verification.findUniqueOrThrow({ where: { id: entry.id } })).reportedAt).not.toBeNull();
  await page.reload();
  await expect(page.getByTestId("reported")).toBeVisible();
});

test("locking with the PIN hides the QR and says why; unlocking brings it back; a wrong PIN is refused", async ({ page, activeCitizen, db }) => {
  const { registrationId } = await activeCitizen({ pin: "284519" });
  await page.goto("/kartu");
  await expect(page.getByTestId("identity-qr")).toBeVisible();
  await page.getByLabel("PIN (6 angka)").fill("111111");
  await page.getByRole("button", { name: "Kunci", exact: true }).click();
  await expect(page.getByText("PIN salah.")).toBeVisible();
  await page.getByLabel("PIN (6 angka)").fill("284519");
  await page.getByRole("button", { name: "Kunci", exact: true }).click();
  await expect(page.getByTestId("lock-state")).toContainText("DIKUNCI");
  await expect(page.getByTestId("identity-qr-error")).toContainText("dikunci");
  await expect(page.getByTestId("identity-qr")).toHaveCount(0);
  expect((await db.registration.findUniqueOrThrow({ where: { id: registrationId } })).lockedAt).not.toBeNull();
  await page.screenshot({ path: path.join(SCREENSHOTS, "kartu-terkunci.png"), fullPage: true });
  await page.getByLabel("PIN (6 angka)").fill("284519");
  await page.getByRole("button", { name: "Buka kunci" }).click();
  await expect(page.getByTestId("identity-qr")).toBeVisible();
  expect((await db.registration.findUniqueOrThrow({ where: { id: registrationId } })).lockedAt).toBeNull();
});
