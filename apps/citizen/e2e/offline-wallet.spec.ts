import { generateKeyPairSync } from "node:crypto";
import path from "node:path";
import type { Page } from "@playwright/test";
import { parsePresentation } from "@ktp/core/universal/identity/token";
import { bindVirtualPasskey } from "@ktp/testing/passkey";
import { expect, test } from "./fixtures.ts";

// The wallet without a network (issue 13, item 6): after one online visit to the card, the shell,
// card, KK, documents and QR open offline once the platform passkey answers, checked on the phone;
// the data is sealed on the device and gone after sign-out, and after an officer's reset on the
// next contact.

const SCREENSHOTS = path.resolve(import.meta.dirname, "../../../.data/screenshots");
const WALLET_DB = "ktp-dompet-luring";

/** Online: the card keeps the snapshot and the QR batch, and the service worker controls the page. */
async function syncOnline(page: Page) {
  await page.goto("/kartu");
  await expect(page.locator("[data-offline-ready]")).toHaveAttribute("data-offline-ready", "true", { timeout: 30_000 });
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/**
 * What the wallet left on the phone: its database, the app's own caches (the shell, `ktp-shell`,
 * stays: it holds no personal data, checked with `nik`), the old plain batch.
 */
function leftOnPhone(page: Page, nik: string) {
  return page.evaluate(
    async ({ name, nik }) => {
      const shell = await (await caches.open("ktp-shell")).match("/luring");
      return {
        database: (await indexedDB.databases()).some((db) => db.name === name),
        caches: (await caches.keys()).filter((key) => key.startsWith("ktp-")),
        shellHasNik: shell ? (await shell.text()).includes(nik) : false,
        plainBatch: localStorage.getItem("ktp-card-offline"),
      };
    },
    { name: WALLET_DB, nik },
  );
}

test("offline, the wallet opens only with the passkey: card, QR, KK, documents and biodata, with the data's age; sign-out offline leaves nothing", async ({ page, context, activeCitizen, db }) => {
  const { nik, registrationId } = await activeCitizen({ nama: "SRI LURING UJI" });
  await bindVirtualPasskey(page, db, registrationId);
  await syncOnline(page);
  const { noKk } = await db.penduduk.findUniqueOrThrow({ where: { nik }, select: { noKk: true } });

  // Sealed: the stored snapshot is ciphertext, and its key cannot be read out.
  const stored = await page.evaluate(
    (name) =>
      new Promise<{ key: boolean; extractable: boolean; records: string[] }>((resolve) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => {
          const store = open.result.transaction("records").objectStore("records");
          const all = store.getAll();
          const keys = store.getAllKeys();
          all.onsuccess = () =>
            (keys.onsuccess = () => {
              const rows = all.result as unknown[];
              const key = rows.find((row): row is CryptoKey => row instanceof CryptoKey);
              const records = rows.filter((row): row is { data: ArrayBuffer } => !(row instanceof CryptoKey)).map((row) => new TextDecoder("latin1").decode(row.data));
              open.result.close();
              resolve({ key: keys.result.includes("key") && !!key, extractable: key?.extractable ?? true, records });
            });
        };
      }),
    WALLET_DB,
  );
  expect(stored.key).toBe(true);
  expect(stored.extractable).toBe(false);
  expect(stored.records).toHaveLength(2);
  for (const record of stored.records) expect(record).not.toContain(nik);

  await context.setOffline(true);
  await page.reload();
  // The lock screen: nothing of the citizen until the passkey answers.
  await expect(page.getByTestId("offline-lock")).toBeVisible();
  await expect(page.getByTestId("offline-status")).toContainText("Offline · diperbarui");
  await expect(page.getByText(nik)).toHaveCount(0);
  await page.screenshot({ path: path.join(SCREENSHOTS, "luring-terkunci.png"), fullPage: true });
  await page.getByRole("button", { name: "Buka dengan sidik jari / wajah" }).click();

  const wallet = page.getByTestId("offline-wallet");
  await expect(wallet).toBeVisible();
  await expect(page.getByTestId("offline-status")).toContainText(/Offline · diperbarui .+ \((menit ini|\d+ menit yang lalu)\)/);
  await expect(page.getByTestId("ktp-card").locator('[data-field="nik"]')).toHaveText(nik);
  await expect(page.getByTestId("ktp-card").locator('[data-field="nama"]')).toHaveText("SRI LURING UJI");
  await expect(page.getByTestId("offline-photo")).toBeVisible();
  expect(await page.getByTestId("offline-photo").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);
  const qr = page.getByTestId("identity-qr");
  await expect(qr).toHaveAttribute("data-offline", "true");
  const token = parsePresentation((await qr.getAttribute("data-qr"))!);
  expect(token.claims.purpose).toBe("age17");
  expect(token.claims.exp).toBeGreaterThan(Date.now() / 1000);
  await page.screenshot({ path: path.join(SCREENSHOTS, "luring-kartu.png"), fullPage: true });
  await page.setViewportSize({ width: 320, height: 640 });
  await page.screenshot({ path: path.join(SCREENSHOTS, "luring-kartu-320.png"), fullPage: true });
  await page.setViewportSize({ width: 412, height: 839 }); // back to the Pixel 7 of the project

  await wallet.getByRole("button", { name: "Kartu Keluarga" }).click();
  await expect(page.getByTestId("family-card").locator('[data-field="noKk"]')).toHaveText(noKk);
  await expect(page.getByTestId("family-members").getByRole("listitem").first()).toContainText("SRI LURING UJI (Anda)");
  await wallet.getByRole("button", { name: "Dokumen" }).click();
  await expect(page.getByTestId("document-npwp")).toBeVisible();
  await expect(page.getByTestId("document-bpjs")).toBeVisible();
  await page.screenshot({ path: path.join(SCREENSHOTS, "luring-dokumen.png"), fullPage: true });
  await wallet.getByRole("button", { name: "Biodata" }).click();
  await expect(page.getByTestId("biodata").locator('[data-field="nik"]')).toHaveText(nik);

  // Another wallet page opened offline gets the same shell, locked again, on its own view.
  await page.goto("/dokumen");
  await expect(page.getByTestId("offline-lock")).toBeVisible();
  await page.getByRole("button", { name: "Buka dengan sidik jari / wajah" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dokumen");

  // Sign-out without a network: nothing of the wallet stays.
  await page.getByRole("button", { name: "Keluar dan hapus data dari ponsel ini" }).click();
  await expect(page.getByTestId("offline-empty")).toContainText("Anda sudah keluar");
  expect(await leftOnPhone(page, nik)).toEqual({ database: false, caches: ["ktp-shell"], shellHasNik: false, plainBatch: null });
  await page.reload();
  await expect(page.getByTestId("offline-empty")).toContainText("Belum ada KTP Digital");
  await context.setOffline(false);
});

test("a passkey that is not the citizen's does not open the offline wallet", async ({ page, context, activeCitizen, db }) => {
  const { nik, registrationId } = await activeCitizen();
  const { cdp, authenticatorId } = await bindVirtualPasskey(page, db, registrationId);
  await syncOnline(page);
  // The authenticator now holds another key under the same credential ID.
  await cdp.send("WebAuthn.clearCredentials", { authenticatorId });
  const { credentialId } = await db.device.findUniqueOrThrow({ where: { registrationId }, select: { credentialId: true } });
  const other = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");
  await cdp.send("WebAuthn.addCredential", {
    authenticatorId,
    credential: {
      credentialId: Buffer.from(credentialId, "base64url").toString("base64"),
      isResidentCredential: true,
      rpId: "localhost",
      privateKey: other,
      userHandle: Buffer.from(registrationId).toString("base64"),
      signCount: 0,
    },
  });
  await context.setOffline(true);
  await page.reload();
  await page.getByRole("button", { name: "Buka dengan sidik jari / wajah" }).click();
  await expect(page.getByTestId("offline-message")).toContainText("bukan milik KTP Digital");
  await expect(page.getByText(nik)).toHaveCount(0);
  await context.setOffline(false);
});

test("after an officer's lost-phone reset, the next contact wipes what the phone kept", async ({ page, activeCitizen, db }) => {
  const { nik, registrationId } = await activeCitizen();
  await bindVirtualPasskey(page, db, registrationId);
  await syncOnline(page);
  expect((await leftOnPhone(page, nik)).database).toBe(true);
  await db.device.update({ where: { registrationId }, data: { revokedAt: new Date() } });
  // Online again: the card sends the signed-out phone to /masuk, which asks and wipes.
  const asked = page.waitForResponse((r) => r.url().endsWith("/api/dompet/luring/status"));
  await page.goto("/kartu");
  await expect(page).toHaveURL(/\/masuk/);
  expect(await (await asked).json()).toEqual({ active: false });
  await expect.poll(async () => (await leftOnPhone(page, nik)).database).toBe(false);
  expect(await leftOnPhone(page, nik)).toEqual({ database: false, caches: ["ktp-shell"], shellHasNik: false, plainBatch: null });
});
