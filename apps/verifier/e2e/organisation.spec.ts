import { randomBytes } from "node:crypto";
import { expect, test } from "./fixtures.ts";

// An organisation (pengguna data) registers on the verifier app and waits for Dukcapil's admin.

test("an organisation registers with its branches and purposes, and waits for approval; a second registration of the same number is refused", async ({ page, db }) => {
  const number = `NIB-${randomBytes(4).toString("hex").toUpperCase()}`;
  await page.goto("/");
  await page.getByRole("link", { name: "Daftarkan organisasi" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Daftarkan organisasi Anda");
  const fill = async () => {
    await page.getByLabel("Nama badan hukum").fill("PT Rumah Sakit Sehat Sentosa");
    await page.getByLabel("Nomor Induk Berusaha (NIB) atau nomor registrasi").fill(number);
    await page.getByLabel("Jenis organisasi").selectOption("HOSPITAL");
    await page.getByRole("checkbox", { name: /Cek usia 17\+/ }).check();
    await page.getByRole("checkbox", { name: /Bank \/ KYC/ }).check();
    await page.getByLabel("E-mail penanggung jawab").fill("kepatuhan@rs-sehat.id");
    await page.getByLabel("Nama cabang 1").fill("RS Sehat Samarinda");
    await page.getByLabel("Kota cabang 1").fill("Samarinda");
    await page.getByRole("button", { name: "Tambah cabang" }).click();
    await page.getByLabel("Nama cabang 2").fill("RS Sehat Balikpapan");
    await page.getByLabel("Kota cabang 2").fill("Balikpapan");
  };
  await fill();
  await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
  await expect(page.getByTestId("org-registered")).toContainText("menunggu persetujuan admin Dukcapil");
  const org = await db.verifierOrg.findUniqueOrThrow({ where: { registrationNumber: number }, include: { branches: true } });
  expect(org).toMatchObject({ status: "PENDING", type: "HOSPITAL", purposes: ["age17", "bank"], offlineStatusMaxMinutes: 1440 });
  expect(org.branches.map((b) => b.name).sort()).toEqual(["RS Sehat Balikpapan", "RS Sehat Samarinda"]);
  expect(await db.auditEvent.count({ where: { actorId: org.id, action: "verifier_org.register" } })).toBe(1);

  await page.reload();
  await fill();
  await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
  await expect(page.locator(".field-error")).toHaveText("Nomor registrasi ini sudah terdaftar. Hubungi admin organisasi Anda.");
  // Nothing chosen: a sentence, not a 500.
  await page.reload();
  await page.getByRole("button", { name: "Kirim pendaftaran" }).click();
  await expect(page.locator(".field-error")).not.toBeEmpty();
});
