import { createHash, randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { hashPassword } from "@ktp/db/password-hash";
import { createDb, type Db } from "@ktp/db";
import { addEktpPhoto, createActivatedCitizen, createCitizenSession } from "@ktp/testing/residents";
import { test as base, expect } from "@ktp/testing/security-e2e";
import { e2eEnv } from "@ktp/testing/e2e-env";

// What verifier tests need, made in the database: an approved organisation with a branch, its
// API key or staff account, and a citizen signed in to the citizen app (whose QR it checks).

export const CITIZEN = e2eEnv.citizenUrl();
const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

export interface Org {
  id: string;
  legalName: string;
}

type Fixtures = {
  db: Db;
  /** An approved bank with the branch "KCP Samarinda Ulu" (the officer console's approval is tested elsewhere). */
  approvedOrg: (name: string, purposes: ("bank" | "airport" | "age17")[]) => Promise<Org>;
  /** An API key of the organisation: "vk_<prefix>_<secret>". */
  apiKey: (org: Org, purposes: string[]) => Promise<string>;
  /** A scan-page account without a passkey yet (its first sign-in enrols one). */
  staff: (org: Org) => Promise<{ email: string; password: string }>;
  /** An activated citizen (with an e-KTP photo) and a citizen-app session cookie for them. */
  signedInCitizen: (nama: string) => Promise<{ nik: string; registrationId: string; cookie: { name: string; value: string; url: string } }>;
};

export const test = base.extend<Fixtures>({
  db: async ({}, use) => {
    const db = createDb({ url: e2eEnv.databaseUrl(), maxConnections: 2 });
    await use(db);
    await db.$disconnect();
  },
  approvedOrg: async ({ db }, use) => {
    await use(async (legalName, purposes) =>
      db.verifierOrg.create({
        data: {
          legalName,
          registrationNumber: `NIB-${randomBytes(5).toString("hex")}`,
          type: "BANK",
          purposes,
          status: "APPROVED",
          contactEmail: "it@contoh.co.id",
          offlineStatusMaxMinutes: 60,
          branches: { create: [{ name: "KCP Samarinda Ulu", city: "Samarinda" }] },
        },
        select: { id: true, legalName: true },
      }),
    );
  },
  apiKey: async ({ db }, use) => {
    await use(async (org, purposes) => {
      const prefix = randomBytes(5).toString("hex");
      const secret = randomBytes(32).toString("base64url");
      await db.verifierApiKey.create({ data: { orgId: org.id, prefix, secretHash: sha256(secret), purposes, label: "e2e" } });
      return `vk_${prefix}_${secret}`;
    });
  },
  staff: async ({ db }, use) => {
    await use(async (org) => {
      const email = `teller.${randomBytes(4).toString("hex")}@bank-uji.id`;
      const password = "sandi-teller-uji";
      await db.verifierStaff.create({ data: { orgId: org.id, email, nama: "RINA TELLER UJI", passwordHash: await hashPassword(password) } });
      return { email, password };
    });
  },
  signedInCitizen: async ({ db }, use) => {
    await use(async (nama) => {
      const { resident, registration } = await createActivatedCitizen(db, { nama });
      await addEktpPhoto(db, resident.nik);
      const cookie = { ...(await createCitizenSession(db, registration.id, { minutes: 10 })), url: CITIZEN };
      return { nik: resident.nik, registrationId: registration.id, cookie };
    });
  },
});

/** A teller of `org` signed in on `page` with a new passkey (virtual authenticator). */
export async function signInTeller(page: Page, teller: { email: string; password: string }) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "internal", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  await page.goto("/masuk");
  await page.getByLabel("E-mail").fill(teller.email);
  await page.getByLabel("Kata sandi").fill(teller.password);
  await page.getByRole("button", { name: "Masuk" }).click();
  await expect(page).toHaveURL(/\/pindai$/);
}

export { expect };
