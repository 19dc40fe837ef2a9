import { createRequire } from "node:module";
import path from "node:path";
import { decode as fromBase45, encode as toBase45 } from "@digitalbazaar/base45";
import { deflateSync, inflateSync } from "fflate";
import { issueOnlinePresentation } from "@ktp/core/server/identity/issue-presentations";
import { getSigningKey } from "@ktp/core/server/identity/issuer-keys";
import { deriveKey } from "@ktp/core/server/secrets";
import { verifyPresentation } from "@ktp/core/server/verifier/verify-presentation";
import { TOKEN_DICTIONARY } from "@ktp/core/universal/identity/dictionary";
import { encodePresentation, parsePresentation, QR_PREFIX } from "@ktp/core/universal/identity/token";
import { VERIFY_REASONS, type VerifyReason } from "@ktp/core/universal/verifier";
import { e2eEnv } from "@ktp/testing/e2e-env";
import { CITIZEN, expect, signInTeller, test } from "./fixtures.ts";

// Every reason a QR is refused, through the scan page as a teller meets it (issue 11): each bad QR
// pasted into the page gets a red verdict with its reason in plain Indonesian.
test.describe.configure({ timeout: 120_000 });

// cbor-x is @ktp/core's dependency (not hoisted), loaded from there.
const { Encoder, Tag } = createRequire(path.resolve(import.meta.dirname, "../../../packages/core/package.json"))("cbor-x") as typeof import("../../../packages/core/node_modules/cbor-x");
const cbor = new Encoder({ useRecords: false, mapsAsObjects: false, tagUint8Array: false, variableMapSize: true });

/** The same token with its COSE_Sign1 parts changed (and its signature left as it was). */
function tampered(qr: string, change: (parts: unknown[]) => void): string {
  const sign1 = cbor.decode(inflateSync(fromBase45(qr.slice(QR_PREFIX.length)), { dictionary: TOKEN_DICTIONARY })) as InstanceType<typeof Tag>;
  const parts = [...(sign1.value as unknown[])];
  change(parts);
  return QR_PREFIX + toBase45(deflateSync(cbor.encode(new Tag(parts, 18)), { dictionary: TOKEN_DICTIONARY }));
}

test("each bad QR shows its own reason on the scan page", async ({ page, db, approvedOrg, staff, signedInCitizen }) => {
  const org = await approvedOrg("PT Bank Alasan E2E", ["bank", "age17"]);
  const teller = await staff(org);
  await signInTeller(page, teller);

  const sealKey = deriveKey(e2eEnv.appSecret(), "issuer-keys");
  const issue = async (nama: string, purpose: "bank" | "airport" | "age17") => {
    const { nik, registrationId } = await signedInCitizen(nama);
    const { qr } = await issueOnlinePresentation({ db, sealKey, issuer: CITIZEN, registrationId, nik, purpose });
    return { qr, registrationId };
  };
  const key = await getSigningKey({ db, sealKey, use: "IDENTITY" });
  const fresh = await issue("ANDI ALASAN", "bank");
  const revoked = await issue("BUDI DICABUT", "bank");
  await db.device.updateMany({ where: { registrationId: revoked.registrationId }, data: { revokedAt: new Date() } });
  const locked = await issue("CITRA TERKUNCI", "bank");
  await db.registration.update({ where: { id: locked.registrationId }, data: { lockedAt: new Date() } });
  const taken = await issue("DEWI DIPAKAI", "bank");
  const otherBank = await approvedOrg("PT Bank Lain E2E", ["bank"]);
  await verifyPresentation({ db, sealKey, issuer: CITIZEN, org: { ...otherBank, purposes: ["bank"] }, token: taken.qr, purpose: "bank" });

  // Signed by the real key, its window moved by `seconds`.
  const shifted = (seconds: number) => {
    const { claims } = parsePresentation(fresh.qr);
    return encodePresentation({ ...claims, iat: claims.iat + seconds, exp: claims.exp + seconds }, key);
  };
  const cases: [string, string, VerifyReason][] = [
    ["not a KTP Digital QR", "https://contoh.id/bukan-ktp", "TOKEN_MALFORMED"],
    [
      "alg: none (not EdDSA)",
      tampered(
        fresh.qr,
        (parts) =>
          (parts[0] = cbor.encode(
            new Map<number, unknown>([
              [1, 0],
              [4, new Uint8Array([1, 2, 3])],
            ]),
          )),
      ),
      "TOKEN_MALFORMED",
    ],
    [
      "its signature altered",
      tampered(fresh.qr, (parts) => {
        const signature = Uint8Array.from(parts[3] as Uint8Array);
        signature[0] = signature[0]! ^ 0xff;
        parts[3] = signature;
      }),
      "TOKEN_BAD_SIGNATURE",
    ],
    ["signed by an unknown key", await encodePresentation(parsePresentation(fresh.qr).claims, { kid: "AAAAAAAA", sign: key.sign }), "TOKEN_UNKNOWN_KEY"],
    ["expired ten minutes ago", await shifted(-600), "TOKEN_EXPIRED"],
    ["valid only in ten minutes", await shifted(600), "TOKEN_NOT_YET_VALID"],
    ["revoked (lost phone reset)", revoked.qr, "TOKEN_REVOKED"],
    ["locked by the citizen", locked.qr, "IDENTITY_LOCKED"],
    ["shared for the airport, asked for the age check", (await issue("GITA BANDARA", "airport")).qr, "NOT_SHARED"],
    ["already used by another organisation", taken.qr, "PRESENTATION_USED"],
  ];
  const verdict = page.getByTestId("verdict");
  for (const [what, qr, reason] of cases) {
    await page.getByLabel("Keperluan").selectOption(reason === "NOT_SHARED" ? "age17" : "bank");
    await page.getByLabel("Atau tempel isi QR (KTP1:…)").fill(qr);
    await page.getByRole("button", { name: "Periksa" }).click();
    await expect(verdict, what).toHaveAttribute("data-reason", reason);
    await expect(verdict, what).toHaveAttribute("data-verdict", "invalid");
    await expect(verdict, what).toContainText(VERIFY_REASONS[reason].id);
  }
  // Each refusal is one verification row of this organisation, with its reason.
  const rows = await db.verification.findMany({ where: { orgId: org.id }, select: { reason: true } });
  expect(rows.map((r) => r.reason).sort()).toEqual(cases.map(([, , reason]) => reason).sort());
});
