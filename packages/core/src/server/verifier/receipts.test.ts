import { generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { PDFDocument } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@ktp/db/testing";
import { createActivatedCitizen } from "@ktp/testing/residents";
import { issueOnlinePresentation } from "../identity/issue-presentations.ts";
import { forgetCachedKeys } from "../identity/issuer-keys.ts";
import { deriveKey } from "../secrets.ts";
import { checkReceipt, getReceipt, receiptPdf } from "./receipts.ts";
import { verifyPresentation } from "./verify-presentation.ts";

// Receipts: the organisation's own only, genuine ones checked against the JWKS, every alteration
// caught, and the PDF stamped with its purpose.

const sealKey = deriveKey("test-secret-that-is-long-enough-000000", "issuer-keys");
const ISSUER = "https://ktp-digital.id";
let test: TestDatabase;
let org: { id: string; legalName: string; purposes: string[] };
let receipt: { id: string; jws: string };

beforeAll(async () => {
  test = await createTestDatabase();
  forgetCachedKeys();
  const row = await test.db.verifierOrg.create({
    data: {
      legalName: "PT Bank Bukti Uji",
      registrationNumber: `NIB-${randomBytes(4).toString("hex")}`,
      type: "BANK",
      purposes: ["bank"],
      status: "APPROVED",
      contactEmail: "it@uji.id",
      offlineStatusMaxMinutes: 60,
      branches: { create: [{ name: "KCP Bukti", city: "Samarinda" }] },
    },
    include: { branches: true },
  });
  org = { id: row.id, legalName: row.legalName, purposes: row.purposes };
  const { resident, registration } = await createActivatedCitizen(test.db, { nama: "SITI BUKTI" });
  const { qr } = await issueOnlinePresentation({ db: test.db, sealKey, issuer: ISSUER, registrationId: registration.id, nik: resident.nik, purpose: "bank" });
  const result = await verifyPresentation({ db: test.db, sealKey, issuer: ISSUER, org, branchId: row.branches[0]!.id, token: qr, purpose: "bank" });
  receipt = { id: result.receiptId!, jws: result.receipt! };
}, 60_000);
afterAll(() => test.drop());

describe("receipts", () => {
  it("are the organisation's own: another organisation's id is not found", async () => {
    const found = await getReceipt({ db: test.db, orgId: org.id, id: receipt.id });
    expect(found).toMatchObject({ receipt: receipt.jws, branch: "KCP Bukti, Samarinda", claims: { jti: receipt.id, purpose: "bank", org: { name: "PT Bank Bukti Uji" } } });
    await expect(getReceipt({ db: test.db, orgId: crypto.randomUUID(), id: receipt.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("check genuine against the JWKS, and catch alterations, strangers' keys and garbage", async () => {
    expect(await checkReceipt({ db: test.db, receipt: receipt.jws, issuer: ISSUER })).toMatchObject({
      valid: true,
      reason: null,
      claims: { jti: receipt.id, stamp: "Hanya untuk Bank / KYC oleh PT Bank Bukti Uji" },
    });
    const [header, payload, signature] = receipt.jws.split(".");
    const altered = Buffer.from(Buffer.from(payload!, "base64url").toString().replace("Bank / KYC", "Bandara")).toString("base64url");
    expect((await checkReceipt({ db: test.db, receipt: `${header}.${altered}.${signature}`, issuer: ISSUER })).reason).toBe("RECEIPT_BAD_SIGNATURE");
    // Signed by someone else's key under a made-up kid.
    const { privateKey } = generateKeyPairSync("ed25519");
    const forgedHeader = Buffer.from(JSON.stringify({ alg: "EdDSA", kid: "palsu", typ: "ktp-receipt+jwt" })).toString("base64url");
    const forged = `${forgedHeader}.${payload}.${sign(null, Buffer.from(`${forgedHeader}.${payload}`), privateKey).toString("base64url")}`;
    expect((await checkReceipt({ db: test.db, receipt: forged, issuer: ISSUER })).reason).toBe("RECEIPT_UNKNOWN_KEY");
    expect((await checkReceipt({ db: test.db, receipt: "bukan bukti", issuer: ISSUER })).reason).toBe("RECEIPT_MALFORMED");
    expect((await checkReceipt({ db: test.db, receipt: receipt.jws, issuer: "https://lain.example" })).valid).toBe(false);
  });

  it("render as a one-page PDF stamped with their purpose", async () => {
    const found = await getReceipt({ db: test.db, orgId: org.id, id: receipt.id });
    const bytes = await receiptPdf({ ...found, checkUrl: "https://verifikasi.ktp-digital.id/cek-bukti" });
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe("%PDF-");
    const pdf = await PDFDocument.load(bytes);
    expect(pdf.getPageCount()).toBe(1);
    expect(pdf.getSubject()).toBe("Hanya untuk Bank / KYC oleh PT Bank Bukti Uji");
  });
});
